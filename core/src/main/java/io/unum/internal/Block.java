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
    /** Member record indices, unordered; the first {@link #size} are valid (no list object: most blocks hold one record). */
    private int[] members = new int[2];
    private int size;
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
        return size;
    }

    /** The {@code i}-th member's record index. */
    int member(int i) {
        return members[i];
    }

    void add(int index) {
        if (size == members.length) {
            members = java.util.Arrays.copyOf(members, size + (size >> 1) + 1);
        }
        members[size++] = index;
    }

    /** Removes one occurrence by swapping in the last member; order is not kept. */
    boolean removeValue(int index) {
        for (int i = 0; i < size; i++) {
            if (members[i] == index) {
                members[i] = members[--size];
                return true;
            }
        }
        return false;
    }
}
