package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.MatchRule;
import io.unum.training.PriorEstimate;
import io.unum.training.TermFrequencies;
import io.unum.training.TrainedModel;
import io.unum.training.TrainingOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Estimates Fellegi–Sunter parameters (Fellegi &amp; Sunter 1969) the way Splink does without
 * labels: u from comparison vectors of random record pairs (almost all non-matches), m by
 * expectation–maximisation (Dempster, Laird &amp; Rubin 1977; Winkler 1988) over the pairs of
 * each training pass's blocking key, the comparisons that read the pass's key features being
 * left out of that pass (inside such blocks they always agree), the passes' m estimates averaged,
 * and the prior λ from the matches expected among the rule's candidate pairs. A pass whose
 * match rate converges to (nearly) 1 or 0 has found no second class in its blocks (EM's
 * degenerate solution, common when a blocking key groups households or other look-alikes); its
 * m estimates are reported and not used.
 *
 * <p>A comparison that no two-class pass estimates (the date of birth, when the date pass leaves
 * it out and the name pass is degenerate) takes m from the pairs of the passes that call (almost)
 * every pair a match, each weighed by how likely it is a match on the other comparisons
 * ({@link MatchOnlyPasses}).
 *
 * <h2>Design</h2>
 * Records are featurized once (a seeded sample of at most {@code maxRecords}, taken from the
 * records sorted by key so that the input order does not matter). A comparison vector is packed
 * into a {@code long} ({@link PatternLayout}: per comparison the bits its levels need, 0 = null
 * level), so a pass reduces to counts of
 * distinct patterns and each EM iteration costs O(patterns × comparisons), not O(pairs).
 * EM stops when no m moves by more than the tolerance, or after {@code maxIterations}.
 *
 * <p>Stateless apart from its configuration; thread-safe.
 */
public final class Trainer {

    private static final double FLOOR = 1e-6;
    /**
     * At most this many candidate pairs (or the options' pairs per pass, if fewer), sampled
     * uniformly, estimate the prior: λ is a share of them, which half a million pairs give to
     * about ±0.1 %, and scoring the 2 million of a 300,000-record sample was a quarter of training.
     */
    static final long PRIOR_MAX_PAIRS = 500_000;
    /** Passes whose match rate ends above or below these explain the data without two classes. */
    private static final double DEGENERATE_RATE_HIGH = 0.99;
    private static final double DEGENERATE_RATE_LOW = 0.001;


    private final EngineConfig config;
    private final Featurizer featurizer;
    private final Parallel parallel;
    /** The seed of the keyed hashes of training's keys (the resolver's secret stands behind it). */
    private final long keySeed;

    /** A trainer with an engine's stages (featurizer, parallelism). */
    Trainer(Engine engine) {
        this.config = engine.config;
        this.featurizer = engine.featurizer;
        this.parallel = engine.parallel;
        this.keySeed = SipHash.mix(config.k0 ^ 0x747261696e696e67L);
    }

    /** A key to group the sample by: its feature slots and its cap. */
    private record SampleKey(int[] slots, int cap) {
    }

    /** Unsupervised training of every probabilistic rule. */
    public TrainedModel train(Collection<? extends SourceRecord> records, TrainingOptions options) {
        return train(records, options, null);
    }

    /**
     * Unsupervised training that keeps the sample's featurized records in {@code prepared} (at
     * its instant) for the resolve that follows; {@code null} keeps nothing.
     */
    public TrainedModel train(Collection<? extends SourceRecord> records, TrainingOptions options,
            PreparedFeatures prepared) {
        List<FeatureRecord> sample = sample(records, options, prepared);
        Map<String, TrainedModel.Rule> rules = new LinkedHashMap<>();
        for (CompiledRule rule : config.rules) {
            if (!rule.deterministic) {
                rules.put(rule.name, trainRule(rule, sample, options, null));
            }
        }
        return new TrainedModel(config.privacy.clock().instant(), sample.size(), rules);
    }

    /**
     * Training with a label per record (records with the same label are the same person): m from
     * the pairs within labels, u from random pairs with different labels, λ from the label sizes.
     * Records without a label count as people of their own.
     */
    public TrainedModel trainWithLabels(Collection<? extends SourceRecord> records, Map<RecordKey, String> labels,
            TrainingOptions options) {
        List<FeatureRecord> sample = sample(records, options, null);
        Map<String, TrainedModel.Rule> rules = new LinkedHashMap<>();
        for (CompiledRule rule : config.rules) {
            if (!rule.deterministic) {
                rules.put(rule.name, trainRule(rule, sample, options, labels));
            }
        }
        return new TrainedModel(config.privacy.clock().instant(), sample.size(), rules);
    }

