package io.unum.internal;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * A transaction's undo log for the {@link InMemoryGraphStore}: fixed-width entries of four longs
 * (an operation and three arguments) and, apart, the objects the writes replaced, read back
 * from the end by an abort. A log that is off (a transaction that began on an empty store, whose
 * abort empties the store) keeps nothing. Not thread-safe: the transaction's one writer.
 */
final class UndoLog {

    private static final long[] NONE = new long[0];

    private final boolean on;
    private long[] entries = NONE;
    private int size;
    private final ArrayList<Object> objects = new ArrayList<>();

    UndoLog(boolean on) {
        this.on = on;
    }

    /** Logs an operation and its three arguments. */
    void add(int op, long a, long b, long c) {
        if (!on) {
            return;
        }
        if (4 * size + 4 > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(64, entries.length * 2));
        }
        int p = 4 * size++;
        entries[p] = op;
        entries[p + 1] = a;
        entries[p + 2] = b;
        entries[p + 3] = c;
    }

    /** Logs an object a write replaced. */
    void keep(Object o) {
        if (on) {
            objects.add(o);
        }
    }

    /** Logs the value a map entry had before a write ({@code null}: the key was absent) as two objects and {@code op}. */
    void entry(int op, Object key, Object old) {
        if (on) {
            objects.add(key);
            objects.add(old);
            add(op, 0, 0, 0);
        }
    }

    /** Whether the log keeps anything. */
    boolean on() {
        return on;
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    int op(int i) {
        return (int) entries[4 * i];
    }

    long a(int i) {
        return entries[4 * i + 1];
    }

    long b(int i) {
        return entries[4 * i + 2];
    }

    long c(int i) {
        return entries[4 * i + 3];
    }

    /** The number of logged objects. */
    int objectCount() {
        return objects.size();
    }

    /** The {@code i}-th logged object. */
    Object kept(int i) {
        return objects.get(i);
    }

    /** Forgets everything (the transaction ended). */
    void clear() {
        entries = NONE;
        size = 0;
        objects.clear();
    }
}
