package io.unum.internal;

import io.unum.rules.MatchRule;
import io.unum.training.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expectation–maximisation (Dempster, Laird &amp; Rubin 1977; for record linkage Winkler 1988)
 * over counts of comparison patterns: each iteration costs O(patterns × comparisons), not
 * O(pairs). A pattern packs a comparison vector into a {@code long} ({@link PatternLayout}), per comparison
 * (0 = null level). u stays fixed; m of the comparisons not excluded and the match rate λ are
 * re-estimated until no m moves by more than the tolerance, or for {@code maxIterations}.
 * Stateless; thread-safe.
 */
final class ExpectationMaximisation {

    /** The smallest m a level is given, so that a level never seen among matches stays possible. */
    private static final double FLOOR = 1e-6;

    private ExpectationMaximisation() {
    }

    /**
     * How a run went.
     *
     * @param iterations the iterations made
     * @param converged whether it stopped below the tolerance
     * @param lambda the match rate it ended with
     * @param estimated per comparison, whether its m was estimated
     */
    record Result(int iterations, boolean converged, double lambda, boolean[] estimated) {
    }

    /** The probability that a pair of a pattern matches at a match rate. */
    @FunctionalInterface
    interface MatchProbability {
        double of(long code, double lambda);
    }

    /**
     * The match rate λ that the pairs' match probabilities at λ average to (to 1e-9, at most 200
     * steps from {@code lambda}): the E-step on λ alone.
     */
    static double matchRate(PatternCounts patterns, MatchProbability probability, double lambda) {
        long[] codes = patterns.codes();
        long[] counts = patterns.counts();
        for (int it = 0; it < 200; it++) {
            double expected = 0;
            double total = 0;
            for (int p = 0; p < codes.length; p++) {
                expected += counts[p] * probability.of(codes[p], lambda);
                total += counts[p];
            }
            double next = Math.min(1 - 1e-9, Math.max(1e-9, expected / total));
            if (Math.abs(next - lambda) < 1e-9) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }

    /** The probability that a pair of this pattern matches, at match rate λ, the comparisons {@code excluded} left out. */
    static double matchProbability(PatternLayout layout, long code, double[][] m, double[][] u, boolean[] excluded,
            double lambda) {
        return 1.0 / (1.0 + Math.exp(-logOdds(layout, code, m, u, excluded, lambda)));
    }

    /**
     * A dependence's corrections: in bits by level of the dependent comparison (0: none), applied
     * when the conditioning comparison reached one of its first {@code conditioningLevels} levels.
     */
    record Correction(int conditioning, int conditioningLevels, int dependent, double[] bits) {
    }

    /** The corrections of a rule's dependencies, as estimated (by dependent comparison and level label, in bits). */
    static List<Correction> corrections(CompiledRule rule, MatchRule.Probabilistic definition,
            Map<String, Map<String, Double>> estimated) {
        List<Correction> corrections = new ArrayList<>();
        for (io.unum.rules.Dependence d : definition.dependencies()) {
            int conditioning = rule.comparisonIndex(d.conditioning());
            int dependent = rule.comparisonIndex(d.dependent());
            CompiledRule.Level[] levels = rule.comparisons[dependent].levels();
            double[] bits = new double[levels.length];
            Map<String, Double> byLabel = estimated.getOrDefault(d.dependent(), Map.of());
            for (int l = 0; l < levels.length; l++) {
                bits[l] = byLabel.getOrDefault(levels[l].label(), 0.0);
            }
            corrections.add(new Correction(conditioning, d.conditioningLevels(), dependent, bits));
        }
        return corrections;
    }

    /**
     * The probability that a pair of this pattern matches at match rate λ, the comparisons
     * {@code left} out, with the dependencies' corrections where the dependent comparison counts.
     */
    static double matchProbability(PatternLayout layout, long code, double[][] m, double[][] u, boolean[] left,
            double lambda, List<Correction> corrections) {
        return 1.0 / (1.0 + Math.exp(-logOdds(layout, code, m, u, left, lambda, corrections)));
    }

    /** The natural log of the odds of {@link #matchProbability(PatternLayout, long, double[][], double[][], boolean[], double, List)}. */
    static double logOdds(PatternLayout layout, long code, double[][] m, double[][] u, boolean[] left, double lambda,
            List<Correction> corrections) {
        double bits = 0;
        for (Correction correction : corrections) {
            int conditioning = layout.level(code, correction.conditioning());
            int dependent = layout.level(code, correction.dependent());
            if (!left[correction.dependent()] && conditioning >= 0 && conditioning < correction.conditioningLevels()
                    && dependent >= 0) {
                bits += correction.bits()[dependent];
            }
        }
        return logOdds(layout, code, m, u, left, lambda) + bits * Math.log(2);
    }

    /** The natural log of the odds that a pair of this pattern matches, as {@link #matchProbability}. */
    static double logOdds(PatternLayout layout, long code, double[][] m, double[][] u, boolean[] excluded,
            double lambda) {
        double logOdds = Math.log(lambda / (1 - lambda));
        for (int c = 0; c < m.length; c++) {
            int l = layout.level(code, c);
            if (l >= 0 && !excluded[c]) {
                logOdds += Math.log(m[c][l]) - Math.log(u[c][l]);
            }
        }
        return logOdds;
    }

    /**
     * EM over pattern counts. Updates {@code m} of the comparisons not excluded (when
     * {@code updateM}) and the match rate λ; u stays fixed.
     */
    static Result run(PatternLayout layout, PatternCounts patterns, double[][] m, double[][] u, boolean[] excluded,
            double lambda, TrainingOptions options, boolean updateM) {
        int k = m.length;
        long[] codes = patterns.codes();
        long[] counts = patterns.counts();
        boolean[] estimated = new boolean[k];
        int iteration = 0;
        boolean converged = false;
        while (iteration < options.maxIterations()) {
            iteration++;
            double[][] numerator = new double[k][];
            double[] denominator = new double[k];
            for (int c = 0; c < k; c++) {
                numerator[c] = new double[m[c].length];
            }
            double expected = 0;
            double total = 0;
            for (int p = 0; p < codes.length; p++) {
                double probability = matchProbability(layout, codes[p], m, u, excluded, lambda);
                double weight = counts[p] * probability;
                expected += weight;
                total += counts[p];
                for (int c = 0; c < k; c++) {
                    int l = layout.level(codes[p], c);
                    if (l >= 0 && !excluded[c]) {
                        numerator[c][l] += weight;
                        denominator[c] += weight;
                    }
                }
            }
            lambda = Math.min(1 - 1e-9, Math.max(1e-9, expected / total));
            double delta = 0;
            if (updateM) {
                for (int c = 0; c < k; c++) {
                    if (excluded[c] || denominator[c] <= 0) {
                        continue;
                    }
                    estimated[c] = true;
                    double sum = 0;
                    double[] next = new double[m[c].length];
                    for (int l = 0; l < next.length; l++) {
                        next[l] = Math.max(FLOOR, numerator[c][l] / denominator[c]);
                        sum += next[l];
                    }
                    for (int l = 0; l < next.length; l++) {
                        next[l] /= sum;
                        delta = Math.max(delta, Math.abs(next[l] - m[c][l]));
                        m[c][l] = next[l];
                    }
                }
            } else {
                delta = 0;
            }
            if (updateM && delta < options.tolerance()) {
                converged = true;
                break;
            }
            if (!updateM && Math.abs(expected / total - lambda) < 1e-12) {
                converged = true;
                break;
            }
        }
        return new Result(iteration, converged, lambda, estimated);
    }
}
