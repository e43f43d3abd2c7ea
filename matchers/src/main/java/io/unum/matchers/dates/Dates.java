package io.unum.matchers.dates;

import io.unum.spi.Normalizer;

/**
 * Date normalization to ISO 8601 ({@code yyyy-MM-dd}, partial {@code yyyy-MM} and
 * {@code yyyy}), and stages over normalized dates for blocking keys. See
 * {@link DateNormalizer} for the accepted forms, the day/month ambiguity policy and placeholder
 * dates. All stages are stateless, thread-safe, locale- and time-zone-independent.
 */
public final class Dates {

    private Dates() {
    }

    /** The default date normalizer: day first for ambiguous dates, no two-digit years. */
    public static DateNormalizer normalizer() {
        return Default.INSTANCE;
    }

    /**
     * A date normalizer with the given ambiguity policy.
     *
     * @param order how {@code NN/NN/YYYY} is read
     */
    public static DateNormalizer normalizer(DateNormalizer.DayMonthOrder order) {
        return DateNormalizer.builder().order(order).build();
    }

    /** The year of a normalized date ({@code "1984-03-07" → "1984"}). */
    public static Normalizer year() {
        return value -> value.length() >= 4 ? value.substring(0, 4) : null;
    }

    /** The year and month of a normalized full or year-month date ({@code "1984-03-07" → "1984-03"}); {@code null} for a year alone. */
    public static Normalizer yearMonth() {
        return value -> value.length() >= 7 ? value.substring(0, 7) : null;
    }

    /**
     * Month and day of a full normalized date ({@code "1984-03-07" → "03-07"}), a blocking key
     * that survives a wrong year; {@code null} for partial dates.
     */
    public static Normalizer monthDay() {
        return value -> value.length() == 10 ? value.substring(5) : null;
    }

    private static final class Default {
        static final DateNormalizer INSTANCE = DateNormalizer.builder().build();
    }
}
