package io.unum.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a predicted clustering of records with the true one and reports pairwise and B-cubed
 * precision, recall and F1, cluster counts, and the worst false merges and missed links.
 *
 * <p>A clustering is a map from record key to cluster label; records with equal labels
 * ({@link Object#equals}) are in one cluster. Labels of the two maps live in separate name
 * spaces and may be of any type, so a {@link io.unum.Resolution#assignments()} map
 * ({@code Map<RecordKey, ProfileId>}) can be compared directly with a truth map such as
 * {@code Map<RecordKey, String>}:
 *
 * <pre>{@code
 * QualityReport<RecordKey> report = ClusteringEvaluator.defaults()
 *     .evaluate(resolution.assignments(), truth);
 * System.out.print(report.summary());
 * }</pre>
 *
 * <p><b>Keys present on one side only</b> are handled by the {@link MissingKeys} policy, by
 * default {@link MissingKeys#SINGLETONS}: a record the engine rejected counts as a predicted
 * singleton, an unlabelled record as a true singleton.
 *
 * <p><b>Algorithm.</b> The keys are sorted once (this fixes every order in the report, and the
 * order of floating-point sums, so equal inputs give equal reports whatever the maps' iteration
 * order). Each record gets an integer predicted and true cluster index; a counting sort groups
 * the records by predicted cluster and, within each group, a reusable counter array yields the
 * contingency cells {@code n(p,t)}. Pair counts follow from sums of {@code C(n,2)} over cells,
 * predicted clusters and true clusters, and B-cubed sums from {@code Σ n(p,t)² / |p|} and
 * {@code Σ n(p,t)² / |t|}. Time is {@code O(n log n)} for the sort plus {@code O(n)}; memory is
 * a few integer arrays of length {@code n}; no pair is ever enumerated.
 *
 * <p>Instances are immutable and thread-safe. Defaults: at most 20 false merges and 20 missed
 * links listed, at most 50 records listed per example, {@link MissingKeys#SINGLETONS}.
 */
public final class ClusteringEvaluator {

    private static final ClusteringEvaluator DEFAULTS = newBuilder().build();

    private final int maxExamples;
    private final int maxRecordsPerExample;
    private final MissingKeys missingKeys;

    private ClusteringEvaluator(int maxExamples, int maxRecordsPerExample, MissingKeys missingKeys) {
        this.maxExamples = maxExamples;
        this.maxRecordsPerExample = maxRecordsPerExample;
        this.missingKeys = missingKeys;
    }

    /** An evaluator with the default settings. */
    public static ClusteringEvaluator defaults() {
        return DEFAULTS;
    }

    /** Starts an evaluator definition. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Evaluates a predicted clustering against the truth, ordering keys naturally.
     *
     * @param predicted record key to predicted cluster label; no null keys or labels
     * @param truth record key to true entity label; no null keys or labels
     * @param <K> the key type, whose natural order must be consistent with {@code equals}
     * @return the report
     * @throws NullPointerException if a map, key or label is null
     * @throws IllegalArgumentException if the key sets differ under {@link MissingKeys#REJECT}
     */
    public <K extends Comparable<? super K>> QualityReport<K> evaluate(Map<K, ?> predicted, Map<K, ?> truth) {
        return evaluate(predicted, truth, Comparator.<K>naturalOrder());
    }

    /**
     * Evaluates a predicted clustering against the truth.
     *
     * @param predicted record key to predicted cluster label; no null keys or labels
     * @param truth record key to true entity label; no null keys or labels
     * @param order orders the keys in the report and fixes the order of computation; must be
     *        consistent with {@code equals}
     * @param <K> the key type
     * @return the report
     * @throws NullPointerException if a map, key or label or the order is null
     * @throws IllegalArgumentException if the key sets differ under {@link MissingKeys#REJECT}
     */
    public <K> QualityReport<K> evaluate(Map<K, ?> predicted, Map<K, ?> truth, Comparator<? super K> order) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(order, "order");

        List<K> keys = new ArrayList<>(Math.max(predicted.size(), truth.size()));
        List<K> onlyPredicted = new ArrayList<>();
        List<K> onlyTrue = new ArrayList<>();
        for (Map.Entry<K, ?> entry : predicted.entrySet()) {
            K key = Objects.requireNonNull(entry.getKey(), "predicted clustering has a null key");
            Objects.requireNonNull(entry.getValue(), () -> "predicted clustering has a null label for key " + key);
            if (truth.containsKey(key)) {
                keys.add(key);
            } else {
                onlyPredicted.add(key);
            }
        }
        for (Map.Entry<K, ?> entry : truth.entrySet()) {
            K key = Objects.requireNonNull(entry.getKey(), "true clustering has a null key");
            Objects.requireNonNull(entry.getValue(), () -> "true clustering has a null label for key " + key);
            if (!predicted.containsKey(key)) {
                onlyTrue.add(key);
            }
        }
        if (missingKeys == MissingKeys.REJECT && (!onlyPredicted.isEmpty() || !onlyTrue.isEmpty())) {
            onlyPredicted.sort(order);
            onlyTrue.sort(order);
            throw new IllegalArgumentException("the clusterings cover different records: " + onlyTrue.size()
                    + " missing from the prediction (e.g. " + first(onlyTrue) + "), " + onlyPredicted.size()
                    + " missing from the truth (e.g. " + first(onlyPredicted) + ")");
        }
        if (missingKeys == MissingKeys.SINGLETONS) {
            keys.addAll(onlyPredicted);
            keys.addAll(onlyTrue);
        }
        keys.sort(order);
        Contingency<K> table = new Contingency<>(keys, predicted, truth);
        return table.report(onlyTrue.size(), onlyPredicted.size(), maxExamples, maxRecordsPerExample);
    }

    private static <K> List<K> first(List<K> keys) {
        return keys.subList(0, Math.min(3, keys.size()));
    }

    @Override
    public String toString() {
        return "ClusteringEvaluator[maxExamples=" + maxExamples + ", maxRecordsPerExample=" + maxRecordsPerExample
                + ", missingKeys=" + missingKeys + "]";
    }

    /**
     * Defines a {@link ClusteringEvaluator}. Each setting may be set once. Not thread-safe.
     */
    public static final class Builder {
        private Integer maxExamples;
        private Integer maxRecordsPerExample;
        private MissingKeys missingKeys;

        private Builder() {
        }

        /**
         * The most false merges, and separately the most missed links, to list (default 20);
         * 0 lists none but still counts them.
         */
        public Builder maxExamples(int value) {
            if (maxExamples != null) {
                throw new IllegalStateException("maxExamples was already set to " + maxExamples);
            }
            if (value < 0) {
                throw new IllegalArgumentException("maxExamples must not be negative, was " + value);
            }
            maxExamples = value;
            return this;
        }

        /**
         * The most record keys to list in one false merge or missed link, across its parts
         * (default 50, at least 1). Larger groups are listed first; the sizes stay exact.
         */
        public Builder maxRecordsPerExample(int value) {
            if (maxRecordsPerExample != null) {
                throw new IllegalStateException("maxRecordsPerExample was already set to " + maxRecordsPerExample);
            }
            if (value < 1) {
                throw new IllegalArgumentException("maxRecordsPerExample must be at least 1, was " + value);
            }
            maxRecordsPerExample = value;
            return this;
        }

        /** What to do with keys that only one clustering has (default {@link MissingKeys#SINGLETONS}). */
        public Builder missingKeys(MissingKeys value) {
            Objects.requireNonNull(value, "missingKeys");
            if (missingKeys != null) {
                throw new IllegalStateException("missingKeys was already set to " + missingKeys);
            }
            missingKeys = value;
            return this;
        }

        /** Builds the immutable evaluator. */
        public ClusteringEvaluator build() {
            return new ClusteringEvaluator(maxExamples == null ? 20 : maxExamples,
                    maxRecordsPerExample == null ? 50 : maxRecordsPerExample,
                    missingKeys == null ? MissingKeys.SINGLETONS : missingKeys);
        }
    }
}
