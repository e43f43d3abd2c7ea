package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;
import io.unum.spi.FieldComparator;

/**
 * Normalized edit-distance similarity {@code 1 - d / max(|a|, |b|)} for Levenshtein or optimal
 * string alignment distance {@code d}; with a bound {@code k}, pairs further apart than
 * {@code k} score {@code 0} and the distance computation stops early. See
 * {@link EditDistance} for the algorithms and their sources.
 */
final class EditDistanceComparator implements FieldComparator, RangeSimilarity {

    private final boolean transpositions;
    private final int bound;

    EditDistanceComparator(boolean transpositions, int bound) {
        this.transpositions = transpositions;
        this.bound = bound;
    }

    @Override
    public double compare(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        return similarity(a, 0, Scratch.capped(a.length()), b, 0, Scratch.capped(b.length()));
    }

    @Override
    public double similarity(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int al = aTo - aFrom;
        int bl = bTo - bFrom;
        int longest = Math.max(al, bl);
        if (longest == 0) {
            return 1.0;
        }
        int d = EditDistance.distance(a, aFrom, al, b, bFrom, bl, bound, transpositions);
        return d < 0 ? 0.0 : 1.0 - (double) d / longest;
    }

    @Override
    public String toString() {
        String name = transpositions ? "damerau-levenshtein" : "levenshtein";
        return bound == EditDistance.UNBOUNDED ? name : name + "(<= " + bound + ")";
    }
}
