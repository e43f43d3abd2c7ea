package io.unum.cli;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
                    + " city, state, postcode, country, native_name, organization_name), an identifier (email, phone, national_id, customer_id,"
                    + " loyalty_id, device_id, cookie_id), or attribute:<name>, identifier:<type>, social:<network>.",
            "id: the record id column. source: one source name for all records. ignore: columns not to read."
                    + " unmapped: auto (default: recognize other columns by their header) or ignore.",
            "Column names compare trimmed, lower-case, with spaces and hyphens as underscores."})
    Path mapping;

    @Option(names = "--ignore-column", paramLabel = "NAME",
            description = "A column not to read, e.g. a ground-truth column; repeatable.")
    List<String> ignoredColumns = new ArrayList<>();

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character set of every input (default: ${DEFAULT-VALUE}), e.g. windows-1252 or ISO-8859-1."
                    + " Bytes that are not valid in it stop the command, naming the line.")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "CSV delimiter: a single character, or comma, semicolon, tab, bar. Default: detected from each"
                    + " file's header row (comma, semicolon, tab or bar); any but a comma is reported.")
    String delimiter;

    @Option(names = "--verbose", description = "Print how each column was mapped, the engine's stage times and the"
            + " wall time of each phase (read, training, resolve, write).")
    boolean verbose;

    /**
     * The inputs as files.
     *
     * @throws CommandLine.ParameterException if a file does not exist, is a directory or cannot be read
     */
    List<InputFile> files(CommandLine commandLine) {
        List<InputFile> files = new ArrayList<>();
        for (Path input : inputs) {
            files.add(InputFile.of(checkReadable(commandLine, "--input", "input file", input)));
        }
        return files;
    }

    /**
     * A file to read, checked before any work: it exists, is not a directory and may be read.
     *
     * @throws CommandLine.ParameterException naming the option, the file and the reason
     */
    static Path checkReadable(CommandLine commandLine, String option, String what, Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + file + ": is a directory; give the"
                    + " files in it, one " + option + " each");
        }
        if (!Files.exists(file)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + file + ": " + what + " not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + file + ": not readable (permission"
                    + " denied)");
        }
        return file;
    }

    /**
     * The read options: ignored columns, the mapping file and the truth column.
     *
     * @param truthColumn the ground-truth column as given by the user, or {@code null}
     * @throws CommandLine.ParameterException if the mapping file does not exist, or the encoding or
     *         delimiter is not valid
     * @throws IllegalArgumentException if the mapping file is invalid
     */
    ReadOptions readOptions(CommandLine commandLine, String truthColumn) {
        Set<String> ignored = new HashSet<>();
        for (String column : ignoredColumns) {
            ignored.add(ColumnMapping.normalize(column));
        }
        InputMapping inputMapping = InputMapping.NONE;
        if (mapping != null) {
            inputMapping = InputMapping.read(checkReadable(commandLine, "--mapping", "mapping file", mapping));
        }
        return new ReadOptions(ignored, inputMapping, truthColumn == null ? null : ColumnMapping.normalize(truthColumn),
                format, charset(commandLine), delimiter(commandLine));
    }

    private Charset charset(CommandLine commandLine) {
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalArgumentException e) { // IllegalCharsetName-, UnsupportedCharsetException
            throw new CommandLine.ParameterException(commandLine, "--encoding " + encoding + ": not a character set this"
                    + " Java knows; e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16");
        }
    }

    private Character delimiter(CommandLine commandLine) {
        if (delimiter == null) {
            return null;
        }
        String named = switch (delimiter.strip().toLowerCase(Locale.ROOT)) {
            case "comma" -> ",";
            case "semicolon" -> ";";
            case "tab", "\\t" -> "\t";
            case "bar", "pipe" -> "|";
            default -> delimiter;
        };
        if (named.length() != 1 || named.charAt(0) == '"' || named.charAt(0) == '\n' || named.charAt(0) == '\r') {
            throw new CommandLine.ParameterException(commandLine, "--delimiter " + delimiter + ": expected one character"
                    + " other than a quote or line break, or comma, semicolon, tab, bar");
        }
        return named.charAt(0);
    }
}
