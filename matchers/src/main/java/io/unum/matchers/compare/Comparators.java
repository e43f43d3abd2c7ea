package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;
import io.unum.spi.FieldComparator;
import java.util.Objects;

/**
 * Ready-made {@link FieldComparator}s for normalized feature values.
 *
 * <p>Every comparator returned here meets the {@link FieldComparator} contract, which a shared
 * contract test checks: results in {@code [0, 1]} and never {@code NaN}; symmetric; equal
 * values (including two empty strings) score {@code 1}; an empty and a non-empty value score
 * {@code 0}; {@code null} arguments throw {@link NullPointerException} (except for
 * {@link #exact()}, core's comparator, where only a {@code null} first argument does); immutable and safe for
 * concurrent use. Characters are UTF-16 code units: no comparator normalizes (that is the
 * normalizers' job, once per record), so {@code "é"} and {@code "e"}, or Cyrillic {@code "а"}
 * and Latin {@code "a"}, are different characters here. Values longer than
 * {@value #MAX_COMPARED_LENGTH} code units are compared by their first
 * {@value #MAX_COMPARED_LENGTH} code units (identical prefixes of two long values score as
 * identical), which bounds the cost of every comparator on hostile input.
 *
 * <p>Unless stated otherwise a comparator allocates nothing per call: the string algorithms
 * use bit sets in local variables or per-thread scratch arrays.
 */
public final class Comparators {

    /** The longest prefix of a value, in UTF-16 code units, that the comparators look at. */
    public static final int MAX_COMPARED_LENGTH = Scratch.MAX_LENGTH;

    private static final FieldComparator LEVENSHTEIN = new EditDistanceComparator(false, EditDistance.UNBOUNDED);
    private static final FieldComparator DAMERAU_LEVENSHTEIN = new EditDistanceComparator(true, EditDistance.UNBOUNDED);
    private static final FieldComparator JACCARD_TOKENS = new GramSimilarity(GramSimilarity.Measure.JACCARD, 0);
    private static final FieldComparator DICE_TOKENS = new GramSimilarity(GramSimilarity.Measure.DICE, 0);
    private static final FieldComparator OVERLAP_TOKENS = new GramSimilarity(GramSimilarity.Measure.OVERLAP, 0);
    private static final FieldComparator MONGE_ELKAN = new MongeElkan(Jaro.JARO_WINKLER);
    private static final FieldComparator SOUNDEX = new PhoneticEquality(PhoneticEquality.Kind.SOUNDEX);
    private static final FieldComparator NYSIIS = new PhoneticEquality(PhoneticEquality.Kind.NYSIIS);
    private static final FieldComparator DOUBLE_METAPHONE = new PhoneticEquality(PhoneticEquality.Kind.DOUBLE_METAPHONE);
    private static final FieldComparator BEIDER_MORSE = new PhoneticEquality(PhoneticEquality.Kind.BEIDER_MORSE);

    private Comparators() {
    }

    /** Equality, {@link FieldComparator#exact()}: {@code 1} for equal values, {@code 0} otherwise. */
    public static FieldComparator exact() {
        return FieldComparator.exact();
    }

    /**
     * The similarity of a part of one value and a part of another: equal to
     * {@code comparator.compare(a.substring(aFrom, aTo), b.substring(bFrom, bTo))}. The string
     * comparators of this class and {@link #exact()} compare the parts in place, allocating
     * nothing (parts longer than {@value #MAX_COMPARED_LENGTH} code units are compared by their
     * prefixes, as {@code compare} does); any other comparator receives the substrings.
     *
     * @throws IndexOutOfBoundsException if a range is not within its string
     */
    public static double compareParts(FieldComparator comparator, String a, int aFrom, int aTo, String b, int bFrom,
            int bTo) {
        Objects.checkFromToIndex(aFrom, aTo, a.length());
        Objects.checkFromToIndex(bFrom, bTo, b.length());
        if (comparator instanceof RangeSimilarity range) {
            return range.similarity(a, aFrom, Math.min(aTo, aFrom + Scratch.MAX_LENGTH),
                    b, bFrom, Math.min(bTo, bFrom + Scratch.MAX_LENGTH));
        }
        if (comparator == FieldComparator.exact()) {
            int n = aTo - aFrom;
            return n == bTo - bFrom && a.regionMatches(aFrom, b, bFrom, n) ? 1.0 : 0.0;
        }
        return comparator.compare(a.substring(aFrom, aTo), b.substring(bFrom, bTo));
    }

