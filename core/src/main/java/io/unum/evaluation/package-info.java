/**
 * Measuring match quality against ground truth.
 *
 * <p>{@link io.unum.evaluation.ClusteringEvaluator} compares a predicted clustering (for
 * example {@link io.unum.Resolution#assignments()}) with a true one (for example a
 * {@code record_id,person_id} file) and returns a {@link io.unum.evaluation.QualityReport}:
 * pairwise precision, recall and F1, B-cubed precision, recall and F1 (Bagga &amp; Baldwin 1998),
 * cluster counts, and capped, deterministically ordered lists of
 * {@link io.unum.evaluation.FalseMerge false merges} and {@link io.unum.evaluation.MissedLink
 * missed links} for debugging. Pair counts come from the contingency table of the two
 * clusterings, so an evaluation is linear in the number of records (plus one sort of the keys)
 * and never enumerates pairs.
 *
 * <p>{@link io.unum.evaluation.MatchWeightCollector} looks one step earlier, at the scored
 * candidate pairs of the probabilistic rules ({@link io.unum.Resolver#candidatePairs},
 * {@link io.unum.IdentityGraph#candidatePairs}): a {@link io.unum.evaluation.WeightHistogram} of
 * their match weights with the rules' thresholds, split into true matches and the rest, and a
 * {@link io.unum.evaluation.ThresholdCurve} of the precision, recall and F1 of linking the pairs
 * at or above each threshold, recall counting every true pair, so that the pairs blocking never
 * compared show as a ceiling. Use them to see whether the weights separate matches from
 * non-matches and where a match threshold should sit.
 *
 * <p>Every type here is immutable and thread-safe unless its javadoc says otherwise
 * ({@link io.unum.evaluation.MatchWeightCollector} is mutable and thread-safe; the builders are
 * neither).
 */
package io.unum.evaluation;
