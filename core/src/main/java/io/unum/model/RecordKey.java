package io.unum.model;

import java.util.Objects;

/**
 * The identity of one source record: the source system's name and the record's id within it.
 * Keys order by source, then id (both by {@link String#compareTo}); that order breaks every tie
 * in the engine, which is what makes results independent of arrival order.
 *
 * <p>Keys are operational identifiers, not personal values, and appear in messages and reports.
 * Do not use a personal value (such as an e-mail address) as a record id.
 *
 * @param source the source system, e.g. {@code "crm"}; non-blank, at most 256 characters
 * @param id the record's id within the source; non-blank, at most 256 characters
 */
public record RecordKey(String source, String id) implements Comparable<RecordKey> {

    /** The longest source name or record id accepted. */
    public static final int MAX_LENGTH = 256;

    /**
     * @throws NullPointerException if the source or id is null
     * @throws IllegalArgumentException if either is blank or longer than {@link #MAX_LENGTH}
     */
    public RecordKey {
        check(source, "record source");
        check(id, "record id");
    }

    private static void check(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_LENGTH
                    + " characters, was " + value.length());
        }
    }

    /** Shorthand for the constructor. */
    public static RecordKey of(String source, String id) {
        return new RecordKey(source, id);
    }

    @Override
    public int compareTo(RecordKey other) {
        int c = source.compareTo(other.source);
        return c != 0 ? c : id.compareTo(other.id);
    }

    /** {@code source/id}. */
    @Override
    public String toString() {
        return source + "/" + id;
    }
}