    /**
     * Jaro similarity (Jaro 1989); see {@link #jaroWinkler()} for the definition and the
     * oracle it is tested against.
     */
    public static FieldComparator jaro() {
        return Jaro.JARO;
    }

    /**
     * Jaro–Winkler similarity (M. A. Jaro, JASA 84, 1989; W. E. Winkler, "String comparator
     * metrics and enhanced decision rules in the Fellegi–Sunter model of record linkage",
     * 1990): Jaro similarity, boosted by {@code 0.1} per common prefix character (at most four)
     * when it is at least {@code 0.7}. Results equal Apache Commons Text's
     * {@code JaroWinklerSimilarity} bit for bit (checked on 100,000 seeded pairs, non-ASCII
     * included). Allocation-free; O(n · window).
     */
    public static FieldComparator jaroWinkler() {
        return Jaro.JARO_WINKLER;
    }

    /**
     * Normalized Levenshtein similarity {@code 1 - d / max(|a|, |b|)} (V. I. Levenshtein, 1966),
     * with {@code d} computed bit-parallel (Myers 1999) for values up to 64 code units and by
     * dynamic programming beyond. Distances equal Apache Commons Text's
     * {@code LevenshteinDistance} (checked on 100,000 seeded pairs). Allocation-free.
     */
    public static FieldComparator levenshtein() {
        return LEVENSHTEIN;
    }

    /**
     * Bounded normalized Levenshtein similarity: as {@link #levenshtein()} when the distance is
     * at most {@code maxDistance}, {@code 0} otherwise; the computation stops as soon as the
     * bound is provably exceeded.
     *
     * @param maxDistance the largest distance that scores above zero, at least 0
     */
    public static FieldComparator levenshtein(int maxDistance) {
        return new EditDistanceComparator(false, nonNegative(maxDistance));
    }

    /**
     * Normalized optimal-string-alignment similarity {@code 1 - d / max(|a|, |b|)}: Levenshtein
     * with a transposition of adjacent characters counting as one edit (Damerau 1964), each
     * substring edited at most once. Bit-parallel (Hyyrö 2003) up to 64 code units.
     */
    public static FieldComparator damerauLevenshtein() {
        return DAMERAU_LEVENSHTEIN;
    }

    /**
     * Bounded {@link #damerauLevenshtein()}: {@code 0} beyond {@code maxDistance} edits, with
     * early exit.
     *
     * @param maxDistance the largest distance that scores above zero, at least 0
     */
    public static FieldComparator damerauLevenshtein(int maxDistance) {
        return new EditDistanceComparator(true, nonNegative(maxDistance));
    }

    /** Jaccard similarity of the multisets of white-space separated tokens (Jaccard 1901). */
    public static FieldComparator jaccardTokens() {
        return JACCARD_TOKENS;
    }

    /** Sørensen–Dice similarity of the multisets of tokens (Dice 1945). */
    public static FieldComparator diceTokens() {
        return DICE_TOKENS;
    }

    /**
     * Overlap coefficient of the multisets of tokens, {@code |A ∩ B| / min(|A|, |B|)}: {@code 1}
     * when one value's tokens are all among the other's, as with a double surname and one of its
     * parts.
     */
    public static FieldComparator overlapTokens() {
        return OVERLAP_TOKENS;
    }

    /**
     * Jaccard similarity of the multisets of padded q-grams (Ukkonen 1992).
     *
     * @param q the gram length, 1 to 4
     */
    public static FieldComparator jaccardQGrams(int q) {
        return new GramSimilarity(GramSimilarity.Measure.JACCARD, gramLength(q));
    }

