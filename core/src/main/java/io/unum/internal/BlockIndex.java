package io.unum.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An inverted index from 64-bit blocking-key hashes to {@link Block}s: an open-addressing hash
 * table with linear probing and backward-shift deletion. Keys are already keyed hashes, so a
 * cheap mix spreads them. Not thread-safe: concurrent reads only while no write is in progress.
 *
 * <h2>Design</h2>
 * A key's home slot is the <em>top</em> bits of its mixed hash, so the slots keep the order of
 * the mixed hashes whatever the table's size: growing copies the table in one forward sweep, and
 * many keys inserted in their {@link #sweepPlaces} order touch the table front to back instead of at random
 * (filling a million-record store's eight million memberships one at a time was a cache miss or
 * more per key: the largest cost of opening it).
 */
final class BlockIndex {
    /** The bits of the mixed hash that {@link #sweepPlaces} sorts by: 4,096 regions. */
    private static final int REGION_BITS = 12;

    private long[] keys;
    private Block[] blocks;
    private int size;
    private int mask;
    /** {@code 64 - log2(capacity)}: a key's home slot is its mixed hash shifted right by this. */
    private int shift;

    BlockIndex() {
        clear();
    }

    int size() {
        return size;
    }

    /** The table's slots (a power of two; at most half of them used). */
    int capacity() {
        return blocks.length;
    }

    Block get(long key) {
        int i = slot(key);
        while (true) {
            Block b = blocks[i];
            if (b == null) {
                return null;
            }
            if (keys[i] == key) {
                return b;
            }
            i = (i + 1) & mask;
        }
    }

    Block getOrCreate(long key, int tag) {
        int i = slot(key);
        while (true) {
            Block b = blocks[i];
            if (b == null) {
                b = new Block(key, tag);
                keys[i] = key;
                blocks[i] = b;
                if (++size * 2 > blocks.length) {
                    grow();
                }
                return b;
            }
            if (keys[i] == key) {
                return b;
            }
            i = (i + 1) & mask;
        }
    }

    void remove(long key) {
        int i = slot(key);
        while (true) {
            if (blocks[i] == null) {
                return;
            }
            if (keys[i] == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        blocks[i] = null;
        size--;
        // backward-shift deletion keeps probe sequences intact without tombstones
        int hole = i;
        int j = (i + 1) & mask;
        while (blocks[j] != null) {
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                blocks[hole] = blocks[j];
                blocks[j] = null;
                hole = j;
            }
            j = (j + 1) & mask;
        }
    }

    void forEach(Consumer<? super Block> action) {
        for (Block b : blocks) {
            if (b != null) {
                action.accept(b);
            }
        }
    }

    void clear() {
        keys = new long[16];
        blocks = new Block[16];
        mask = 15;
        shift = 64 - 4;
        size = 0;
    }

    /** Fewer memberships than this are swept in their given order (sorting them would cost more). */
    static final int SWEEP_MIN = 4096;

    /** Memberships in the order to insert them: key, tag and ordinal at the same index. */
    record Sweep(long[] keys, int[] tags, int[] ordinals) {
    }

    /**
     * Makes room for the memberships {@code 0 .. count-1} and gives them in {@linkplain #sweepPlaces
     * sweep order} (the arrays themselves when there are fewer than {@value #SWEEP_MIN}).
     */
    Sweep sweep(long[] keys, int[] tags, int[] ordinals, int count) {
        if (count < SWEEP_MIN) {
            return new Sweep(keys, tags, ordinals);
        }
        int[] places = sweepPlaces(keys, count);
        Sweep sorted = new Sweep(new long[count], new int[count], new int[count]);
        for (int i = 0; i < count; i++) {
            int at = places[i];
            sorted.keys[at] = keys[i];
            sorted.tags[at] = tags[i];
            sorted.ordinals[at] = ordinals[i];
        }
        return sorted;
    }

    /**
     * Makes room for {@code keys[0 .. count-1]} and returns, for each, its place in the order to
     * insert them so that the inserts sweep the table once: by the top bits of their mixed hash
     * (which their home slots follow at any table size), positions of one region, and so of one
     * key, in their given order. A counting sort: two passes, no comparison; the caller moves its
     * entries to their places ({@link #sweep}: sequential reads, writes to 4,096 streams) and inserts them front
     * to back. The room is made first because sorted inserts must not grow the table on the way:
     * half-way through, its front half would hold nearly every key and probe sequences would run
     * for thousands of slots.
     */
    int[] sweepPlaces(long[] keys, int count) {
        reserve(count);
        int[] start = new int[(1 << REGION_BITS) + 1];
        int[] region = new int[count];
        for (int i = 0; i < count; i++) {
            region[i] = region(keys[i]);
            start[region[i] + 1]++;
        }
        for (int r = 1; r < start.length; r++) {
            start[r] += start[r - 1];
        }
        for (int i = 0; i < count; i++) {
            region[i] = start[region[i]]++; // now the place
        }
        return region;
    }

    /** Grows the table, if need be, so that {@code more} new keys fit without growing it again. */
    private void reserve(int more) {
        long needed = 2L * ((long) size + more);
        int length = blocks.length;
        while (length < needed && length < 1 << 30) {
            length <<= 1;
        }
        if (length > blocks.length) {
            rehash(length);
        }
    }

    /** The region of the table a key's home slot lies in (package-private for the tests). */
    static int region(long key) {
        return (int) (SipHash.mix(key) >>> (64 - REGION_BITS));
    }

    private int slot(long key) {
        return (int) (SipHash.mix(key) >>> shift);
    }

    private void grow() {
        rehash(blocks.length * 2);
    }

    private void rehash(int length) {
        long[] oldKeys = keys;
        Block[] oldBlocks = blocks;
        keys = new long[length];
        blocks = new Block[length];
        mask = length - 1;
        shift = 64 - Integer.numberOfTrailingZeros(length);
        for (int k = 0; k < oldBlocks.length; k++) {
            Block b = oldBlocks[k];
            if (b != null) {
                int i = slot(oldKeys[k]);
                while (blocks[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                blocks[i] = b;
            }
        }
        Arrays.fill(oldBlocks, null);
    }
}
