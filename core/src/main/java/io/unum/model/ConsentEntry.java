package io.unum.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One consent decision for one purpose, as a source recorded it. For each purpose the latest
 * entry (by {@link #at()}) wins.
 *
 * @param purpose what the decision is about
 * @param state granted, denied or withdrawn
 * @param at when the decision was made
 * @param source where it was recorded (a source system or channel), non-blank
 */
public record ConsentEntry(Purpose purpose, ConsentState state, Instant at, String source) {

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the source is blank
     */
    public ConsentEntry {
        Objects.requireNonNull(purpose, "consent purpose");
        Objects.requireNonNull(state, "consent state");
        Objects.requireNonNull(at, "consent timestamp");
        Objects.requireNonNull(source, "consent source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("consent source must not be blank");
        }
    }
}
