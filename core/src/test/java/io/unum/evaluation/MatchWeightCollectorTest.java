package io.unum.evaluation;

import static io.unum.evaluation.WeightHistogramTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What {@link MatchWeightCollector} accepts, how it reads a truth, and its use from several threads. */
class MatchWeightCollectorTest {

    @Test
    void badPairsAreRejectedWithClearMessages() {
        MatchWeightCollector c = new MatchWeightCollector(WeightHistogramTest.RULES);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> c.accept(key("a"), key("b"), "person", Double.NaN, 0.5));
        assertTrue(nan.getMessage().contains("rule person") && nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.accept(key("a"), key("b"), "person", 2e9, 1));
        assertThrows(IllegalArgumentException.class, () -> c.accept(key("a"), key("b"), "person", -2e9, 0));
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> c.accept(key("a"), key("a"), "person", 1, 0.5));
        assertTrue(same.getMessage().contains("s/a"), same.getMessage());
        assertThrows(NullPointerException.class, () -> c.accept(null, key("b"), "person", 1, 0.5));
        assertThrows(NullPointerException.class, () -> c.accept(key("a"), null, "person", 1, 0.5));
        assertThrows(NullPointerException.class, () -> c.accept(key("a"), key("b"), null, 1, 0.5));
        assertEquals(0, c.pairs(), "nothing rejected was counted");
        c.accept(key("a"), key("b"), "person", Double.POSITIVE_INFINITY, 1);
        c.accept(key("a"), key("c"), "person", 1e9, 1);
        assertEquals(2, c.pairs());
    }

    @Test
    void nullRulesOrTruthsAreRejected() {
        assertThrows(NullPointerException.class, () -> new MatchWeightCollector(null));
        assertThrows(NullPointerException.class, () -> new MatchWeightCollector(Collections.singletonList(null)));
        assertThrows(NullPointerException.class, () -> new MatchWeightCollector(WeightHistogramTest.RULES, null));
        Map<RecordKey, String> nullLabel = new HashMap<>();
        nullLabel.put(key("a"), null);
        NullPointerException label = assertThrows(NullPointerException.class,
                () -> new MatchWeightCollector(WeightHistogramTest.RULES, nullLabel));
        assertTrue(label.getMessage().contains("s/a"), label.getMessage());
        Map<RecordKey, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThrows(NullPointerException.class, () -> new MatchWeightCollector(WeightHistogramTest.RULES, nullKey));
    }

    @Test
    void labelsOfAnyTypeCompareByEqualsUnlabelledRecordsStandAloneAndTheTruthIsCopied() {
        Map<RecordKey, Object> truth = new HashMap<>();
        truth.put(key("a"), new String("p1"));
        truth.put(key("b"), "p1");
        truth.put(key("c"), 7);
        truth.put(key("d"), 7L);
        MatchWeightCollector c = new MatchWeightCollector(WeightHistogramTest.RULES, truth);
        assertTrue(c.hasTruth());
        truth.put(key("x"), 7);
        truth.put(key("y"), 7);
        c.accept(key("a"), key("b"), "person", 5, 0.97);
        c.accept(key("c"), key("d"), "person", 5, 0.97);
        c.accept(key("x"), key("y"), "person", 5, 0.97);
        ThresholdCurve curve = c.thresholdCurve();
        assertEquals(1, curve.matches(), "equal strings are one entity; 7 and 7L are not; x and y were added later");
        assertEquals(1, curve.truePairs());
        assertEquals(1, c.histogram().bins().get(0).matches());
        assertEquals(3, c.histogram().pairs());
        assertTrue(c.toString().contains("pairs=3"), c.toString());
        assertFalse(new MatchWeightCollector(WeightHistogramTest.RULES).hasTruth());
    }

    @Test
    void severalThreadsMayFeedOneCollectorAndTheOrderDoesNotMatter() throws Exception {
        Random random = new Random(11);
        int records = 2000;
        Map<RecordKey, Integer> truth = new HashMap<>();
        for (int i = 0; i < records; i++) {
            truth.put(key("r" + i), random.nextInt(700));
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            for (int j = i + 1; j < records; j += 1 + random.nextInt(60)) {
                pairs.add(new double[] {i, j, Math.rint((random.nextGaussian() * 12) * 8) / 8});
            }
        }
        MatchWeightCollector sequential = new MatchWeightCollector(WeightHistogramTest.RULES, truth);
        for (double[] p : pairs) {
            accept(sequential, p);
        }
        MatchWeightCollector concurrent = new MatchWeightCollector(WeightHistogramTest.RULES, truth);
        List<double[]> shuffled = new ArrayList<>(pairs);
        Collections.shuffle(shuffled, random);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<double[]> share = shuffled.subList(t * shuffled.size() / threads, (t + 1) * shuffled.size() / threads);
                done.add(pool.submit(() -> {
                    for (double[] p : share) {
                        accept(concurrent, p);
                        if (random.nextInt(5000) == 0) {
                            concurrent.thresholdCurve(); // a summary while pairs still arrive
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(pairs.size(), concurrent.pairs());
        assertEquals(sequential.histogram(), concurrent.histogram());
        assertEquals(sequential.thresholdCurve(), concurrent.thresholdCurve());
    }

    private static void accept(MatchWeightCollector c, double[] p) {
        c.accept(key("r" + (int) p[0]), key("r" + (int) p[1]), "person", p[2], 0.5);
    }

    @Test
    void itCollectsEveryCandidatePairOfAResolver() {
        Resolver resolver = Resolver.newBuilder()
                .feature(Feature.of(Attributes.LAST_NAME))
                .rule(WeightHistogramTest.rule("person", 0.9, 0.5))
                .build();
        List<SourceRecord> records = new ArrayList<>();
        Map<RecordKey, String> truth = new HashMap<>();
        String[] names = {"smith", "smith", "smith", "jones", "jones", "kim"};
        for (int i = 0; i < names.length; i++) {
            records.add(SourceRecord.builder("crm", "c" + i).attribute(Attributes.LAST_NAME, names[i]).build());
            truth.put(RecordKey.of("crm", "c" + i), i < 2 ? "smith-1" : names[i] + (i == 5 ? "" : "-2"));
        }
        truth.put(RecordKey.of("crm", "never-resolved"), "kim");
        MatchWeightCollector c = new MatchWeightCollector(resolver.rules(), truth);
        resolver.candidatePairs(records, c);
        Resolution resolution = resolver.resolve(records);
        assertEquals(resolution.statistics().candidatePairs(), c.pairs(), "3 smith pairs, 1 jones pair");
        assertEquals(4, c.pairs());
        WeightHistogram h = c.histogram();
        assertEquals(4, h.pairs());
        assertEquals(2, h.thresholds().size());
        ThresholdCurve curve = c.thresholdCurve();
        assertEquals(3, curve.truePairs(), "c0-c1, c3-c4 and c5 with the record that was never resolved");
        assertEquals(2, curve.matches());
        assertEquals(2.0 / 3, curve.recallCeiling(), 1e-12);
        ThresholdCurve.Point lowest = curve.points().get(0);
        assertEquals(4, lowest.pairs(), "every pair agrees on the last name, so all have one weight");
        assertEquals(0.5, lowest.precision(), 1e-12);
        assertEquals(2.0 / 3, lowest.recall(), 1e-12);
        assertTrue(curve.at(h.thresholds().get(0).weight()).isPresent(), "a point at the match threshold");
    }
}
