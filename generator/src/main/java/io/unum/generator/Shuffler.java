package io.unum.generator;

import java.io.IOException;

/**
 * Spreads records over the output with a fixed-size shuffle window, so a person's records do not
 * sit next to each other in the file, in constant memory: once the window is full, each new
 * record replaces a random one, which is written out; at the end the rest leave in random order.
 * This is a local shuffle: a record moves about a window's length at most from where it was made.
 * Not thread-safe.
 */
final class Shuffler {

    /** Receives records in output order. */
    interface Sink {
        void accept(String[] row, Source source, String personId) throws IOException;
    }

    private final String[][] rows;
    private final Source[] sources;
    private final String[] people;
    private final Rng rng;
    private final Sink sink;
    private int size;

    Shuffler(int window, Rng rng, Sink sink) {
        this.rows = new String[window][];
        this.sources = new Source[window];
        this.people = new String[window];
        this.rng = rng;
        this.sink = sink;
    }

    void add(String[] row, Source source, String personId) throws IOException {
        if (size < rows.length) {
            rows[size] = row;
            sources[size] = source;
            people[size] = personId;
            size++;
            return;
        }
        int out = rng.nextInt(rows.length);
        sink.accept(rows[out], sources[out], people[out]);
        rows[out] = row;
        sources[out] = source;
        people[out] = personId;
    }

    void drain() throws IOException {
        while (size > 0) {
            int out = rng.nextInt(size);
            sink.accept(rows[out], sources[out], people[out]);
            size--;
            rows[out] = rows[size];
            sources[out] = sources[size];
            people[out] = people[size];
            rows[size] = null;
        }
    }
}
