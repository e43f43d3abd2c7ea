package io.unum.cli;

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
 */
record ReadOptions(Set<String> ignored, InputMapping mapping, String truthColumn, InputFormat format) {

    /** Header recognition only. */
    static final ReadOptions DEFAULTS = new ReadOptions(Set.of(), InputMapping.NONE, null, null);

    ReadOptions {
        ignored = Set.copyOf(Objects.requireNonNull(ignored, "ignored"));
        Objects.requireNonNull(mapping, "mapping");
    }

    /** The format of one input. */
    InputFormat formatOf(InputFile input) {
        return format != null ? format : InputFormat.of(input.name());
    }
}
