package io.unum.store.jdbc;

import java.util.Arrays;

/**
 * A table from names, given as UTF-8 bytes, to objects: open addressing with linear probing, at
 * most half full, keys compared byte by byte, so a look-up from a row's bytes makes no string.
 * Shared by {@link RecordDecoder}'s interned names and {@link ProfileIds}. Not thread-safe while
 * written; concurrent look-ups are safe once the writes are published.
 *
 * @param <V> the value type
 */
final class Utf8Keys<V> {

    private byte[][] keys = new byte[64][];
    private Object[] values = new Object[64];
    private int size;

    int size() {
        return size;
    }

    /** The value for the name in {@code b[from, to)}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(byte[] b, int from, int to) {
        int mask = keys.length - 1;
        for (int i = hash(b, from, to) & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (Arrays.equals(k, 0, k.length, b, from, to)) {
                return (V) values[i];
            }
        }
    }

    /** Adds a name that is not in the table; the table keeps {@code key}. */
    void put(byte[] key, V value) {
        if ((size + 1) * 2 > keys.length) {
            byte[][] oldKeys = keys;
            Object[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new Object[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(key, value);
        size++;
    }

    private void insert(byte[] key, Object value) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** The hash of {@code b[from, to)}: Java's string hash of the bytes, its high half folded in. */
    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
