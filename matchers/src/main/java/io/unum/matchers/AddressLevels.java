package io.unum.matchers;

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

    /** Joins normalized parts into the composite; {@code null} when all are absent. */
    static String composite(String street, String postcode, String city) {
        if (street == null && postcode == null && city == null) {
            return null;
        }
        return (street == null ? "" : street) + "|" + (postcode == null ? "" : postcode) + "|" + (city == null ? "" : city);
    }

    /** Same street and same locality (postcode or city; or no locality on either side). */
    static LevelCondition streetAndLocality() {
        return named("street and locality exact", (a, b) -> equal(a, b, STREET)
                && (equal(a, b, POSTCODE) || equal(a, b, CITY) || (!localityPresent(a) && !localityPresent(b))));
    }

    /** Same street, different or one-sided locality. */
    static LevelCondition street() {
        return named("street exact", (a, b) -> equal(a, b, STREET));
    }

    /** Similar street (comparator at least {@code threshold}) in the same locality. */
    static LevelCondition similarStreetSameLocality(FieldComparator comparator, double threshold) {
        return named("street " + comparator + " >= " + threshold + ", same locality", (a, b) -> {
            if (!(equal(a, b, POSTCODE) || equal(a, b, CITY))) {
                return false;
            }
            String x = part(a, STREET);
            String y = part(b, STREET);
            return !x.isEmpty() && !y.isEmpty() && comparator.compare(x, y) >= threshold;
        });
    }

    /**
     * Same postcode; {@code streetsKnown} selects pairs with a street on both sides (which then
     * differ, if earlier levels took the equal ones) or pairs where a side has none.
     */
    static LevelCondition postcode(boolean streetsKnown) {
        return named(streetsKnown ? "postcode exact, streets differ" : "postcode exact, no street to compare",
                (a, b) -> streetOnBoth(a, b) == streetsKnown && equal(a, b, POSTCODE));
    }

    /** Same city; {@code streetsKnown} as for {@link #postcode(boolean)}. */
    static LevelCondition city(boolean streetsKnown) {
        return named(streetsKnown ? "city exact, streets differ" : "city exact, no street to compare",
                (a, b) -> streetOnBoth(a, b) == streetsKnown && equal(a, b, CITY));
    }

    private static boolean streetOnBoth(String a, String b) {
        return end(a, STREET) > 0 && end(b, STREET) > 0;
    }

    /** Postcodes or cities similar: each comparator at least its threshold. */
    static LevelCondition similarLocality(FieldComparator postcodeComparator, double postcodeThreshold,
            FieldComparator cityComparator, double cityThreshold) {
        return named("similar postcode or city", (a, b) -> similar(a, b, POSTCODE, postcodeComparator, postcodeThreshold)
                || similar(a, b, CITY, cityComparator, cityThreshold));
    }

    private static boolean similar(String a, String b, int index, FieldComparator comparator, double threshold) {
        String x = part(a, index);
        String y = part(b, index);
        return !x.isEmpty() && !y.isEmpty() && comparator.compare(x, y) >= threshold;
    }

    private static boolean localityPresent(String v) {
        return end(v, POSTCODE) > start(v, POSTCODE) || end(v, CITY) > start(v, CITY);
    }

    /** Whether part {@code index} is non-empty on both sides and equal. */
    static boolean equal(String a, String b, int index) {
        int as = start(a, index);
        int ae = end(a, index);
        int bs = start(b, index);
        int be = end(b, index);
        return ae > as && ae - as == be - bs && a.regionMatches(as, b, bs, ae - as);
    }

    static String part(String v, int index) {
        return v.substring(start(v, index), end(v, index));
    }

    private static int start(String v, int index) {
        int s = 0;
        for (int i = 0; i < index; i++) {
            s = v.indexOf('|', s) + 1;
        }
        return s;
    }

    private static int end(String v, int index) {
        int e = v.indexOf('|', start(v, index));
        return e < 0 ? v.length() : e;
    }

    @FunctionalInterface
    private interface Test {
        boolean test(String a, String b);
    }

    private static LevelCondition named(String description, Test test) {
        return new LevelCondition() {
            @Override
            public boolean test(String a, String b) {
                return test.test(a, b);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
