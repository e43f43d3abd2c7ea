package io.unum.internal;

import java.util.Arrays;

/**
 * Counts of comparison patterns (a pattern is a {@code long}, {@link PatternLayout}; see
 * {@code Trainer.pattern}): an open-addressing hash table from pattern to count, with linear
 * probing and no boxing, because training adds millions of pairs to a few thousand patterns.
 * {@link #codes()} and {@link #counts()} list the patterns in ascending order, so that sums over
 * them (expectation–maximisation) run in an order that depends on the patterns alone. Not
 * thread-safe.
 */
final class PatternCounts {
    private long[] keys = new long[256];
    private long[] values = new long[256];
    private boolean[] used = new boolean[256];
    private int size;
    private long[] sortedCodes;
    private long[] sortedCounts;

    /** Counts one more pair with {@code code}. */
    void add(long code) {
        int mask = keys.length - 1;
        int i = (int) SipHash.mix(code) & mask;
        while (used[i]) {
            if (keys[i] == code) {
                values[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = code;
        values[i] = 1;
        sortedCodes = null;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The number of distinct patterns. */
    int size() {
        return size;
    }

    /** The distinct patterns, ascending. */
    long[] codes() {
        sort();
        return sortedCodes;
    }

    /** The count of each pattern of {@link #codes()}, in the same order. */
    long[] counts() {
        sort();
        return sortedCounts;
    }

    private void sort() {
        if (sortedCodes != null) {
            return;
        }
        long[] codes = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                codes[n++] = keys[i];
            }
        }
        Arrays.sort(codes);
        long[] counts = new long[size];
        int mask = keys.length - 1;
        for (int c = 0; c < size; c++) {
            int i = (int) SipHash.mix(codes[c]) & mask;
            while (keys[i] != codes[c] || !used[i]) {
                i = (i + 1) & mask;
            }
            counts[c] = values[i];
        }
        sortedCodes = codes;
        sortedCounts = counts;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldUsed[k]) {
                int i = (int) SipHash.mix(oldKeys[k]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }
}
