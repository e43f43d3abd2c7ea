package io.unum.model;

import java.util.Objects;

/**
 * The identity of a golden profile. What is stable about it:
 * <ul>
 *   <li>In a batch {@link io.unum.Resolution}, a profile's id is derived from its oldest
 *       record's key (earliest {@code observedAt}, then smallest key): the same records give the
 *       same ids, in any order and in any process.</li>
 *   <li>In a live {@link io.unum.IdentityGraph} (or a kept store), an id follows its profile
 *       through history: when profiles merge, the one with the oldest record keeps its id and the
 *       others become aliases that still resolve; when a profile splits, the part holding its
 *       oldest record keeps the id and the other parts get new ids.</li>
 *   <li>The <em>partition</em> of records into profiles is the same batch or live, whatever the
 *       order of changes; the <em>ids</em> are not: after churn (records arriving out of age
 *       order, deletions, splits and re-merges) a live graph may name a profile differently from
 *       a batch resolution of the same records. Compare membership, not ids, across the two.</li>
 * </ul>
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
