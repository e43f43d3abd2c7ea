package io.unum.evaluation;

import io.unum.CandidatePairConsumer;
import io.unum.model.RecordKey;
import io.unum.rules.MatchRule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the match weights of the probabilistic candidate pairs and summarises them as a
 * {@link WeightHistogram} and, given a truth, a {@link ThresholdCurve} of precision and recall
 * against the threshold. Feed it to {@link io.unum.Resolver#candidatePairs} or
 * {@link io.unum.IdentityGraph#candidatePairs}:
 *
 * <pre>{@code
 * MatchWeightCollector weights = new MatchWeightCollector(resolver.rules(), truth);
 * resolver.candidatePairs(records, weights);
 * WeightHistogram histogram = weights.histogram();
 * ThresholdCurve curve = weights.thresholdCurve();
 * curve.at(rule.matchWeightThreshold()).ifPresent(p -> System.out.println(p.precision() + " " + p.recall()));
 * }</pre>
 *
 * <p><b>Truth.</b> A map from record key to entity label, as {@link ClusteringEvaluator} takes
 * it: records with equal labels ({@link Object#equals}) are one entity; a record without a label
 * is an entity of its own. A candidate pair is a <em>match</em> when both records have one label.
 * The true pairs that recall is measured against are those of the whole map, so a labelled
 * record that was never resolved still counts. Each candidate pair must be given once, as the
 * resolver does; a pair given twice would count twice.
 *
 * <p><b>Bins.</b> {@link #histogram()} uses at most {@value #DEFAULT_MAX_BINS} bins, each at
 * least {@value #DEFAULT_MIN_BIN_WIDTH} bits wide; see {@link #histogram(int, double)} for the
 * rule that picks the width.
 *
 * <p><b>Cost.</b> {@link #accept} is {@code O(1)} amortised: one hash look-up per record with a
 * truth, one append. Memory is 8 bytes per pair plus an index of the truth (one map entry per
 * labelled record), built once. {@link #histogram} is {@code O(n + bins)} over {@code n} pairs;
 * {@link #thresholdCurve} sorts the weights once ({@code O(n log n)}, in place, skipped while no
 * pair arrives) and then takes {@code O(log n)} per point. At most {@code Integer.MAX_VALUE - 8}
 * matches and as many other pairs are held.
 *
 * <p><b>Threads.</b> Thread-safe: {@link #accept} may be called from several threads at once
 * (the truth look-up takes no lock, the append a short one), and the summaries may be taken at
 * any time; each sees every pair whose {@code accept} returned before it began. The summaries do
 * not depend on the order in which pairs arrive.
 */
public final class MatchWeightCollector implements CandidatePairConsumer {

    /** The most bins {@link #histogram()} and {@link #thresholdCurve()} use. */
    public static final int DEFAULT_MAX_BINS = 60;

    /** The narrowest bin {@link #histogram()} and {@link #thresholdCurve()} use, in bits. */
    public static final double DEFAULT_MIN_BIN_WIDTH = 0.5;

    private static final int MAX_PAIRS = Integer.MAX_VALUE - 8;

    private final List<WeightHistogram.Threshold> thresholds;
    /** Record key to entity number; {@code null} without a truth. */
    private final Map<RecordKey, Integer> entities;
    private final long truePairs;

    private final Object lock = new Object();
    private double[] matches = new double[64];
    private int matchCount;
    private double[] others = new double[1024];
    private int otherCount;
    /** Whether both weight arrays are ascending. */
    private boolean sorted = true;

    /**
     * A collector without a truth: the histogram counts pairs only, and there is no threshold
     * curve.
     *
     * @param rules the resolver's rules ({@link io.unum.Resolver#rules()}), for the thresholds
     *     of the probabilistic ones
     * @throws NullPointerException if the list or a rule is null
     */
    public MatchWeightCollector(List<? extends MatchRule> rules) {
        this.thresholds = WeightHistogram.Threshold.of(rules);
        this.entities = null;
        this.truePairs = 0;
    }

    /**
     * A collector that tells true matches from the rest.
     *
     * @param rules the resolver's rules ({@link io.unum.Resolver#rules()}), for the thresholds
     *     of the probabilistic ones
     * @param truth record key to true entity label; copied (indexed) now, so later changes to
     *     the map are not seen
     * @throws NullPointerException if the list, a rule, the truth, or a key or label in it is
     *     null
     */
    public MatchWeightCollector(List<? extends MatchRule> rules, Map<RecordKey, ?> truth) {
        this.thresholds = WeightHistogram.Threshold.of(rules);
        Objects.requireNonNull(truth, "truth");
        Map<RecordKey, Integer> index = new HashMap<>(Math.max(16, (int) (truth.size() / 0.75f) + 1));
        Map<Object, Integer> labels = new HashMap<>();
        long[] sizes = new long[16];
        for (Map.Entry<RecordKey, ?> e : truth.entrySet()) {
            RecordKey key = Objects.requireNonNull(e.getKey(), "truth has a null key");
            Object label = Objects.requireNonNull(e.getValue(), () -> "truth has a null label for " + key);
            Integer entity = labels.computeIfAbsent(label, l -> labels.size());
            if (entity == sizes.length) {
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
            }
            sizes[entity]++;
            index.put(key, entity);
        }
        long pairs = 0;
        for (int i = 0; i < labels.size(); i++) {
            pairs += sizes[i] * (sizes[i] - 1) / 2;
        }
        this.entities = index;
        this.truePairs = pairs;
    }

    /**
     * Records one candidate pair.
     *
     * @param first one record
     * @param second the other record, a different one
     * @param rule the rule that gave the weight (not used beyond the null check)
     * @param weight the match weight in bits; infinite weights are allowed (they are in no bin
     *     of the histogram), finite ones must be within ±1e9 bits
     * @param probability not used
     * @throws NullPointerException if a key or the rule is null
     * @throws IllegalArgumentException if the weight is NaN or a finite weight is out of range,
     *     or the two keys are equal
     * @throws IllegalStateException if the collector holds as many pairs as it can
     */
    @Override
    public void accept(RecordKey first, RecordKey second, String rule, double weight, double probability) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(rule, "rule");
        if (Double.isNaN(weight) || (Double.isFinite(weight) && Math.abs(weight) > WeightHistogram.MAX_FINITE_WEIGHT)) {
            throw new IllegalArgumentException("rule " + rule + " gave the pair " + first + ", " + second
                    + " the weight " + weight + "; a weight must not be NaN, and a finite one must be within ±"
                    + WeightHistogram.MAX_FINITE_WEIGHT + " bits");
        }
        if (first.equals(second)) {
            throw new IllegalArgumentException("a candidate pair needs two records, had " + first + " twice");
        }
        boolean match = false;
        if (entities != null) {
            Integer entity = entities.get(first);
            match = entity != null && entity.equals(entities.get(second));
        }
        synchronized (lock) {
            if (match) {
                matches = append(matches, matchCount, weight);
                matchCount++;
            } else {
                others = append(others, otherCount, weight);
                otherCount++;
            }
            sorted = false;
        }
    }

    private static double[] append(double[] values, int size, double value) {
        if (size == values.length) {
            if (size >= MAX_PAIRS) {
                throw new IllegalStateException("a MatchWeightCollector holds at most " + MAX_PAIRS
                        + " matches and as many other pairs");
            }
            values = Arrays.copyOf(values, (int) Math.min(MAX_PAIRS, 2L * size));
        }
        values[size] = value;
        return values;
    }

    /** Whether a truth was given. */
    public boolean hasTruth() {
        return entities != null;
    }

    /** The candidate pairs received so far. */
    public long pairs() {
        synchronized (lock) {
            return (long) matchCount + otherCount;
        }
    }

    /**
     * The histogram with at most {@value #DEFAULT_MAX_BINS} bins at least
     * {@value #DEFAULT_MIN_BIN_WIDTH} bits wide.
     */
    public WeightHistogram histogram() {
        return histogram(DEFAULT_MAX_BINS, DEFAULT_MIN_BIN_WIDTH);
    }

    /**
     * The histogram of the weights received so far. The bin width is a round number
     * ({@code 1}, {@code 2}, {@code 2.5} or {@code 5} times a power of ten): the smallest round
     * number at least {@code (max - min) / maxBins} over the finite weights (1 when they are all
     * equal or there are none), or the smallest at least {@code minBinWidth} if that is larger,
     * widened to the next round number until at most {@code maxBins} bins aligned on multiples
     * of the width cover the weights. {@code O(n + maxBins)}.
     *
     * @param maxBins the most bins, 2 to 1,000,000 (weights either side of 0 need two)
     * @param minBinWidth the narrowest bin in bits, 1e-6 to 1e9
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public WeightHistogram histogram(int maxBins, double minBinWidth) {
        WeightHistogram.checkBinning(maxBins, minBinWidth);
        synchronized (lock) {
            return WeightHistogram.of(matches, matchCount, others, otherCount, hasTruth(), thresholds, maxBins,
                    minBinWidth);
        }
    }

    /**
     * The threshold curve at every bin edge of {@link #histogram()} and at every rule threshold
     * (match and review).
     *
     * @throws IllegalStateException without a truth
     */
    public ThresholdCurve thresholdCurve() {
        return thresholdCurve(DEFAULT_MAX_BINS, DEFAULT_MIN_BIN_WIDTH);
    }

    /**
     * The threshold curve of the pairs received so far, at every bin edge of
     * {@link #histogram(int, double) histogram(maxBins, minBinWidth)} and at every rule
     * threshold (match and review), each distinct threshold once.
     *
     * @throws IllegalStateException without a truth, or when there are more matches than true
     *     pairs (a pair was given more than once)
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public ThresholdCurve thresholdCurve(int maxBins, double minBinWidth) {
        if (!hasTruth()) {
            throw new IllegalStateException("a threshold curve needs a truth; this collector was made without one");
        }
        WeightHistogram.checkBinning(maxBins, minBinWidth);
        synchronized (lock) {
            if (matchCount > truePairs) {
                throw new IllegalStateException(matchCount + " candidate pairs are true matches but the truth has only "
                        + truePairs + " true pairs: a pair was given more than once");
            }
            WeightHistogram histogram = WeightHistogram.of(matches, matchCount, others, otherCount, true, thresholds,
                    maxBins, minBinWidth);
            double[] at = new double[2 * histogram.bins().size() + thresholds.size()];
            int n = 0;
            for (WeightHistogram.Bin bin : histogram.bins()) {
                at[n++] = bin.from();
                at[n++] = bin.to();
            }
            for (WeightHistogram.Threshold t : thresholds) {
                at[n++] = t.weight();
            }
            if (!sorted) {
                Arrays.sort(matches, 0, matchCount);
                Arrays.sort(others, 0, otherCount);
                sorted = true;
            }
            return ThresholdCurve.of(matches, matchCount, others, otherCount, truePairs, at);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "MatchWeightCollector[pairs=" + ((long) matchCount + otherCount)
                    + (hasTruth() ? ", matches=" + matchCount + ", truePairs=" + truePairs : ", no truth") + "]";
        }
    }
}
