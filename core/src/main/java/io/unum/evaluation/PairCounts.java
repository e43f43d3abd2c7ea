package io.unum.evaluation;

/**
 * The pair counts behind pairwise precision and recall. A pair is an unordered pair of distinct
 * records; it is <em>predicted</em> when both records are in one predicted cluster and
 * <em>true</em> when both belong to one true entity.
 *
 * <p>With {@code n(p,t)} the number of records in predicted cluster {@code p} and true entity
 * {@code t}, {@code a(p)} and {@code b(t)} the cluster sizes, and {@code C(n,2) = n(n-1)/2}:
 * {@code predicted = Σ_p C(a(p),2)}, {@code actual = Σ_t C(b(t),2)},
 * {@code truePositives = Σ_{p,t} C(n(p,t),2)}.
 *
 * @param predicted pairs placed together by the prediction
 * @param actual pairs that belong together in truth
 * @param truePositives pairs that are both predicted and true
 */
public record PairCounts(long predicted, long actual, long truePositives) {

    /**
     * @throws IllegalArgumentException if a count is negative or true positives exceed either
     *         total
     */
    public PairCounts {
        if (predicted < 0 || actual < 0 || truePositives < 0) {
            throw new IllegalArgumentException("pair counts must not be negative, were predicted=" + predicted
                    + ", actual=" + actual + ", truePositives=" + truePositives);
        }
        if (truePositives > predicted || truePositives > actual) {
            throw new IllegalArgumentException("true positives (" + truePositives
                    + ") cannot exceed predicted (" + predicted + ") or actual (" + actual + ") pairs");
        }
    }

    /** Predicted pairs that are not true: wrongly merged pairs. */
    public long falsePositives() {
        return predicted - truePositives;
    }

    /** True pairs that were not predicted: missed pairs. */
    public long falseNegatives() {
        return actual - truePositives;
    }

    /**
     * Pairwise scores: precision {@code truePositives / predicted} (1 when nothing is predicted,
     * as nothing claimed is wrong), recall {@code truePositives / actual} (1 when there are no
     * true pairs, as nothing is missed), and their F1.
     */
    public Scores scores() {
        double precision = predicted == 0 ? 1.0 : (double) truePositives / predicted;
        double recall = actual == 0 ? 1.0 : (double) truePositives / actual;
        return Scores.of(precision, recall);
    }
}
