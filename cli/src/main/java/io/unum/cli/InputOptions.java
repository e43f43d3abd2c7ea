package io.unum.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The input options that {@code resolve} and {@code evaluate} share (a picocli mixin). */
final class InputOptions {

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "CSV file with a header row, or JSON lines; repeat for several sources.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format of every input: ${COMPLETION-CANDIDATES}. Default: by file extension: .jsonl, .ndjson"
                    + " and .json are JSON lines (one object per line; nested objects and arrays are flattened), anything"
                    + " else is CSV.")
    InputFormat format;

    @Option(names = "--mapping", paramLabel = "FILE.json", description = {
            "JSON file saying what the input columns mean, for example",
            "{\"columns\": {\"cust_no\": \"customer_id\", \"fname\": \"first_name\", \"e_mail\": \"email\"}, "
                    + "\"id\": \"cust_no\", \"source\": \"crm\", \"ignore\": [\"cluster\"], \"unmapped\": \"auto\"}",
            "columns: input column to field; a field is record_id, source, observed_at, ignore, an attribute (first_name,"
                    + " middle_name, last_name, full_name, date_of_birth, gender, street_number, address_1, address_2,"
                    + " city, state, postcode, country), an identifier (email, phone, national_id, customer_id,"
                    + " loyalty_id, device_id, cookie_id), or attribute:<name>, identifier:<type>, social:<network>.",
            "id: the record id column. source: one source name for all records. ignore: columns not to read."
                    + " unmapped: auto (default: recognize other columns by their header) or ignore.",
            "Column names compare trimmed, lower-case, with spaces and hyphens as underscores."})
    Path mapping;

    @Option(names = "--ignore-column", paramLabel = "NAME",
            description = "A column not to read, e.g. a ground-truth column; repeatable.")
    List<String> ignoredColumns = new ArrayList<>();

    @Option(names = "--verbose", description = "Print how each column was mapped.")
    boolean verbose;

    /**
     * The inputs as files.
     *
     * @throws CommandLine.ParameterException if a file does not exist
     */
    List<InputFile> files(CommandLine commandLine) {
        List<InputFile> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new CommandLine.ParameterException(commandLine, "input file not found: " + input);
            }
            files.add(InputFile.of(input));
        }
        return files;
    }

    /**
     * The read options: ignored columns, the mapping file and the truth column.
     *
     * @param truthColumn the ground-truth column as given by the user, or {@code null}
     * @throws CommandLine.ParameterException if the mapping file does not exist
     * @throws IllegalArgumentException if the mapping file is invalid
     */
    ReadOptions readOptions(CommandLine commandLine, String truthColumn) {
        Set<String> ignored = new HashSet<>();
        for (String column : ignoredColumns) {
            ignored.add(ColumnMapping.normalize(column));
        }
        InputMapping inputMapping = InputMapping.NONE;
        if (mapping != null) {
            if (!Files.isRegularFile(mapping)) {
                throw new CommandLine.ParameterException(commandLine, "mapping file not found: " + mapping);
            }
            inputMapping = InputMapping.read(mapping);
        }
        return new ReadOptions(ignored, inputMapping, truthColumn == null ? null : ColumnMapping.normalize(truthColumn),
                format);
    }
}
