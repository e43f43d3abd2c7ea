package io.unum.cli;

/** The formats the CLI reads. */
enum InputFormat {

    /** Comma-separated values with a header row (RFC 4180; cells trimmed). */
    CSV,

    /**
     * JSON lines: one JSON object per line, flattened into columns (see {@link JsonLinesInput}).
     */
    JSONL;

    /** The format a file name suggests: {@code .jsonl}, {@code .ndjson} and {@code .json} are JSON lines, all else CSV. */
    static InputFormat of(String fileName) {
        String extension = InputFile.extension(fileName);
        return extension.equals("jsonl") || extension.equals("ndjson") || extension.equals("json") ? JSONL : CSV;
    }
}
