package io.unum.internal;

import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.MatchRule;
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
    /** Passes whose match rate ends above or below these explain the data without two classes. */
    private static final double DEGENERATE_RATE_HIGH = 0.99;
    private static final double DEGENERATE_RATE_LOW = 0.001;


    private final EngineConfig config;
    private final Featurizer featurizer;
    private final Parallel parallel;
    private final SampleBlocking blocking;
    private final PriorEstimator priors;

    /** A trainer with an engine's stages (featurizer, parallelism). */
    Trainer(Engine engine) {
        this.config = engine.config;
        this.featurizer = engine.featurizer;
        this.parallel = engine.parallel;
        this.blocking = new SampleBlocking(config, featurizer, parallel);
        this.priors = new PriorEstimator(config, blocking);
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
        // what each feature is derived from: which comparisons carry a key (passes of only matches, the prior)
        List<Set<String>> inputs = FeatureInputs.observe(config.features, sample, FeatureInputs.TRAINING_RECORDS);
        Map<String, TrainedModel.Rule> rules = new LinkedHashMap<>();
        for (CompiledRule rule : config.rules) {
            if (!rule.deterministic) {
                rules.put(rule.name, trainRule(rule, sample, options, null, inputs));
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
                rules.put(rule.name, trainRule(rule, sample, options, labels, null));
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

    /**
     * @param labels a label per record for training with labels, else {@code null}
     * @param inputs without labels, what each feature is derived from ({@link FeatureInputs})
     */
    private TrainedModel.Rule trainRule(CompiledRule rule, List<FeatureRecord> sample, TrainingOptions options,
            Map<RecordKey, String> labels, List<Set<String>> inputs) {
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
        DependenceEstimator dependence = new DependenceEstimator(parallel, blocking::keyHashes);
        if (labels == null) {
            u = estimateU(rule, sample, options, null, notes);
            List<BlockingKey> passes = options.passes().isEmpty() ? definition.blockingKeys() : options.passes();
            double[][] sum = new double[k][];
            int[] estimates = new int[k];
            // passes that call (almost) every pair a match, kept for the comparisons no other pass estimates
            MatchOnlyPasses matchOnly = new MatchOnlyPasses(rule, inputs);
            for (int c = 0; c < k; c++) {
                sum[c] = new double[rule.comparisons[c].levels().length];
            }
            for (BlockingKey pass : passes) {
                int[] keySlots = blocking.slots(pass, rule.name);
                boolean[] excluded = new boolean[k];
                for (int c = 0; c < k; c++) {
                    for (int slot : keySlots) {
                        excluded[c] |= rule.comparisons[c].reads(slot);
                    }
                }
                PatternCounts patterns = new PatternCounts();
                long pairs = blocking.blockedPairs(rule, sample, List.of(new SampleBlocking.SampleKey(keySlots, config.cap(pass))),
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
            prior = priors.estimate(rule, definition, sample, inputs, options, m, u, dependencies, totalPairs, notes);
        } else {
            u = estimateU(rule, sample, options, labels, notes);
            long truePairs = labelledM(rule, sample, labels, options, m, notes);
            prior = PriorEstimator.clamp(Math.max(truePairs, 1) / totalPairs);
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
}
