package io.unum.store.jdbc;

/**
 * What a transaction did to one record's row of {@code unum_records}, so that {@link JdbcTransaction}
 * writes only that on commit: inserted (the whole row), profile changed, features replaced, block
 * memberships added and removed. Confined to the transaction's thread.
 */
final class RowChange {
    private static final long[] NO_KEYS = new long[0];
    private static final int[] NO_TAGS = new int[0];

    /** Inserted in this transaction: the whole row is written. */
    boolean inserted;
    boolean profile;
    /** The derived data was replaced: its stored form is written. */
    boolean features;
    /** Membership changes: keys added with their tags (in order), keys removed (few per record: arrays). */
    long[] added = NO_KEYS;
    int[] tags = NO_TAGS;
    int addedCount;
    long[] removed = NO_KEYS;
    int removedCount;

    void add(long key, int tag) {
        removedCount = without(removed, removedCount, key);
        for (int i = 0; i < addedCount; i++) {
            if (added[i] == key) {
                tags[i] = tag;
                return;
            }
        }
        if (addedCount == added.length) {
            added = java.util.Arrays.copyOf(added, Math.max(4, addedCount * 2));
            tags = java.util.Arrays.copyOf(tags, added.length);
        }
        added[addedCount] = key;
        tags[addedCount++] = tag;
    }

    void remove(long key) {
        for (int i = 0; i < addedCount; i++) {
            if (added[i] == key) {
                System.arraycopy(added, i + 1, added, i, addedCount - i - 1);
                System.arraycopy(tags, i + 1, tags, i, addedCount - i - 1);
                addedCount--;
                return;
            }
        }
        if (removedCount == removed.length) {
            removed = java.util.Arrays.copyOf(removed, Math.max(4, removedCount * 2));
        }
        removed[removedCount++] = key;
    }

    void clearMembership() {
        addedCount = 0;
        removedCount = 0;
    }

    boolean membershipChanged() {
        return addedCount > 0 || removedCount > 0;
    }

    private static int without(long[] keys, int count, long key) {
        for (int i = 0; i < count; i++) {
            if (keys[i] == key) {
                keys[i] = keys[count - 1];
                return count - 1;
            }
        }
        return count;
    }
}
