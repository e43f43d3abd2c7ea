package io.unum.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: the contingency-table formulas against brute-force enumeration of all
 * pairs and all records on random small clusterings, plus algebraic properties.
 */
class ClusteringEvaluatorPropertyTest {

    private static final long SEED = 20240614L;
    private static final int TRIALS = 500;
    private static final double EPS = 1e-12;
    private static final ClusteringEvaluator ALL_EXAMPLES = ClusteringEvaluator.newBuilder().maxExamples(1000).build();

    /** A random clustering of {@code n} integer keys into about {@code clusters} labels. */
    private static Map<Integer, Integer> randomClustering(Random random, int n, int clusters) {
        Map<Integer, Integer> map = new HashMap<>();
        for (int key = 0; key < n; key++) {
            map.put(key, random.nextInt(clusters));
        }
        return map;
    }

    @Test
    void contingencyCountsEqualBruteForcePairEnumeration() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = random.nextInt(40);
            Map<Integer, Integer> predicted = randomClustering(random, n, 1 + random.nextInt(12));
            Map<Integer, Integer> truth = randomClustering(random, n, 1 + random.nextInt(12));

            long predictedPairs = 0;
            long truePairs = 0;
            long bothPairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    boolean samePredicted = predicted.get(i).equals(predicted.get(j));
                    boolean sameTrue = truth.get(i).equals(truth.get(j));
                    predictedPairs += samePredicted ? 1 : 0;
                    truePairs += sameTrue ? 1 : 0;
                    bothPairs += samePredicted && sameTrue ? 1 : 0;
                }
            }
            double precisionSum = 0;
            double recallSum = 0;
            for (int i = 0; i < n; i++) {
                int inPredicted = 0;
                int inTrue = 0;
                int inBoth = 0;
                for (int j = 0; j < n; j++) {
                    boolean samePredicted = predicted.get(i).equals(predicted.get(j));
                    boolean sameTrue = truth.get(i).equals(truth.get(j));
                    inPredicted += samePredicted ? 1 : 0;
                    inTrue += sameTrue ? 1 : 0;
                    inBoth += samePredicted && sameTrue ? 1 : 0;
                }
                precisionSum += (double) inBoth / inPredicted;
                recallSum += (double) inBoth / inTrue;
            }

            QualityReport<Integer> report = ALL_EXAMPLES.evaluate(predicted, truth);
            String context = "trial " + trial + ", n=" + n;
            assertEquals(new PairCounts(predictedPairs, truePairs, bothPairs), report.pairs(), context);
            assertEquals(n == 0 ? 1 : precisionSum / n, report.bcubed().precision(), EPS, context);
            assertEquals(n == 0 ? 1 : recallSum / n, report.bcubed().recall(), EPS, context);
            assertEquals(predictedPairs == 0 ? 1 : (double) bothPairs / predictedPairs,
                    report.pairwise().precision(), EPS, context);
            assertEquals(truePairs == 0 ? 1 : (double) bothPairs / truePairs, report.pairwise().recall(), EPS, context);
            assertEquals(Map.copyOf(predicted).values().stream().distinct().count(), report.predictedClusters(), context);
            assertEquals(Map.copyOf(truth).values().stream().distinct().count(), report.trueClusters(), context);
            assertEquals(report.pairs().falsePositives(),
                    report.falseMerges().stream().mapToLong(FalseMerge::wrongPairs).sum(), context);
            assertEquals(report.pairs().falseNegatives(),
                    report.missedLinks().stream().mapToLong(MissedLink::missedPairs).sum(), context);
        }
    }

    @Test
    void swappingPredictionAndTruthSwapsPrecisionAndRecall() {
        Random random = new Random(SEED + 1);
        ClusteringEvaluator evaluator = ALL_EXAMPLES;
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = 1 + random.nextInt(60);
            Map<Integer, Integer> a = randomClustering(random, n, 1 + random.nextInt(20));
            Map<Integer, Integer> b = randomClustering(random, n, 1 + random.nextInt(20));
            QualityReport<Integer> ab = evaluator.evaluate(a, b);
            QualityReport<Integer> ba = evaluator.evaluate(b, a);
            assertEquals(ab.pairwise().precision(), ba.pairwise().recall(), EPS);
            assertEquals(ab.pairwise().recall(), ba.pairwise().precision(), EPS);
            assertEquals(ab.bcubed().precision(), ba.bcubed().recall(), EPS);
            assertEquals(ab.bcubed().recall(), ba.bcubed().precision(), EPS);
            assertEquals(ab.falseMergeCount(), ba.missedLinkCount());
            assertEquals(ab.falseMerges().stream().mapToLong(FalseMerge::wrongPairs).sum(),
                    ba.missedLinks().stream().mapToLong(MissedLink::missedPairs).sum());
            assertEquals(ab.pairs().falsePositives(),
                    ab.falseMerges().stream().mapToLong(FalseMerge::wrongPairs).sum());
        }
    }

    @Test
    void reportDoesNotDependOnMapIterationOrder() {
        Random random = new Random(SEED + 2);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(80);
            Map<Integer, Integer> predicted = randomClustering(random, n, 1 + random.nextInt(15));
            Map<Integer, Integer> truth = randomClustering(random, n, 1 + random.nextInt(15));
            List<Integer> keys = new ArrayList<>(predicted.keySet());
            Collections.shuffle(keys, random);
            Map<Integer, Integer> shuffledPredicted = new LinkedHashMap<>();
            Map<Integer, Integer> shuffledTruth = new LinkedHashMap<>();
            for (Integer key : keys) {
                shuffledPredicted.put(key, predicted.get(key));
            }
            Collections.shuffle(keys, random);
            for (Integer key : keys) {
                shuffledTruth.put(key, truth.get(key));
            }
            assertEquals(ClusteringEvaluator.defaults().evaluate(predicted, truth),
                    ClusteringEvaluator.defaults().evaluate(shuffledPredicted, shuffledTruth));
        }
    }

    @Test
    void relabellingChangesNothingButTheLabels() {
        Random random = new Random(SEED + 3);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(50);
            Map<Integer, Integer> predicted = randomClustering(random, n, 1 + random.nextInt(10));
            Map<Integer, Integer> truth = randomClustering(random, n, 1 + random.nextInt(10));
            Map<Integer, String> renamed = new HashMap<>();
            predicted.forEach((key, label) -> renamed.put(key, "cluster-" + (label * 31 + 7)));
            QualityReport<Integer> original = ClusteringEvaluator.defaults().evaluate(predicted, truth);
            QualityReport<Integer> relabelled = ClusteringEvaluator.defaults().evaluate(renamed, truth);
            assertEquals(original.pairs(), relabelled.pairs());
            assertEquals(original.bcubed(), relabelled.bcubed());
            assertEquals(original.missedLinkCount(), relabelled.missedLinkCount());
        }
    }
}
