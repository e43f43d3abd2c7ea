package io.unum.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One consent decision for one purpose, as a source recorded it. For each purpose the latest
 * effective entry (by {@link #at()}) wins.
 *
 * <p>An entry applies to its whole record, or, when {@link #identifier()} is set, to one
 * identifier of the record (a source that records e-mail marketing consent per address). An entry
 * is effective from {@link #at()} until {@link #expiresAt()} (if set); entries are evaluated at a
 * point in time given by the resolver's {@link java.time.Clock}.
 *
 * @param purpose what the decision is about
 * @param state granted, denied or withdrawn
 * @param at when the decision was made; it takes effect then
 * @param source where it was recorded (a source system or channel), non-blank
 * @param identifier the identifier it is scoped to, or {@code null} for the whole record
 * @param expiresAt when it stops being effective, or {@code null} for never; after {@code at}
 */
public record ConsentEntry(Purpose purpose, ConsentState state, Instant at, String source, Identifier identifier,
        Instant expiresAt) {

    /**
     * @throws NullPointerException if purpose, state, at or source is null
     * @throws IllegalArgumentException if the source is blank or the entry expires before it starts
     */
    public ConsentEntry {
        Objects.requireNonNull(purpose, "consent purpose");
        Objects.requireNonNull(state, "consent state");
        Objects.requireNonNull(at, "consent timestamp");
        Objects.requireNonNull(source, "consent source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("consent source must not be blank");
        }
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("consent for " + purpose + " expires at " + expiresAt
                    + ", not after it was given at " + at);
        }
    }

    /** A record-wide entry that does not expire. */
    public ConsentEntry(Purpose purpose, ConsentState state, Instant at, String source) {
        this(purpose, state, at, source, null, null);
    }

    /** A record-wide entry that does not expire. */
    public static ConsentEntry of(Purpose purpose, ConsentState state, Instant at, String source) {
        return new ConsentEntry(purpose, state, at, source);
    }

    /** This entry scoped to one identifier of the record. */
    public ConsentEntry forIdentifier(Identifier value) {
        return new ConsentEntry(purpose, state, at, source, Objects.requireNonNull(value, "identifier"), expiresAt);
    }

    /** This entry with an expiry. */
    public ConsentEntry expiringAt(Instant value) {
        return new ConsentEntry(purpose, state, at, source, identifier, Objects.requireNonNull(value, "expiresAt"));
    }

    /** Whether the entry is in force at {@code now}: given at or before it and not yet expired. */
    public boolean isEffectiveAt(Instant now) {
        return !at.isAfter(now) && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The purpose, state, time and scope; an identifier scope is masked. */
    @Override
    public String toString() {
        return "ConsentEntry[" + purpose + "=" + state + " at " + at + " from " + source
                + (identifier == null ? "" : " for " + identifier) + (expiresAt == null ? "" : " until " + expiresAt) + "]";
    }
}
