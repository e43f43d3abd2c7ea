package io.unum.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A purpose for which a person may consent to the use of their data. The set is open: a custom
 * purpose is one line, {@code Purpose.of("loyalty_rewards")}. Purposes are identified by name.
 *
 * @param name lower-case ASCII letters, digits, {@code _ . : -}; at most 64 characters
 */
public record Purpose(String name) implements Comparable<Purpose> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

    /** Linking records into one profile (identity resolution, profiling). */
    public static final Purpose IDENTITY_RESOLUTION = new Purpose("identity_resolution");
    /** E-mail marketing. */
    public static final Purpose EMAIL_MARKETING = new Purpose("email_marketing");
    /** SMS and messaging marketing. */
    public static final Purpose SMS = new Purpose("sms");
    /** Advertising and audience targeting. */
    public static final Purpose ADVERTISING = new Purpose("advertising");
    /** Analytics and measurement. */
    public static final Purpose ANALYTICS = new Purpose("analytics");

    /**
     * @throws IllegalArgumentException if the name is not of the allowed form
     */
    public Purpose {
        Objects.requireNonNull(name, "purpose name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("purpose name must match " + NAME.pattern() + ", was '" + name + "'");
        }
    }

    /** Shorthand for the constructor. */
    public static Purpose of(String name) {
        return new Purpose(name);
    }

    @Override
    public int compareTo(Purpose other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