    private List<FeatureRecord> sample(Collection<? extends SourceRecord> records, TrainingOptions options,
            PreparedFeatures prepared) {
        java.util.Comparator<SourceRecord> byKey = (a, b) -> a.key().compareTo(b.key());
        SourceRecord[] all = records.toArray(new SourceRecord[0]);
        parallel.sort(all, byKey);
        List<SourceRecord> sorted = java.util.Arrays.asList(all);
        if (sorted.size() > options.maxRecords()) {
            java.util.Collections.shuffle(sorted, new Random(options.seed()));
            SourceRecord[] chosen = sorted.subList(0, options.maxRecords()).toArray(new SourceRecord[0]);
            parallel.sort(chosen, byKey);
            sorted = java.util.Arrays.asList(chosen);
        }
        Instant now = prepared != null ? prepared.now() : config.privacy.clock().instant();
        List<FeatureRecord> entries = new ArrayList<>(sorted.size());
        Set<RecordKey> seen = new HashSet<>();
        Featurizer.Result[] results = featurizer.featurizeAll(sorted, now, parallel, done -> { });
        for (int i = 0; i < results.length; i++) {
            if (prepared != null) {
                prepared.put(sorted.get(i), results[i]);
            }
            if (results[i].entry() != null && seen.add(sorted.get(i).key())) {
                entries.add(results[i].entry());
            }
        }
        return entries;
    }

