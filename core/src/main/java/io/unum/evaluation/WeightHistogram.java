package io.unum.evaluation;

import io.unum.rules.MatchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The distribution of the match weights of the probabilistic candidate pairs: counts in
 * consecutive bins of one round width, split into true matches and the rest when a truth was
 * given, with the rules' match and review thresholds to draw over it. Built by
 * {@link MatchWeightCollector#histogram()}.
 *
 * <p><b>Bins.</b> With width {@code w}, bin {@code i} spans {@code [i·w, (i+1)·w)} (the edges
 * as computed in doubles), and a finite weight falls into the bin whose edges hold it, bin
 * {@code floor(x / w)} up to rounding. Bins are aligned on multiples of the width, run without
 * gaps from the bin of the smallest finite weight to that of the largest, and may be empty in
 * between. A pair of infinite weight (a comparison level that never, or only, occurs among
 * matches) is in no bin and is counted in {@link #infinitePairs()}.
 *
 * <p><b>Invariants</b> (checked on construction): the width is positive and finite; each bin
 * starts where the previous one ends; without a truth no bin holds matches.
 *
 * @param binWidth the width of every bin in bits (see {@link MatchWeightCollector#histogram(int, double)})
 * @param bins the bins in ascending order; empty when no pair has a finite weight
 * @param thresholds the probabilistic rules' thresholds, in rule order, each rule's match
 *     threshold before its review threshold
 * @param infinitePairs pairs with an infinite weight, in no bin
 * @param hasTruth whether a truth split the pairs into {@linkplain Bin#matches() matches} and
 *     non-matches
 */
public record WeightHistogram(double binWidth, List<Bin> bins, List<Threshold> thresholds, long infinitePairs,
        boolean hasTruth) {

    /**
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if the width is not positive and finite, the bins are not
     *     contiguous and ascending, {@code infinitePairs} is negative, or a bin holds matches
     *     without a truth
     */
    public WeightHistogram {
        if (!(binWidth > 0) || !Double.isFinite(binWidth)) {
            throw new IllegalArgumentException("bin width must be positive and finite, was " + binWidth);
        }
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
        thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        if (infinitePairs < 0) {
            throw new IllegalArgumentException("infinitePairs must not be negative, was " + infinitePairs);
        }
        for (int i = 0; i < bins.size(); i++) {
            Bin bin = bins.get(i);
            if (i > 0 && Double.compare(bins.get(i - 1).to(), bin.from()) != 0) {
                throw new IllegalArgumentException("bins must be contiguous: bin " + i + " starts at " + bin.from()
                        + " but bin " + (i - 1) + " ends at " + bins.get(i - 1).to());
            }
            if (!hasTruth && bin.matches() != 0) {
                throw new IllegalArgumentException("without a truth no bin holds matches, but bin " + i + " holds "
                        + bin.matches());
            }
        }
    }

    /** Candidate pairs counted: those in the bins plus those of infinite weight. */
    public long pairs() {
        long pairs = infinitePairs;
        for (Bin bin : bins) {
            pairs += bin.pairs();
        }
        return pairs;
    }

    /**
     * One bin, {@code [from, to)}.
     *
     * @param from the lower edge in bits, included
     * @param to the upper edge in bits, excluded
     * @param pairs the candidate pairs whose weight falls into the bin
     * @param matches the true matches among them (records with one truth label); 0 without a
     *     truth
     */
    public record Bin(double from, double to, long pairs, long matches) {

        /**
         * @throws IllegalArgumentException if an edge is not finite, {@code from >= to}, or the
         *     counts are not {@code 0 <= matches <= pairs}
         */
        public Bin {
            if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
                throw new IllegalArgumentException("a bin needs finite edges from < to, had [" + from + ", " + to + ")");
            }
            if (matches < 0 || matches > pairs) {
                throw new IllegalArgumentException("a bin needs 0 <= matches <= pairs, had matches=" + matches
                        + ", pairs=" + pairs);
            }
        }

        /** The pairs that are not true matches: {@code pairs - matches} (every pair without a truth). */
        public long nonMatches() {
            return pairs - matches;
        }
    }

    /**
     * A rule's threshold on the match weight.
     *
     * @param rule the rule's name
     * @param kind which threshold
     * @param weight the threshold in bits: pairs at or above it are linked ({@link Kind#MATCH})
     *     or reported for review ({@link Kind#REVIEW})
     */
    public record Threshold(String rule, Kind kind, double weight) {

        /**
         * @throws NullPointerException if the rule or kind is null
         * @throws IllegalArgumentException if the weight is not finite
         */
        public Threshold {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(kind, "kind");
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("threshold of rule " + rule + " must be finite, was " + weight);
            }
        }

        /**
         * The thresholds of the probabilistic rules, in the rules' order, each rule's
         * {@linkplain MatchRule.Probabilistic#matchWeightThreshold() match threshold} before its
         * {@linkplain MatchRule.Probabilistic#reviewWeightThreshold() review threshold};
         * deterministic rules have none.
         *
         * @throws NullPointerException if the list or a rule is null
         */
        static List<Threshold> of(List<? extends MatchRule> rules) {
            Objects.requireNonNull(rules, "rules");
            List<Threshold> thresholds = new ArrayList<>();
            for (MatchRule rule : rules) {
                Objects.requireNonNull(rule, "rules contains null");
                if (rule instanceof MatchRule.Probabilistic p) {
                    thresholds.add(new Threshold(p.name(), Kind.MATCH, p.matchWeightThreshold()));
                    thresholds.add(new Threshold(p.name(), Kind.REVIEW, p.reviewWeightThreshold()));
                }
            }
            return List.copyOf(thresholds);
        }

        /** Which of a rule's two thresholds. */
        public enum Kind {
            /** The link threshold: a pair at or above it is linked. */
            MATCH,
            /** The review threshold: an unlinked pair at or above it is a possible match. */
            REVIEW
        }
    }

    // ------------------------------------------------------------------------------------------
    // binning

    /** The largest magnitude of a finite weight the histogram accepts, in bits. */
    static final double MAX_FINITE_WEIGHT = 1e9;

    /** The narrowest bin width accepted, in bits. */
    static final double MIN_WIDTH = 1e-6;

    /** The most bins one may ask for. */
    static final int MAX_BINS = 1_000_000;

    /**
     * Bins ascending weights: the width is the larger of {@code niceStep(minBinWidth)} and
     * {@code niceStep((max - min) / maxBins)} (over the finite weights), widened to the next
     * round number until at most {@code maxBins} bins cover the weights. {@code O(n + maxBins)}.
     *
     * @param matches the true matches' weights in {@code [0, matchCount)}, any order
     * @param others the other pairs' weights in {@code [0, otherCount)}, any order
     */
    static WeightHistogram of(double[] matches, int matchCount, double[] others, int otherCount, boolean hasTruth,
            List<Threshold> thresholds, int maxBins, double minBinWidth) {
        checkBinning(maxBins, minBinWidth);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long infinite = 0;
        for (int k = 0; k < 2; k++) {
            double[] weights = k == 0 ? matches : others;
            int count = k == 0 ? matchCount : otherCount;
            for (int i = 0; i < count; i++) {
                double w = weights[i];
                if (Double.isInfinite(w)) {
                    infinite++;
                } else {
                    min = Math.min(min, w);
                    max = Math.max(max, w);
                }
            }
        }
        // no finite weight: the width of equal weights, where niceStep(0) is 1
        double width = Math.max(niceStep(minBinWidth), niceStep(min > max ? 0 : (max - min) / maxBins));
        if (min > max) {
            return new WeightHistogram(width, List.of(), thresholds, infinite, hasTruth);
        }
        while (binIndex(max, width) - binIndex(min, width) + 1 > maxBins) {
            width = niceStep(width * 1.01);
        }
        long first = binIndex(min, width);
        int count = (int) (binIndex(max, width) - first + 1);
        long[] pairCounts = new long[count];
        long[] matchCounts = new long[count];
        fill(matches, matchCount, width, first, pairCounts);
        fill(matches, matchCount, width, first, matchCounts);
        fill(others, otherCount, width, first, pairCounts);
        List<Bin> bins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bins.add(new Bin((first + i) * width, (first + i + 1) * width, pairCounts[i], matchCounts[i]));
        }
        return new WeightHistogram(width, bins, thresholds, infinite, hasTruth);
    }

    static void checkBinning(int maxBins, double minBinWidth) {
        if (maxBins < 2 || maxBins > MAX_BINS) {
            throw new IllegalArgumentException("maxBins must be in [2, " + MAX_BINS + "] (weights either side of 0"
                    + " need two bins aligned on multiples of the width), was " + maxBins);
        }
        if (!(minBinWidth >= MIN_WIDTH) || !Double.isFinite(minBinWidth) || minBinWidth > MAX_FINITE_WEIGHT) {
            throw new IllegalArgumentException("minBinWidth must be in [" + MIN_WIDTH + ", " + MAX_FINITE_WEIGHT
                    + "] bits, was " + minBinWidth);
        }
    }

    /**
     * The bin of a finite weight: {@code floor(w / width)}, corrected by one where rounding of
     * the division or of the edges would put the weight outside the edges
     * {@code [i·width, (i+1)·width)} as computed in doubles.
     */
    static long binIndex(double weight, double width) {
        long i = (long) Math.floor(weight / width);
        while (weight < i * width) {
            i--;
        }
        while (weight >= (i + 1) * width) {
            i++;
        }
        return i;
    }

    private static void fill(double[] weights, int n, double width, long first, long[] counts) {
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!Double.isInfinite(w)) {
                counts[(int) (binIndex(w, width) - first)]++;
            }
        }
    }

    /**
     * The round number the histogram takes for a width: the smallest of {@code 1, 2, 2.5, 5}
     * times a power of ten that is at least {@code rough} (to a relative 1e-12); 1 for a value
     * that is not positive and finite. Charts that draw a histogram use it for their ticks too.
     */
    public static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= rough * (1 - 1e-12)) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
