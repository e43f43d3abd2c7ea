package io.unum.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An inverted index from 64-bit blocking-key hashes to {@link Block}s: an open-addressing hash
 * table with linear probing and backward-shift deletion. Keys are already keyed hashes, so a
 * cheap mix spreads them. Not thread-safe: concurrent reads only while no write is in progress.
 */
final class BlockIndex {
    private long[] keys;
    private Block[] blocks;
    private int size;
    private int mask;

    BlockIndex() {
        keys = new long[16];
        blocks = new Block[16];
        mask = 15;
    }

    int size() {
        return size;
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
        size = 0;
    }

    private int slot(long key) {
        return (int) SipHash.mix(key) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Block[] oldBlocks = blocks;
        keys = new long[oldKeys.length * 2];
        blocks = new Block[oldBlocks.length * 2];
        mask = blocks.length - 1;
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
