package io.unum.spark;

import java.io.Serializable;

/**
 * One input row on its way through the job: its key, its cells (the record travels as the
 * cells it was read from and is mapped again where it is needed, since a {@code SourceRecord}
 * is not serializable), its blocking keys with their tags, and the issues found featurizing it.
 * A plain carrier; not thread-safe, never shared between tasks.
 */
final class Keyed implements Serializable {

    private static final long serialVersionUID = 1L;

    final String source;
    final String id;
    final String[] cells;
    /** Sorted blocking keys and their tags; {@code null} if the record is not resolved. */
    final long[] keys;
    final int[] tags;
    /** Issues: per issue, {field, problem, action}. */
    final String[][] issues;

    Keyed(String source, String id, String[] cells, long[] keys, int[] tags, String[][] issues) {
        this.source = source;
        this.id = id;
        this.cells = cells;
        this.keys = keys;
        this.tags = tags;
        this.issues = issues;
    }

    /** Whether the record is resolved. */
    boolean resolved() {
        return keys != null;
    }

    /** The key as one string that sorts as (source, id). */
    String sortKey() {
        return source + '\u0000' + id;
    }
}
