package io.unum.internal;

import io.unum.model.RecordKey;
import java.util.Arrays;

/**
 * Record key to ordinal: an open-addressing hash table with linear probing and backward-shift
 * deletion, parallel arrays and no entry objects (a {@code HashMap<RecordKey, Integer>} costs a
 * node and a boxed integer per record). Slots come from a SipHash of the key under a per-index
 * random secret, so that crafted keys cannot make probe sequences long. Each slot keeps its
 * key's hash (4 bytes a slot): a probe compares hashes before it reads a key object, and growing
 * the table moves slots without hashing or reading the keys again (with a million keys, the
 * rehashing of the growths had cost more than the inserts themselves). Not thread-safe:
 * concurrent reads only while nothing writes.
 */
final class KeyIndex {
    private static final java.security.SecureRandom SEEDS = new java.security.SecureRandom();
    private final long k0 = SEEDS.nextLong();
    private final long k1 = SEEDS.nextLong();
    private RecordKey[] keys = new RecordKey[16];
    private int[] hashes = new int[16];
    private int[] values = new int[16];
    private int size;
    private int mask = 15;

    int size() {
        return size;
    }

    /** The ordinal of a key, or -1. */
    int get(RecordKey key) {
        int h = hash(key);
        int i = h & mask;
        while (true) {
            RecordKey k = keys[i];
            if (k == null) {
                return -1;
            }
            if (hashes[i] == h && k.equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** Maps a key that is absent. */
    void put(RecordKey key, int value) {
        if (putIfAbsent(key, value) >= 0) {
            throw new IllegalStateException("internal error: key index already holds a key");
        }
    }

    /**
     * Maps {@code key} to {@code value} unless it is mapped already.
     *
     * @return the value the key had (nothing changed), or -1 (now mapped)
     */
    int putIfAbsent(RecordKey key, int value) {
        int h = hash(key);
        int i = h & mask;
        while (keys[i] != null) {
            if (hashes[i] == h && keys[i].equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = h;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    void remove(RecordKey key) {
        int h = hash(key);
        int i = h & mask;
        while (true) {
            if (keys[i] == null) {
                return;
            }
            if (hashes[i] == h && keys[i].equals(key)) {
                break;
            }
            i = (i + 1) & mask;
        }
        keys[i] = null;
        size--;
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != null) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                hashes[hole] = hashes[j];
                values[hole] = values[j];
                keys[j] = null;
                hole = j;
            }
            j = (j + 1) & mask;
        }
    }

    void clear() {
        keys = new RecordKey[16];
        hashes = new int[16];
        values = new int[16];
        size = 0;
        mask = 15;
    }

    private int hash(RecordKey key) {
        return (int) SipHash.hash(k0 ^ key.source().hashCode(), k1, key.id());
    }

    private void grow() {
        RecordKey[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        keys = new RecordKey[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != null) {
                int i = oldHashes[k] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                hashes[i] = oldHashes[k];
                values[i] = oldValues[k];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
