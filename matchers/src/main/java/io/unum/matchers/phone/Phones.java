package io.unum.matchers.phone;

import io.unum.spi.Normalizer;

/**
 * Phone-number normalization with libphonenumber: the identifier normalizer for
 * {@code IdentifierType.PHONE} and feature stages. All are stateless, thread-safe and
 * locale-independent.
 */
public final class Phones {

    private Phones() {
    }

    /**
     * A {@link PhoneNormalizer} to E.164 that assumes {@code defaultRegion} for numbers without
     * a country code.
     *
     * @param defaultRegion an ISO 3166-1 alpha-2 code such as {@code "US"} or {@code "AU"}
     */
    public static PhoneNormalizer normalizer(String defaultRegion) {
        return PhoneNormalizer.builder().defaultRegion(defaultRegion).build();
    }

    /** A {@link PhoneNormalizer} that accepts only numbers with a country code. */
    public static PhoneNormalizer internationalOnly() {
        return PhoneNormalizer.builder().build();
    }

    /** A feature stage: the E.164 form of a raw number in {@code defaultRegion}, {@code null} for malformed or placeholder numbers. */
    public static Normalizer feature(String defaultRegion) {
        return normalizer(defaultRegion).asFeature();
    }

    /**
     * The last {@code digits} digits of a number (of an E.164 feature, say), for a lenient
     * comparison level or blocking key that ignores country and area codes.
     *
     * @param digits how many trailing digits to keep, at least 1
     */
    public static Normalizer lastDigits(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be at least 1, was " + digits);
        }
        return value -> {
            StringBuilder out = new StringBuilder(digits);
            for (int i = value.length() - 1; i >= 0 && out.length() < digits; i--) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9') {
                    out.append(c);
                }
            }
            return out.length() < digits ? null : out.reverse().toString();
        };
    }
}
