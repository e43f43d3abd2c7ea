package io.unum.internal;

/**
 * A set of {@code long}s that are already well-spread hashes (block keys): open addressing with
 * linear probing, no removal, cleared for reuse. Not thread-safe.
 */
final class LongSet {
    private long[] slots = new long[16];
    private boolean hasZero;
    private int size;

    /** Adds a value; whether it was absent. */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        int i = (int) SipHash.mix(value) & mask;
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    void clear() {
        if (size > 0) {
            slots = new long[16];
        }
        size = 0;
        hasZero = false;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = (int) SipHash.mix(value) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }
}
