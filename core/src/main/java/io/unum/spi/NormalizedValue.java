package io.unum.spi;

import java.util.Objects;

/**
 * The outcome of normalizing one identifier: usable for linking, kept but never used to link,
 * or malformed.
 *
 * <p>Reasons and expectations are fixed, value-free descriptions such as
 * {@code "placeholder address"} or {@code "an e-mail address with one '@'"}; they never contain
 * the value itself, so they are safe to log and to show in reports.
 */
public sealed interface NormalizedValue {

    /**
     * A normalized value that may link records.
     *
     * @param value the normalized value
     */
    record Valid(String value) implements NormalizedValue {
        public Valid {
            Objects.requireNonNull(value, "value");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a valid normalized identifier must not be empty");
            }
        }

        @Override
        public String toString() {
            return "Valid[" + value.length() + " chars]";
        }
    }

    /**
     * A well-formed value that does not identify one person (a placeholder such as
     * {@code test@test.com}, a role address such as {@code info@…}, or {@code 000-000-0000}).
     * It is kept on the profile but never links two records.
     *
     * @param value the normalized value
     * @param reason why it does not identify a person, without the value itself
     */
    record NonIdentifying(String value, String reason) implements NormalizedValue {
        public NonIdentifying {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "NonIdentifying[" + reason + "]";
        }
    }

    /**
     * A malformed value; it is reported and not used.
     *
     * @param expected what a well-formed value looks like, without the value itself
     */
    record Invalid(String expected) implements NormalizedValue {
        public Invalid {
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** Shorthand for {@link Valid}. */
    static NormalizedValue valid(String value) {
        return new Valid(value);
    }

    /** Shorthand for {@link NonIdentifying}. */
    static NormalizedValue nonIdentifying(String value, String reason) {
        return new NonIdentifying(value, reason);
    }

    /** Shorthand for {@link Invalid}. */
    static NormalizedValue invalid(String expected) {
        return new Invalid(expected);
    }
}
