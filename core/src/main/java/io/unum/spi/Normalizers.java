package io.unum.spi;

import java.util.Locale;

/**
 * Basic {@link Normalizer} stages that need no library. Richer, domain-specific stages (names
 * with nicknames and diacritics, e-mail provider rules, phone numbers, dates, addresses) live in
 * the {@code unum-matchers} module.
 *
 * <p>Every normalizer returned here is stateless and thread-safe, and independent of the
 * default locale.
 */
public final class Normalizers {

    private Normalizers() {
    }

    /** Returns the value unchanged, or {@code null} if it is blank. */
    public static Normalizer identity() {
        return IDENTITY;
    }

    private static final Normalizer IDENTITY = value -> value.isBlank() ? null : value;

    /** Trims surrounding white space; blank becomes {@code null}. */
    public static Normalizer trim() {
        return value -> {
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        };
    }

    /**
     * Trims, lower-cases with {@link Locale#ROOT} and collapses runs of white space to one
     * space; blank becomes {@code null}.
     */
    public static Normalizer basic() {
        return value -> {
            StringBuilder out = new StringBuilder(value.length());
            boolean pendingSpace = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = out.length() > 0;
                    continue;
                }
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
            return out.length() == 0 ? null : out.toString().toLowerCase(Locale.ROOT);
        };
    }

    /** Keeps only ASCII letters and digits, lower-cased; nothing left becomes {@code null}. */
    public static Normalizer alphanumeric() {
        return value -> {
            StringBuilder out = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + ('a' - 'A')));
                } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    out.append(c);
                }
            }
            return out.length() == 0 ? null : out.toString();
        };
    }

    /** Keeps only the ASCII digits; nothing left becomes {@code null}. */
    public static Normalizer digits() {
        return value -> {
            StringBuilder out = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9') {
                    out.append(c);
                }
            }
            return out.length() == 0 ? null : out.toString();
        };
    }

    /**
     * Keeps the first {@code length} code points (or the whole value if it is shorter); useful
     * for blocking keys such as "first three letters of the surname".
     *
     * @param length the number of code points to keep, at least 1
     */
    public static Normalizer prefix(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("prefix length must be at least 1, was " + length);
        }
        return value -> {
            if (value.isEmpty()) {
                return null;
            }
            int count = value.codePointCount(0, value.length());
            return count <= length ? value : value.substring(0, value.offsetByCodePoints(0, length));
        };
    }
}
