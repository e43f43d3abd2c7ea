package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.rules.BlockingKey;
import io.unum.rules.MatchRule;
import io.unum.training.PriorEstimate;
import io.unum.training.TrainingOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A probabilistic rule's prior for training ({@link PriorEstimate}): fixed by the caller, from the
 * deterministic links and their recall, or — the default — from the matches expected among the
 * rule's candidate pairs, each pair's match probability taken at the prior itself
 * ({@link #expectedMatches}). Stateless apart from its configuration; thread-safe.
 */
final class PriorEstimator {

    /**
     * At most this many candidate pairs (or the options' pairs per pass, if fewer), sampled
     * uniformly, estimate the prior: λ is a share of them, which half a million pairs give to
     * about ±0.1 %, and scoring the 2 million of a 300,000-record sample was a quarter of training.
     */
    static final long MAX_PAIRS = 500_000;

    private final EngineConfig config;
    private final SampleBlocking blocking;

    PriorEstimator(EngineConfig config, SampleBlocking blocking) {
        this.config = config;
        this.blocking = blocking;
    }


    /**
     * The prior of a rule by {@code options.prior()}, with notes on how it was found.
     *
     * @param inputs what each feature is derived from ({@link FeatureInputs}): which keys the comparisons read
     * @param m the trained m per comparison and level
     * @param u the trained u per comparison and level
     * @param dependencies the dependencies' estimated corrections
     * @param totalPairs every pair of the sample
     */
    double estimate(CompiledRule rule, MatchRule.Probabilistic definition, List<FeatureRecord> sample,
            List<Set<String>> inputs, TrainingOptions options, double[][] m, double[][] u,
            Map<String, Map<String, Double>> dependencies, double totalPairs, List<String> notes) {
        PriorEstimate estimate = options.prior();
        if (estimate instanceof PriorEstimate.Fixed fixed) {
            notes.add("prior fixed by the caller");
            return fixed.prior();
        }
        if (estimate instanceof PriorEstimate.FromDeterministicLinks links) {
            long linked = deterministicPairs(sample);
            notes.add("prior from " + linked + " deterministically linked pairs and recall " + links.recall());
            return clamp(Math.max(linked, 1) / links.recall() / totalPairs);
        }
        List<SampleBlocking.SampleKey> keys = new ArrayList<>();
        for (BlockingKey key : definition.blockingKeys()) {
            keys.add(blocking.key(key, rule.name));
        }
        // a key that the comparisons do not read is evidence that the patterns lack: whether a pair
        // shares it tags the pair, and the key becomes a comparison of its own in the estimate
        IntList uncompared = new IntList();
        for (int t = 0; t < keys.size() && uncompared.size() < 31; t++) {
            if (!compared(rule, keys.get(t).slots(), inputs)) {
                uncompared.add(t);
            }
        }
        int[] tagged = uncompared.toArray();
        Map<Integer, PatternCounts> byTag = new TreeMap<>();
        SampleBlocking.BlockedPairs blocked = blocking.blockedPairs(rule, sample, keys,
                Math.min(options.maxPairsPerPass(), MAX_PAIRS),
                options.seed() ^ 0x5eedL, tagged, tag -> byTag.computeIfAbsent(tag, x -> new PatternCounts()));
        long candidates = blocked.total();
        if (candidates == 0) {
            notes.add("no candidate pairs: prior kept as configured");
            return definition.prior();
        }
        double[] keyU = new double[tagged.length];
        for (int j = 0; j < tagged.length; j++) {
            keyU[j] = Math.max(1, blocked.shared()[tagged[j]]) / totalPairs;
        }
        double[] keyM = new double[tagged.length];
        double expectedMatches = expectedMatches(rule.layout, byTag, keyU, keyM, candidates, totalPairs, m, u,
                ExpectationMaximisation.corrections(rule, definition, dependencies));
        for (int j = 0; j < tagged.length; j++) {
            notes.add(String.format(Locale.ROOT, "prior: key %s is read by no comparison; counted as one, m %.4f, u %.3e",
                    definition.blockingKeys().get(tagged[j]).name(), keyM[j], keyU[j]));
        }
        notes.add(String.format(Locale.ROOT, "prior from %.1f expected matches among %d candidate pairs", expectedMatches,
                candidates));
        return clamp(expectedMatches / totalPairs);
    }

    /**
     * The matches expected among a rule's candidate pairs when each pair's match probability is
     * taken at the prior those matches make: the largest fixed point of
     * {@code π = E(π) / pairs}, where {@code E(π)} sums over the candidate pairs the probability
     * that a pair of its pattern matches at prior π (m, u and the dependencies' corrections
     * fixed) and {@code pairs} counts every pair of the sample.
     *
     * <p>The prior of a random pair, not the match rate among the candidates, weighs a candidate's
     * evidence: a pair is a candidate because its records agree on a blocking key, and that
     * agreement is already in its pattern. Taken at the candidates' own match rate (0.6–0.7 on
     * generated customers), strangers who share a common name counted as matches, and the prior
     * they made stayed the same as the records grew from 300,000 to 1,000,000, while the true
     * one falls with the number of pairs.
     *
     * <p>A key that no comparison reads is evidence that the patterns lack; each such key counts as
     * one more comparison, agree or not, with u the share of the sample's pairs that share it and
     * m the share of the expected matches that do (re-estimated with π until it stands still).
     *
     * @param byTag the patterns of the candidate pairs (or of a uniform sample of them) by tag: bit
     *     {@code j} set when the pair shares the {@code j}th key that no comparison reads
     * @param keyU per such key, u
     * @param keyM per such key, m as estimated (filled in)
     * @param candidates the number of candidate pairs the patterns stand for
     */
    static double expectedMatches(PatternLayout layout, Map<Integer, PatternCounts> byTag, double[] keyU, double[] keyM,
            long candidates, double totalPairs, double[][] m, double[][] u,
            List<ExpectationMaximisation.Correction> corrections) {
        int size = 0;
        for (PatternCounts patterns : byTag.values()) {
            size += patterns.size();
        }
        long[] counts = new long[size];
        int[] tags = new int[size];
        double[] patternLogOdds = new double[size]; // of each pattern at even prior odds
        boolean[] none = new boolean[m.length];
        double sampled = 0;
        int i = 0;
        for (Map.Entry<Integer, PatternCounts> entry : byTag.entrySet()) {
            long[] codes = entry.getValue().codes();
            long[] tagCounts = entry.getValue().counts();
            for (int p = 0; p < codes.length; p++, i++) {
                patternLogOdds[i] = ExpectationMaximisation.logOdds(layout, codes[p], m, u, none, 0.5, corrections);
                counts[i] = tagCounts[p];
                tags[i] = entry.getKey();
                sampled += tagCounts[p];
            }
        }
        double scale = candidates / sampled;
        java.util.Arrays.fill(keyM, 0.9);
        double[] logOdds = patternLogOdds.clone();
        double expected = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            for (int p = 0; p < size; p++) {
                logOdds[p] = patternLogOdds[p];
                for (int j = 0; j < keyM.length; j++) {
                    logOdds[p] += (tags[p] & (1 << j)) != 0 ? Math.log(keyM[j] / keyU[j])
                            : Math.log((1 - keyM[j]) / (1 - keyU[j]));
                }
            }
            double prior = fixedPrior(counts, logOdds, scale, candidates, totalPairs);
            double priorLogOdds = Math.log(prior / (1 - prior));
            expected = 0;
            double[] sharing = new double[keyM.length];
            for (int p = 0; p < size; p++) {
                double matches = scale * counts[p] / (1.0 + Math.exp(-(priorLogOdds + logOdds[p])));
                expected += matches;
                for (int j = 0; j < keyM.length; j++) {
                    if ((tags[p] & (1 << j)) != 0) {
                        sharing[j] += matches;
                    }
                }
            }
            double moved = 0;
            for (int j = 0; j < keyM.length; j++) {
                double next = expected > 0 ? Math.min(1 - 1e-6, Math.max(1e-3, sharing[j] / expected)) : keyM[j];
                moved = Math.max(moved, Math.abs(next - keyM[j]));
                keyM[j] = next;
            }
            if (moved < 1e-6) {
                break;
            }
        }
        return expected;
    }

    /**
     * The largest prior π at which the candidates' expected matches, {@code scale} times the sum
     * of {@code counts} weighed by the match probability of {@code logOdds} (at even odds) at
     * prior π, make π over {@code totalPairs}; found by halving π from its largest possible value
     * until the matches exceed it, then by bisection.
     */
    private static double fixedPrior(long[] counts, double[] logOdds, double scale, long candidates, double totalPairs) {
        java.util.function.DoubleUnaryOperator excess = logPrior -> {
            double prior = Math.exp(logPrior);
            double priorLogOdds = Math.log(prior / (1 - prior));
            double sum = 0;
            for (int p = 0; p < counts.length; p++) {
                sum += counts[p] / (1.0 + Math.exp(-(priorLogOdds + logOdds[p])));
            }
            return scale * sum - prior * totalPairs;
        };
        // at the largest prior, every candidate pair a match, the excess is at most 0
        double high = Math.log(Math.min(0.5, candidates / totalPairs));
        if (excess.applyAsDouble(high) >= 0) {
            return Math.exp(high);
        }
        double lowest = Math.log(1e-12);
        for (double x = high - Math.log(2); x > lowest; x -= Math.log(2)) {
            if (excess.applyAsDouble(x) >= 0) {
                double below = x;
                double above = x + Math.log(2);
                for (int step = 0; step < 60; step++) {
                    double mid = (below + above) / 2;
                    if (excess.applyAsDouble(mid) >= 0) {
                        below = mid;
                    } else {
                        above = mid;
                    }
                }
                return Math.exp(below);
            }
        }
        return 1e-12; // no prior the evidence supports: the smallest
    }

    /**
     * Whether the rule's comparisons read every feature of a key, or a feature derived from the
     * same inputs (a set of name words from the given and family names), so that a pair's
     * pattern already holds the agreement on the key.
     */
    private static boolean compared(CompiledRule rule, int[] keySlots, List<Set<String>> inputs) {
        for (int slot : keySlots) {
            boolean read = false;
            for (CompiledRule.Comparison comparison : rule.comparisons) {
                for (int other = 0; other < inputs.size() && !read; other++) {
                    read = comparison.reads(other)
                            && (other == slot || FeatureInputs.overlap(inputs.get(other), inputs.get(slot)));
                }
            }
            if (!read) {
                return false;
            }
        }
        return true;
    }

    /** Distinct pairs sharing an identifying value of a deterministic rule (placeholders over the cap left out). */
    private long deterministicPairs(List<FeatureRecord> sample) {
        Map<Identifier, IntList> groups = new HashMap<>();
        for (int i = 0; i < sample.size(); i++) {
            for (Identifier id : sample.get(i).linkable) {
                for (CompiledRule rule : config.rules) {
                    if (rule.deterministic && rule.typeIndex(id.type()) >= 0) {
                        groups.computeIfAbsent(id, x -> new IntList()).add(i);
                        break;
                    }
                }
            }
        }
        Set<Long> pairs = new HashSet<>();
        for (IntList group : groups.values()) {
            if (group.size() > config.blockSizeCap) {
                continue;
            }
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    int a = Math.min(group.get(x), group.get(y));
                    int b = Math.max(group.get(x), group.get(y));
                    pairs.add(((long) a << 32) | b);
                }
            }
        }
        return pairs.size();
    }

    /** A prior kept inside (1e-12, 0.5]. */
    static double clamp(double p) {
        return Math.min(0.5, Math.max(1e-12, p));
    }
}
