package io.unum.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The blocks a transaction changed, in the order it first changed them: an append-only list of
 * fixed-size chunks. A transaction that fills an empty store changes every block (millions when
 * a large store opens); an {@code ArrayList} that grows by copying its whole array had been the
 * largest allocation of the open and its copies a tenth of the loading thread's time. Appending
 * here never copies an element. Not thread-safe.
 */
final class ChangedBlocks {

    private static final int CHUNK = 4096;

    private Block[][] chunks = new Block[4][];
    private int size;

    int size() {
        return size;
    }

    /** Appends a block: constant time, no copy of earlier elements. */
    void add(Block block) {
        int chunk = size / CHUNK;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        Block[] c = chunks[chunk];
        if (c == null) {
            c = new Block[CHUNK];
            chunks[chunk] = c;
        }
        c[size % CHUNK] = block;
        size++;
    }

    /** Calls {@code action} for each block in the order they were added. */
    void forEach(Consumer<? super Block> action) {
        for (int i = 0; i < size; i++) {
            action.accept(chunks[i / CHUNK][i % CHUNK]);
        }
    }

    /** Forgets every block (and the chunks that held them). */
    void clear() {
        chunks = new Block[4][];
        size = 0;
    }
}
