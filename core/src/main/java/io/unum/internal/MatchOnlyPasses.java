package io.unum.internal;

import io.unum.rules.MatchRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * m for the comparisons of a rule that no training pass with two classes estimates (the date of
 * birth, when the date pass leaves it out and the name pass is degenerate), from the passes whose
 * EM calls (almost) every pair a match. Such a pass does not say which of its pairs match, so
 * each pair counts with its probability of being a match on the other comparisons — m and u as
 * estimated, the dependencies' corrections applied — at the match rate those give the pass,
 * leaving out the comparisons that read the key and those derived from the same inputs as the
 * key ({@link FeatureInputs}: a set of name words makes the given and family names agree) where
 * they agree in most pairs. Strangers who share a common name then count little, pairs that look
 * alike on everything else fully; a level that no pair reached keeps a share of its configured m
 * (the weight of one pair per level).
 *
 * <p>One per rule and training run; not thread-safe.
 */
final class MatchOnlyPasses {

    /** Fewer (weighted) pairs than this leave a comparison's m as configured. */
    static final double MIN_PAIRS = 20;
    /** A derived comparison agreeing in at least this share of a pass's pairs carries its key there. */
    private static final double CARRIES_KEY = 0.5;

    private final CompiledRule rule;
    private final List<Pass> passes = new ArrayList<>();
    /** What each feature is derived from ({@link FeatureInputs#observe}). */
    private final List<Set<String>> inputs;

    MatchOnlyPasses(CompiledRule rule, List<Set<String>> inputs) {
        this.rule = rule;
        this.inputs = inputs;
    }

    /**
     * Adds a pass that called (almost) every pair a match: its pattern counts, the comparisons
     * it left out (they read its key) and its key's feature slots.
     */
    void add(PatternCounts patterns, boolean[] excluded, int[] keySlots) {
        passes.add(new Pass(patterns, excluded, derivedFrom(keySlots, inputs)));
    }

    /**
     * Replaces m of each {@code targets} comparison that the passes' pairs reach at least
     * {@link #MIN_PAIRS} times (weighted) by their levels' shares, smoothed towards the configured m.
     *
     * @param m per comparison, m as estimated so far (the targets' as configured); updated
     * @param u per comparison, u
     * @param targets the comparisons to estimate
     * @param definition the rule, for its dependencies
     * @param dependencies the dependencies' estimated corrections
     * @return per comparison, the weighted pairs its m now comes from (0: left as it was)
     */
    double[] estimate(double[][] m, double[][] u, boolean[] targets, MatchRule.Probabilistic definition,
            Map<String, Map<String, Double>> dependencies) {
        double[][] counts = matchedLevels(m, u, targets, ExpectationMaximisation.corrections(rule, definition, dependencies));
        double[] weights = new double[m.length];
        for (int c = 0; c < m.length; c++) {
            double weight = java.util.Arrays.stream(counts[c]).sum();
            if (targets[c] && weight >= MIN_PAIRS) {
                smoothTowards(counts[c], m[c]);
                weights[c] = weight;
            }
        }
        return weights;
    }

    /**
     * A training pass's pattern counts, the comparisons it leaves out (they read its key) and the
     * comparisons whose features are derived from the same inputs as its key.
     */
    private record Pass(PatternCounts patterns, boolean[] excluded, boolean[] derived) {
    }

    /**
     * The levels of the {@code targets} comparisons among the passes' pairs, each pair counting
     * with its probability of being a match on the other comparisons (see the class comment).
     *
     * @return per comparison, the weighted count of pairs per level (zeros for comparisons not targeted)
     */
    private double[][] matchedLevels(double[][] m, double[][] u, boolean[] targets,
            List<ExpectationMaximisation.Correction> corrections) {
        int k = m.length;
        double[][] counts = new double[k][];
        for (int c = 0; c < k; c++) {
            counts[c] = new double[m[c].length];
        }
        for (Pass pass : passes) {
            // a comparison derived from the key's inputs carries the key where it agrees in most pairs
            boolean[] left = new boolean[k];
            double[] agreeing = agreeingShare(pass.patterns(), m, u);
            for (int c = 0; c < k; c++) {
                left[c] = pass.excluded()[c] || (pass.derived()[c] && agreeing[c] >= CARRIES_KEY) || targets[c];
            }
            long[] codes = pass.patterns().codes();
            long[] pairs = pass.patterns().counts();
            // the match rate at which the E-step alone (m, u and the corrections fixed) stands still
            double lambda = ExpectationMaximisation.matchRate(pass.patterns(),
                    (code, rate) -> ExpectationMaximisation.matchProbability(rule.layout, code, m, u, left, rate, corrections), 0.5);
            for (int p = 0; p < codes.length; p++) {
                double probability = ExpectationMaximisation.matchProbability(rule.layout, codes[p], m, u, left, lambda, corrections);
                for (int c = 0; c < k; c++) {
                    int level = rule.layout.level(codes[p], c);
                    if (targets[c] && !pass.excluded()[c] && !pass.derived()[c] && level >= 0) {
                        counts[c][level] += pairs[p] * probability;
                    }
                }
            }

        }
        
        return counts;
    }

    /** Per comparison, the share of a pass's pairs with its values at a level that counts for a match ({@code m > u}). */
    private double[] agreeingShare(PatternCounts patterns, double[][] m, double[][] u) {
        int k = m.length;
        double[] agree = new double[k];
        double[] present = new double[k];
        long[] codes = patterns.codes();
        long[] pairs = patterns.counts();
        for (int p = 0; p < codes.length; p++) {
            for (int c = 0; c < k; c++) {
                int level = rule.layout.level(codes[p], c);
                if (level >= 0) {
                    present[c] += pairs[p];
                    if (m[c][level] > u[c][level]) {
                        agree[c] += pairs[p];
                    }
                }
            }
        }
        for (int c = 0; c < k; c++) {
            agree[c] = present[c] == 0 ? 0 : agree[c] / present[c];
        }
        return agree;
    }

    /**
     * The comparisons that read a feature derived from an input (attribute or identifier type)
     * that a feature of the key is derived from as well ({@link FeatureInputs}): a set of name
     * words as the key makes the given and family names agree by construction.
     */
    private boolean[] derivedFrom(int[] keySlots, List<Set<String>> inputs) {
        Set<String> keyInputs = new HashSet<>();
        for (int slot : keySlots) {
            keyInputs.addAll(inputs.get(slot));
        }
        boolean[] derived = new boolean[rule.comparisons.length];
        for (int c = 0; c < derived.length; c++) {
            for (int slot = 0; slot < inputs.size() && !derived[c]; slot++) {
                derived[c] = rule.comparisons[c].reads(slot) && FeatureInputs.overlap(inputs.get(slot), keyInputs);
            }
        }
        return derived;
    }

    /**
     * Replaces {@code m} (the configured values) by the levels' shares of {@code counts}, smoothed
     * towards the configured values with the weight of one pair per level, so that a level no
     * pair of a small sample reached keeps a share of its configured m rather than none.
     */
    private static void smoothTowards(double[] counts, double[] m) {
        double total = java.util.Arrays.stream(counts).sum();
        double weight = counts.length;
        for (int l = 0; l < m.length; l++) {
            m[l] = Trainer.clamp((counts[l] + weight * m[l]) / (total + weight));
        }
    }
}
