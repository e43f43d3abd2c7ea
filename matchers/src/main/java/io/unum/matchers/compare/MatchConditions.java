package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;
import io.unum.rules.LevelCondition;
import java.util.Objects;

/**
 * Ready-made {@link LevelCondition}s for comparison levels that are not a similarity threshold:
 * edit-distance bounds (Levenshtein 1966; optimal string alignment after Damerau 1964), token
 * agreement, initials, swapped name parts, shared Beider–Morse spellings (Beider &amp; Morse
 * 2008), great-circle distances (haversine, Sinnott 1984) and numeric differences.
 * (Thresholds on a comparator are {@code LevelCondition.atLeast(comparator, t)}; date levels
 * are {@link DateComparator#condition}.)
 *
 * <p>Every condition is symmetric, immutable and thread-safe, never matches on {@code null}
 * (the engine does not pass {@code null}), and allocates nothing unless stated. Its
 * {@code toString()} describes it for explanations.
 */
public final class MatchConditions {

    private MatchConditions() {
    }

    /**
     * The Levenshtein distance is at most {@code k} (with early exit beyond {@code k}).
     *
     * @param k the bound, at least 0
     */
    public static LevelCondition levenshteinAtMost(int k) {
        int bound = Comparators.nonNegative(k);
        return named("levenshtein <= " + bound, (a, b) -> a.equals(b) || EditDistance.distance(a, 0,
                Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()), bound, false) >= 0);
    }

    /**
     * The optimal-string-alignment distance (adjacent transpositions count once) is at most
     * {@code k}; {@code k = 1} is "one typo".
     *
     * @param k the bound, at least 0
     */
    public static LevelCondition damerauLevenshteinAtMost(int k) {
        int bound = Comparators.nonNegative(k);
        return named("damerau-levenshtein <= " + bound, (a, b) -> a.equals(b) || EditDistance.distance(a, 0,
                Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()), bound, true) >= 0);
    }

    /** The values share at least one white-space separated token ({@code "garcia lopez"} and {@code "lopez"}). */
    public static LevelCondition sharedToken() {
        GramSimilarity overlap = new GramSimilarity(GramSimilarity.Measure.OVERLAP, 0);
        return named("shared token", (a, b) -> overlap.compare(a, b) > 0.0);
    }

    /**
     * Every token of the value with fewer tokens is one of the other's, and it has at least
     * {@code minTokens}: {@code "india exports"} and {@code "universal exports india"}.
     *
     * @param minTokens the fewest tokens the shorter value must have, at least 1
     */
    public static LevelCondition tokensContained(int minTokens) {
        if (minTokens < 1) {
            throw new IllegalArgumentException("minTokens must be at least 1, was " + minTokens);
        }
        GramSimilarity overlap = new GramSimilarity(GramSimilarity.Measure.OVERLAP, 0);
        return named("tokens of one in the other (at least " + minTokens + ")", (a, b) -> overlap.compare(a, b) == 1.0
                && Math.min(tokens(a), tokens(b)) >= minTokens);
    }

    /** White-space separated tokens of a cleaned value. */
    private static int tokens(String value) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < value.length(); i++) {
            boolean space = Character.isWhitespace(value.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    /** The values have the same tokens in any order ({@code "anna maria"} and {@code "maria anna"}). */
    public static LevelCondition sameTokensAnyOrder() {
        GramSimilarity jaccard = new GramSimilarity(GramSimilarity.Measure.JACCARD, 0);
        return named("same tokens in any order", (a, b) -> jaccard.compare(a, b) == 1.0);
    }

    /**
     * One value is a single character (an initial) equal to the first character of the other,
     * as {@code "j"} and {@code "john"}; two equal initials also qualify.
     */
    public static LevelCondition initialMatch() {
        return named("initial", (a, b) -> !a.isEmpty() && !b.isEmpty() && a.charAt(0) == b.charAt(0)
                && (a.length() == 1 || b.length() == 1));
    }

    /**
     * The values share a phonetic spelling word by word, where each word is a set of
     * alternatives separated by {@code |} — the form of {@code Phonetics.beiderMorse()}
     * features. Allocates (splits the values).
     */
    public static LevelCondition sharedAlternative() {
        return named("shared phonetic spelling", (a, b) -> PhoneticEquality.sharedSpellings(a, b) == 1.0);
    }

    /**
     * Two-part values {@code "x|y"} whose parts are swapped: {@code comparator(x₁, y₂)} and
     * {@code comparator(y₁, x₂)} both reach {@code threshold} — given and family name written
     * the wrong way round ({@code "john|smith"} and {@code "smith|jon"} with Jaro–Winkler at
     * 0.9). Values without {@code |}, or whose two parts are themselves alike (where swapping
     * proves nothing), never qualify. With a comparator from {@link Comparators} the parts are
     * compared in place (no allocation); any other comparator receives substrings.
     *
     * @param comparator compares one part with the other value's opposite part
     * @param threshold the similarity both cross comparisons must reach, in [0, 1]
     */
    public static LevelCondition swappedParts(io.unum.spi.FieldComparator comparator, double threshold) {
        Objects.requireNonNull(comparator, "comparator");
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
        }
        return named("parts swapped (" + comparator + " >= " + threshold + ")", (a, b) -> {
            int x = a.indexOf('|');
            int y = b.indexOf('|');
            if (x < 0 || y < 0) {
                return false;
            }
            int an = Scratch.capped(a.length());
            int bn = Scratch.capped(b.length());
            if (x >= an || y >= bn) {
                return false;
            }
            return Comparators.compareParts(comparator, a, 0, x, b, y + 1, bn) >= threshold
                    && Comparators.compareParts(comparator, a, x + 1, an, b, 0, y) >= threshold
                    && Comparators.compareParts(comparator, a, 0, x, a, x + 1, an) < threshold
                    && Comparators.compareParts(comparator, b, 0, y, b, y + 1, bn) < threshold;
        });
    }


    /**
     * The two {@code "lat,lon"} points are at most {@code km} kilometres apart (haversine).
     *
     * @param km the distance, positive and finite
     */
    public static LevelCondition withinKm(double km) {
        double max = Comparators.positive(km, "km");
        return named("within " + max + " km", (a, b) -> a.equals(b) || GeoDistance.distanceKm(a, b) <= max);
    }

    /**
     * Both values are plain decimals at most {@code difference} apart.
     *
     * @param difference the largest difference, at least 0 and finite
     */
    public static LevelCondition numericWithin(double difference) {
        if (!(difference >= 0.0) || Double.isInfinite(difference)) {
            throw new IllegalArgumentException("difference must be at least 0 and finite, was " + difference);
        }
        return named("within " + difference, (a, b) -> {
            double x = Decimals.parse(a, 0, a.length());
            double y = Decimals.parse(b, 0, b.length());
            return a.equals(b) || (!Double.isNaN(x) && !Double.isNaN(y) && Math.abs(x - y) <= difference);
        });
    }

    private static LevelCondition named(String description, java.util.function.BiPredicate<String, String> test) {
        return LevelCondition.named(description, test);
    }
}
