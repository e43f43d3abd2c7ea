package io.unum.internal;

/**
 * The records sharing one blocking-key value, with the key's namespace (rule and key index) and
 * bookkeeping for one change: the size before the change began, to detect blocks that cross
 * the size cap. Guarded by the graph's write lock.
 */
final class Block {
    final long key;
    final short rule;
    final short keyIndex;
    final IntList members = new IntList(2);
    /** Whether the key belongs to a deterministic rule: its members are linked implicitly. */
    final boolean deterministic;
    /** Scratch for component traversal: the epoch in which the block was expanded. */
    long visitedEpoch = -1;
    /** The change epoch in which {@link #sizeBefore} was recorded. */
    long touchedEpoch = -1;
    int sizeBefore;

    Block(long key, int rule, int keyIndex, boolean deterministic) {
        this.key = key;
        this.rule = (short) rule;
        this.keyIndex = (short) keyIndex;
        this.deterministic = deterministic;
    }

    int size() {
        return members.size();
    }
}
