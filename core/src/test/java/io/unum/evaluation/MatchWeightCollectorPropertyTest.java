package io.unum.evaluation;

import static io.unum.evaluation.WeightHistogramTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.ThresholdCurve.Point;
import io.unum.evaluation.WeightHistogram.Bin;
import io.unum.model.RecordKey;
import io.unum.rules.MatchRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: histograms and threshold curves of random candidate pairs against
 * brute-force counts, and the orders a curve must respect.
 */
class MatchWeightCollectorPropertyTest {

    private static final long SEED = 20251207L;
    private static final int TRIALS = 400;
    private static final double EPS = 1e-12;

    /** One random case: a truth, candidate pairs among its records and a few others, weights. */
    private record Case(List<MatchRule> rules, Map<RecordKey, Integer> truth, List<RecordKey[]> pairs,
            List<Double> weights, long truePairs, int maxBins, double minBinWidth) {

        boolean match(int i) {
            Integer a = truth.get(pairs.get(i)[0]);
            return a != null && a.equals(truth.get(pairs.get(i)[1]));
        }

        MatchWeightCollector collect(List<Integer> order) {
            MatchWeightCollector c = new MatchWeightCollector(rules, truth);
            for (int i : order) {
                c.accept(pairs.get(i)[0], pairs.get(i)[1], "person", weights.get(i), 0.5);
            }
            return c;
        }
    }

    private static Case randomCase(Random random, boolean separable) {
        int records = random.nextInt(60);
        int entities = 1 + random.nextInt(25);
        Map<RecordKey, Integer> truth = new HashMap<>();
        for (int i = 0; i < records; i++) {
            if (random.nextInt(8) != 0) { // some records have no label: entities of their own
                truth.put(key("r" + i), random.nextInt(entities));
            }
        }
        for (int i = 0; i < random.nextInt(10); i++) { // labelled records that were never compared
            truth.put(key("x" + i), random.nextInt(entities));
        }
        long truePairs = 0;
        Map<Integer, Long> sizes = new HashMap<>();
        truth.values().forEach(label -> sizes.merge(label, 1L, Long::sum));
        for (long n : sizes.values()) {
            truePairs += n * (n - 1) / 2;
        }
        double compared = random.nextDouble();
        double spread = Math.pow(10, random.nextInt(4));
        List<RecordKey[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            for (int j = i + 1; j < records; j++) {
                if (random.nextDouble() >= compared) {
                    continue;
                }
                RecordKey a = key("r" + i);
                RecordKey b = key("r" + j);
                boolean match = truth.get(a) != null && truth.get(a).equals(truth.get(b));
                double w = (random.nextDouble() - (match ? 0.3 : 0.7)) * spread;
                if (separable) {
                    w = match ? spread + Math.abs(w) : -Math.abs(w);
                }
                int odd = random.nextInt(40);
                if (odd == 0 && !weights.isEmpty() && !separable) {
                    w = weights.get(weights.size() - 1); // a tie
                } else if (odd == 1 && !separable) {
                    w = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                } else if (odd == 2) {
                    w = Math.rint(w); // on a bin edge
                }
                pairs.add(new RecordKey[] {a, b});
                weights.add(w);
            }
        }
        List<MatchRule> rules = new ArrayList<>();
        for (int r = 0; r < random.nextInt(3); r++) {
            double match = 0.01 + 0.98 * random.nextDouble();
            rules.add(WeightHistogramTest.rule("rule" + r, match, match * random.nextDouble()));
        }
        double[] widths = {1e-3, 0.1, 0.5, 1, 3};
        return new Case(rules, truth, pairs, weights, truePairs, 2 + random.nextInt(80),
                widths[random.nextInt(widths.length)]);
    }

    private static List<Integer> order(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        return order;
    }

