package io.unum.matchers.ids;

import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.IdentifierNormalizers;
import io.unum.spi.NormalizedValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Identifier normalizers for account-style identifiers — customer numbers, loyalty cards,
 * national identity numbers — that flag the placeholders systems write when the real value is
 * unknown, so that they never link two people.
 *
 * <p>A value is a placeholder when, ignoring case and separators, it is a known "no value" word
 * ({@code none}, {@code null}, {@code n/a}, {@code unknown}, {@code test}, {@code tbd}, …), one
 * character repeated ({@code 0000}, a lone {@code 0}, {@code 999999999}, {@code xxxxx}), one
 * character repeated but for one position in eight or more ({@code 0000000001}), or a run of
 * consecutive digits ({@code 123456789}, {@code 987654321}, {@code 1234567890}). Such values come back as
 * {@link NormalizedValue.NonIdentifying} with a value-free reason. All normalizers here are
 * stateless, thread-safe and locale-independent.
 */
public final class IdNormalizers {

    static final String PLACEHOLDER = "placeholder identifier";

    private static final Set<String> WORDS = Set.of("none", "null", "nil", "na", "n/a", "nan", "unknown",
            "notknown", "notapplicable", "test", "tbd", "tba", "pending", "missing", "blank", "empty", "void",
            "dummy", "default", "temp", "tmp", "xxx", "nobody", "anonymous", "guest", "noid");

    private IdNormalizers() {
    }

    /**
     * Wraps {@code base}: values it accepts are then checked for placeholders.
     *
     * @param base the normalizer that decides the normalized form (e.g. trimmed, upper-cased)
     * @return the placeholder-aware normalizer
     */
    public static IdentifierNormalizer placeholderAware(IdentifierNormalizer base) {
        Objects.requireNonNull(base, "base normalizer");
        return raw -> {
            NormalizedValue normalized = base.normalize(raw);
            if (normalized instanceof NormalizedValue.Valid v && isPlaceholder(v.value())) {
                return NormalizedValue.nonIdentifying(v.value(), PLACEHOLDER);
            }
            return normalized;
        };
    }

    /** A customer number: trimmed, case-sensitive, placeholders flagged. */
    public static IdentifierNormalizer customerId() {
        return placeholderAware(IdentifierNormalizers.trimmed());
    }

    /**
     * A loyalty-card number: ASCII letters and digits upper-cased, and one card however the till
     * or the web form wrote it — with or without the programme's letter prefix, with or without
     * leading zeros: up to four letters before at least six digits are dropped, and so are the
     * digits' leading zeros ({@code "LY0047110423"}, {@code "0047110423"} and
     * {@code "47 110 423"} are all {@code "47110423"}). Placeholders are flagged on the digits as
     * written, zeros included ({@code "LY0000000001"} is one). One programme's cards share a
     * prefix, so dropping it joins nothing that was apart; for several programmes with the same
     * numbers in one column, map them to separate identifier types.
     */
    public static IdentifierNormalizer loyaltyId() {
        IdentifierNormalizer base = IdentifierNormalizers.alphanumericUpperCase();
        return raw -> {
            NormalizedValue normalized = base.normalize(raw);
            if (!(normalized instanceof NormalizedValue.Valid v)) {
                return normalized;
            }
            String value = v.value();
            int letters = 0;
            while (letters < value.length() && value.charAt(letters) >= 'A' && value.charAt(letters) <= 'Z') {
                letters++;
            }
            String number = letters <= 4 && value.length() - letters >= 6 && digitsFrom(value, letters)
                    ? value.substring(letters) : value;
            if (isPlaceholder(number) || isPlaceholder(value)) {
                return NormalizedValue.nonIdentifying(number, PLACEHOLDER);
            }
            if (digitsFrom(number, 0)) {
                int zeros = 0;
                while (zeros < number.length() - 1 && number.charAt(zeros) == '0') {
                    zeros++;
                }
                number = number.substring(zeros);
            }
            return NormalizedValue.valid(number);
        };
    }

    private static boolean digitsFrom(String s, int start) {
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return start < s.length();
    }

    /**
     * An identity document's number (passport, driver's licence): ASCII letters and digits
     * upper-cased, placeholders flagged.
     */
    public static IdentifierNormalizer document() {
        return placeholderAware(IdentifierNormalizers.alphanumericUpperCase());
    }

    /** A national identity number: ASCII letters and digits upper-cased, placeholders flagged. */
    public static IdentifierNormalizer nationalId() {
        return placeholderAware(IdentifierNormalizers.alphanumericUpperCase());
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        StringBuilder compact = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '/') {
                compact.append(c);
            }
        }
        String s = compact.toString();
        if (s.isEmpty() || WORDS.contains(s) || WORDS.contains(s.replace("/", ""))) {
            return true;
        }
        boolean same = true;
        boolean up = s.length() >= 5;
        boolean down = s.length() >= 5;
        for (int i = 1; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            same &= d == 0;
            boolean digits = Character.isDigit(s.charAt(i)) && Character.isDigit(s.charAt(i - 1));
            up &= digits && (d == 1 || d == -9);
            down &= digits && (d == -1 || d == 9);
        }
        return (same && (s.length() >= 2 || s.equals("0"))) || up || down || oneCharacterAside(s);
    }

    /**
     * Whether a value of eight or more characters is one character repeated but for one
     * position: the "first card" numbers a till keys in ({@code 0000000001},
     * {@code 1000000000}, {@code 9999999998}). Shorter values are left alone: {@code 100000} is
     * a plausible customer number.
     *
     * @param s the value, compacted (no separators)
     */
    public static boolean oneCharacterAside(String s) {
        if (s.length() < 8) {
            return false;
        }
        char common = s.charAt(0) == s.charAt(1) ? s.charAt(0) : s.charAt(2);
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != common && ++other > 1) {
                return false;
            }
        }
        return true;
    }
}
