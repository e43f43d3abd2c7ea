package io.unum.store.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Byte strings by ordinal, packed into large chunks: the stored form of the records' features
 * between loading a store and a graph decoding them. A chunk is large enough for the JVM to
 * allocate it outside the young generation, so the half a kilobyte per record is not copied by
 * every young collection of the load, as a million separate arrays were. {@link #get} copies out
 * (a short-lived array). Written by one thread, then read by any number.
 */
final class StoredBytes {

    /** 8 MiB: above the humongous threshold of G1 for heaps up to 16 GiB. */
    private static final int CHUNK = 8 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int used;
    /** Per ordinal: chunk index in the high 32 bits, offset in the low; -1 for none. */
    private long[] where = new long[0];
    private int[] lengths = new int[0];

    /** Keeps {@code bytes} (copied) as the value of {@code ordinal}; {@code null} keeps nothing. */
    void put(int ordinal, byte[] bytes) {
        if (ordinal >= where.length) {
            int n = Math.max(1024, Math.max(ordinal + 1, where.length * 2));
            int old = where.length;
            where = Arrays.copyOf(where, n);
            lengths = Arrays.copyOf(lengths, n);
            Arrays.fill(where, old, n, -1L);
        }
        if (bytes == null) {
            where[ordinal] = -1L;
            return;
        }
        if (bytes.length > CHUNK) {
            chunks.add(bytes.clone());
            where[ordinal] = (long) (chunks.size() - 1) << 32;
            lengths[ordinal] = bytes.length;
            current = null;
            return;
        }
        if (current == null || used + bytes.length > current.length) {
            current = new byte[CHUNK];
            chunks.add(current);
            used = 0;
        }
        System.arraycopy(bytes, 0, current, used, bytes.length);
        where[ordinal] = ((long) (chunks.size() - 1) << 32) | used;
        lengths[ordinal] = bytes.length;
        used += bytes.length;
    }

    /** A copy of the value of {@code ordinal}, or {@code null} if it has none. */
    byte[] get(int ordinal) {
        if (ordinal < 0 || ordinal >= where.length || where[ordinal] < 0) {
            return null;
        }
        long w = where[ordinal];
        int offset = (int) w;
        return Arrays.copyOfRange(chunks.get((int) (w >>> 32)), offset, offset + lengths[ordinal]);
    }
}
