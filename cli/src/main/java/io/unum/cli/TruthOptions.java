package io.unum.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The ground-truth options of {@code evaluate} and {@code report}, validated in one place. */
final class TruthOptions {

    private TruthOptions() {
    }

    /** Where the ground truth comes from: at most one of these (a picocli exclusive group). */
    static final class Source {
        @Option(names = "--truth", paramLabel = "TRUTH.csv", description = "CSV file with a header: the record id"
                + " column, optionally a source column, and the entity column, found by their names (record_id,person_id;"
                + " DATA_SOURCE,RECORD_ID,CLUSTER_ID; ...). Without a source column, rows join on the record id alone"
                + " (or on source/id, as clusters.csv writes colliding ids).")
        Path file;

        @Option(names = "--truth-column", paramLabel = "NAME",
                description = "A column of the inputs holding the true entity (e.g. cluster); never read as data.")
        String column;

        @Option(names = "--truth-pattern", paramLabel = "REGEX", description = "A regular expression found in each"
                + " record id; its first group (or the whole match) is the true entity, e.g. 'rec-(\\d+)' for FEBRL.")
        String pattern;
    }

    /** The truth file's columns, when their names are not recognized (a picocli mixin). */
    static final class FileColumns {
        @Option(names = "--truth-key-columns", paramLabel = "[SOURCE,]ID", split = ",",
                description = "The truth file's record key columns, when their names are not recognized.")
        List<String> keyColumns = new ArrayList<>();

        @Option(names = "--truth-entity-column", paramLabel = "NAME",
                description = "The truth file's entity column, when its name is not recognized.")
        String entityColumn;
    }

    /**
     * A validated ground truth: a file, a pattern or a column of the inputs, or none.
     *
     * @param file the truth file, or {@code null}
     * @param pattern the record-id pattern, or {@code null}
     * @param column the truth column of the inputs, or {@code null}
     * @param columns the truth file's column names
     */
    record Spec(InputFile file, Pattern pattern, String column, FileColumns columns) {

        /**
         * Validates the options; without a source and on the bundled sample, the sample's truth.
         *
         * @throws CommandLine.ParameterException naming the option at fault
         */
        static Spec of(CommandLine commandLine, Source source, FileColumns columns, boolean sample) {
            InputFile file = null;
            if (source != null && source.file != null) {
                file = InputFile.of(InputOptions.checkReadable(commandLine, "--truth", "truth file", source.file));
            } else if (source == null && sample) {
                file = ResolveCommand.SAMPLE_TRUTH;
            }
            if (file == null && (!columns.keyColumns.isEmpty() || columns.entityColumn != null)) {
                throw new CommandLine.ParameterException(commandLine,
                        "--truth-key-columns and --truth-entity-column describe a --truth file");
            }
            Pattern pattern = null;
            if (source != null && source.pattern != null) {
                try {
                    pattern = Pattern.compile(source.pattern);
                } catch (PatternSyntaxException e) {
                    throw new CommandLine.ParameterException(commandLine, "--truth-pattern is not a regular expression: "
                            + e.getDescription() + " near index " + e.getIndex());
                }
            }
            return new Spec(file, pattern, source == null ? null : source.column, columns);
        }

        /** The labels of the rows read, or {@code null} without a ground truth. */
        GroundTruth.Labels labels(List<Inputs.Row> rows) {
            if (file != null) {
                return GroundTruth.fromFile(rows, file, columns.keyColumns, columns.entityColumn);
            }
            if (pattern != null) {
                return GroundTruth.fromPattern(rows, pattern);
            }
            return column == null ? null : GroundTruth.fromColumn(rows, column);
        }
    }
}
