package io.unum.internal;

import java.util.Arrays;

/**
 * The edges of the match graph by ordinal: per record a partner array and an edge array, and its
 * degree. Each direction is stored; callers keep the two in step. Not thread-safe: concurrent
 * reads only while nothing writes.
 */
final class Adjacency {

    private int[][] partners = new int[16][];
    private long[][] edges = new long[16][];
    private int[] degree = new int[16];

    int degree(int o) {
        return degree[o];
    }

    int partner(int o, int i) {
        return partners[o][i];
    }

    long edge(int o, int i) {
        return edges[o][i];
    }

    void ensureCapacity(int n) {
        if (n > degree.length) {
            int capacity = Math.max(n, degree.length + (degree.length >> 1));
            partners = Arrays.copyOf(partners, capacity);
            edges = Arrays.copyOf(edges, capacity);
            degree = Arrays.copyOf(degree, capacity);
        }
    }

    /** The edge from {@code a} to {@code b}, or 0. */
    long between(int a, int b) {
        int[] p = partners[a];
        for (int i = 0, n = degree[a]; i < n; i++) {
            if (p[i] == b) {
                return edges[a][i];
            }
        }
        return 0L;
    }

    /** Sets, replaces or (with 0) removes the edge from {@code a} to {@code b}, one direction. */
    void set(int a, int b, long edge) {
        int[] p = partners[a];
        int n = degree[a];
        for (int i = 0; i < n; i++) {
            if (p[i] == b) {
                if (edge == 0L) {
                    n--;
                    p[i] = p[n];
                    edges[a][i] = edges[a][n];
                    degree[a] = n;
                } else {
                    edges[a][i] = edge;
                }
                return;
            }
        }
        if (edge != 0L) {
            append(a, b, edge);
        }
    }

    /** Appends an edge from {@code a} to {@code b}, which has none (the caller knows it). */
    void append(int a, int b, long edge) {
        int n = degree[a];
        int[] p = partners[a];
        if (p == null || n == p.length) {
            int capacity = Math.max(2, n * 2);
            partners[a] = p = p == null ? new int[capacity] : Arrays.copyOf(p, capacity);
            edges[a] = edges[a] == null ? new long[capacity] : Arrays.copyOf(edges[a], capacity);
        }
        p[n] = b;
        edges[a][n] = edge;
        degree[a] = n + 1;
    }

    /** Forgets a record's (already empty) adjacency. */
    void clear(int o) {
        partners[o] = null;
        edges[o] = null;
        degree[o] = 0;
    }
}
