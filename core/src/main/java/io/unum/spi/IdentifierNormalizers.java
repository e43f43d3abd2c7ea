package io.unum.spi;

import java.util.Locale;

/**
 * Basic {@link IdentifierNormalizer}s used by the built-in identifier types when no better one
 * is configured. All are stateless, thread-safe and locale-independent.
 */
public final class IdentifierNormalizers {

    /** Longest accepted phone number in digits (E.164 allows 15). */
    private static final int MAX_PHONE_DIGITS = 15;
    /** Shortest phone number in digits that can identify a line. */
    private static final int MIN_PHONE_DIGITS = 6;

    private IdentifierNormalizers() {
    }

    /** Trims surrounding white space; values are compared case-sensitively. */
    public static IdentifierNormalizer trimmed() {
        return raw -> {
            String value = raw.strip();
            return value.isEmpty() ? NormalizedValue.invalid("a non-blank value") : NormalizedValue.valid(value);
        };
    }

    /** Trims and lower-cases with {@link Locale#ROOT}. */
    public static IdentifierNormalizer caseInsensitive() {
        return raw -> {
            String value = raw.strip().toLowerCase(Locale.ROOT);
            return value.isEmpty() ? NormalizedValue.invalid("a non-blank value") : NormalizedValue.valid(value);
        };
    }

    /** Keeps ASCII letters and digits, upper-cased (national ids, passport numbers, …). */
    public static IdentifierNormalizer alphanumericUpperCase() {
        return raw -> {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                    out.append(c);
                } else if (c >= 'a' && c <= 'z') {
                    out.append((char) (c - ('a' - 'A')));
                }
            }
            return out.length() == 0
                    ? NormalizedValue.invalid("at least one ASCII letter or digit")
                    : NormalizedValue.valid(out.toString());
        };
    }

    /**
     * A social-network handle: trims, drops one leading {@code @}, lower-cases with
     * {@link Locale#ROOT}.
     */
    public static IdentifierNormalizer handle() {
        return raw -> {
            String value = raw.strip();
            if (value.startsWith("@")) {
                value = value.substring(1).strip();
            }
            return value.isEmpty()
                    ? NormalizedValue.invalid("a handle with at least one character after '@'")
                    : NormalizedValue.valid(value.toLowerCase(Locale.ROOT));
        };
    }

    /**
     * A syntactic e-mail check without provider rules: trims, lower-cases with
     * {@link Locale#ROOT}, and requires exactly one {@code @} with a non-empty local part, a
     * domain containing a dot, and no white space. {@code unum-matchers} adds provider rules
     * and placeholder detection.
     */
    public static IdentifierNormalizer email() {
        return raw -> {
            String value = raw.strip().toLowerCase(Locale.ROOT);
            int at = value.indexOf('@');
            boolean ok = at > 0
                    && at == value.lastIndexOf('@')
                    && at < value.length() - 1
                    && value.indexOf('.', at) > at + 1
                    && !value.endsWith(".");
            for (int i = 0; ok && i < value.length(); i++) {
                ok = !Character.isWhitespace(value.charAt(i));
            }
            return ok ? NormalizedValue.valid(value)
                    : NormalizedValue.invalid("an e-mail address: local part, one '@', a dotted domain, no spaces");
        };
    }

    /**
     * A region-agnostic phone check: keeps a leading {@code +} and the digits, drops an
     * extension introduced by {@code x}, {@code ext} or {@code #}, and requires 6 to 15 digits.
     * Numbers made of one repeated digit are flagged as placeholders. {@code unum-matchers}
     * offers libphonenumber-based E.164 normalization.
     */
    public static IdentifierNormalizer phoneDigits() {
        return raw -> {
            String value = raw.strip();
            int extension = extensionStart(value);
            if (extension >= 0) {
                value = value.substring(0, extension);
            }
            StringBuilder digits = new StringBuilder(value.length());
            boolean plus = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                } else if (c == '+' && digits.length() == 0) {
                    plus = true;
                } else if (Character.isLetter(c)) {
                    return NormalizedValue.invalid("a phone number of 6 to 15 digits with optional separators");
                }
            }
            if (digits.length() < MIN_PHONE_DIGITS || digits.length() > MAX_PHONE_DIGITS) {
                return NormalizedValue.invalid("a phone number of 6 to 15 digits with optional separators");
            }
            String normalized = plus ? "+" + digits : digits.toString();
            if (isOneRepeatedDigit(digits)) {
                return NormalizedValue.nonIdentifying(normalized, "placeholder phone number (one repeated digit)");
            }
            return NormalizedValue.valid(normalized);
        };
    }

    private static int extensionStart(String value) {
        // indexes into value itself: lower-casing first may change the length ("İ" is two
        // chars in lower case), and an index into the lower-cased copy then overruns value
        int best = -1;
        for (String marker : new String[] {"ext", "x", "#"}) {
            int i = indexOfIgnoreCase(value, marker);
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static int indexOfIgnoreCase(String value, String marker) {
        for (int i = 0; i + marker.length() <= value.length(); i++) {
            if (value.regionMatches(true, i, marker, 0, marker.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isOneRepeatedDigit(CharSequence digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
