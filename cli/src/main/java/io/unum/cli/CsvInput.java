package io.unum.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV file with a header row into records. Values are trimmed (FEBRL-style files with a
 * space after each comma read correctly); empty cells are absent.
 *
 * <p>The text is decoded strictly ({@link InputText}: bytes invalid in the character set, or
 * binary data, stop the read naming the line). The delimiter is {@code --delimiter}, else the
 * one of comma, semicolon, tab and bar that occurs most often outside quotes in the header row
 * ({@link #detectDelimiter}); any other than a comma is reported as a warning, so that a wrong
 * guess is seen. A header row that names one column twice (compared as
 * {@link ColumnMapping#normalize normalized} names) is refused, since the two columns could not
 * be told apart by a mapping. An empty file is refused; a header row without records is a
 * warning. A CSV syntax error (an unbalanced quote) names the line where the faulty value starts
 * and the reason.
 *
 * <p>The record's source is its source column, else the mapping's fixed source, else the file's
 * name without its extension. Its id is its id column; a file without one, or a row with a blank
 * id, gets {@code row-N} (N counting data rows from 1) and a warning; a mapping that names an id
 * column the file lacks is an error. An {@code observed_at} value that is not an ISO-8601
 * instant, date-time or date is treated as absent, with a warning. Messages name the file, row,
 * line and column, never a value.
 */
final class CsvInput {

    /** The delimiters detected, in order of preference on a tie. */
    static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    private static final Pattern START_LINE = Pattern.compile("\\(startline ([\\d,]+)\\)");
    private static final Pattern AT_LINE = Pattern.compile("at line: ([\\d,]+)");

    private CsvInput() {
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
    }

    static void read(InputFile input, ReadOptions options, ReadProgress progress, List<Inputs.Row> rows,
            List<String> warnings, List<String> summaries, List<String> columnsFound) {
        BufferedReader reader = null;
        CSVParser parser;
        char delimiter;
        try {
            reader = new BufferedReader(InputText.open(input, options.charset(), progress), 1 << 16);
            reader.mark(1 << 20); // the header row may be long; BufferedReader grows to this
            String first = readFirstLine(reader);
            reader.reset();
            if (first == null) {
                throw new InputException(input.name() + ": empty input (no header row, no records)");
            }
            delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(first);
            parser = CSVParser.builder().setReader(reader).setFormat(format(delimiter)).get();
        } catch (CSVException e) {
            closeQuietly(reader);
            throw syntaxError(input, "the header row", e, 1);
        } catch (IOException e) {
            closeQuietly(reader);
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalStateException e) {
            closeQuietly(reader);
            throw syntaxError(input, "the header row", e, 1);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
        long lastLine = 1;
        try (parser) {
            List<String> headers = parser.getHeaderNames();
            checkHeaders(input, headers);
            if (options.delimiter() == null && delimiter != ',') {
                warnings.add(input.name() + ": columns separated by " + describe(delimiter) + " (detected from the header"
                        + " row; --delimiter chooses another)");
            }
            options.mapping().checkIdColumn(input.name(), headers);
            columnsFound.addAll(headers);
            ColumnMapping mapping = ColumnMapping.of(headers, options);
            summaries.add(input.name() + " (delimiter " + describe(delimiter) + "): " + mapping.describe());
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
            long[] number = {0};
            Assembly assembly = new Assembly(batch -> {
                for (CSVRecord csv : batch) {
                    long n = ++number[0];
                    assembler.begin(n);
                    int cells = Math.min(csv.size(), targets.size());
                    for (int c = 0; c < cells; c++) {
                        assembler.add(headers.get(c), targets.get(c), csv.get(c));
                    }
                    if (idColumn >= 0 && !assembler.hasId()) {
                        warnings.add(input.name() + " row " + n + ": blank record id; using row-" + n);
                    }
                    if (csv.size() > targets.size()) {
                        warnings.add(input.name() + " row " + n + ": " + (csv.size() - targets.size())
                                + " cells beyond the header were not read");
                    }
                    rows.add(assembler.finish(options.mapping().source()));
                }
            });
            lastLine = parser.getCurrentLineNumber();
            try {
                List<CSVRecord> batch = new ArrayList<>(Assembly.BATCH);
                for (CSVRecord csv : parser) {
                    lastLine = parser.getCurrentLineNumber();
                    batch.add(csv);
                    if (batch.size() == Assembly.BATCH) {
                        assembly.hand(batch);
                        batch = new ArrayList<>(Assembly.BATCH);
                    }
                }
                assembly.hand(batch);
                assembly.finish();
            } catch (RuntimeException | Error e) {
                assembly.finish(); // an earlier row's problem comes first
                throw e;
            }
            if (number[0] == 0) {
                warnings.add(input.name() + ": a header row but no records");
            }
        } catch (CSVException e) {
            throw syntaxError(input, "a record", e, lastLine + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                throw syntaxError(input, "a record", e, lastLine + 1);
            }
            throw new UncheckedIOException("cannot read " + input.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalStateException e) {
            throw syntaxError(input, "a record", e, lastLine + 1);
        }
    }

    /**
     * Turns parsed rows into records on a thread of its own while the parser reads on, in the
     * order handed over (parsing is about two thirds of a read, assembling the rest). A failure
     * while assembling is rethrown by {@link #finish} on the reading thread; rows handed over
     * after it are dropped unread.
     */
    private static final class Assembly {
        static final int BATCH = 1024;
        private static final List<CSVRecord> END = List.of();

        private final java.util.concurrent.BlockingQueue<List<CSVRecord>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(16);
        private final Thread thread;
        private volatile RuntimeException failure;
        private boolean finished;

        Assembly(java.util.function.Consumer<List<CSVRecord>> assemble) {
            thread = new Thread(() -> {
                for (List<CSVRecord> batch = take(); batch != END; batch = take()) {
                    if (failure == null) {
                        try {
                            assemble.accept(batch);
                        } catch (RuntimeException e) {
                            failure = e; // keep taking, so that the reader never waits on a full queue
                        }
                    }
                }
            }, "unum-csv-assembler");
            thread.setDaemon(true);
            thread.start();
        }

        private List<CSVRecord> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while reading records", e);
                return END;
            }
        }

        /** Hands a batch over, or rethrows the failure of an earlier one. */
        void hand(List<CSVRecord> batch) {
            RuntimeException f = failure;
            if (f != null) {
                finish();
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
        }

        private void put(List<CSVRecord> batch) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading records", e);
            }
        }

        /** Waits until every batch handed over is assembled; rethrows an assembling failure. */
        void finish() {
            if (!finished) {
                finished = true;
                put(END);
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading records", e);
                }
            }
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
        }
    }

    /**
     * The delimiter of a header row: the one of {@link #DELIMITERS} that occurs most often outside
     * double quotes (the first listed on a tie), or a comma when none occurs (one column).
     */
    static char detectDelimiter(String headerRow) {
        Map<Character, Integer> counts = new HashMap<>();
        boolean quoted = false;
        for (int i = 0; i < headerRow.length(); i++) {
            char c = headerRow.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && DELIMITERS.contains(c)) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        char best = ',';
        int most = 0;
        for (char candidate : DELIMITERS) {
            int count = counts.getOrDefault(candidate, 0);
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    /** The delimiter as a person names it. */
    static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "commas";
            case ';' -> "semicolons";
            case '\t' -> "tabs";
            case '|' -> "bars (|)";
            default -> "'" + delimiter + "'";
        };
    }

    /** Refuses a header row that names a column twice. */
    private static void checkHeaders(InputFile input, List<String> headers) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = ColumnMapping.normalize(headers.get(i));
            if (name.isEmpty()) {
                continue;
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new InputException(input.name() + ": the header row names column " + headers.get(i).strip()
                        + " twice (columns " + (before + 1) + " and " + (i + 1) + (headers.get(before).strip()
                        .equals(headers.get(i).strip()) ? "" : ", " + headers.get(before).strip() + " and "
                        + headers.get(i).strip() + " compare equal") + "); rename one, or drop one");
            }
        }
    }

    /** The first non-blank line, or {@code null} when there is none. */
    private static String readFirstLine(BufferedReader reader) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.replace("\uFEFF", "").isBlank()) { // a byte order mark alone is no header
                return line;
            }
        }
        return null;
    }

    /**
     * The error for a CSV syntax error: the line where the faulty value starts, and why.
     *
     * @param what what was being read, e.g. "the header row"
     * @param fallbackLine the line to name when the parser does not say
     */
    private static InputException syntaxError(InputFile input, String what, Exception e, long fallbackLine) {
        Throwable cause = e instanceof CSVException || e.getCause() == null ? e : e.getCause();
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String reason;
        Matcher start = START_LINE.matcher(message);
        Matcher at = AT_LINE.matcher(message);
        long line = fallbackLine;
        if (message.contains("EOF reached before encapsulated token finished")) {
            if (start.find()) {
                line = number(start.group(1));
            }
            reason = "a quoted value starts here and is never closed (an unbalanced \")";
        } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
            if (at.find()) {
                line = number(at.group(1));
            }
            reason = "text follows a quoted value's closing \" before the next delimiter (a \" inside a quoted value"
                    + " must be doubled: \"\")";
        } else {
            reason = "not valid CSV";
        }
        return new InputException(input.name() + " line " + line + ": cannot read " + what + ": " + reason, e);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", "").toLowerCase(Locale.ROOT));
    }

    private static void closeQuietly(java.io.Reader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the first problem is the one to report
            }
        }
    }
}
