package io.unum.cli;

import io.unum.ProgressListener;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;

/**
 * Reads inputs of any {@link InputFormat} into {@link SourceRecord}s: CSV through
 * {@link CsvInput}, JSON lines through {@link JsonLinesInput}, both mapping columns with
 * {@link ColumnMapping} and building records with {@link RecordAssembler}.
 */
final class Inputs {

    /**
     * One input row and the record made from it.
     *
     * @param file the input's name
     * @param number the data row (CSV, from 1) or line (JSON lines, from 1)
     * @param record the record
     * @param truthLabel the row's ground-truth label ({@link ReadOptions#truthColumn()}), or
     *        {@code null} when there is no truth column or the row's cell is empty
     */
    record Row(String file, long number, SourceRecord record, String truthLabel) {
        Row {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(record, "record");
        }

        Row(String file, long number, SourceRecord record) {
            this(file, number, record, null);
        }
    }

    /**
     * Everything read from the inputs.
     *
     * @param rows the rows, in input order
     * @param warnings problems worth telling the user, without values
     * @param columnSummaries per input, how each column was mapped
     */
    record Batch(List<Row> rows, List<String> warnings, List<String> columnSummaries) {
        List<SourceRecord> records() {
            List<SourceRecord> records = new ArrayList<>(rows.size());
            for (Row row : rows) {
                records.add(row.record());
            }
            return records;
        }
    }

    private Inputs() {
    }

    /**
     * Checks that every column the mapping file and {@code --ignore-column} name is in some input:
     * a misspelt name would otherwise leave the column read as data, or the rows numbered.
     */
    private static void checkColumnsFound(ReadOptions options, List<String> columns) {
        Set<String> found = new HashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        for (String column : columns) {
            String name = ColumnMapping.normalize(column);
            if (!name.isEmpty() && found.add(name)) {
                shown.add(column.strip());
            }
        }
        options.mapping().checkColumnsFound(found, shown);
        for (String ignored : new TreeSet<>(options.ignored())) {
            if (!found.contains(ignored)) {
                throw new InputException("--ignore-column " + ignored + ": no input has this column; the columns found are "
                        + shown);
            }
        }
    }

    /**
     * Reads every input, in order.
     *
     * @param inputs the inputs
     * @param options how to read them
     * @param progress receives stage {@code "reading"} in bytes
     * @throws InputException if an input is malformed, empty or lacks the truth column, or a column
     *         that the mapping or {@code --ignore-column} names is in no input
     * @throws java.io.UncheckedIOException if an input cannot be read
     */
    static Batch read(List<InputFile> inputs, ReadOptions options, ProgressListener progress) {
        long total = 0;
        for (InputFile input : inputs) {
            total = input.size() < 0 || total < 0 ? -1 : total + input.size();
        }
        ReadProgress reading = new ReadProgress(progress, total);
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (InputFile input : inputs) {
            if (options.formatOf(input) == InputFormat.JSONL) {
                JsonLinesInput.read(input, options, reading, rows, warnings, summaries, columns);
            } else {
                CsvInput.read(input, options, reading, rows, warnings, summaries, columns);
            }
        }
        reading.finish();
        checkColumnsFound(options, columns);
        return new Batch(rows, warnings, summaries);
    }
}
