package io.unum;

import io.unum.model.Profile;
import io.unum.model.ProfileId;
import java.util.List;
import java.util.Objects;

/**
 * One change to the set of golden profiles. A change set lists each profile id at most once per
 * kind; a profile can appear in several kinds (a profile that absorbed another and lost a record
 * in the same change appears in a {@link Merged} and a {@link Split}).
 */
public sealed interface ProfileChange {

    /** A new profile made only of records that belonged to no profile before. */
    record Created(Profile profile) implements ProfileChange {
        public Created {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** An existing profile gained or lost records, or its golden values changed. */
    record Updated(Profile profile) implements ProfileChange {
        public Updated {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /**
     * Profiles joined; {@code survivor} keeps its id and each absorbed id becomes an alias of it.
     *
     * @param survivor the resulting profile
     * @param absorbed the ids that are now aliases, sorted
     */
    record Merged(Profile survivor, List<ProfileId> absorbed) implements ProfileChange {
        public Merged {
            Objects.requireNonNull(survivor, "survivor");
            absorbed = List.copyOf(absorbed);
        }
    }

    /**
     * A profile fell apart because the links that held it together are gone; the part holding
     * its oldest record keeps the id, the other parts have new ids.
     *
     * @param original the id of the profile that split
     * @param parts the resulting profiles, the one keeping {@code original} first if any
     */
    record Split(ProfileId original, List<Profile> parts) implements ProfileChange {
        public Split {
            Objects.requireNonNull(original, "original");
            parts = List.copyOf(parts);
        }
    }

    /** A profile lost all its records. */
    record Deleted(ProfileId id) implements ProfileChange {
        public Deleted {
            Objects.requireNonNull(id, "id");
        }
    }
}
