package io.unum.matchers.dates;

import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses dates as people and systems write them and writes them in ISO 8601 form:
 * {@code yyyy-MM-dd} for a full date, {@code yyyy-MM} when only month and year are known,
 * {@code yyyy} for a year alone. The comparator {@code Comparators.date(int)} reads these
 * forms without allocating.
 *
 * <p>Accepted input (case-insensitive, surrounding white space ignored, a trailing time such as
 * {@code T10:15:00Z} or {@code 00:00:00} dropped):
 * <ul>
 *   <li>ISO and year-first: {@code 1984-03-07}, {@code 1984/3/7}, {@code 1984.03.07},
 *       {@code 19840307}; partial {@code 1984-03}, {@code 1984};</li>
 *   <li>numeric day and month with a four-digit year: {@code 07/03/1984}, {@code 7-3-1984},
 *       {@code 07.03.1984}; which number is the day follows the {@link DayMonthOrder} policy
 *       (see below); partial {@code 03/1984};</li>
 *   <li>English month names, full or abbreviated, in any order with day and year:
 *       {@code 7 Mar 1984}, {@code 7th March 1984}, {@code March 7, 1984},
 *       {@code 07-MAR-1984}; partial {@code Mar 1984};</li>
 *   <li>two-digit years ({@code 07/03/84}) only when a
 *       {@linkplain Builder#twoDigitYearPivot(int) pivot year} is configured: the year becomes the
 *       latest year ending in those digits that is not after the pivot.</li>
 * </ul>
 *
 * <p><b>Ambiguity policy.</b> In {@code 03/07/1984} either number may be the day.
 * {@link DayMonthOrder#DAY_FIRST} (the default; most of the world) reads 3 July,
 * {@link DayMonthOrder#MONTH_FIRST} (United States) reads 7 March, and
 * {@link DayMonthOrder#REJECT_AMBIGUOUS} returns {@code null}. A value that is unambiguous
 * because one number exceeds 12 ({@code 25/03/1984}) is read the only way it can be, under
 * every policy. A wrong guess is not lost: the date comparator's day/month-swapped level still
 * recognises the pair.
 *
 * <p>Returns {@code null} for anything else (including values over 64 characters): impossible dates ({@code 1984-02-30}), years
 * outside the configured range (default 1800–2199), and <b>placeholder dates</b> that systems
 * write for "unknown" — {@code 1900-01-01}, {@code 1901-01-01}, {@code 1970-01-01},
 * {@code 1899-12-30}, {@code 1899-12-31}, {@code 1800-01-01}, {@code 9999-12-31}, {@code 1911-11-11}
 * (a row of ones, {@code 11/11/1911}, typed to get past a required field) and any
 * configured ones — which would otherwise make unrelated people agree on their date of
 * birth. Instances are immutable, thread-safe and locale-independent; no time zone is involved.
 */
public final class DateNormalizer implements Normalizer {

    /** How {@code NN/NN/YYYY} is read when both numbers could be the month. */
    public enum DayMonthOrder {
        /** Day first: {@code 03/07/1984} is 3 July 1984. */
        DAY_FIRST,
        /** Month first (United States): {@code 03/07/1984} is 7 March 1984. */
        MONTH_FIRST,
        /** Ambiguous values give {@code null}. */
        REJECT_AMBIGUOUS
    }

    private static final Set<String> DEFAULT_PLACEHOLDERS = Set.of("1900-01-01", "1901-01-01", "1970-01-01",
            "1899-12-30", "1899-12-31", "1800-01-01", "9999-12-31", "1911-11-11");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));
    private static final Set<String> ORDINALS = Set.of("st", "nd", "rd", "th");
    private static final int MAX_LENGTH = 64;

    private final DayMonthOrder order;
    private final int pivot;
    private final int minYear;
    private final int maxYear;
    private final Set<String> placeholders;
    /** This reading with any year and no placeholders ({@link #rejection}); itself for that reading. */
    private final DateNormalizer anyDate;

    private DateNormalizer(Builder b) {
        this.order = b.order;
        this.pivot = b.pivot;
        this.minYear = b.minYear;
        this.maxYear = b.maxYear;
        Set<String> all = new TreeSet<>(DEFAULT_PLACEHOLDERS);
        all.addAll(b.placeholders);
        this.placeholders = Set.copyOf(all);
        this.anyDate = new DateNormalizer(this);
    }

    /**
     * The same reading of dates with any year and no placeholders, to tell a placeholder (even
     * one outside the years, such as {@code 9999-12-31}) from a malformed value.
     */
    private DateNormalizer(DateNormalizer d) {
        this.order = d.order;
        this.pivot = d.pivot;
        this.minYear = 1;
        this.maxYear = 9999;
        this.placeholders = Set.of();
        this.anyDate = this;
    }

    /**
     * A placeholder date, or a value that is not a possible date in the configured years (blank
     * values are not reported); never {@code null} for a non-blank value {@link #normalize} left out.
     */
    @Override
    public Rejection rejection(String value) {
        if (value.isBlank()) {
            return null;
        }
        String iso = anyDate.normalize(value);
        if (iso != null && placeholders.contains(iso)) {
            return new Rejection(true, "a real date (this is a placeholder date that systems write for \"unknown\")");
        }
        return new Rejection(false, "a possible date from " + minYear + " to " + maxYear
                + " such as 1984-03-07, 07/03/1984 or 7 Mar 1984");
    }

    /** Starts a configuration: {@link DayMonthOrder#DAY_FIRST}, no two-digit years, years 1800–2199. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ambiguity policy. */
    public DayMonthOrder order() {
        return order;
    }

    @Override
    public String normalize(String value) {
        String s = value.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return null;
        }
        s = withoutTime(s);
        if (s.length() == 8 && allDigits(s)) {
            return build(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        }
        List<String> numbers = new ArrayList<>(3);
        List<Integer> numberLengths = new ArrayList<>(3);
        Integer month = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (c >= '0' && c <= '9') {
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                numbers.add(s.substring(start, i));
                numberLengths.add(i - start);
            } else if (c >= 'a' && c <= 'z') {
                while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                    i++;
                }
                String word = s.substring(start, i);
                if (ORDINALS.contains(word) && start > 0 && Character.isDigit(s.charAt(start - 1))) {
                    continue; // "7th"
                }
                Integer m = MONTHS.get(word);
                if (m == null || month != null) {
                    return null;
                }
                month = m;
            } else if (c == '/' || c == '-' || c == '.' || c == ' ' || c == ',') {
                i++;
            } else {
                return null;
            }
        }
        if (numbers.isEmpty() || numbers.size() > 3) {
            return null;
        }
        for (int length : numberLengths) {
            if (length > 4) {
                return null;
            }
        }
        return month != null ? withMonthName(month, numbers) : numeric(numbers);
    }

    private String withMonthName(int month, List<String> numbers) {
        if (numbers.size() == 1) {
            return numbers.get(0).length() == 4 ? build(Integer.parseInt(numbers.get(0)), month, 0) : null;
        }
        if (numbers.size() != 2) {
            return null;
        }
        String a = numbers.get(0);
        String b = numbers.get(1);
        if (a.length() == 4 && b.length() <= 2) {
            return build(Integer.parseInt(a), month, Integer.parseInt(b));
        }
        if (b.length() == 4 && a.length() <= 2) {
            return build(Integer.parseInt(b), month, Integer.parseInt(a));
        }
        if (a.length() <= 2 && b.length() == 2 && pivot > 0) {
            return build(twoDigitYear(Integer.parseInt(b)), month, Integer.parseInt(a));
        }
        return null;
    }

    private String numeric(List<String> numbers) {
        String a = numbers.get(0);
        if (numbers.size() == 1) {
            return a.length() == 4 ? build(Integer.parseInt(a), 0, 0) : null;
        }
        String b = numbers.get(1);
        if (numbers.size() == 2) {
            if (a.length() == 4 && b.length() <= 2) {
                return build(Integer.parseInt(a), Integer.parseInt(b), 0);
            }
            if (b.length() == 4 && a.length() <= 2) {
                return build(Integer.parseInt(b), Integer.parseInt(a), 0);
            }
            return null;
        }
        String c = numbers.get(2);
        if (a.length() == 4) {
            return b.length() <= 2 && c.length() <= 2
                    ? build(Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c)) : null;
        }
        if (a.length() > 2 || b.length() > 2) {
            return null;
        }
        int year;
        if (c.length() == 4) {
            year = Integer.parseInt(c);
        } else if (c.length() == 2 && pivot > 0) {
            year = twoDigitYear(Integer.parseInt(c));
        } else {
            return null;
        }
        int x = Integer.parseInt(a);
        int y = Integer.parseInt(b);
        boolean ambiguous = x <= 12 && y <= 12 && x != y;
        if (x > 12 && y <= 12) {
            return build(year, y, x); // only day-first fits
        }
        if (y > 12 && x <= 12) {
            return build(year, x, y); // only month-first fits
        }
        if (ambiguous && order == DayMonthOrder.REJECT_AMBIGUOUS) {
            return null;
        }
        return order == DayMonthOrder.MONTH_FIRST ? build(year, x, y) : build(year, y, x);
    }

    private int twoDigitYear(int yy) {
        int year = pivot - Math.floorMod(pivot - yy, 100);
        return year;
    }

    /** The ISO form, or {@code null} if impossible, out of range or a placeholder; {@code day == 0} or {@code month == 0} for partial dates. */
    private String build(int year, int month, int day) {
        if (year < minYear || year > maxYear || month < 0 || month > 12 || (month == 0 && day != 0)) {
            return null;
        }
        if (day != 0 && (day < 1 || day > daysInMonth(year, month))) {
            return null;
        }
        String iso = iso(year, month, day);
        return placeholders.contains(iso) ? null : iso;
    }

    /**
     * {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} (month or day 0 leaves it out), as
     * {@code String.format("%04d-%02d-%02d")} would write it, without the formatter's cost (it
     * was a tenth of all feature work).
     */
    static String iso(int year, int month, int day) {
        if (year < 0 || year > 9999) {
            return month == 0 ? String.format(Locale.ROOT, "%04d", year)
                    : day == 0 ? String.format(Locale.ROOT, "%04d-%02d", year, month)
                    : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        }
        char[] out = new char[month == 0 ? 4 : day == 0 ? 7 : 10];
        out[0] = (char) ('0' + year / 1000);
        out[1] = (char) ('0' + year / 100 % 10);
        out[2] = (char) ('0' + year / 10 % 10);
        out[3] = (char) ('0' + year % 10);
        if (month != 0) {
            out[4] = '-';
            out[5] = (char) ('0' + month / 10);
            out[6] = (char) ('0' + month % 10);
            if (day != 0) {
                out[7] = '-';
                out[8] = (char) ('0' + day / 10);
                out[9] = (char) ('0' + day % 10);
            }
        }
        return new String(out);
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static String withoutTime(String s) {
        int t = s.indexOf('t');
        if (t == 10 && s.length() > 11 && Character.isDigit(s.charAt(11))) {
            return s.substring(0, 10);
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            int space = s.lastIndexOf(' ', colon);
            return space > 0 ? s.substring(0, space).strip() : s;
        }
        return s;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "date(" + order + (pivot > 0 ? ", pivot " + pivot : "") + ", " + minYear + "-" + maxYear + ")";
    }

    /** Builds a {@link DateNormalizer}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private DayMonthOrder order = DayMonthOrder.DAY_FIRST;
        private boolean orderSet;
        private int pivot;
        private int minYear = 1800;
        private int maxYear = 2199;
        private boolean yearsSet;
        private final Set<String> placeholders = new TreeSet<>();

        private Builder() {
        }

        /** How ambiguous {@code NN/NN/YYYY} dates are read (default {@link DayMonthOrder#DAY_FIRST}). */
        public Builder order(DayMonthOrder value) {
            if (orderSet) {
                throw new IllegalStateException("order was already set to " + order);
            }
            orderSet = true;
            order = Objects.requireNonNull(value, "order");
            return this;
        }

        /**
         * Accepts two-digit years, reading each as the latest year ending in those digits that
         * is not after {@code pivotYear}: with pivot 2025, {@code 84 → 1984} and
         * {@code 19 → 2019}. For dates of birth use the current year. Default: two-digit years
         * are rejected.
         */
        public Builder twoDigitYearPivot(int pivotYear) {
            if (pivot != 0) {
                throw new IllegalStateException("twoDigitYearPivot was already set to " + pivot);
            }
            if (pivotYear < 1900 || pivotYear > 2199) {
                throw new IllegalArgumentException("twoDigitYearPivot must be a year from 1900 to 2199, was " + pivotYear);
            }
            pivot = pivotYear;
            return this;
        }

        /** The accepted years, inclusive (default 1800–2199). */
        public Builder years(int min, int max) {
            if (yearsSet) {
                throw new IllegalStateException("years were already set to " + minYear + "-" + maxYear);
            }
            if (min < 1 || max > 9999 || min > max) {
                throw new IllegalArgumentException("years must satisfy 1 <= min <= max <= 9999, were " + min + "-" + max);
            }
            yearsSet = true;
            minYear = min;
            maxYear = max;
            return this;
        }

        /** Adds placeholder dates of this data, in ISO form ({@code "2000-01-01"}); they normalize to {@code null}. */
        public Builder placeholders(String... isoDates) {
            for (String iso : isoDates) {
                Objects.requireNonNull(iso, "placeholder date");
                if (!iso.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                    throw new IllegalArgumentException("placeholder dates are ISO yyyy-MM-dd, yyyy-MM or yyyy; got a value of "
                            + iso.length() + " characters");
                }
                placeholders.add(iso);
            }
            return this;
        }

        /** Returns the immutable normalizer. */
        public DateNormalizer build() {
            return new DateNormalizer(this);
        }
    }
}
