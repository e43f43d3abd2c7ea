package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.matchers.compare.Comparators;
import io.unum.rules.LevelCondition;
import io.unum.spi.FieldComparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The address level conditions against their definitions, written here over
 * {@code String.split}: on 100,000 seeded pairs of composites from small vocabularies (so that
 * parts agree often), with empty parts, each condition gives the definition's answer.
 */
class AddressLevelsTest {

    private static final String[] STREETS = {"", "1 main st", "1 main street", "12 oak ave", "12 oak av", "7 elm rd",
        "70 elm rd", "3 n high st", "3 north high st"};
    private static final String[] POSTCODES = {"", "02134", "02135", "2134", "90210", "90211"};
    private static final String[] CITIES = {"", "boston", "bostn", "allston", "beverly hills", "beverley hills"};

    private static String[] parts(String composite) {
        return composite.split("\\|", -1);
    }

    private static boolean same(String x, String y) {
        return !x.isEmpty() && x.equals(y);
    }

    private static boolean similar(String x, String y, FieldComparator comparator, double threshold) {
        return !x.isEmpty() && !y.isEmpty() && comparator.compare(x, y) >= threshold;
    }

    private record Case(String name, LevelCondition condition, BiPredicate<String[], String[]> definition) {
    }

    @Test
    void conditionsFollowTheirDefinitions() {
        FieldComparator jw = Comparators.jaroWinkler();
        List<Case> cases = List.of(
                new Case("street and locality", AddressLevels.streetAndLocality(), (a, b) -> same(a[0], b[0])
                        && (same(a[1], b[1]) || same(a[2], b[2])
                                || (a[1].isEmpty() && a[2].isEmpty() && b[1].isEmpty() && b[2].isEmpty()))),
                new Case("street", AddressLevels.street(), (a, b) -> same(a[0], b[0])),
                new Case("similar street", AddressLevels.similarStreetSameLocality(jw, 0.9),
                        (a, b) -> (same(a[1], b[1]) || same(a[2], b[2])) && similar(a[0], b[0], jw, 0.9)),
                new Case("postcode, no street", AddressLevels.postcode(false),
                        (a, b) -> (a[0].isEmpty() || b[0].isEmpty()) && same(a[1], b[1])),
                new Case("postcode, streets", AddressLevels.postcode(true),
                        (a, b) -> !a[0].isEmpty() && !b[0].isEmpty() && same(a[1], b[1])),
                new Case("city, no street", AddressLevels.city(false),
                        (a, b) -> (a[0].isEmpty() || b[0].isEmpty()) && same(a[2], b[2])),
                new Case("city, streets", AddressLevels.city(true),
                        (a, b) -> !a[0].isEmpty() && !b[0].isEmpty() && same(a[2], b[2])),
                new Case("similar locality", AddressLevels.similarLocality(jw, 0.9, jw, 0.85),
                        (a, b) -> similar(a[1], b[1], jw, 0.9) || similar(a[2], b[2], jw, 0.85)));
        Random random = new Random(7);
        int[] held = new int[cases.size()];
        for (int i = 0; i < 100_000; i++) {
            String a = random(random);
            String b = random(random);
            String[] pa = parts(a);
            String[] pb = parts(b);
            for (int c = 0; c < cases.size(); c++) {
                Case test = cases.get(c);
                boolean expected = test.definition().test(pa, pb);
                assertEquals(expected, test.condition().test(a, b), () -> test.name() + ": " + a + " vs " + b);
                assertEquals(expected, test.condition().test(b, a), () -> test.name() + " (symmetric): " + b + " vs " + a);
                held[c] += expected ? 1 : 0;
            }
        }
        for (int c = 0; c < cases.size(); c++) {
            assertTrue(held[c] > 100 && held[c] < 100_000 - 100, cases.get(c).name() + " held " + held[c] + " times");
        }
    }

    @Test
    void theCompositeHasTwoSeparatorsWhateverItsParts() {
        assertNull(AddressLevels.composite(null, null, null));
        assertEquals("|02134|", AddressLevels.composite(null, "02134", null));
        assertEquals("a b|c|d e", AddressLevels.composite("a|b", "c", "d|e"));
        assertEquals("a b", AddressLevels.part(AddressLevels.composite("a|b", "c", "d|e"), 0));
        assertEquals("c", AddressLevels.part(AddressLevels.composite("a|b", "c", "d|e"), 1));
        assertEquals("d e", AddressLevels.part(AddressLevels.composite("a|b", "c", "d|e"), 2));
    }

    private static String random(Random random) {
        return STREETS[random.nextInt(STREETS.length)] + "|" + POSTCODES[random.nextInt(POSTCODES.length)] + "|"
                + CITIES[random.nextInt(CITIES.length)];
    }
}
