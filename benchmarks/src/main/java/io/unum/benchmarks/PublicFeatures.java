package io.unum.benchmarks;

import io.unum.matchers.CustomerRules;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.rules.RecordView;
import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.NormalizedValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features and pair scores computed through Unum's <em>public</em> API only (the engine's own
 * featurizer and scorer are internal), for the pair-scoring benchmark.
 *
 * <p>Features: each {@link Feature} of the customer rules reads a {@link RecordView} of the
 * record — raw attributes, and identifiers normalized by the rules' identifier normalizers,
 * keeping only linkable ({@link NormalizedValue.Valid}) values — and its normalizer turns the raw
 * value into the feature ({@code null} or blank raw values are absent). Scoring follows the
 * documented semantics of {@link Comparison}: a missing value of the comparison's feature on
 * either side is the null level (weight 0); otherwise the first level whose condition holds on
 * the level's feature (both values present) counts {@code log2(m/u)}; the prior weight starts
 * the sum. Term-frequency adjustment is not modelled (the hand-set rule has none).
 */
final class PublicFeatures {

    private final List<Feature> features;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<IdentifierType, IdentifierNormalizer> normalizers;

    /** The rule compiled to slots: per comparison its feature slot, per level slot, condition and weight. */
    final double priorWeight;
    final int[] comparisonSlot;
    final int[][] levelSlot;
    final LevelCondition[][] conditions;
    final double[][] weights;

    PublicFeatures(CustomerRules rules, MatchRule.Probabilistic rule) {
        this.features = rules.features();
        for (Feature f : features) {
            slots.put(f.name(), slots.size());
        }
        this.normalizers = rules.identifierNormalizers();
        List<Comparison> comparisons = rule.comparisons();
        priorWeight = rule.priorWeight();
        comparisonSlot = new int[comparisons.size()];
        levelSlot = new int[comparisons.size()][];
        conditions = new LevelCondition[comparisons.size()][];
        weights = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison comparison = comparisons.get(c);
            comparisonSlot[c] = slots.get(comparison.feature());
            List<ComparisonLevel> levels = comparison.levels();
            levelSlot[c] = new int[levels.size()];
            conditions[c] = new LevelCondition[levels.size()];
            weights[c] = new double[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                ComparisonLevel level = levels.get(l);
                levelSlot[c][l] = slots.get(level.feature() != null ? level.feature() : comparison.feature());
                conditions[c][l] = level.condition();
                weights[c][l] = level.weight();
            }
        }
    }

    /** The feature values of a record, by slot. */
    String[] featurize(SourceRecord record) {
        RecordView view = new View(record, normalizers);
        String[] values = new String[features.size()];
        for (int i = 0; i < values.length; i++) {
            Feature feature = features.get(i);
            String raw = feature.source().extract(view);
            values[i] = raw == null || raw.isBlank() ? null : feature.normalizer().normalize(raw);
        }
        return values;
    }

    /** The slot of a feature by name, or -1. */
    int slot(String name) {
        return slots.getOrDefault(name, -1);
    }

    /** One feature of a record, computed alone (its source reads a fresh view). */
    String feature(SourceRecord record, int slot) {
        Feature feature = features.get(slot);
        String raw = feature.source().extract(new View(record, normalizers));
        return raw == null || raw.isBlank() ? null : feature.normalizer().normalize(raw);
    }

    /** The match weight of a pair in bits, prior included. */
    double score(String[] a, String[] b) {
        double weight = priorWeight;
        for (int c = 0; c < comparisonSlot.length; c++) {
            weight += scoreOne(a, b, c);
        }
        return weight;
    }

    /** The weight one comparison contributes (0 for the null level or when no level holds). */
    double scoreOne(String[] a, String[] b, int c) {
        int slot = comparisonSlot[c];
        if (a[slot] == null || b[slot] == null) {
            return 0.0;
        }
        int[] ls = levelSlot[c];
        LevelCondition[] cs = conditions[c];
        for (int l = 0; l < ls.length; l++) {
            String x = a[ls[l]];
            String y = b[ls[l]];
            if (x != null && y != null && cs[l].test(x, y)) {
                return weights[c][l];
            }
        }
        return 0.0;
    }

    /**
     * Baseline: the same walk, but every comparison only tests whether its own feature is equal
     * (one {@code String.equals} per comparison) — the cost of the data access and the loop
     * without the comparators.
     */
    double scoreExactOnly(String[] a, String[] b) {
        double weight = priorWeight;
        for (int c = 0; c < comparisonSlot.length; c++) {
            int slot = comparisonSlot[c];
            String x = a[slot];
            String y = b[slot];
            if (x == null || y == null) {
                continue;
            }
            double[] w = weights[c];
            weight += x.equals(y) ? w[0] : w[w.length - 1];
        }
        return weight;
    }

    private static final class View implements RecordView {
        private final SourceRecord record;
        private final Map<IdentifierType, IdentifierNormalizer> normalizers;

        View(SourceRecord record, Map<IdentifierType, IdentifierNormalizer> normalizers) {
            this.record = record;
            this.normalizers = normalizers;
        }

        @Override
        public RecordKey key() {
            return record.key();
        }

        @Override
        public String attribute(String name) {
            return record.attribute(name);
        }

        @Override
        public List<String> identifiers(IdentifierType type) {
            IdentifierNormalizer normalizer = normalizers.getOrDefault(type, type.normalizer());
            List<String> out = new ArrayList<>(1);
            for (Identifier identifier : record.identifiers(type)) {
                if (normalizer.normalize(identifier.value()) instanceof NormalizedValue.Valid valid
                        && !out.contains(valid.value())) {
                    out.add(valid.value());
                }
            }
            return out;
        }
    }
}
