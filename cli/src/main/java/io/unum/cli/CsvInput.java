package io.unum.cli;

import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV files into {@link SourceRecord}s using a {@link ColumnMapping}. Values are trimmed
 * (FEBRL-style files with a space after each comma read correctly); empty cells are absent.
 *
 * <p>The record's source is its {@code source} column, or else the file's name without its
 * extension. Its id is its id column; a file without one, or a row with a blank id, gets
 * {@code row-N} (N counting data rows from 1) and a warning. An {@code observed_at} value that is
 * not an ISO-8601 instant, date-time or date is treated as absent, with a warning. Warnings name
 * the file, row and column, never the value.
 */
final class CsvInput {

    /** One readable input: a file or a bundled resource. */
    record InputFile(String name, Opener opener) {
        InputFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(opener, "opener");
        }

        static InputFile of(Path path) {
            return new InputFile(path.getFileName().toString(), () -> Files.newBufferedReader(path, StandardCharsets.UTF_8));
        }

        static InputFile resource(String name, String resource) {
            return new InputFile(name, () -> {
                InputStream in = CsvInput.class.getResourceAsStream(resource);
                if (in == null) {
                    throw new IOException("bundled resource missing: " + resource);
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            });
        }

        /** The file name without its extension. */
        String baseName() {
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }

    /** Opens a reader. */
    @FunctionalInterface
    interface Opener {
        Reader open() throws IOException;
    }

    /** One data row and the record made from it. */
    record Row(String file, long number, SourceRecord record) {
    }

    /** Everything read from the inputs. */
    record Batch(List<Row> rows, List<String> warnings, List<String> columnSummaries) {
        List<SourceRecord> records() {
            List<SourceRecord> records = new ArrayList<>(rows.size());
            for (Row row : rows) {
                records.add(row.record());
            }
            return records;
        }
    }

    private CsvInput() {
    }

    /**
     * Reads every input.
     *
     * @param inputs the files, in order
     * @param ignoredColumns normalized header names not to read
     * @throws UncheckedIOException if a file cannot be read or parsed
     */
    static Batch read(List<InputFile> inputs, Set<String> ignoredColumns) {
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (InputFile input : inputs) {
            readOne(input, ignoredColumns, rows, warnings, summaries);
        }
        return new Batch(rows, warnings, summaries);
    }

    private static void readOne(InputFile input, Set<String> ignored, List<Row> rows, List<String> warnings,
            List<String> summaries) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (Reader reader = input.opener().open(); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> headers = parser.getHeaderNames();
            ColumnMapping mapping = ColumnMapping.of(headers, ignored);
            summaries.add(input.name() + ": " + mapping.describe());
            int idColumn = mapping.indexOf(ColumnTarget.Id.class);
            if (idColumn < 0) {
                warnings.add(input.name() + ": no record id column; records are numbered row-1, row-2, ...");
            }
            List<ColumnTarget> targets = mapping.targets();
            String defaultSource = input.baseName();
            long number = 0;
            int observedWarnings = 0;
            for (CSVRecord csv : parser) {
                number++;
                String id = idColumn >= 0 && idColumn < csv.size() ? csv.get(idColumn) : "";
                if (id.isEmpty()) {
                    id = "row-" + number;
                    if (idColumn >= 0) {
                        warnings.add(input.name() + " row " + number + ": blank record id; using " + id);
                    }
                }
                String source = defaultSource;
                int sourceColumn = mapping.indexOf(ColumnTarget.Source.class);
                if (sourceColumn >= 0 && sourceColumn < csv.size() && !csv.get(sourceColumn).isEmpty()) {
                    source = csv.get(sourceColumn);
                }
                SourceRecord.Builder builder = SourceRecord.builder(RecordKey.of(source, id));
                for (int c = 0; c < csv.size() && c < targets.size(); c++) {
                    String value = csv.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    ColumnTarget target = targets.get(c);
                    if (target instanceof ColumnTarget.Attribute a) {
                        builder.attribute(a.name(), value);
                    } else if (target instanceof ColumnTarget.Identifier i) {
                        builder.identifier(i.type(), value);
                    } else if (target instanceof ColumnTarget.ObservedAt) {
                        Instant at = parseInstant(value);
                        if (at != null) {
                            builder.observedAt(at);
                        } else if (observedWarnings++ < 5) {
                            warnings.add(input.name() + " row " + number + ": column " + headers.get(c).strip()
                                    + " is not an ISO-8601 instant or date; treated as absent");
                        }
                    }
                }
                if (csv.size() > targets.size()) {
                    warnings.add(input.name() + " row " + number + ": " + (csv.size() - targets.size())
                            + " cells beyond the header were not read");
                }
                rows.add(new Row(input.name(), number, builder.build()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("cannot parse " + input.name() + " as CSV with a header row: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** An ISO instant, a local date-time (taken as UTC) or a date (start of day UTC); else {@code null}. */
    static Instant parseInstant(String value) {
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Lower-case file extension, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
