package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;

/**
 * Edit distances between strings, counted in UTF-16 code units: Levenshtein (1966) and optimal
 * string alignment, the restricted Damerau–Levenshtein distance (Damerau 1964). Bounded forms
 * return {@code -1} as soon as the distance provably exceeds the bound — the convention of
 * Apache Commons Text's {@code LevenshteinDistance(threshold)}, whose results these equal
 * (checked on 100,000 seeded pairs).
 *
 * <p>Algorithms: common prefix and suffix are skipped (Levenshtein); up to 64 code units the
 * bit-parallel algorithm of Myers (JACM 1999) in Hyyrö's formulation, with Hyyrö's (2003)
 * extension for transpositions, O(n) word operations; beyond that the classic dynamic
 * programme, O(m · n). No call allocates. Strings longer than
 * {@value Comparators#MAX_COMPARED_LENGTH} code units are measured on their first
 * {@value Comparators#MAX_COMPARED_LENGTH} code units. All methods are thread-safe; {@code null}
 * arguments throw {@link NullPointerException}.
 */
public final class EditDistances {

    private EditDistances() {
    }

    /** The Levenshtein distance of {@code a} and {@code b}. */
    public static int levenshtein(String a, String b) {
        return EditDistance.distance(a, 0, Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()),
                EditDistance.UNBOUNDED, false);
    }

    /**
     * The Levenshtein distance of {@code a} and {@code b} if it is at most {@code max}, else
     * {@code -1}.
     *
     * @param max the bound, at least 0
     */
    public static int levenshtein(String a, String b, int max) {
        return EditDistance.distance(a, 0, Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()),
                Comparators.nonNegative(max), false);
    }

    /** The optimal-string-alignment (restricted Damerau–Levenshtein) distance. */
    public static int damerauLevenshtein(String a, String b) {
        return EditDistance.distance(a, 0, Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()),
                EditDistance.UNBOUNDED, true);
    }

    /**
     * The optimal-string-alignment distance if it is at most {@code max}, else {@code -1}.
     *
     * @param max the bound, at least 0
     */
    public static int damerauLevenshtein(String a, String b, int max) {
        return EditDistance.distance(a, 0, Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()),
                Comparators.nonNegative(max), true);
    }
}
