package io.unum.matchers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

/**
 * Checks the hand-written string algorithms against independent implementations on seeded
 * random pairs: Jaro–Winkler and Levenshtein against Apache Commons Text (bit-exact), optimal
 * string alignment against a textbook dynamic programme written here.
 */
class OracleTest {

    private static final int PAIRS = 100_000;

    @Test
    void jaroWinklerEqualsCommonsTextBitForBit() {
        JaroWinklerSimilarity oracle = new JaroWinklerSimilarity();
        Random random = new Random(1);
        int long64 = 0;
        for (int i = 0; i < PAIRS; i++) {
            String[] p = Samples.pair(random, i % 20 == 0 ? 150 : 24);
            long64 += Math.max(p[0].length(), p[1].length()) > 64 ? 1 : 0;
            double expected = oracle.apply(p[0], p[1]);
            double actual = Comparators.jaroWinkler().compare(p[0], p[1]);
            assertEquals(expected, actual, 0.0, () -> "'" + p[0] + "' vs '" + p[1] + "'");
        }
        // the scratch-array path (longer string beyond 64 code units) was exercised
        assertEquals(true, long64 > 1000, "pairs beyond 64 code units: " + long64);
    }

    @Test
    void levenshteinEqualsCommonsText() {
        LevenshteinDistance oracle = LevenshteinDistance.getDefaultInstance();
        Random random = new Random(2);
        for (int i = 0; i < PAIRS; i++) {
            String[] p = Samples.pair(random, i % 20 == 0 ? 150 : 24);
            int expected = oracle.apply(p[0], p[1]);
            assertEquals(expected, EditDistances.levenshtein(p[0], p[1]), () -> "'" + p[0] + "' vs '" + p[1] + "'");
            int longest = Math.max(p[0].length(), p[1].length());
            double similarity = longest == 0 ? 1.0 : 1.0 - (double) expected / longest;
            assertEquals(similarity, Comparators.levenshtein().compare(p[0], p[1]), 0.0);
        }
    }

    @Test
    void boundedLevenshteinEqualsCommonsText() {
        Random random = new Random(3);
        LevenshteinDistance[] oracles = new LevenshteinDistance[8];
        for (int k = 0; k < oracles.length; k++) {
            oracles[k] = new LevenshteinDistance(k);
        }
        for (int i = 0; i < PAIRS; i++) {
            String[] p = Samples.pair(random, i % 20 == 0 ? 150 : 24);
            int k = random.nextInt(oracles.length);
            int expected = oracles[k].apply(p[0], p[1]);
            int bound = k;
            assertEquals(expected, EditDistances.levenshtein(p[0], p[1], k),
                    () -> "'" + p[0] + "' vs '" + p[1] + "' bound " + bound);
        }
    }

    @Test
    void optimalStringAlignmentEqualsReference() {
        Random random = new Random(4);
        for (int i = 0; i < PAIRS; i++) {
            String[] p = i % 3 == 0 ? new String[] {Samples.smallAlphabet(random, 12), Samples.smallAlphabet(random, 12)}
                    : Samples.pair(random, i % 20 == 0 ? 150 : 24);
            int expected = referenceOsa(p[0], p[1]);
            assertEquals(expected, EditDistances.damerauLevenshtein(p[0], p[1]), () -> "'" + p[0] + "' vs '" + p[1] + "'");
            int k = random.nextInt(5);
            assertEquals(expected <= k ? expected : -1, EditDistances.damerauLevenshtein(p[0], p[1], k));
        }
    }

    @Test
    void oneTypoAnswersAsTheFullDistanceDoes() {
        // near pairs (at most two edits, often one, on a small alphabet so that swaps and repeats
        // abound), compared over random sub-ranges as the range similarity does
        LevenshteinDistance oracle = new LevenshteinDistance(1);
        Random random = new Random(5);
        int[] seen = new int[3];
        for (int i = 0; i < PAIRS; i++) {
            String a = i % 2 == 0 ? Samples.smallAlphabet(random, 14) : Samples.randomString(random, 14);
            String b = Samples.mutate(random, a, random.nextInt(4) == 0 ? 2 : 1);
            String[] p = random.nextBoolean() ? new String[] {a, b} : new String[] {b, a};
            int osa = referenceOsa(p[0], p[1]);
            seen[Math.min(osa, 2)]++;
            assertEquals(osa <= 1 ? osa : -1, EditDistances.damerauLevenshtein(p[0], p[1], 1),
                    () -> "'" + p[0] + "' vs '" + p[1] + "'");
            assertEquals(osa == 0 ? 0 : -1, EditDistances.damerauLevenshtein(p[0], p[1], 0));
            assertEquals(oracle.apply(p[0], p[1]), EditDistances.levenshtein(p[0], p[1], 1),
                    () -> "'" + p[0] + "' vs '" + p[1] + "'");
            // the same answer as the bit-parallel distance, on sub-ranges of both strings
            int ao = random.nextInt(p[0].length() + 1);
            int al = random.nextInt(p[0].length() - ao + 1);
            int bo = random.nextInt(p[1].length() + 1);
            int bl = random.nextInt(p[1].length() - bo + 1);
            for (boolean transpositions : new boolean[] {true, false}) {
                int full = EditDistance.distance(p[0], ao, al, p[1], bo, bl, EditDistance.UNBOUNDED, transpositions);
                assertEquals(full <= 1 ? full : -1, EditDistance.distance(p[0], ao, al, p[1], bo, bl, 1, transpositions),
                        () -> "'" + p[0] + "' vs '" + p[1] + "' ranges " + ao + "+" + al + ", " + bo + "+" + bl);
            }
        }
        for (int distance = 0; distance < 3; distance++) {
            assertEquals(true, seen[distance] > PAIRS / 50, "pairs at distance " + distance + ": " + seen[distance]);
        }
    }

    /** The textbook O(mn) optimal-string-alignment recurrence over full matrices. */
    static int referenceOsa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
