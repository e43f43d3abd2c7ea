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
    /** The change epoch in which {@link #sizeBefore} was recorded. */
    long touchedEpoch = -1;
    int sizeBefore;

    Block(long key, int rule, int keyIndex) {
        this.key = key;
        this.rule = (short) rule;
        this.keyIndex = (short) keyIndex;
    }

    int size() {
        return members.size();
    }
}
