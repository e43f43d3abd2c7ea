package io.unum.matchers.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.spi.FieldComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link FieldComparator} contract, run by every comparator's test: range, no NaN,
 * symmetry, identity, empty and null handling, thread-safety and hostile input.
 */
public abstract class FieldComparatorContract {

    private static final long SEED = 20240611L;
    private static final int PAIRS = 20_000;

    /** The comparator under test. */
    protected abstract FieldComparator comparator();

    /** A random value in the comparator's domain; by default mixed-script strings and near-duplicates. */
    protected String randomValue(Random random) {
        return Samples.randomString(random, 24);
    }

    /** A random pair, often similar. */
    protected String[] randomPair(Random random) {
        String a = randomValue(random);
        String b = random.nextInt(3) == 0 ? Samples.mutate(random, a, 3) : randomValue(random);
        return new String[] {a, b};
    }

    /** The documented similarity of an empty and a non-empty value. */
    protected double emptyAgainstNonEmpty() {
        return 0.0;
    }

    /**
     * Whether the comparator documents that {@code null} arguments throw
     * {@link NullPointerException}; otherwise a {@code null} second argument must at least not
     * give a value outside [0, 1] (the engine never passes {@code null}).
     */
    protected boolean throwsOnNull() {
        return true;
    }

    private List<String[]> pairs(long seed, int count) {
        Random random = new Random(seed);
        List<String[]> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(randomPair(random));
        }
        return pairs;
    }

    @Test
    void resultIsInUnitRangeAndNeverNaN() {
        FieldComparator comparator = comparator();
        for (String[] p : pairs(SEED, PAIRS)) {
            double s = comparator.compare(p[0], p[1]);
            assertTrue(s >= 0.0 && s <= 1.0, () -> comparator + " gave " + s + " for " + describe(p));
        }
    }

    @Test
    void isSymmetric() {
        FieldComparator comparator = comparator();
        for (String[] p : pairs(SEED + 1, PAIRS)) {
            double ab = comparator.compare(p[0], p[1]);
            double ba = comparator.compare(p[1], p[0]);
            assertEquals(ab, ba, 0.0, () -> comparator + " is not symmetric for " + describe(p));
        }
    }

    @Test
    void equalValuesScoreOne() {
        FieldComparator comparator = comparator();
        Random random = new Random(SEED + 2);
        for (int i = 0; i < PAIRS; i++) {
            String a = randomValue(random);
            if (a.isEmpty()) {
                continue;
            }
            String copy = new String(a.toCharArray()); // equal, not identical
            assertEquals(1.0, comparator.compare(a, copy), 0.0, () -> comparator + " on equal values " + describe(a));
        }
    }

    @Test
    void emptyValues() {
        FieldComparator comparator = comparator();
        assertEquals(1.0, comparator.compare("", ""), 0.0, "two empty values");
        Random random = new Random(SEED + 3);
        for (int i = 0; i < 1000; i++) {
            String a = randomValue(random);
            if (a.isEmpty()) {
                continue;
            }
            assertEquals(emptyAgainstNonEmpty(), comparator.compare("", a), 0.0, () -> "empty against " + describe(a));
            assertEquals(emptyAgainstNonEmpty(), comparator.compare(a, ""), 0.0, () -> describe(a) + " against empty");
        }
    }

    @Test
    void nullsAreRejected() {
        FieldComparator comparator = comparator();
        if (!throwsOnNull()) {
            assertThrows(NullPointerException.class, () -> comparator.compare(null, "a"));
            double s = comparator.compare("a", null);
            assertTrue(s >= 0.0 && s <= 1.0);
            return;
        }
        assertThrows(NullPointerException.class, () -> comparator.compare(null, "a"));
        assertThrows(NullPointerException.class, () -> comparator.compare("a", null));
        assertThrows(NullPointerException.class, () -> comparator.compare(null, null));
    }

    @Test
    void isThreadSafe() throws Exception {
        FieldComparator comparator = comparator();
        List<String[]> pairs = pairs(SEED + 4, 3000);
        double[] expected = new double[pairs.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = comparator.compare(pairs.get(i)[0], pairs.get(i)[1]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    double[] actual = new double[pairs.size()];
                    for (int k = 0; k < pairs.size(); k++) {
                        int i = (k * 7 + offset * 131) % pairs.size(); // each thread in its own order
                        actual[i] = comparator.compare(pairs.get(i)[0], pairs.get(i)[1]);
                    }
                    return actual;
                }));
            }
            for (Future<double[]> result : results) {
                assertArrayEquals(expected, result.get(), 0.0, comparator + " under concurrency");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void survivesHostileInput() {
        FieldComparator comparator = comparator();
        List<String> hostile = Samples.hostile();
        List<String> others = new ArrayList<>(hostile);
        others.add("");
        others.add("anna");
        others.add("john smith");
        for (String a : hostile) {
            for (String b : others) {
                double ab = comparator.compare(a, b);
                double ba = comparator.compare(b, a);
                assertTrue(ab >= 0.0 && ab <= 1.0, () -> comparator + " out of range on hostile input " + describe(a));
                assertEquals(ab, ba, 0.0, () -> comparator + " asymmetric on hostile input " + describe(a));
            }
            assertEquals(1.0, comparator.compare(a, new String(a.toCharArray())), 0.0);
        }
    }

    /** A value-free description for assertion messages of huge values; short values are shown. */
    protected static String describe(String... values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append(v.length() > 80 ? "<" + v.length() + " chars>" : "'" + v + "'").append(' ');
        }
        return out.toString().trim();
    }
}
