package io.unum.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * How to read inputs.
 *
 * @param ignored normalized column names not to read
 * @param mapping the mapping file's content, or {@link InputMapping#NONE}
 * @param truthColumn the normalized name of the ground-truth column, captured as each row's
 *        label and never read as data; {@code null} for none
 * @param format the format of every input, or {@code null} to go by each file's extension
 * @param charset the character set of every input (default UTF-8); bytes it cannot decode stop
 *        the read (see {@link InputText})
 * @param delimiter the CSV delimiter, or {@code null} to detect it from each file's header row
 *        (see {@link CsvInput#detectDelimiter})
 */
record ReadOptions(Set<String> ignored, InputMapping mapping, String truthColumn, InputFormat format, Charset charset,
        Character delimiter) {

    /** Header recognition only. */
    static final ReadOptions DEFAULTS = new ReadOptions(Set.of(), InputMapping.NONE, null, null);

    ReadOptions {
        ignored = Set.copyOf(Objects.requireNonNull(ignored, "ignored"));
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(charset, "charset");
    }

    /** UTF-8, the delimiter detected per file. */
    ReadOptions(Set<String> ignored, InputMapping mapping, String truthColumn, InputFormat format) {
        this(ignored, mapping, truthColumn, format, StandardCharsets.UTF_8, null);
    }

    /** The format of one input. */
    InputFormat formatOf(InputFile input) {
        return format != null ? format : InputFormat.of(input.name());
    }
}
