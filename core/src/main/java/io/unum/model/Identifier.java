package io.unum.model;

import java.util.Objects;

/**
 * A typed identity value: an e-mail address, a phone number, a customer id.
 *
 * <p>On a {@link SourceRecord} the value is as the source gave it; on a {@link Profile} it is
 * normalized. {@link #toString()} masks the value, so identifiers can appear in log lines and
 * exception messages without leaking personal data.
 *
 * @param type the identifier's type
 * @param value the value, non-blank
 */
public record Identifier(IdentifierType type, String value) implements Comparable<Identifier> {

    /**
     * @throws NullPointerException if the type or value is null
     * @throws IllegalArgumentException if the value is blank
     */
    public Identifier {
        Objects.requireNonNull(type, "identifier type");
        Objects.requireNonNull(value, () -> "identifier value of type " + type.name());
        if (value.isBlank()) {
            throw new IllegalArgumentException("identifier value of type " + type.name() + " must not be blank");
        }
    }

    /** Shorthand for the constructor. */
    public static Identifier of(IdentifierType type, String value) {
        return new Identifier(type, value);
    }

    /** By type, then by value. */
    @Override
    public int compareTo(Identifier other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : value.compareTo(other.value);
    }

    // equals and hashCode written out (what a record derives, without its method-handle
    // dispatch): identifiers are looked up and compared on the scoring path

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Identifier other && type.equals(other.type) && value.equals(other.value);
    }

    /** {@code 31 × type.hashCode() + value.hashCode()}, the hash a record of these two components has. */
    @Override
    public int hashCode() {
        return 31 * type.hashCode() + value.hashCode();
    }

    /** The type and a masked value (first character and length only). */
    @Override
    public String toString() {
        return "Identifier[" + type.name() + "=" + Masking.mask(value) + "]";
    }
}
