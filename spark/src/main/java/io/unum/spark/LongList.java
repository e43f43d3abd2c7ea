package io.unum.spark;

import java.util.Arrays;

/** A growable list of primitive longs (scratch of one task; not thread-safe). */
final class LongList {

    private long[] values = new long[8];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(long[] more) {
        for (long value : more) {
            add(value);
        }
    }

    /** The values sorted, each once. */
    long[] sortedDistinct() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int w = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (w == 0 || sorted[i] != sorted[w - 1]) {
                sorted[w++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, w);
    }
}
