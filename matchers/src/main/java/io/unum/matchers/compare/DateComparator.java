package io.unum.matchers.compare;

import io.unum.matchers.internal.LastPair;
import io.unum.rules.LevelCondition;
import io.unum.spi.FieldComparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Compares dates in the ISO forms written by the dates normalizer — {@code yyyy-MM-dd}, or
 * partial {@code yyyy-MM} and {@code yyyy} — by {@link DateLevel}: exact, day and month swapped,
 * year off by one, within a window of days, partial agreement, different. These are the
 * typographical and transcription errors typical of dates of birth (see e.g. P. Christen, "Data
 * Matching", Springer 2012, section 5.7).
 *
 * <p>{@link #compare} returns the level's {@linkplain DateLevel#similarity() similarity};
 * {@link #condition} makes comparison levels of exactly the levels wanted. Strings that are not
 * in one of the three ISO forms compare as {@link DateLevel#EXACT} when equal and
 * {@link DateLevel#DIFFERENT} otherwise.
 *
 * <p>Contract: symmetric; range {@code [0, 1]}; equal values score {@code 1}; {@code null}
 * arguments throw {@link NullPointerException}. Dates are parsed from the characters directly
 * and day distances computed arithmetically (days-from-civil, H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", 2013), so a comparison allocates nothing. Immutable (apart from
 * the conditions' per-thread memo of the last pair) and thread-safe.
 */
public final class DateComparator implements FieldComparator {

    private final int withinDays;
    /** The level of the last pair each thread asked a {@link #condition} about (six levels ask about one pair). */
    private final ThreadLocal<LastPair> last = ThreadLocal.withInitial(LastPair::new);
    private static final DateLevel[] LEVELS = DateLevel.values();

    DateComparator(int withinDays) {
        this.withinDays = withinDays;
    }

    /** The window of {@link DateLevel#WITHIN_DAYS}, in days; {@code 0} disables that level. */
    public int withinDays() {
        return withinDays;
    }

    @Override
    public double compare(String a, String b) {
        return level(a, b).similarity();
    }

    /**
     * How two dates agree.
     *
     * @param a an ISO date, never {@code null}
     * @param b another, never {@code null}
     * @return the strongest level the pair reaches
     */
    public DateLevel level(String a, String b) {
        if (a.equals(b)) {
            return DateLevel.EXACT;
        }
        int x = parse(a);
        int y = parse(b);
        if (x < 0 || y < 0) {
            return DateLevel.DIFFERENT;
        }
        int yx = x / 10000;
        int mx = x / 100 % 100;
        int dx = x % 100;
        int yy = y / 10000;
        int my = y / 100 % 100;
        int dy = y % 100;
        if (dx == 0 || dy == 0) {
            // at least one partial date: compare the components both have
            boolean agree = yx == yy && (mx == 0 || my == 0 || (mx == my && (dx == 0 || dy == 0 || dx == dy)));
            return agree ? (x == y ? DateLevel.EXACT : DateLevel.PARTIAL_AGREEMENT) : DateLevel.DIFFERENT;
        }
        if (x == y) {
            return DateLevel.EXACT;
        }
        if (yx == yy && mx == dy && dx == my) {
            return DateLevel.DAY_MONTH_SWAPPED;
        }
        if (mx == my && dx == dy && Math.abs(yx - yy) == 1) {
            return DateLevel.YEAR_OFF_BY_ONE;
        }
        if (withinDays > 0 && Math.abs(epochDay(yx, mx, dx) - epochDay(yy, my, dy)) <= withinDays) {
            return DateLevel.WITHIN_DAYS;
        }
        return DateLevel.DIFFERENT;
    }

    /**
     * A level condition that holds when the pair's level is one of the given ones, e.g.
     * {@code condition(DateLevel.DAY_MONTH_SWAPPED, DateLevel.YEAR_OFF_BY_ONE)}.
     *
     * @param first a level
     * @param more further levels
     * @return the condition; thread-safe
     */
    public LevelCondition condition(DateLevel first, DateLevel... more) {
        Set<DateLevel> levels = EnumSet.of(Objects.requireNonNull(first, "level"), more);
        return new LevelCondition() {
            @Override
            public boolean test(String a, String b) {
                LastPair pair = last.get();
                if (!pair.holds(a, b)) {
                    pair.hold(a, b, level(a, b).ordinal(), 0);
                }
                return levels.contains(LEVELS[(int) pair.first()]);
            }

            @Override
            public String toString() {
                return "date level in " + levels;
            }
        };
    }

    /**
     * {@code yyyy * 10000 + MM * 100 + dd} with {@code 0} for a missing month or day, or
     * {@code -1} when the value is not {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}.
     */
    static int parse(String s) {
        int n = s.length();
        if (n != 4 && n != 7 && n != 10) {
            return -1;
        }
        int year = digits(s, 0, 4);
        if (year < 0) {
            return -1;
        }
        int month = 0;
        int day = 0;
        if (n >= 7) {
            if (s.charAt(4) != '-') {
                return -1;
            }
            month = digits(s, 5, 2);
            if (month < 1 || month > 12) {
                return -1;
            }
        }
        if (n == 10) {
            if (s.charAt(7) != '-') {
                return -1;
            }
            day = digits(s, 8, 2);
            if (day < 1 || day > 31) {
                return -1;
            }
        }
        return year * 10000 + month * 100 + day;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    @Override
    public String toString() {
        return "date(within " + withinDays + " days)";
    }
}
