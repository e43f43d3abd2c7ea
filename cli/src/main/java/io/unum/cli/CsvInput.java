package io.unum.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row into records. Values are trimmed (FEBRL-style files with a
 * space after each comma read correctly); empty cells are absent.
 *
 * <p>The record's source is its source column, else the mapping's fixed source, else the file's
 * name without its extension. Its id is its id column; a file without one, or a row with a blank
 * id, gets {@code row-N} (N counting data rows from 1) and a warning. An {@code observed_at}
 * value that is not an ISO-8601 instant, date-time or date is treated as absent, with a warning.
 * Warnings name the file, row and column, never the value.
 */
final class CsvInput {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    private CsvInput() {
    }

    static void read(InputFile input, ReadOptions options, ReadProgress progress, List<Inputs.Row> rows,
            List<String> warnings, List<String> summaries) {
        CSVParser parser;
        Reader reader = null;
        try {
            reader = new BufferedReader(new InputStreamReader(progress.wrap(input.opener().open()), StandardCharsets.UTF_8),
                    1 << 16);
            parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException e) {
            closeQuietly(reader);
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            closeQuietly(reader);
            throw new InputException("cannot parse the header row of " + input.name() + " as CSV: "
                    + e.getClass().getSimpleName(), e);
        }
        try (parser) {
            List<String> headers = parser.getHeaderNames();
            ColumnMapping mapping = ColumnMapping.of(headers, options);
            summaries.add(input.name() + ": " + mapping.describe());
            if (options.truthColumn() != null && mapping.indexOf(ColumnTarget.Truth.class) < 0) {
                throw new InputException(input.name() + " has no column " + options.truthColumn()
                        + " (--truth-column); its columns are " + mapping.describe().keySet());
            }
            int idColumn = mapping.indexOf(ColumnTarget.Id.class);
            if (idColumn < 0) {
                warnings.add(input.name() + ": no record id column; records are numbered row-1, row-2, ...");
            }
            List<ColumnTarget> targets = mapping.targets();
            RecordAssembler assembler = new RecordAssembler(input.name(), "row", input.baseName(), warnings);
            long number = 0;
            for (CSVRecord csv : parser) {
                number++;
                assembler.begin(number);
                int cells = Math.min(csv.size(), targets.size());
                for (int c = 0; c < cells; c++) {
                    assembler.add(headers.get(c), targets.get(c), csv.get(c));
                }
                if (idColumn >= 0 && !assembler.hasId()) {
                    warnings.add(input.name() + " row " + number + ": blank record id; using row-" + number);
                }
                if (csv.size() > targets.size()) {
                    warnings.add(input.name() + " row " + number + ": " + (csv.size() - targets.size())
                            + " cells beyond the header were not read");
                }
                rows.add(assembler.finish(options.mapping().source()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputException("cannot parse " + input.name() + " as CSV with a header row (near line "
                    + parser.getCurrentLineNumber() + "): " + e.getClass().getSimpleName(), e);
        }
    }

    private static void closeQuietly(Reader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the first problem is the one to report
            }
        }
    }
}
