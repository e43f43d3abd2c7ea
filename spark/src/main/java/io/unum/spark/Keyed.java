package io.unum.spark;

import java.io.Serializable;

/**
 * One input row on its way through the job: its key, its cells (the record travels as the
 * cells it was read from and is mapped again where it is needed, since a {@code SourceRecord}
 * is not serializable), its blocking keys with their tags, the issues found featurizing it, the
 * value keys of its identifiers and, once known, which of them are generic.
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
    /** The value keys of identifier values that can be generic, sorted ({@code DistributedStages.Features#valueKeys}). */
    final long[] valueKeys;
    /** Per blocking key, the value key behind a deterministic key, else 0. */
    final long[] blockValues;
    /** The value keys of the generic values the record holds, sorted: known after the generic-values stage. */
    final long[] generic;

    Keyed(String source, String id, String[] cells, long[] keys, int[] tags, String[][] issues, long[] valueKeys,
            long[] blockValues, long[] generic) {
        this.source = source;
        this.id = id;
        this.cells = cells;
        this.keys = keys;
        this.tags = tags;
        this.issues = issues;
        this.valueKeys = valueKeys;
        this.blockValues = blockValues;
        this.generic = generic;
    }

    /** This record holding the generic values {@code generic} (sorted). */
    Keyed withGeneric(long[] generic) {
        return new Keyed(source, id, cells, keys, tags, issues, valueKeys, blockValues, generic);
    }

    /** Whether the value with this value key is generic ({@link #generic} must be known). */
    boolean generic(long valueKey) {
        return java.util.Arrays.binarySearch(generic, valueKey) >= 0;
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