    private TrainedModel.Rule trainRule(CompiledRule rule, List<FeatureRecord> sample, TrainingOptions options,
            Map<RecordKey, String> labels) {
        MatchRule.Probabilistic definition = (MatchRule.Probabilistic) rule.rule;
        int k = rule.comparisons.length;
        if (rule.layout == null) {
            throw new IllegalArgumentException("rule " + rule.name + " has " + k + " comparisons whose levels take "
                    + PatternLayout.bits(rule.comparisons) + " bits; training packs a pair's levels into at most "
                    + PatternLayout.BITS + " (a comparison of n levels takes the bits of the number n: 2 for up to 3 levels,"
                    + " 3 for up to 7, 4 for up to 15)");
        }
        List<String> notes = new ArrayList<>();
        int n = sample.size();
        if (n < 2) {
            throw new IllegalArgumentException("training needs at least two records that are not rejected, had " + n);
        }
        double totalPairs = (double) n * (n - 1) / 2;
        double[][] m = currentM(definition);
        double[][] u;
        double prior;
        Map<String, Map<String, Double>> dependencies;
        DependenceEstimator dependence = new DependenceEstimator(parallel, this::keyHashes);
        if (labels == null) {
            u = estimateU(rule, sample, options, null, notes);
            List<BlockingKey> passes = options.passes().isEmpty() ? definition.blockingKeys() : options.passes();
            double[][] sum = new double[k][];
            int[] estimates = new int[k];
            // passes that call (almost) every pair a match, kept for the comparisons no other pass estimates
            MatchOnlyPasses matchOnly = new MatchOnlyPasses(config, rule, sample);
            for (int c = 0; c < k; c++) {
                sum[c] = new double[rule.comparisons[c].levels().length];
            }
            for (BlockingKey pass : passes) {
                int[] keySlots = slots(pass, rule.name);
                boolean[] excluded = new boolean[k];
                for (int c = 0; c < k; c++) {
                    for (int slot : keySlots) {
                        excluded[c] |= rule.comparisons[c].reads(slot);
                    }
                }
                PatternCounts patterns = new PatternCounts();
                long pairs = blockedPairs(rule, sample, List.of(new SampleKey(keySlots, config.cap(pass))),
                        options.maxPairsPerPass(),
                        options.seed() ^ pass.name().hashCode(), new int[0], tag -> patterns).total();
                if (pairs == 0) {
                    notes.add("pass " + pass.name() + ": no pairs");
                    continue;
                }
                double[][] passM = copy(m);
                ExpectationMaximisation.Result em = ExpectationMaximisation.run(rule.layout, patterns, passM, u, excluded, 0.1,
                        options, true);
                boolean allMatches = em.lambda() > DEGENERATE_RATE_HIGH;
                boolean degenerate = allMatches || em.lambda() < DEGENERATE_RATE_LOW;
                notes.add(String.format(Locale.ROOT, "pass %s: %d pairs, %d patterns, %d iterations, %s, match rate %.4f%s",
                        pass.name(), pairs, patterns.size(), em.iterations(), em.converged() ? "converged" : "not converged",
                        em.lambda(), allMatches ? "; (almost) every pair a match: used only for comparisons no other"
                                + " pass estimates"
                                : degenerate ? "; not used: a pass that calls (almost) no pair a match cannot tell m from u" : ""));
                if (allMatches) {
                    matchOnly.add(patterns, excluded, keySlots);
                }
                if (degenerate) {
                    continue;
                }
                for (int c = 0; c < k; c++) {
                    if (!excluded[c] && em.estimated()[c]) {
                        estimates[c]++;
                        for (int l = 0; l < sum[c].length; l++) {
                            sum[c][l] += passM[c][l];
                        }
                    }
                }
            }
            boolean[] unestimated = new boolean[k];
            for (int c = 0; c < k; c++) {
                if (estimates[c] > 0) {
                    for (int l = 0; l < sum[c].length; l++) {
                        m[c][l] = Math.max(FLOOR, sum[c][l] / estimates[c]);
                    }
                } else {
                    unestimated[c] = true;
                }
            }
            // the dependencies under m as the two-class passes left it (the comparisons no pass estimates
            // as configured) weigh the pairs of the passes of only matches
            dependencies = dependence.estimate(rule, definition, sample, options, m, u, notes);
            double[] weights = matchOnly.estimate(m, u, unestimated, definition, dependencies);
            for (int c = 0; c < k; c++) {
                if (weights[c] > 0) {
                    notes.add(String.format(Locale.ROOT, "comparison %s: m from %.1f pairs of passes that call (almost)"
                            + " every pair a match, weighed by how likely each is a match on the other comparisons",
                            rule.comparisons[c].name(), weights[c]));
                } else if (unestimated[c]) {
                    notes.add("comparison " + rule.comparisons[c].name() + ": m not estimated by any pass; kept as configured");
                }
            }
            prior = estimatePrior(rule, definition, sample, options, m, u, dependencies, totalPairs, notes);
        } else {
            u = estimateU(rule, sample, options, labels, notes);
            long truePairs = labelledM(rule, sample, labels, options, m, notes);
            prior = clampPrior(Math.max(truePairs, 1) / totalPairs);
            notes.add(String.format(Locale.ROOT, "prior from labels: %d true pairs among %d records", truePairs, n));
            dependencies = dependence.estimate(rule, definition, sample, options, m, u, notes);
        }
        Map<String, TrainedModel.Comparison> comparisons = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            Comparison definitionComparison = definition.comparisons().get(c);
            Map<String, TrainedModel.Level> levels = new LinkedHashMap<>();
            for (int l = 0; l < m[c].length; l++) {
                ComparisonLevel level = definitionComparison.levels().get(l);
                levels.put(level.label(), new TrainedModel.Level(clamp(m[c][l]), clamp(u[c][l])));
            }
            TermFrequencies tf = definitionComparison.termFrequencies()
                    ? termFrequencies(rule.comparisons[c].slot(), sample, options.seed() + c) : null;
            comparisons.put(definitionComparison.name(), new TrainedModel.Comparison(levels, tf));
        }
        notes.add(String.format(Locale.ROOT, "prior %.3e", prior));
        return new TrainedModel.Rule(prior, comparisons, dependencies, notes);
    }

    // ------------------------------------------------------------------------------------------
    // u

    private double[][] estimateU(CompiledRule rule, List<FeatureRecord> sample, TrainingOptions options,
            Map<RecordKey, String> labels, List<String> notes) {
        int n = sample.size();
        int k = rule.comparisons.length;
        long possible = (long) n * (n - 1) / 2;
        long wanted = Math.min(options.randomPairs(), possible);
        long[][] counts = new long[k][];
        long[] nonNull = new long[k];
        for (int c = 0; c < k; c++) {
            counts[c] = new long[rule.comparisons[c].levels().length];
        }
        Random random = new Random(options.seed() * 31 + rule.index);
        long drawn = 0;
        PatternBuffer pairs = new PatternBuffer(parallel, rule, sample, code -> {
            for (int c = 0; c < k; c++) {
                int level = rule.layout.level(code, c);
                if (level >= 0) {
                    counts[c][level]++;
                    nonNull[c]++;
                }
            }
        });
        for (long p = 0; p < wanted; p++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            if (j >= i) {
                j++;
            }
            if (labels != null) {
                String la = labels.get(sample.get(i).key);
                if (la != null && la.equals(labels.get(sample.get(j).key))) {
                    continue; // a labelled match is not a non-match
                }
            }
            drawn++;
            pairs.add(i, j);
        }
        pairs.flush();
        double[][] u = new double[k][];
        for (int c = 0; c < k; c++) {
            int levels = counts[c].length;
            u[c] = new double[levels];
            for (int l = 0; l < levels; l++) {
                // add-one smoothing: a level never seen among random pairs is rare, not impossible
                u[c][l] = (counts[c][l] + 1.0) / (nonNull[c] + levels);
            }
        }
        notes.add("u from " + drawn + " random pairs");
        return u;
    }

    // ------------------------------------------------------------------------------------------
    // blocked pairs and EM

    /**
     * Counts comparison patterns of the pairs sharing a value of any of the keys (each pair once:
     * under the first key it shares), sampling pairs uniformly beyond {@code maxPairs}.
     *
     * @param tagged keys (indexes into {@code keys}, at most 31) whose sharing tags a pair: bit
     *     {@code j} of a pair's tag is set when its records share a value of {@code tagged[j]}
     * @param byTag the pattern counts a pair of each tag is added to
     */
    private BlockedPairs blockedPairs(CompiledRule rule, List<FeatureRecord> sample, List<SampleKey> keys, long maxPairs,
            long seed, int[] tagged, java.util.function.IntFunction<PatternCounts> byTag) {
        // per key, each record's value as a keyed 64-bit hash (0: absent); groups over a key's cap
        // make no candidates, as an oversized block makes none
        long[][] hashes = new long[keys.size()][];
        int[] caps = new int[keys.size()];
        for (int t = 0; t < keys.size(); t++) {
            hashes[t] = keyHashes(keys.get(t).slots(), t, sample);
            caps[t] = keys.get(t).cap();
        }
        CandidateGenerator.SampleBlocks blocks = CandidateGenerator.sampleBlocks(hashes, caps);
        double keep = blocks.pairs <= maxPairs ? 1.0 : (double) maxPairs / blocks.pairs;
        Random random = new Random(seed);
        long[] distinct = new long[keys.size()];
        PatternBuffer pairs = new PatternBuffer(parallel, rule, sample, (tag, code) -> byTag.apply(tag).add(code));
        blocks.forEachPair((key, x, y) -> {
            distinct[key]++;
            if (keep < 1.0 && random.nextDouble() >= keep) {
                return;
            }
            int tag = 0;
            for (int j = 0; j < tagged.length; j++) {
                long h = hashes[tagged[j]][x];
                if (h != 0 && h == hashes[tagged[j]][y]) {
                    tag |= 1 << j;
                }
            }
            pairs.add(x, y, tag);
        });
        pairs.flush();
        long[] shared = new long[keys.size()];
        for (int t = 0; t < shared.length; t++) {
            shared[t] = blocks.pairsOf(t);
        }
        return new BlockedPairs(distinct, shared);
    }

    /**
     * What {@link #blockedPairs} found, per key: the distinct pairs first sharing it (before
     * sampling) and all pairs sharing it in a block under its cap.
     */
    private record BlockedPairs(long[] distinct, long[] shared) {
        long total() {
            return java.util.Arrays.stream(distinct).sum();
        }
    }

    /** Each sample record's value of a key as a keyed hash, 0 when a feature of the key is absent. */
    long[] keyHashes(int[] slots, int t, List<FeatureRecord> sample) {
        long seed = SipHash.mix(keySeed + 0x9E3779B97F4A7C15L * (t + 1));
        long[] hashes = new long[sample.size()];
        int chunk = 4096;
        parallel.forEachChunk((hashes.length + chunk - 1) / chunk, 2, c -> {
            StringBuilder joined = new StringBuilder();
            for (int i = c * chunk, end = Math.min(hashes.length, i + chunk); i < end; i++) {
                hashes[i] = featurizer.keyHash(slots, seed, sample.get(i).features(), joined);
            }
        });
        return hashes;
    }

    // ------------------------------------------------------------------------------------------
    // prior

    private double estimatePrior(CompiledRule rule, MatchRule.Probabilistic definition, List<FeatureRecord> sample,
            TrainingOptions options, double[][] m, double[][] u, Map<String, Map<String, Double>> dependencies,
            double totalPairs, List<String> notes) {
        PriorEstimate estimate = options.prior();
        if (estimate instanceof PriorEstimate.Fixed fixed) {
            notes.add("prior fixed by the caller");
            return fixed.prior();
        }
        if (estimate instanceof PriorEstimate.FromDeterministicLinks links) {
            long linked = deterministicPairs(sample);
            notes.add("prior from " + linked + " deterministically linked pairs and recall " + links.recall());
            return clampPrior(Math.max(linked, 1) / links.recall() / totalPairs);
        }
        List<SampleKey> keys = new ArrayList<>();
        for (BlockingKey key : definition.blockingKeys()) {
            keys.add(new SampleKey(slots(key, rule.name), config.cap(key)));
        }
        // a key that the comparisons do not read is evidence that the patterns lack: whether a pair
        // shares it tags the pair, and the key becomes a comparison of its own in the estimate
        List<Set<String>> inputs = FeatureInputs.observe(config.features, sample, FeatureInputs.TRAINING_RECORDS);
        IntList uncompared = new IntList();
        for (int t = 0; t < keys.size() && uncompared.size() < 31; t++) {
            if (!compared(rule, keys.get(t).slots(), inputs)) {
                uncompared.add(t);
            }
        }
        int[] tagged = uncompared.toArray();
        Map<Integer, PatternCounts> byTag = new TreeMap<>();
        BlockedPairs blocked = blockedPairs(rule, sample, keys, Math.min(options.maxPairsPerPass(), PRIOR_MAX_PAIRS),
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
        return clampPrior(expectedMatches / totalPairs);
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

    // ------------------------------------------------------------------------------------------
    // labels

    private long labelledM(CompiledRule rule, List<FeatureRecord> sample, Map<RecordKey, String> labels,
            TrainingOptions options, double[][] m, List<String> notes) {
        Map<String, IntList> groups = new TreeMap<>();
        for (int i = 0; i < sample.size(); i++) {
            String label = labels.get(sample.get(i).key);
            if (label != null) {
                groups.computeIfAbsent(label, x -> new IntList()).add(i);
            }
        }
        int k = m.length;
        double[][] counts = new double[k][];
        double[] nonNull = new double[k];
        for (int c = 0; c < k; c++) {
            counts[c] = new double[m[c].length];
        }
        long truePairs = 0;
        for (IntList group : groups.values()) {
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    truePairs++;
                    FeatureRecord a = sample.get(group.get(x));
                    FeatureRecord b = sample.get(group.get(y));
                    for (int c = 0; c < k; c++) {
                        int level = Scorer.level(rule.comparisons[c], a, b);
                        if (level >= 0) {
                            counts[c][level]++;
                            nonNull[c]++;
                        }
                    }
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (nonNull[c] == 0) {
                notes.add("comparison " + rule.comparisons[c].name() + ": no labelled pair has both values; m kept as configured");
                continue;
            }
            for (int l = 0; l < m[c].length; l++) {
                m[c][l] = (counts[c][l] + 0.5) / (nonNull[c] + 0.5 * m[c].length);
            }
        }
        notes.add("m from " + truePairs + " labelled matching pairs");
        return truePairs;
    }

    // ------------------------------------------------------------------------------------------
    // term frequencies

    private static TermFrequencies termFrequencies(int slot, List<FeatureRecord> sample, long seed) {
        Map<String, Integer> counts = new HashMap<>();
        long present = 0;
        for (FeatureRecord e : sample) {
            String value = e.features()[slot];
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
                present++;
            }
        }
        long key0 = SipHash.mix(seed ^ 0x7466L);
        long key1 = SipHash.mix(seed + 0x9E3779B97F4A7C15L);
        Map<Long, Double> table = new HashMap<>();
        double floor = present == 0 ? 1.0 : 1.0 / present;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) {
                table.put(SipHash.hash(key0, key1, e.getKey()), (double) e.getValue() / present);
            }
        }
        return new TermFrequencies(key0, key1, floor, table);
    }

    // ------------------------------------------------------------------------------------------

    private int[] slots(BlockingKey key, String rule) {
        int[] slots = new int[key.features().size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = config.featureSlot(key.features().get(i));
            if (slots[i] < 0) {
                throw new IllegalArgumentException("training pass " + key.name() + " of rule " + rule
                        + " refers to feature " + key.features().get(i) + ", which is not defined");
            }
        }
        return slots;
    }

    private static double[][] currentM(MatchRule.Probabilistic rule) {
        double[][] m = new double[rule.comparisons().size()][];
        for (int c = 0; c < m.length; c++) {
            List<ComparisonLevel> levels = rule.comparisons().get(c).levels();
            m[c] = new double[levels.size()];
            double sum = 0;
            for (int l = 0; l < levels.size(); l++) {
                m[c][l] = levels.get(l).m();
                sum += m[c][l];
            }
            for (int l = 0; l < levels.size(); l++) {
                m[c][l] /= sum;
            }
        }
        return m;
    }

    private static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
        }
        return y;
    }

    static double clamp(double p) {
        return Math.min(1.0, Math.max(FLOOR, p));
    }

    private static double clampPrior(double p) {
        return Math.min(0.5, Math.max(1e-12, p));
    }
}
