package io.unum.training;

import io.unum.internal.SipHash;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often each value of a feature occurs in the data, for term-frequency adjustment: the share
 * of records (with the feature present) that hold the value. Values are stored as keyed 64-bit
 * hashes, not in clear; values seen only once are not stored and take {@link #floor()}, the
 * frequency of a single occurrence.
 *
 * <p>Note: whoever holds a model file holds the hash key too and can test guesses, so treat a
 * model trained on personal data as derived personal data.
 *
 * <p>Immutable and thread-safe.
 */
public final class TermFrequencies {

    private final long key0;
    private final long key1;
    private final double floor;
    private final Map<Long, Double> table;

    /**
     * @param key0 the hash key's first half
     * @param key1 the hash key's second half
     * @param floor the frequency of a value seen once (or never), in (0, 1]
     * @param table hash of value to frequency, each in [floor, 1]
     */
    public TermFrequencies(long key0, long key1, double floor, Map<Long, Double> table) {
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("term-frequency floor must be in (0, 1], was " + floor);
        }
        this.key0 = key0;
        this.key1 = key1;
        this.floor = floor;
        Map<Long, Double> copy = new HashMap<>(Objects.requireNonNull(table, "table"));
        for (double f : copy.values()) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("term frequencies must be in (0, 1], found " + f);
            }
        }
        this.table = Collections.unmodifiableMap(copy);
    }

    /** The hash of a value under this table's key. */
    public long hash(String value) {
        return SipHash.hash(key0, key1, value);
    }

    /** The frequency of a value: from the table, or {@link #floor()} if it is not there. */
    public double frequency(String value) {
        Double f = table.get(hash(value));
        return f != null ? Math.max(f, floor) : floor;
    }

    /** The frequency of a value seen once. */
    public double floor() {
        return floor;
    }

    /** The number of values stored. */
    public int size() {
        return table.size();
    }

    long key0() {
        return key0;
    }

    long key1() {
        return key1;
    }

    Map<Long, Double> table() {
        return table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermFrequencies other && key0 == other.key0 && key1 == other.key1
                && floor == other.floor && table.equals(other.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key0, key1, floor, table.size());
    }

    @Override
    public String toString() {
        return "TermFrequencies[" + table.size() + " values, floor " + floor + "]";
    }
}
