package io.unum.internal;

import io.unum.rules.Dependence;
import io.unum.rules.MatchRule;
import io.unum.training.TrainingOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimates the corrections of a rule's dependencies ({@link Dependence}) from a training
 * sample, once m and u are known: how much more often two different people who agree on the
 * conditioning comparison agree on the dependent one than chance says. Stateless apart from its
 * collaborators; not thread-safe (one per training run).
 */
final class DependenceEstimator {

    /** The keyed hashes of a key over the sample (see {@code SampleBlocking.keyHashes}). */
    @FunctionalInterface
    interface KeyHashes {
        long[] hashes(int[] slots, int t, List<FeatureRecord> sample);
    }

    private final Parallel parallel;
    private final KeyHashes keyHashes;

    DependenceEstimator(Parallel parallel, KeyHashes keyHashes) {
        this.parallel = parallel;
        this.keyHashes = keyHashes;
    }

    /**
     * Pairs whose other comparisons (all but the dependence's two) weigh less than this many bits
     * serve as known non-matches when a dependence is estimated.
     */
    static final double CONTROL_BITS = -10.0;

    /**
     * Estimates the corrections of the rule's dependencies. For each dependence, the sample's pairs
     * that agree on the conditioning comparison's first level (grouped on its feature; see
     * {@link #groupPairs}) are reduced to <em>control</em> pairs: those whose other comparisons weigh
     * less than {@link #CONTROL_BITS}, almost surely different people. Among them, each agreeing
     * level {@code l} of the dependent comparison (one with m &gt; u) is reached {@code n_l} times
     * against {@code e_l = N u_l} expected if agreement were independent of the conditioning one;
     * the lift {@code L = (n_l + 1) / (e_l + 1)} becomes the correction {@code -log2 L} when
     * {@code n_l} exceeds {@code e_l} by more than three standard deviations
     * ({@code 3 sqrt(e_l + 1)}), and zero otherwise, so that data without the dependence (or too
     * few pairs to tell) get none.
     *
     * @return by dependent comparison name, the corrections by level label
     */
    Map<String, Map<String, Double>> estimate(CompiledRule rule, MatchRule.Probabilistic definition,
            List<FeatureRecord> sample, TrainingOptions options, double[][] m, double[][] u, List<String> notes) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        for (Dependence d : definition.dependencies()) {
            int fi = rule.comparisonIndex(d.conditioning());
            int ai = rule.comparisonIndex(d.dependent());
            PatternCounts patterns = new PatternCounts();
            long pairs = groupPairs(rule, sample, rule.comparisons[fi].slot(), rule.comparisons[ai].slot(),
                    Math.min(options.maxPairsPerPass(), DEPENDENCE_MAX_PAIRS), patterns);
            long[] codes = patterns.codes();
            long[] counts = patterns.counts();
            int levels = m[ai].length;
            double[] control = new double[levels];
            double controlTotal = 0;
            for (int p = 0; p < codes.length; p++) {
                int la = rule.layout.level(codes[p], ai);
                if (rule.layout.level(codes[p], fi) != 0 || la < 0) {
                    continue;
                }
                double other = 0;
                for (int c = 0; c < rule.comparisons.length; c++) {
                    int l = rule.layout.level(codes[p], c);
                    if (c != fi && c != ai && l >= 0) {
                        other += Math.log(Trainer.clamp(m[c][l]) / Trainer.clamp(u[c][l])) / Math.log(2);
                    }
                }
                if (other < CONTROL_BITS) {
                    control[la] += counts[p];
                    controlTotal += counts[p];
                }
            }
            Map<String, Double> corrections = new LinkedHashMap<>();
            StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                    "dependence %s ~ %s: %d pairs share the %s feature, %.0f control pairs", d.conditioning(), d.dependent(), pairs,
                    d.conditioning(), controlTotal));
            for (int l = 0; l < levels; l++) {
                if (!(m[ai][l] > u[ai][l]) || controlTotal == 0) {
                    continue;
                }
                double expected = controlTotal * Trainer.clamp(u[ai][l]);
                double observed = control[l];
                if (observed > expected + 3 * Math.sqrt(expected + 1)) {
                    double bits = -Math.log((observed + 1) / (expected + 1)) / Math.log(2);
                    String label = rule.comparisons[ai].levels()[l].label();
                    corrections.put(label, bits);
                    note.append(String.format(Locale.ROOT, "; %s %.0f vs %.1f expected, %.2f bits", label, observed,
                            expected, bits));
                }
            }
            if (corrections.isEmpty()) {
                note.append("; no dependence shown");
            }
            notes.add(note.toString());
            result.put(d.dependent(), corrections);
        }
        return result;
    }

    /** At most this many records of one value's group take part in a dependence's estimate. */
    static final int DEPENDENCE_GROUP_CAP = 100;

    /** At most this many pairs (or the options' pairs per pass, if fewer) estimate a dependence. */
    static final long DEPENDENCE_MAX_PAIRS = 1_000_000;

    /**
     * Counts the patterns of pairs sharing the value of one feature and both having feature
     * {@code presentSlot}: within each group of records with the same value (groups by their
     * first record, members in order), the pairs of its first {@link #DEPENDENCE_GROUP_CAP}
     * members with that feature, until {@code maxPairs} pairs. Groups are not capped: none
     * contributes more than {@link #DEPENDENCE_GROUP_CAP} members.
     *
     * @return the number of pairs counted
     */
    private long groupPairs(CompiledRule rule, List<FeatureRecord> sample, int slot, int presentSlot, long maxPairs,
            PatternCounts patterns) {
        // groups of any size: each contributes the pairs of at most DEPENDENCE_GROUP_CAP members
        long[][] hashes = {keyHashes.hashes(new int[] {slot}, 0, sample)};
        CandidateGenerator.SampleBlocks blocks = CandidateGenerator.sampleBlocks(hashes, new int[] {Integer.MAX_VALUE});
        PatternBuffer pairs = new PatternBuffer(parallel, rule, sample, patterns::add);
        long added = 0;
        IntList members = new IntList();
        for (int[] group : blocks.groups) {
            members.clear();
            for (int i = 0; i < group.length && members.size() < DEPENDENCE_GROUP_CAP; i++) {
                if (sample.get(group[i]).features()[presentSlot] != null) {
                    members.add(group[i]);
                }
            }
            for (int x = 0; x < members.size() && added < maxPairs; x++) {
                for (int y = x + 1; y < members.size() && added < maxPairs; y++) {
                    pairs.add(members.get(x), members.get(y));
                    added++;
                }
            }
            if (added >= maxPairs) {
                break;
            }
        }
        pairs.flush();
        return added;
    }
}