    @Test
    void binsHoldEveryPairOnceWithinTheLimitsOfWidthAndCount() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            Case c = randomCase(random, false);
            WeightHistogram h = c.collect(order(c.pairs().size())).histogram(c.maxBins(), c.minBinWidth());
            String where = "trial " + trial;
            long infinite = c.weights().stream().filter(w -> Double.isInfinite(w)).count();
            long matches = 0;
            long finiteMatches = 0;
            for (int i = 0; i < c.pairs().size(); i++) {
                if (c.match(i)) {
                    matches++;
                    finiteMatches += Double.isFinite(c.weights().get(i)) ? 1 : 0;
                }
            }
            assertEquals(c.pairs().size(), h.pairs(), where);
            assertEquals(infinite, h.infinitePairs(), where);
            assertEquals(c.pairs().size() - infinite, h.bins().stream().mapToLong(Bin::pairs).sum(), where);
            assertEquals(finiteMatches, h.bins().stream().mapToLong(Bin::matches).sum(), where);
            assertTrue(matches >= finiteMatches);
            assertTrue(h.bins().size() <= c.maxBins(), where + ": " + h.bins().size() + " bins");
            assertTrue(h.binWidth() >= c.minBinWidth(), where);
            double mantissa = h.binWidth() / Math.pow(10, Math.floor(Math.log10(h.binWidth())));
            assertTrue(List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9),
                    where + ": round width " + h.binWidth());
            if (!h.bins().isEmpty()) {
                assertTrue(h.bins().get(0).pairs() > 0 && h.bins().get(h.bins().size() - 1).pairs() > 0,
                        where + ": the bins start and end at a weight");
                for (double w : c.weights()) {
                    if (Double.isFinite(w)) {
                        long inBins = h.bins().stream().filter(b -> b.from() <= w && w < b.to()).count();
                        assertEquals(1, inBins, where + ": " + w + " is in one bin");
                    }
                }
                for (int i = 0; i < h.bins().size(); i++) {
                    Bin bin = h.bins().get(i);
                    double from = bin.from();
                    double to = bin.to();
                    long pairs = c.weights().stream().filter(w -> from <= w && w < to).count();
                    assertEquals(pairs, bin.pairs(), where + ": " + bin);
                    assertEquals(bin.to() - bin.from(), h.binWidth(), 1e-9 * Math.max(1, Math.abs(bin.to())), where);
                }
            }
        }
    }

    @Test
    void theCurveMatchesBruteForceAndRecallNeverRisesNorPassesTheCeiling() {
        Random random = new Random(SEED + 1);
        for (int trial = 0; trial < TRIALS; trial++) {
            Case c = randomCase(random, false);
            MatchWeightCollector collector = c.collect(order(c.pairs().size()));
            ThresholdCurve curve = collector.thresholdCurve(c.maxBins(), c.minBinWidth());
            WeightHistogram h = collector.histogram(c.maxBins(), c.minBinWidth());
            String where = "trial " + trial;
            assertEquals(c.truePairs(), curve.truePairs(), where);
            long compared = 0;
            for (int i = 0; i < c.pairs().size(); i++) {
                compared += c.match(i) ? 1 : 0;
            }
            assertEquals(compared, curve.matches(), where);

            Set<Double> expected = new HashSet<>();
            h.bins().forEach(b -> {
                expected.add(b.from());
                expected.add(b.to());
            });
            h.thresholds().forEach(t -> expected.add(t.weight()));
            assertEquals(expected, new HashSet<>(curve.points().stream().map(Point::threshold).toList()), where);

            Point previous = null;
            for (Point p : curve.points()) {
                long pairs = 0;
                long matches = 0;
                for (int i = 0; i < c.pairs().size(); i++) {
                    if (c.weights().get(i) >= p.threshold()) {
                        pairs++;
                        matches += c.match(i) ? 1 : 0;
                    }
                }
                assertEquals(pairs, p.pairs(), where + " at " + p.threshold());
                assertEquals(matches, p.matches(), where + " at " + p.threshold());
                if (c.truePairs() > 0) {
                    assertTrue(p.recall() <= curve.recallCeiling() + EPS, where);
                    assertTrue(p.recall() <= (double) compared / c.truePairs() + EPS, where);
                    assertTrue(curve.recallCeiling() <= 1, where);
                }
                for (double v : new double[] {p.precision(), p.recall(), p.f1()}) {
                    assertTrue(Double.isNaN(v) || (v >= 0 && v <= 1), where + ": " + p);
                }
                if (previous != null) {
                    assertTrue(p.threshold() > previous.threshold(), where);
                    assertTrue(p.pairs() <= previous.pairs(), where);
                    assertTrue(p.pairs() - p.matches() <= previous.pairs() - previous.matches(),
                            where + ": non-matches at or above never rise either");
                    assertTrue(!(p.recall() > previous.recall()), where + ": recall never rises");
                }
                previous = p;
            }
            for (WeightHistogram.Threshold t : h.thresholds()) {
                assertTrue(curve.at(t.weight()).isPresent(), where + ": a point at " + t);
            }
            long above = c.weights().stream().filter(w -> w == Double.POSITIVE_INFINITY).count();
            for (int i = h.bins().size() - 1; i >= 0; i--) {
                above += h.bins().get(i).pairs();
                assertEquals(above, curve.at(h.bins().get(i).from()).orElseThrow().pairs(),
                        where + ": the pairs at or above a bin's lower edge are those of the bins from it up");
            }
        }
    }

    @Test
    void whenEveryMatchOutweighsEveryNonMatchPrecisionNeverFallsAsTheThresholdRises() {
        // precision is not monotone in general (a non-match above a match makes it dip); with
        // separated weights, raising the threshold drops non-matches first and then matches only
        Random random = new Random(SEED + 2);
        for (int trial = 0; trial < TRIALS; trial++) {
            Case c = randomCase(random, true);
            ThresholdCurve curve = c.collect(order(c.pairs().size())).thresholdCurve(c.maxBins(), c.minBinWidth());
            double previous = Double.NEGATIVE_INFINITY;
            for (Point p : curve.points()) {
                if (!Double.isNaN(p.precision())) {
                    assertTrue(p.precision() >= previous - EPS, "trial " + trial + ": " + curve.points());
                    previous = p.precision();
                }
            }
        }
    }

    @Test
    void theSummariesDoNotDependOnTheOrderOfThePairs() {
        Random random = new Random(SEED + 3);
        for (int trial = 0; trial < TRIALS / 4; trial++) {
            Case c = randomCase(random, false);
            List<Integer> shuffled = order(c.pairs().size());
            Collections.shuffle(shuffled, random);
            MatchWeightCollector inOrder = c.collect(order(c.pairs().size()));
            MatchWeightCollector reordered = c.collect(shuffled);
            assertEquals(inOrder.histogram(c.maxBins(), c.minBinWidth()), reordered.histogram(c.maxBins(), c.minBinWidth()));
            assertEquals(inOrder.thresholdCurve(), reordered.thresholdCurve());
        }
    }
}
