package io.unum.matchers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.spi.FieldComparator;
import org.junit.jupiter.api.Test;

/** Known values and documented behaviour of each comparator. */
class ComparatorsTest {

    private static final double EPS = 1e-9;

    @Test
    void jaroAndJaroWinklerKnownValues() {
        // Winkler (1990) and the Commons Text documentation
        assertEquals(0.944444444, Comparators.jaro().compare("martha", "marhta"), 1e-6);
        assertEquals(0.961111111, Comparators.jaroWinkler().compare("martha", "marhta"), 1e-6);
        assertEquals(0.84, Comparators.jaroWinkler().compare("dwayne", "duane"), 1e-6);
        assertEquals(0.813333333, Comparators.jaroWinkler().compare("dixon", "dicksonx"), 1e-6);
        assertEquals(0.0, Comparators.jaroWinkler().compare("fly", "ant"), 0.0);
        // below 0.7 there is no prefix boost
        double jaro = Comparators.jaro().compare("abcxyz", "abqrst");
        assertTrue(jaro < 0.7);
        assertEquals(jaro, Comparators.jaroWinkler().compare("abcxyz", "abqrst"), 0.0);
    }

    @Test
    void comparePartsEqualsCompareOnTheSubstrings() {
        java.util.Random random = new java.util.Random(17);
        FieldComparator[] comparators = {Comparators.exact(), Comparators.jaro(), Comparators.jaroWinkler(),
            Comparators.levenshtein(), Comparators.levenshtein(2), Comparators.damerauLevenshtein(),
            Comparators.jaccardTokens(), Comparators.mongeElkan()};
        String alphabet = "abcde fgh";
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random, alphabet, random.nextInt(i % 50 == 0 ? 400 : 12));
            String b = random.nextInt(4) == 0 ? a : randomString(random, alphabet, random.nextInt(i % 50 == 0 ? 400 : 12));
            int af = random.nextInt(a.length() + 1);
            int at = af + random.nextInt(a.length() - af + 1);
            int bf = random.nextInt(b.length() + 1);
            int bt = bf + random.nextInt(b.length() - bf + 1);
            for (FieldComparator comparator : comparators) {
                assertEquals(comparator.compare(a.substring(af, at), b.substring(bf, bt)),
                        Comparators.compareParts(comparator, a, af, at, b, bf, bt), 0.0,
                        () -> comparator + " on parts of " + a + " and " + b);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> Comparators.compareParts(Comparators.exact(), "ab", 1, 3, "ab", 0, 1));
    }

    private static String randomString(java.util.Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void jaroWinklerLongValuesUseTheSameDefinition() {
        String a = "the quick brown fox jumps over the lazy dog and keeps running far away";
        String b = "the quick brown fox jumped over a lazy dog and kept running far away!";
        assertTrue(a.length() > 64 && b.length() > 64);
        assertEquals(new org.apache.commons.text.similarity.JaroWinklerSimilarity().apply(a, b),
                Comparators.jaroWinkler().compare(a, b), 0.0);
    }

    @Test
    void levenshteinKnownValues() {
        assertEquals(3, EditDistances.levenshtein("kitten", "sitting"));
        assertEquals(1.0 - 3.0 / 7, Comparators.levenshtein().compare("kitten", "sitting"), EPS);
        assertEquals(2, EditDistances.levenshtein("ca", "ac"));
        assertEquals(-1, EditDistances.levenshtein("kitten", "sitting", 2));
        assertEquals(3, EditDistances.levenshtein("kitten", "sitting", 3));
        assertEquals(0.0, Comparators.levenshtein(2).compare("kitten", "sitting"), 0.0);
        assertEquals(1.0 - 1.0 / 6, Comparators.levenshtein(2).compare("kitten", "mitten"), EPS);
        assertEquals(-1, EditDistances.levenshtein("a", "abcdefgh", 3), "length difference alone exceeds the bound");
        assertThrows(IllegalArgumentException.class, () -> Comparators.levenshtein(-1));
    }

    @Test
    void optimalStringAlignmentCountsAdjacentTranspositionsOnce() {
        assertEquals(1, EditDistances.damerauLevenshtein("ca", "ac"));
        assertEquals(1, EditDistances.damerauLevenshtein("marhta", "martha"));
        // OSA never edits a substring twice: "ca" -> "abc" takes 3 (true Damerau distance is 2)
        assertEquals(3, EditDistances.damerauLevenshtein("ca", "abc"));
        assertEquals(1, EditDistances.damerauLevenshtein("19840307", "19840370"));
        assertEquals(-1, EditDistances.damerauLevenshtein("19840307", "19480703", 1));
        assertEquals(0.5, Comparators.damerauLevenshtein().compare("ca", "ac"), EPS);
    }

    @Test
    void editDistancesCountUtf16CodeUnits() {
        // an emoji is two code units; Cyrillic a is not Latin a
        assertEquals(2, EditDistances.levenshtein("a😀", "a"));
        assertEquals(1, EditDistances.levenshtein("\u0430nna", "anna"));
        assertEquals(1, EditDistances.levenshtein("jo\u200Bhn", "john"), "zero-width space is a character here");
    }

    @Test
    void tokenSetMeasures() {
        assertEquals(1.0, Comparators.jaccardTokens().compare("john smith", "smith  john"), 0.0);
        assertEquals(1.0 / 3, Comparators.jaccardTokens().compare("a b", "a c"), EPS);
        assertEquals(0.5, Comparators.diceTokens().compare("a b", "a c"), EPS);
        assertEquals(1.0, Comparators.overlapTokens().compare("garcia lopez", "garcia"), 0.0);
        assertEquals(0.5, Comparators.jaccardTokens().compare("garcia lopez", "garcia"), EPS);
        // multisets: a repeated token counts twice
        assertEquals(0.5, Comparators.jaccardTokens().compare("john john", "john"), EPS);
        assertEquals(0.0, Comparators.jaccardTokens().compare("  ", " "), 0.0, "no tokens on either side");
    }

    @Test
    void qGramMeasuresArePadded() {
        // padded bigrams of "ab": ^a ab b$ ; of "ba": ^b ba a$
        assertEquals(0.0, Comparators.jaccardQGrams(2).compare("ab", "ba"), 0.0);
        // "abc" vs "abd": ^a ab bc c$ against ^a ab bd d$ -> 2 shared of 6 distinct
        assertEquals(2.0 / 6, Comparators.jaccardQGrams(2).compare("abc", "abd"), EPS);
        assertEquals(2.0 * 2 / 8, Comparators.diceQGrams(2).compare("abc", "abd"), EPS);
        // a single character still has grams
        assertEquals(0.0, Comparators.diceQGrams(3).compare("a", "b"), 0.0);
        assertTrue(Comparators.diceQGrams(3).compare("jonathan", "johnathan") > 0.6);
        assertThrows(IllegalArgumentException.class, () -> Comparators.diceQGrams(5));
        assertThrows(IllegalArgumentException.class, () -> Comparators.jaccardQGrams(0));
    }

    @Test
    void mongeElkanIsTheSymmetricMeanOfBothDirections() {
        FieldComparator jw = Comparators.jaroWinkler();
        double x = Math.max(jw.compare("lopez", "maria"), jw.compare("lopez", "garcia"));
        double expected = (1.0 + (2.0 + x) / 3) / 2;
        assertEquals(expected, Comparators.mongeElkan().compare("maria garcia lopez", "maria garcia"), EPS);
        assertEquals(1.0, Comparators.mongeElkan().compare("smith john", "john smith"), 0.0);
        // the generic path gives the same result as the in-place one
        FieldComparator foreign = (a, b) -> jw.compare(a, b);
        assertEquals(Comparators.mongeElkan().compare("jon smyth", "john smith"),
                Comparators.mongeElkan(foreign).compare("jon smyth", "john smith"), 0.0);
    }

    @Test
    void phoneticEquality() {
        assertEquals(1.0, Comparators.soundex().compare("robert", "rupert"), 0.0);
        assertEquals(0.0, Comparators.soundex().compare("robert", "rubin"), 0.0);
        assertEquals(1.0, Comparators.doubleMetaphone().compare("smith", "schmidt"), 0.0, "alternate of smith = primary of schmidt");
        assertEquals(1.0, Comparators.nysiis().compare("knight", "night"), 0.0);
        assertEquals(1.0, Comparators.beiderMorse().compare("meyer", "maier"), 0.0);
        assertEquals(1.0, Comparators.beiderMorse().compare("schmidt", "smyth"), 0.0);
        assertEquals(0.0, Comparators.beiderMorse().compare("garcia", "smith"), 0.0);
        assertEquals(0.0, Comparators.soundex().compare("123", "456"), 0.0, "no letters, no code");
        assertEquals(1.0, Comparators.soundex().compare("José", "jose"), 0.0, "input is folded before encoding");
    }

    @Test
    void numericComparators() {
        assertEquals(0.8, Comparators.numericAbsolute(10).compare("10", "12"), EPS);
        assertEquals(0.0, Comparators.numericAbsolute(10).compare("10", "25"), 0.0);
        assertEquals(0.5, Comparators.numericRelative(0.2).compare("100", "90"), EPS);
        assertEquals(1.0, Comparators.numericRelative(0.2).compare("0", "0.000"), 0.0);
        assertEquals(1.0, Comparators.numericAbsolute(1).compare("-0.5", "-.5"), 0.0);
        assertEquals(0.0, Comparators.numericAbsolute(10).compare("ten", "10"), 0.0);
        assertEquals(0.0, Comparators.numericAbsolute(10).compare("1e3", "1000"), 0.0, "exponents are not plain decimals");
        assertThrows(IllegalArgumentException.class, () -> Comparators.numericAbsolute(0));
        assertThrows(IllegalArgumentException.class, () -> Comparators.numericRelative(Double.NaN));
    }

    @Test
    void decimalsParseLikeDouble() {
        String[] values = {"0", "1", "-1", "3.25", "+0.5", "123456789.123456789", "0.000123", "52.5200", "-180",
            "99999999999999999999", ".5", "5."};
        for (String v : values) {
            double expected = Double.parseDouble(v);
            assertEquals(expected, Decimals.parse(v, 0, v.length()), Math.abs(expected) * 1e-15, v);
        }
        for (String v : new String[] {"", "-", ".", "1.2.3", "1,5", "1e5", "NaN", "Infinity", "--1"}) {
            assertTrue(Double.isNaN(Decimals.parse(v, 0, v.length())), v);
        }
    }

    @Test
    void haversineDistance() {
        // Paris - London: 343.5 km on the mean-radius sphere
        double km = GeoDistance.haversineKm(48.8566, 2.3522, 51.5074, -0.1278);
        assertEquals(343.5, km, 0.5);
        assertEquals(1.0 - km / 1000, Comparators.geoDistance(1000).compare("48.8566,2.3522", "51.5074, -0.1278"), 1e-6);
        assertEquals(0.0, Comparators.geoDistance(100).compare("48.8566,2.3522", "51.5074,-0.1278"), 0.0);
        assertEquals(0.0, Comparators.geoDistance(100).compare("91,0", "91,0.1"), 0.0, "latitude out of range");
        // antipodes: half the circumference
        assertEquals(Math.PI * GeoDistance.EARTH_RADIUS_KM, GeoDistance.haversineKm(0, 0, 0, 180), 1e-6);
    }

    @Test
    void longValuesAreComparedByTheirCappedPrefix() {
        String prefix = "x".repeat(Comparators.MAX_COMPARED_LENGTH);
        assertEquals(1.0, Comparators.jaroWinkler().compare(prefix + "abc", prefix + "xyz"), 0.0);
        assertEquals(0, EditDistances.levenshtein(prefix + "abc", prefix + "xyz"));
        assertEquals(1, EditDistances.levenshtein(prefix.substring(1) + "a", prefix + "zzz"));
    }

    @Test
    void descriptionsNameTheAlgorithm() {
        assertEquals("jaro-winkler", Comparators.jaroWinkler().toString());
        assertEquals("levenshtein(<= 2)", Comparators.levenshtein(2).toString());
        assertEquals("dice(3-grams)", Comparators.diceQGrams(3).toString());
        assertEquals("monge-elkan(jaro-winkler)", Comparators.mongeElkan().toString());
        assertEquals("double-metaphone-equal", Comparators.doubleMetaphone().toString());
    }
}
