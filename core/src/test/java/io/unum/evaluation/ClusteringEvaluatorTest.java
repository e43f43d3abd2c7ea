package io.unum.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ProgressListener;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClusteringEvaluatorTest {

    private static final double EPS = 1e-12;

    /** Builds a clustering from alternating key, label arguments. */
    private static Map<String, String> clustering(String... keyLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyLabel.length; i += 2) {
            map.put(keyLabel[i], keyLabel[i + 1]);
        }
        return map;
    }

    @Test
    void workedExample() {
        // truth:     T1 = {a, b, c}, T2 = {d, e}, T3 = {f}
        // predicted: P1 = {a, b},    P2 = {c, d, e}, P3 = {f}
        // cells: n(P1,T1) = 2, n(P2,T1) = 1, n(P2,T2) = 2, n(P3,T3) = 1
        // predicted pairs = C(2,2) + C(3,2) + C(1,2) = 1 + 3 + 0 = 4
        // true pairs      = C(3,2) + C(2,2) + C(1,2) = 3 + 1 + 0 = 4
        // true positives  = C(2,2) + C(1,2) + C(2,2) + C(1,2) = 1 + 0 + 1 + 0 = 2
        // pairwise P = 2/4, R = 2/4, F1 = 0.5
        // B-cubed precision per record: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3, f 1/1 -> sum 14/3, mean 7/9
        // B-cubed recall per record:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2, f 1/1 -> sum 14/3, mean 7/9
        Map<String, String> truth = clustering("a", "T1", "b", "T1", "c", "T1", "d", "T2", "e", "T2", "f", "T3");
        Map<String, String> predicted = clustering("a", "P1", "b", "P1", "c", "P2", "d", "P2", "e", "P2", "f", "P3");

        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);

        assertEquals(6, report.records());
        assertEquals(3, report.predictedClusters());
        assertEquals(3, report.trueClusters());
        assertEquals(new PairCounts(4, 4, 2), report.pairs());
        assertEquals(2, report.pairs().falsePositives());
        assertEquals(2, report.pairs().falseNegatives());
        assertEquals(0.5, report.pairwise().precision(), EPS);
        assertEquals(0.5, report.pairwise().recall(), EPS);
        assertEquals(0.5, report.pairwise().f1(), EPS);
        assertEquals(7.0 / 9, report.bcubed().precision(), EPS);
        assertEquals(7.0 / 9, report.bcubed().recall(), EPS);
        assertEquals(7.0 / 9, report.bcubed().f1(), EPS);

        // P2 mixes T1 (c) and T2 (d, e): wrong pairs = C(3,2) - C(2,2) = 2 (c-d, c-e)
        assertEquals(1, report.falseMergeCount());
        FalseMerge<String> merge = report.falseMerges().get(0);
        assertEquals("P2", merge.cluster());
        assertEquals(3, merge.size());
        assertEquals(2, merge.entities());
        assertEquals(2, merge.wrongPairs());
        assertEquals(List.of(new ClusterPart<>("T2", false, 2, List.of("d", "e")),
                new ClusterPart<>("T1", false, 1, List.of("c"))), merge.parts());

        // T1 is split into P1 (a, b) and P2 (c): missed pairs = C(3,2) - C(2,2) = 2 (a-c, b-c)
        assertEquals(1, report.missedLinkCount());
        MissedLink<String> missed = report.missedLinks().get(0);
        assertEquals("T1", missed.entity());
        assertEquals(3, missed.size());
        assertEquals(2, missed.clusters());
        assertEquals(2, missed.missedPairs());
        assertEquals(List.of(new ClusterPart<>("P1", false, 2, List.of("a", "b")),
                new ClusterPart<>("P2", false, 1, List.of("c"))), missed.parts());
    }

    @Test
    void everythingMergedHasFullRecallAndPoorPrecision() {
        // truth {a, b} {c, d}; predicted {a, b, c, d}
        // predicted pairs C(4,2) = 6, true pairs 1 + 1 = 2, true positives 1 + 1 = 2
        // pairwise P = 2/6 = 1/3, R = 1, F1 = 2 * (1/3) / (4/3) = 1/2
        // B-cubed: every record has precision 2/4 and recall 2/2 -> P = 1/2, R = 1, F1 = 2/3
        Map<String, String> truth = clustering("a", "x", "b", "x", "c", "y", "d", "y");
        Map<String, String> predicted = clustering("a", "1", "b", "1", "c", "1", "d", "1");

        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);

        assertEquals(new PairCounts(6, 2, 2), report.pairs());
        assertEquals(1.0 / 3, report.pairwise().precision(), EPS);
        assertEquals(1.0, report.pairwise().recall(), EPS);
        assertEquals(0.5, report.pairwise().f1(), EPS);
        assertEquals(0.5, report.bcubed().precision(), EPS);
        assertEquals(1.0, report.bcubed().recall(), EPS);
        assertEquals(2.0 / 3, report.bcubed().f1(), EPS);
        assertEquals(1, report.predictedClusters());
        assertEquals(2, report.trueClusters());
        assertEquals(1, report.falseMergeCount());
        assertEquals(4, report.falseMerges().get(0).wrongPairs(), "C(4,2) - 1 - 1");
        assertEquals(0, report.missedLinkCount());
    }

    @Test
    void allSingletonsAgainstPairsHasNoPredictedPairs() {
        // truth {a, b} {c}; predicted {a} {b} {c}
        // predicted pairs 0 -> precision 1 by convention (nothing claimed wrongly); true pairs 1, recall 0; F1 0
        // B-cubed: precision 1 for all; recall a 1/2, b 1/2, c 1 -> 2/3; F1 = 2 * (2/3) / (5/3) = 4/5
        Map<String, String> truth = clustering("a", "x", "b", "x", "c", "y");
        Map<String, String> predicted = clustering("a", "1", "b", "2", "c", "3");

        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);

        assertEquals(new PairCounts(0, 1, 0), report.pairs());
        assertEquals(new Scores(1.0, 0.0, 0.0), report.pairwise());
        assertEquals(1.0, report.bcubed().precision(), EPS);
        assertEquals(2.0 / 3, report.bcubed().recall(), EPS);
        assertEquals(0.8, report.bcubed().f1(), EPS);
    }

    @Test
    void identicalClusteringsScorePerfectlyWhateverTheLabels() {
        Map<String, String> truth = clustering("a", "x", "b", "x", "c", "y", "d", "z", "e", "z");
        Map<String, Integer> predicted = new TreeMap<>(Map.of("a", 7, "b", 7, "c", 1, "d", 2, "e", 2));

        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);

        assertEquals(new Scores(1, 1, 1), report.pairwise());
        assertEquals(new Scores(1, 1, 1), report.bcubed());
        assertEquals(0, report.falseMergeCount());
        assertEquals(0, report.missedLinkCount());
    }

    @Test
    void emptyClusteringsScoreOne() {
        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(Map.<String, String>of(), Map.of());
        assertEquals(0, report.records());
        assertEquals(new Scores(1, 1, 1), report.pairwise());
        assertEquals(new Scores(1, 1, 1), report.bcubed());
    }

    @Test
    void recordMissingFromPredictionCountsAsPredictedSingleton() {
        // truth {a, b, c}; predicted {a, b}, c rejected by the engine -> predicted singleton {c}
        // predicted pairs 1, true pairs 3, true positives 1 -> P = 1, R = 1/3, F1 = 1/2
        // B-cubed: precision 1 for all; recall a 2/3, b 2/3, c 1/3 -> 5/9
        Map<String, String> truth = clustering("a", "T", "b", "T", "c", "T");
        Map<String, String> predicted = clustering("a", "P", "b", "P");

        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);

        assertEquals(3, report.records());
        assertEquals(1, report.missingFromPrediction());
        assertEquals(0, report.missingFromTruth());
        assertEquals(2, report.predictedClusters(), "{a, b} and the singleton {c}");
        assertEquals(new PairCounts(1, 3, 1), report.pairs());
        assertEquals(1.0 / 3, report.pairwise().recall(), EPS);
        assertEquals(5.0 / 9, report.bcubed().recall(), EPS);
        MissedLink<String> missed = report.missedLinks().get(0);
        assertEquals(List.of(new ClusterPart<>("P", false, 2, List.of("a", "b")),
                new ClusterPart<>("", true, 1, List.of("c"))), missed.parts());
    }

    @Test
    void recordMissingFromTruthCountsAsTrueSingleton() {
        // truth {a, b}; predicted {a, b, x}, x unlabelled -> true singleton {x}
        // predicted pairs 3, true pairs 1, true positives 1 -> P = 1/3, R = 1
        Map<String, String> truth = clustering("a", "T", "b", "T");
        Map<String, String> predicted = clustering("a", "P", "b", "P", "x", "P");

        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);

        assertEquals(0, report.missingFromPrediction());
        assertEquals(1, report.missingFromTruth());
        assertEquals(2, report.trueClusters());
        assertEquals(new PairCounts(3, 1, 1), report.pairs());
        FalseMerge<String> merge = report.falseMerges().get(0);
        assertEquals(2, merge.wrongPairs());
        assertTrue(merge.parts().get(1).absent());
    }

    @Test
    void ignorePolicyEvaluatesTheCommonKeysOnly() {
        Map<String, String> truth = clustering("a", "T", "b", "T", "c", "T");
        Map<String, String> predicted = clustering("a", "P", "b", "P", "x", "P");
        ClusteringEvaluator evaluator = ClusteringEvaluator.newBuilder().missingKeys(MissingKeys.IGNORE).build();

        QualityReport<String> report = evaluator.evaluate(predicted, truth);

        assertEquals(2, report.records());
        assertEquals(1, report.missingFromPrediction(), "c, counted though ignored");
        assertEquals(1, report.missingFromTruth(), "x, counted though ignored");
        assertEquals(new Scores(1, 1, 1), report.pairwise());
    }

    @Test
    void rejectPolicyNamesTheMismatch() {
        Map<String, String> truth = clustering("a", "T", "b", "T", "c", "T");
        Map<String, String> predicted = clustering("a", "P", "b", "P");
        ClusteringEvaluator evaluator = ClusteringEvaluator.newBuilder().missingKeys(MissingKeys.REJECT).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(predicted, truth));
        assertTrue(e.getMessage().contains("1 missing from the prediction (e.g. [c])"), e.getMessage());
        assertEquals(1.0, evaluator.evaluate(truth, truth).pairwise().f1());
    }

    @Test
    void examplesAreCappedAndOrderedWorstFirstThenByKey() {
        // predicted cluster 1: {k01..k04} holding true x (k01, k02) and y (k03, k04): wrong pairs 6 - 2 = 4
        // predicted cluster 2: {k05, k06} holding z and w: wrong pairs 1
        // predicted cluster 3: {k07, k08} holding u and v: wrong pairs 1, ties with 2, later first key
        Map<String, String> predicted = clustering("k01", "1", "k02", "1", "k03", "1", "k04", "1",
                "k05", "2", "k06", "2", "k07", "3", "k08", "3");
        Map<String, String> truth = clustering("k01", "x", "k02", "x", "k03", "y", "k04", "y",
                "k05", "z", "k06", "w", "k07", "u", "k08", "v");

        QualityReport<String> all = ClusteringEvaluator.defaults().evaluate(predicted, truth);
        assertEquals(List.of("1", "2", "3"), all.falseMerges().stream().map(FalseMerge::cluster).toList());

        ClusteringEvaluator capped = ClusteringEvaluator.newBuilder().maxExamples(2).maxRecordsPerExample(3).build();
        QualityReport<String> report = capped.evaluate(predicted, truth);
        assertEquals(3, report.falseMergeCount());
        assertEquals(2, report.falseMerges().size());
        FalseMerge<String> worst = report.falseMerges().get(0);
        assertEquals(4, worst.wrongPairs());
        assertEquals(4, worst.size(), "sizes stay exact when records are capped");
        assertEquals(List.of(new ClusterPart<>("x", false, 2, List.of("k01", "k02")),
                new ClusterPart<>("y", false, 2, List.of("k03"))), worst.parts());
        assertEquals("2", report.falseMerges().get(1).cluster());

        QualityReport<String> none = ClusteringEvaluator.newBuilder().maxExamples(0).build().evaluate(predicted, truth);
        assertEquals(3, none.falseMergeCount());
        assertTrue(none.falseMerges().isEmpty());
    }

    @Test
    void worksWithResolutionAssignmentsAndStringTruth() {
        Map<RecordKey, ProfileId> assignments = new TreeMap<>(Map.of(
                RecordKey.of("crm", "1"), ProfileId.of("p1"),
                RecordKey.of("shop", "a"), ProfileId.of("p1"),
                RecordKey.of("pos", "x"), ProfileId.of("p2")));
        Map<RecordKey, String> truth = Map.of(
                RecordKey.of("crm", "1"), "alice",
                RecordKey.of("shop", "a"), "alice",
                RecordKey.of("pos", "x"), "alice");

        QualityReport<RecordKey> report = ClusteringEvaluator.defaults().evaluate(assignments, truth);

        assertEquals(new PairCounts(1, 3, 1), report.pairs());
        MissedLink<RecordKey> missed = report.missedLinks().get(0);
        assertEquals("alice", missed.entity());
        assertEquals(List.of(RecordKey.of("crm", "1"), RecordKey.of("shop", "a")), missed.parts().get(0).records());
        assertEquals("p1", missed.parts().get(0).cluster());
    }

    @Test
    void customOrderFixesTheListingOrder() {
        Map<Integer, String> predicted = Map.of(1, "p", 2, "p", 3, "p");
        Map<Integer, String> truth = Map.of(1, "a", 2, "b", 3, "c");
        QualityReport<Integer> report = ClusteringEvaluator.defaults()
                .evaluate(predicted, truth, Comparator.<Integer>reverseOrder());
        assertEquals(List.of(3, 2, 1), report.falseMerges().get(0).parts().stream()
                .map(part -> part.records().get(0)).toList());
    }

    @Test
    void rejectsNullsAndRepeatedSettings() {
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        ClusteringEvaluator evaluator = ClusteringEvaluator.defaults();
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> evaluator.evaluate(withNull, Map.of("a", "x")));
        assertTrue(e.getMessage().contains("null label"), e.getMessage());
        assertThrows(NullPointerException.class, () -> evaluator.evaluate(null, Map.<String, String>of()));

        ClusteringEvaluator.Builder builder = ClusteringEvaluator.newBuilder().maxExamples(3);
        assertThrows(IllegalStateException.class, () -> builder.maxExamples(4));
        assertThrows(IllegalArgumentException.class, () -> ClusteringEvaluator.newBuilder().maxExamples(-1));
        assertThrows(IllegalArgumentException.class, () -> ClusteringEvaluator.newBuilder().maxRecordsPerExample(0));
        assertThrows(NullPointerException.class, () -> ClusteringEvaluator.newBuilder().missingKeys(null));
    }

    @Test
    void summaryAndToStringIgnoreTheDefaultLocale() {
        Map<String, String> truth = clustering("key-a", "T", "key-b", "T", "key-c", "U");
        Map<String, String> predicted = clustering("key-a", "P", "key-b", "P", "key-c", "P");
        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);
        // pairwise P = 1/3, R = 1, F1 = 0.5
        assertTrue(report.summary().contains("pairwise: precision 0.3333, recall 1.0000, F1 0.5000"),
                report.summary());
        assertTrue(report.toString().contains("pairwiseF1=0.5000"), report.toString());
        assertFalse(report.toString().contains("key-"), "no record keys in toString");
        assertFalse(report.summary().contains("key-"), "no record keys in the summary");
    }

    @Test
    void valueTypesCheckTheirInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new PairCounts(1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new PairCounts(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Scores.of(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Scores.of(Double.NaN, 0));
        assertEquals(0.0, Scores.of(0, 0).f1());
        assertThrows(IllegalArgumentException.class, () -> new ClusterPart<>("x", false, 1, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> new FalseMerge<>("x", 2, 1, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MissedLink<>("x", 2, 2, 0, List.of()));
    }

    @Test
    void progressListenerNoneIgnoresReports() {
        ProgressListener.NONE.onProgress("records", 1, -1);
        long[] seen = new long[2];
        ProgressListener listener = (stage, done, total) -> {
            seen[0] = done;
            seen[1] = total;
        };
        listener.onProgress("records", 5, 10);
        assertEquals(5, seen[0]);
        assertEquals(10, seen[1]);
    }
}
