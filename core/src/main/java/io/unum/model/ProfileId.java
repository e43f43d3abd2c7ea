package io.unum.model;

import java.util.Objects;

/**
 * The stable identity of a golden profile. When profiles merge, one id survives and the others
 * become aliases that still resolve; when a profile splits, the part holding the profile's
 * oldest record keeps the id.
 *
 * @param value the id's text: non-blank, at most 128 characters
 */
public record ProfileId(String value) implements Comparable<ProfileId> {

    /**
     * @throws IllegalArgumentException if the value is blank or too long
     */
    public ProfileId {
        Objects.requireNonNull(value, "profile id");
        if (value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("profile id must be 1 to 128 non-blank characters, had " + value.length());
        }
    }

    /** Shorthand for the constructor. */
    public static ProfileId of(String value) {
        return new ProfileId(value);
    }

    @Override
    public int compareTo(ProfileId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
