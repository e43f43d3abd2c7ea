package io.unum.matchers;

import io.unum.matchers.compare.Comparators;
import io.unum.matchers.internal.LastPair;
import io.unum.rules.LevelCondition;
import io.unum.spi.FieldComparator;

/**
 * Comparison-level conditions over a composite address feature {@code "street|postcode|city"}
 * (any part may be empty). Street, postcode and city are strongly correlated — a matching street
 * almost implies a matching postcode and city — so scoring them as three independent
 * comparisons would count one shared address (a household) three times. One comparison with
 * ordered levels over the composite counts it once.
 *
 * <p>Equality tests compare regions in place; similarity tests extract the parts. All
 * conditions are symmetric, pure and thread-safe.
 */
final class AddressLevels {

    private static final int STREET = 0;
    private static final int POSTCODE = 1;
    private static final int CITY = 2;

    private AddressLevels() {
    }

    /**
     * Joins normalized parts into the composite; {@code null} when all are absent. A {@code |}
     * inside a part becomes a space, so the composite always has exactly two separators.
     */
    static String composite(String street, String postcode, String city) {
        if (street == null && postcode == null && city == null) {
            return null;
        }
        return clean(street) + "|" + clean(postcode) + "|" + clean(city);
    }

    private static String clean(String part) {
        return part == null ? "" : part.replace('|', ' ');
    }

    /** Same street and same locality (postcode or city; or no locality on either side). */
    static LevelCondition streetAndLocality() {
        return named("street and locality exact", (a, b) -> {
            LastPair c = cuts(a, b);
            long ca = c.first();
            long cb = c.second();
            return equal(a, ca, b, cb, STREET) && (equal(a, ca, b, cb, POSTCODE) || equal(a, ca, b, cb, CITY)
                    || (!localityPresent(a, ca) && !localityPresent(b, cb)));
        });
    }

    /** Same street, different or one-sided locality. */
    static LevelCondition street() {
        return named("street exact", (a, b) -> {
            LastPair c = cuts(a, b);
            return equal(a, c.first(), b, c.second(), STREET);
        });
    }

    /** Similar street (comparator at least {@code threshold}) in the same locality. */
    static LevelCondition similarStreetSameLocality(FieldComparator comparator, double threshold) {
        return named("street " + comparator + " >= " + threshold + ", same locality", (a, b) -> {
            LastPair c = cuts(a, b);
            long ca = c.first();
            long cb = c.second();
            if (!(equal(a, ca, b, cb, POSTCODE) || equal(a, ca, b, cb, CITY))) {
                return false;
            }
            return similar(a, ca, b, cb, STREET, comparator, threshold);
        });
    }

    /**
     * Same postcode; {@code streetsKnown} selects pairs with a street on both sides (which then
     * differ, if earlier levels took the equal ones) or pairs where a side has none.
     */
    static LevelCondition postcode(boolean streetsKnown) {
        return named(streetsKnown ? "postcode exact, streets differ" : "postcode exact, no street to compare",
                (a, b) -> {
                    LastPair c = cuts(a, b);
                    long ca = c.first();
                    long cb = c.second();
                    return streetOnBoth(ca, cb) == streetsKnown && equal(a, ca, b, cb, POSTCODE);
                });
    }

    /** Same city; {@code streetsKnown} as for {@link #postcode(boolean)}. */
    static LevelCondition city(boolean streetsKnown) {
        return named(streetsKnown ? "city exact, streets differ" : "city exact, no street to compare",
                (a, b) -> {
                    LastPair c = cuts(a, b);
                    long ca = c.first();
                    long cb = c.second();
                    return streetOnBoth(ca, cb) == streetsKnown && equal(a, ca, b, cb, CITY);
                });
    }

    private static boolean streetOnBoth(long ca, long cb) {
        return end(0, ca, STREET) > 0 && end(0, cb, STREET) > 0;
    }

    /** Postcodes or cities similar: each comparator at least its threshold. */
    static LevelCondition similarLocality(FieldComparator postcodeComparator, double postcodeThreshold,
            FieldComparator cityComparator, double cityThreshold) {
        return named("similar postcode or city", (a, b) -> {
            LastPair c = cuts(a, b);
            long ca = c.first();
            long cb = c.second();
            return similar(a, ca, b, cb, POSTCODE, postcodeComparator, postcodeThreshold)
                    || similar(a, ca, b, cb, CITY, cityComparator, cityThreshold);
        });
    }

    private static boolean similar(String a, long ca, String b, long cb, int index, FieldComparator comparator,
            double threshold) {
        int as = start(ca, index);
        int ae = end(a.length(), ca, index);
        int bs = start(cb, index);
        int be = end(b.length(), cb, index);
        return ae > as && be > bs && Comparators.compareParts(comparator, a, as, ae, b, bs, be) >= threshold;
    }

    private static boolean localityPresent(String v, long c) {
        return end(v.length(), c, POSTCODE) > start(c, POSTCODE) || end(v.length(), c, CITY) > start(c, CITY);
    }

    /** Whether part {@code index} is non-empty on both sides and equal. */
    static boolean equal(String a, String b, int index) {
        return equal(a, cuts(a), b, cuts(b), index);
    }

    private static boolean equal(String a, long ca, String b, long cb, int index) {
        int as = start(ca, index);
        int ae = end(a.length(), ca, index);
        int bs = start(cb, index);
        int be = end(b.length(), cb, index);
        return ae > as && ae - as == be - bs && a.regionMatches(as, b, bs, ae - as);
    }

    static String part(String v, int index) {
        long c = cuts(v);
        return v.substring(start(c, index), end(v.length(), c, index));
    }

    /**
     * The positions of the composite's two separators, packed: the first in the high 32 bits,
     * the second in the low ones ({@code -1} for a missing one, which {@link #composite} never
     * makes).
     */
    private static long cuts(String v) {
        int first = v.indexOf('|');
        int second = first < 0 ? -1 : v.indexOf('|', first + 1);
        return ((long) first << 32) | (second & 0xFFFFFFFFL);
    }

    /** The separators of the last pair each thread compared (up to nine levels ask about one pair). */
    private static final ThreadLocal<LastPair> LAST = ThreadLocal.withInitial(LastPair::new);

    /** The pair's separators: {@link LastPair#first()} of {@code a}, {@link LastPair#second()} of {@code b}. */
    private static LastPair cuts(String a, String b) {
        LastPair last = LAST.get();
        if (!last.holds(a, b)) {
            last.hold(a, b, cuts(a), cuts(b));
        }
        return last;
    }

    private static int start(long cuts, int index) {
        return switch (index) {
            case STREET -> 0;
            case POSTCODE -> (int) (cuts >> 32) + 1;
            default -> (int) cuts + 1;
        };
    }

    /** The end of part {@code index}; for the street, {@code length} is not read. */
    private static int end(int length, long cuts, int index) {
        int cut = switch (index) {
            case STREET -> (int) (cuts >> 32);
            case POSTCODE -> (int) cuts;
            default -> -1;
        };
        return cut < 0 ? length : cut;
    }

    private static LevelCondition named(String description, java.util.function.BiPredicate<String, String> test) {
        return LevelCondition.named(description, test);
    }
}
