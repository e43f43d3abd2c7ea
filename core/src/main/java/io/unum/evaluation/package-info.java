/**
 * Measuring match quality against ground truth, and reporting progress of long runs.
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
 * <p>{@link io.unum.evaluation.ProgressListener} is the small callback through which long
 * operations (resolution, generation, evaluation) report how far they have come.
 *
 * <p>Every type here is immutable and thread-safe unless its javadoc says otherwise.
 */
package io.unum.evaluation;
