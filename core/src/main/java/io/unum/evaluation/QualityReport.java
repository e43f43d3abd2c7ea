package io.unum.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How well a predicted clustering matches a true one: the result of
 * {@link ClusteringEvaluator#evaluate}.
 *
 * <p>All counts are over the <em>evaluated</em> records: with {@link MissingKeys#SINGLETONS}
 * the union of both key sets, each key absent from one side standing alone there; with
 * {@link MissingKeys#IGNORE} the keys both sides have.
 *
 * <p><b>Pairwise</b> scores ({@link #pairwise()}) count pairs of records: precision is the share
 * of pairs put together that belong together, recall the share of pairs that belong together
 * that were put together (see {@link PairCounts}). Large clusters weigh quadratically.
 *
 * <p><b>B-cubed</b> scores ({@link #bcubed()}, Bagga &amp; Baldwin 1998, "Entity-based
 * cross-document coreferencing using the vector space model") are per-record averages: for
 * record {@code r} in predicted cluster {@code P(r)} and true entity {@code T(r)}, precision is
 * {@code |P(r) ∩ T(r)| / |P(r)|} and recall {@code |P(r) ∩ T(r)| / |T(r)|}, each counting
 * {@code r} itself, averaged over all records with equal weight; F1 is the harmonic mean of the
 * two averages (Amigó et al. 2009). A singleton that should be a singleton scores 1.
 *
 * <p>With no records, every score is 1 (nothing was claimed wrongly and nothing was missed).
 *
 * @param records records evaluated
 * @param predictedClusters clusters in the evaluated prediction, counting each key absent from
 *        it as a singleton
 * @param trueClusters true entities among the evaluated records, counting each key absent from
 *        the truth as a singleton
 * @param missingFromPrediction keys the truth has and the prediction lacks (for
 *        {@link MissingKeys#IGNORE} these were left out)
 * @param missingFromTruth keys the prediction has and the truth lacks (likewise)
 * @param pairs the pair counts
 * @param pairwise pairwise precision, recall and F1
 * @param bcubed B-cubed precision, recall and F1
 * @param falseMergeCount how many predicted clusters mix true entities
 * @param falseMerges the worst of them (most wrong pairs first, then by first key), at most the
 *        evaluator's {@link ClusteringEvaluator.Builder#maxExamples(int) example cap}
 * @param missedLinkCount how many true entities the prediction split
 * @param missedLinks the worst of them (most missed pairs first, then by first key), capped
 *        likewise
 * @param <K> the record key type
 */
public record QualityReport<K>(int records, int predictedClusters, int trueClusters, int missingFromPrediction,
        int missingFromTruth, PairCounts pairs, Scores pairwise, Scores bcubed, int falseMergeCount,
        List<FalseMerge<K>> falseMerges, int missedLinkCount, List<MissedLink<K>> missedLinks) {

    /**
     * @throws IllegalArgumentException if a count is negative or a list is longer than its count
     */
    public QualityReport {
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(pairwise, "pairwise");
        Objects.requireNonNull(bcubed, "bcubed");
        falseMerges = List.copyOf(Objects.requireNonNull(falseMerges, "falseMerges"));
        missedLinks = List.copyOf(Objects.requireNonNull(missedLinks, "missedLinks"));
        if (records < 0 || predictedClusters < 0 || trueClusters < 0 || missingFromPrediction < 0
                || missingFromTruth < 0 || falseMergeCount < falseMerges.size()
                || missedLinkCount < missedLinks.size()) {
            throw new IllegalArgumentException("report counts must not be negative nor smaller than the lists");
        }
    }

    /**
     * A few lines for people: counts and scores, four decimals, independent of the default
     * locale. Record keys are not shown.
     */
    public String summary() {
        return String.format(Locale.ROOT,
                "records: %d (missing from prediction: %d, missing from truth: %d)%n"
                        + "clusters: %d predicted, %d true%n"
                        + "pairs: %d predicted, %d true, %d correct%n"
                        + "pairwise: precision %.4f, recall %.4f, F1 %.4f%n"
                        + "B-cubed:  precision %.4f, recall %.4f, F1 %.4f%n"
                        + "false merges: %d, missed links: %d%n",
                records, missingFromPrediction, missingFromTruth, predictedClusters, trueClusters,
                pairs.predicted(), pairs.actual(), pairs.truePositives(),
                pairwise.precision(), pairwise.recall(), pairwise.f1(),
                bcubed.precision(), bcubed.recall(), bcubed.f1(), falseMergeCount, missedLinkCount);
    }

    /** Counts and F1 scores on one line; no record keys. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "QualityReport[records=%d, predictedClusters=%d, trueClusters=%d, pairwiseF1=%.4f, bcubedF1=%.4f, "
                        + "falseMerges=%d, missedLinks=%d]",
                records, predictedClusters, trueClusters, pairwise.f1(), bcubed.f1(), falseMergeCount,
                missedLinkCount);
    }
}
