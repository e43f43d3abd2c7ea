package io.unum.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Design: records are numbered 0..n-1 in key order. Each side's labels are interned to dense
 * cluster indexes in order of first appearance (so, again, in key order); a key absent from a
 * side gets a fresh index of its own there. A stable counting sort groups record numbers by
 * cluster, so every group lists its records in key order and its first record is its smallest
 * key. One pass over the predicted groups with a reusable counter array indexed by true cluster
 * visits each contingency cell n(p,t) once; a second pass over the true groups does the same for
 * the missed links. Nothing here is quadratic in a cluster's size.
 */
/** The contingency table of two clusterings over sorted keys; one use, not thread-safe. */
final class Contingency<K> {

    private final List<K> keys;
    private final Side predicted;
    private final Side truth;

    Contingency(List<K> keys, Map<K, ?> predictedLabels, Map<K, ?> trueLabels) {
        this.keys = keys;
        this.predicted = new Side(keys, predictedLabels);
        this.truth = new Side(keys, trueLabels);
    }

    QualityReport<K> report(int missingFromPrediction, int missingFromTruth, int maxExamples, int maxRecords) {
        int n = keys.size();
        int[] counter = new int[Math.max(predicted.clusters(), truth.clusters())];
        int[] touched = new int[counter.length];

        long predictedPairs = 0;
        long truePositives = 0;
        double bcubedPrecisionSum = 0;
        long[] trueSquares = new long[truth.clusters()];
        List<Candidate> merges = new ArrayList<>();
        for (int p = 0; p < predicted.clusters(); p++) {
            int from = predicted.start[p];
            int to = predicted.start[p + 1];
            int size = to - from;
            long clusterPairs = pairs(size);
            predictedPairs += clusterPairs;
            int distinct = 0;
            for (int i = from; i < to; i++) {
                int t = truth.cluster[predicted.members[i]];
                if (counter[t]++ == 0) {
                    touched[distinct++] = t;
                }
            }
            long cellPairs = 0;
            long squares = 0;
            for (int j = 0; j < distinct; j++) {
                int t = touched[j];
                long cell = counter[t];
                counter[t] = 0;
                cellPairs += pairs(cell);
                squares += cell * cell;
                trueSquares[t] += cell * cell;
            }
            truePositives += cellPairs;
            bcubedPrecisionSum += (double) squares / size;
            if (distinct >= 2) {
                merges.add(new Candidate(p, clusterPairs - cellPairs, distinct, predicted.members[from]));
            }
        }

        long actualPairs = 0;
        double bcubedRecallSum = 0;
        List<Candidate> splits = new ArrayList<>();
        for (int t = 0; t < truth.clusters(); t++) {
            int from = truth.start[t];
            int to = truth.start[t + 1];
            int size = to - from;
            long clusterPairs = pairs(size);
            actualPairs += clusterPairs;
            bcubedRecallSum += (double) trueSquares[t] / size;
            int distinct = 0;
            for (int i = from; i < to; i++) {
                int p = predicted.cluster[truth.members[i]];
                if (counter[p]++ == 0) {
                    touched[distinct++] = p;
                }
            }
            long cellPairs = 0;
            for (int j = 0; j < distinct; j++) {
                int p = touched[j];
                cellPairs += pairs(counter[p]);
                counter[p] = 0;
            }
            if (distinct >= 2) {
                splits.add(new Candidate(t, clusterPairs - cellPairs, distinct, truth.members[from]));
            }
        }

        PairCounts pairCounts = new PairCounts(predictedPairs, actualPairs, truePositives);
        Scores bcubed = n == 0 ? Scores.of(1, 1)
                : Scores.of(clamp(bcubedPrecisionSum / n), clamp(bcubedRecallSum / n));

        List<FalseMerge<K>> falseMerges = new ArrayList<>();
        for (Candidate c : worst(merges, maxExamples)) {
            falseMerges.add(new FalseMerge<>(predicted.text(c.cluster), predicted.size(c.cluster), c.distinct,
                    c.weight, parts(predicted, c.cluster, truth, maxRecords)));
        }
        List<MissedLink<K>> missedLinks = new ArrayList<>();
        for (Candidate c : worst(splits, maxExamples)) {
            missedLinks.add(new MissedLink<>(truth.text(c.cluster), truth.size(c.cluster), c.distinct,
                    c.weight, parts(truth, c.cluster, predicted, maxRecords)));
        }
        return new QualityReport<>(n, predicted.clusters(), truth.clusters(), missingFromPrediction,
                missingFromTruth, pairCounts, pairCounts.scores(), bcubed, merges.size(), falseMerges,
                splits.size(), missedLinks);
    }

