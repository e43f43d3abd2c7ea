package io.unum.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Precision, recall and F1 of linking the probabilistic candidate pairs whose match weight is at
 * or above a threshold, at a series of thresholds: what a rule's match threshold trades. Built
 * by {@link MatchWeightCollector#thresholdCurve()}.
 *
 * <p>A <em>true pair</em> is a pair of distinct records with one truth label; a <em>match</em> is
 * a candidate pair that is a true pair. Linking every candidate pair with weight {@code >= t}
 * (and nothing else) has precision {@code matches(t) / pairs(t)} and recall
 * {@code matches(t) / truePairs}, where {@code truePairs} counts <em>every</em> true pair of the
 * truth, including those blocking never made candidates. So recall never exceeds the
 * {@linkplain #recallCeiling() recall ceiling} {@code matches / truePairs} that blocking allows.
 * Pairs are counted before clustering and without deterministic rules, so the curve is not the
 * quality of the final profiles ({@link ClusteringEvaluator} measures that).
 *
 * <p><b>Invariants</b> (checked on construction): thresholds strictly ascending
 * ({@link Double#compare}); as the threshold rises, {@link Point#pairs()} and
 * {@link Point#matches()} never rise, so recall never rises; every point has this curve's
 * {@code truePairs} and at most its {@code matches}; {@code matches <= truePairs}. Precision
 * has no such order.
 *
 * @param points the curve, ascending by threshold
 * @param matches candidate pairs that are true pairs, whatever their weight
 * @param truePairs every true pair of the truth, {@code Σ C(n, 2)} over its entities of
 *     {@code n} records
 */
public record ThresholdCurve(List<Point> points, long matches, long truePairs) {

    /**
     * @throws NullPointerException if the list or a point is null
     * @throws IllegalArgumentException if an invariant does not hold
     */
    public ThresholdCurve {
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        if (matches < 0 || matches > truePairs) {
            throw new IllegalArgumentException("a curve needs 0 <= matches <= truePairs, had matches=" + matches
                    + ", truePairs=" + truePairs + " (was a candidate pair given twice?)");
        }
        Point previous = null;
        for (Point p : points) {
            if (p.truePairs() != truePairs || p.matches() > matches) {
                throw new IllegalArgumentException("point " + p + " does not belong to a curve of " + matches
                        + " matches among " + truePairs + " true pairs");
            }
            if (previous != null && (Double.compare(previous.threshold(), p.threshold()) >= 0
                    || p.pairs() > previous.pairs() || p.matches() > previous.matches())) {
                throw new IllegalArgumentException("points must ascend by threshold and never gain pairs or matches: "
                        + previous + " then " + p);
            }
            previous = p;
        }
    }

    /**
     * The highest recall any threshold can reach, {@code matches / truePairs}: the share of the
     * true pairs that blocking made candidates. {@code NaN} when there are no true pairs.
     */
    public double recallCeiling() {
        return truePairs == 0 ? Double.NaN : (double) matches / truePairs;
    }

    /**
     * The point at exactly this threshold ({@link Double#compare} equal), if the curve has one;
     * {@code O(log n)}. Curves from {@link MatchWeightCollector} have a point at every rule
     * threshold.
     */
    public Optional<Point> at(double threshold) {
        int lo = 0;
        int hi = points.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(points.get(mid).threshold(), threshold);
            if (c == 0) {
                return Optional.of(points.get(mid));
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Linking every candidate pair with a weight at or above {@code threshold}.
     *
     * @param threshold the threshold in bits
     * @param pairs candidate pairs with a weight at or above it
     * @param matches true pairs among them
     * @param truePairs every true pair of the truth, compared or not
     */
    public record Point(double threshold, long pairs, long matches, long truePairs) {

        /**
         * @throws IllegalArgumentException if the threshold is NaN or the counts are not
         *     {@code 0 <= matches <= pairs} and {@code matches <= truePairs}
         */
        public Point {
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("threshold must not be NaN");
            }
            if (matches < 0 || matches > pairs || matches > truePairs) {
                throw new IllegalArgumentException("a point needs 0 <= matches <= pairs and matches <= truePairs, had"
                        + " pairs=" + pairs + ", matches=" + matches + ", truePairs=" + truePairs);
            }
        }

        /** {@code matches / pairs}; {@code NaN} (undefined) when no pair is at or above the threshold. */
        public double precision() {
            return pairs == 0 ? Double.NaN : (double) matches / pairs;
        }

        /** {@code matches / truePairs}; {@code NaN} (undefined) when the truth has no true pair. */
        public double recall() {
            return truePairs == 0 ? Double.NaN : (double) matches / truePairs;
        }

        /**
         * The harmonic mean of precision and recall, {@code 2PR / (P + R)}; 0 when both are 0
         * (as {@link Scores#of}), {@code NaN} when either is undefined.
         */
        public double f1() {
            double p = precision();
            double r = recall();
            if (Double.isNaN(p) || Double.isNaN(r)) {
                return Double.NaN;
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    // ------------------------------------------------------------------------------------------
    // computation

    /**
     * The curve at the given thresholds (any order, duplicates allowed, no NaN), over ascending
     * weights: {@code O(t log t + t log n)} for {@code t} thresholds and {@code n} weights.
     *
     * @param matches the true matches' weights, ascending in {@code [0, matchCount)}
     * @param others the other pairs' weights, ascending in {@code [0, otherCount)}
     */
    static ThresholdCurve of(double[] matches, int matchCount, double[] others, int otherCount, long truePairs,
            double[] thresholds) {
        double[] sorted = thresholds.clone();
        Arrays.sort(sorted);
        List<Point> points = new ArrayList<>(sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && Double.compare(sorted[i - 1], sorted[i]) == 0) {
                continue;
            }
            long m = atOrAbove(matches, matchCount, sorted[i]);
            points.add(new Point(sorted[i], m + atOrAbove(others, otherCount, sorted[i]), m, truePairs));
        }
        return new ThresholdCurve(points, matchCount, truePairs);
    }

    /** How many of the ascending values in {@code [0, n)} are at least {@code threshold}. */
    static long atOrAbove(double[] ascending, int n, double threshold) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return n - lo;
    }
}