    /**
     * Sørensen–Dice similarity of the multisets of padded q-grams.
     *
     * @param q the gram length, 1 to 4
     */
    public static FieldComparator diceQGrams(int q) {
        return new GramSimilarity(GramSimilarity.Measure.DICE, gramLength(q));
    }

    /**
     * Symmetric Monge–Elkan similarity (Monge &amp; Elkan 1996) over tokens with Jaro–Winkler
     * as the inner measure: for multi-token names, tolerant of extra, missing and reordered
     * tokens. Allocation-free.
     */
    public static FieldComparator mongeElkan() {
        return MONGE_ELKAN;
    }

    /**
     * Symmetric Monge–Elkan similarity with the given inner comparator. Inner comparators from
     * this class compare tokens in place; any other receives substrings (allocates).
     *
     * @param inner the token comparator
     */
    public static FieldComparator mongeElkan(FieldComparator inner) {
        return new MongeElkan(Objects.requireNonNull(inner, "inner comparator"));
    }

    /**
     * {@code 1} when the values have the same American Soundex code (Russell 1918), word by
     * word. Allocates (encodes both values per call).
     */
    public static FieldComparator soundex() {
        return SOUNDEX;
    }

    /**
     * {@code 1} when the values share a primary or alternate Double Metaphone code (Philips
     * 2000). Allocates.
     */
    public static FieldComparator doubleMetaphone() {
        return DOUBLE_METAPHONE;
    }

    /** {@code 1} when the values have the same NYSIIS code (Taft 1970). Allocates. */
    public static FieldComparator nysiis() {
        return NYSIIS;
    }

    /**
     * {@code 1} when the values share a Beider–Morse phonetic spelling (Beider &amp; Morse
     * 2008), word by word. Allocates, and encoding is slow (tens of microseconds); prefer a
     * Beider–Morse feature with {@link MatchConditions#sharedAlternative()}.
     */
    public static FieldComparator beiderMorse() {
        return BEIDER_MORSE;
    }

    /**
     * A date comparator over ISO dates with the levels exact, day/month swapped, year off by
     * one, within {@code withinDays} days, partial agreement and different.
     *
     * @param withinDays the window of the "within days" level; {@code 0} disables it
     */
    public static DateComparator date(int withinDays) {
        return new DateComparator(nonNegative(withinDays));
    }

    /**
     * Numeric similarity by absolute difference: {@code max(0, 1 - |a - b| / scale)}.
     *
     * @param scale the difference at which the similarity reaches {@code 0}; positive, finite
     */
    public static FieldComparator numericAbsolute(double scale) {
        return new NumericComparator(false, positive(scale, "scale"));
    }

    /**
     * Numeric similarity by relative difference:
     * {@code max(0, 1 - (|a - b| / max(|a|, |b|)) / scale)}.
     *
     * @param scale the relative difference at which the similarity reaches {@code 0}, e.g.
     *     {@code 0.1} for 10 %; positive, finite
     */
    public static FieldComparator numericRelative(double scale) {
        return new NumericComparator(true, positive(scale, "scale"));
    }

    /**
     * Geographic similarity {@code max(0, 1 - d / maxKm)} of two {@code "lat,lon"} points, with
     * the great-circle distance {@code d} from the haversine formula (Sinnott 1984).
     *
     * @param maxKm the distance at which the similarity reaches {@code 0}; positive, finite
     */
    public static FieldComparator geoDistance(double maxKm) {
        return new GeoDistance(positive(maxKm, "maxKm"));
    }

    static int nonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a distance bound must be at least 0, was " + value);
        }
        return value;
    }

    private static int gramLength(int q) {
        if (q < 1 || q > 4) {
            throw new IllegalArgumentException("q-gram length must be 1 to 4, was " + q);
        }
        return q;
    }

    static double positive(double value, String what) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
        }
        return value;
    }
}
