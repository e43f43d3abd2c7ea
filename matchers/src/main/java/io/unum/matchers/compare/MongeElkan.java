package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;
import io.unum.spi.FieldComparator;

/**
 * Monge–Elkan similarity of multi-token values (A. E. Monge and C. P. Elkan, "The field
 * matching problem: algorithms and applications", KDD 1996): for each token of one value, the
 * best inner similarity against any token of the other, averaged. The original measure is
 * asymmetric; this one returns the mean of both directions so that it meets the comparator
 * contract's symmetry ("Maria Garcia Lopez" against "Maria Garcia" scores the same either way).
 *
 * <p>Design: tokens are walked in place; with an inner comparator from this package (Jaro,
 * Jaro–Winkler, the edit distances) no substring is created and nothing is allocated. Any other
 * inner {@link FieldComparator} receives substrings. Cost O(|a| · |b|) inner comparisons of
 * tokens; values are capped at {@link Scratch#MAX_LENGTH}.
 */
final class MongeElkan implements FieldComparator {

    private final FieldComparator inner;
    private final RangeSimilarity range;

    MongeElkan(FieldComparator inner) {
        this.inner = inner;
        this.range = inner instanceof RangeSimilarity r ? r : null;
    }

    @Override
    public double compare(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int al = Scratch.capped(a.length());
        int bl = Scratch.capped(b.length());
        double ab = directed(a, al, b, bl);
        double ba = directed(b, bl, a, al);
        if (Double.isNaN(ab) || Double.isNaN(ba)) {
            return 0.0; // one side has no token
        }
        return Math.min(1.0, (ab + ba) / 2);
    }

    /** Mean over tokens of {@code s} of the best similarity to a token of {@code t}; NaN if either has none. */
    private double directed(String s, int sl, String t, int tl) {
        double sum = 0.0;
        int count = 0;
        int i = 0;
        while (true) {
            while (i < sl && Tokens.isSeparator(s.charAt(i))) {
                i++;
            }
            if (i == sl) {
                break;
            }
            int start = i;
            while (i < sl && !Tokens.isSeparator(s.charAt(i))) {
                i++;
            }
            double best = -1.0;
            int j = 0;
            while (true) {
                while (j < tl && Tokens.isSeparator(t.charAt(j))) {
                    j++;
                }
                if (j == tl) {
                    break;
                }
                int tStart = j;
                while (j < tl && !Tokens.isSeparator(t.charAt(j))) {
                    j++;
                }
                double similarity = range != null
                        ? range.similarity(s, start, i, t, tStart, j)
                        : inner.compare(s.substring(start, i), t.substring(tStart, j));
                if (similarity > best) {
                    best = similarity;
                    if (best >= 1.0) {
                        break;
                    }
                }
            }
            if (best < 0.0) {
                return Double.NaN;
            }
            sum += best;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public String toString() {
        return "monge-elkan(" + inner + ")";
    }
}