    /** The records of one cluster of {@code side}, grouped by their cluster on {@code other}. */
    private List<ClusterPart<K>> parts(Side side, int cluster, Side other, int maxRecords) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        List<List<Integer>> ordered = new ArrayList<>();
        for (int i = side.start[cluster]; i < side.start[cluster + 1]; i++) {
            int record = side.members[i];
            List<Integer> group = groups.computeIfAbsent(other.cluster[record], k -> new ArrayList<>());
            if (group.isEmpty()) {
                ordered.add(group);
            }
            group.add(record);
        }
        // Largest first; among equals, the one with the smallest first key (records ascend).
        ordered.sort(Comparator.<List<Integer>>comparingInt(List::size).reversed()
                .thenComparingInt(g -> g.get(0)));
        List<ClusterPart<K>> parts = new ArrayList<>();
        int remaining = maxRecords;
        for (List<Integer> group : ordered) {
            if (remaining == 0) {
                break;
            }
            int take = Math.min(remaining, group.size());
            remaining -= take;
            List<K> listed = new ArrayList<>(take);
            for (int j = 0; j < take; j++) {
                listed.add(keys.get(group.get(j)));
            }
            int otherCluster = other.cluster[group.get(0)];
            parts.add(new ClusterPart<>(other.text(otherCluster), other.absent(otherCluster), group.size(), listed));
        }
        return parts;
    }

    private static List<Candidate> worst(List<Candidate> candidates, int max) {
        candidates.sort(Comparator.comparingLong((Candidate c) -> c.weight).reversed()
                .thenComparingInt(c -> c.firstRecord));
        return candidates.subList(0, Math.min(max, candidates.size()));
    }

    private static long pairs(long size) {
        return size * (size - 1) / 2;
    }

    /** Guards the [0, 1] contract against the last bit of floating-point rounding. */
    private static double clamp(double value) {
        return Math.min(1.0, Math.max(0.0, value));
    }

    /** A cluster with an error to report: its index, its wrong or missed pairs, its first record. */
    private static final class Candidate {
        final int cluster;
        final long weight;
        final int distinct;
        final int firstRecord;

        Candidate(int cluster, long weight, int distinct, int firstRecord) {
            this.cluster = cluster;
            this.weight = weight;
            this.distinct = distinct;
            this.firstRecord = firstRecord;
        }
    }

    /** One clustering as dense cluster indexes, with its records grouped by cluster. */
    private static final class Side {
        /** Cluster index of each record. */
        final int[] cluster;
        /** Record numbers grouped by cluster, ascending within a group. */
        final int[] members;
        /** Group {@code c} is {@code members[start[c] .. start[c+1])}. */
        final int[] start;
        /** The label of each cluster; {@code null} for the singleton of an absent key. */
        private final List<Object> labels = new ArrayList<>();

        <K> Side(List<K> keys, Map<K, ?> labelsByKey) {
            int n = keys.size();
            cluster = new int[n];
            Map<Object, Integer> index = new HashMap<>(Math.max(16, n / 2));
            for (int i = 0; i < n; i++) {
                Object label = labelsByKey.get(keys.get(i));
                if (label == null) {
                    cluster[i] = labels.size();
                    labels.add(null);
                } else {
                    Integer known = index.get(label);
                    if (known == null) {
                        known = labels.size();
                        index.put(label, known);
                        labels.add(label);
                    }
                    cluster[i] = known;
                }
            }
            int clusters = labels.size();
            start = new int[clusters + 1];
            for (int c : cluster) {
                start[c + 1]++;
            }
            for (int c = 0; c < clusters; c++) {
                start[c + 1] += start[c];
            }
            int[] next = Arrays.copyOf(start, clusters);
            members = new int[n];
            for (int i = 0; i < n; i++) {
                members[next[cluster[i]]++] = i;
            }
        }

        int clusters() {
            return labels.size();
        }

        int size(int c) {
            return start[c + 1] - start[c];
        }

        boolean absent(int c) {
            return labels.get(c) == null;
        }

        String text(int c) {
            Object label = labels.get(c);
            return label == null ? "" : String.valueOf(label);
        }
    }
}
