package io.unum.evaluation;

import static io.unum.evaluation.WeightHistogramTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.ThresholdCurve.Point;
import io.unum.model.RecordKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precision, recall and F1 of {@link ThresholdCurve}, on small hand-computed cases. */
class ThresholdCurveTest {

    private static final double EPS = 1e-12;

    /**
     * Entities x = {a, b, c, d} (6 true pairs) and y = {e, f} (1); g unlabelled. Candidate
     * matches at 1, 2, 3 and non-matches at 0, 2, 2.5; 4 of the 7 true pairs are never compared.
     */
    private static MatchWeightCollector example() {
        Map<RecordKey, String> truth = new HashMap<>();
        for (String id : List.of("a", "b", "c", "d")) {
            truth.put(key(id), "x");
        }
        truth.put(key("e"), "y");
        truth.put(key("f"), "y");
        MatchWeightCollector c = new MatchWeightCollector(WeightHistogramTest.RULES, truth);
        c.accept(key("a"), key("b"), "person", 1, 0.6);
        c.accept(key("a"), key("c"), "person", 2, 0.8);
        c.accept(key("e"), key("f"), "person", 3, 0.9);
        c.accept(key("a"), key("e"), "person", 0, 0.5);
        c.accept(key("b"), key("g"), "person", 2, 0.8);
        c.accept(key("f"), key("g"), "person", 2.5, 0.85);
        return c;
    }

    @Test
    void precisionAndRecallCountPairsAtOrAboveTheThresholdAgainstEveryTruePair() {
        ThresholdCurve curve = example().thresholdCurve();
        assertEquals(7, curve.truePairs(), "C(4,2) + C(2,2); the unlabelled record has none");
        assertEquals(3, curve.matches());
        assertEquals(3.0 / 7, curve.recallCeiling(), EPS);

        Point two = curve.at(2).orElseThrow();
        assertEquals(4, two.pairs(), "2 and 3 of the matches, 2 and 2.5 of the others: ties count as above");
        assertEquals(2, two.matches());
        assertEquals(0.5, two.precision(), EPS);
        assertEquals(2.0 / 7, two.recall(), EPS);
        assertEquals(2 * 0.5 * (2.0 / 7) / (0.5 + 2.0 / 7), two.f1(), EPS);

        Point one = curve.at(1).orElseThrow();
        assertEquals(5, one.pairs());
        assertEquals(3, one.matches());
        assertEquals(0.6, one.precision(), EPS);
        assertEquals(3.0 / 7, one.recall(), EPS, "the ceiling: every compared true pair is linked");

        Point zero = curve.at(0).orElseThrow();
        assertEquals(6, zero.pairs());
        assertEquals(0.5, zero.precision(), EPS);
    }

    @Test
    void pointsSitAtEveryBinEdgeAndEveryRuleThresholdAscending() {
        ThresholdCurve curve = example().thresholdCurve();
        // bins of 0.5 bits from 0 to 3.5; thresholds log2(9) = 3.17 (match) and 0 (review, also an edge)
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i <= 7; i++) {
            expected.add(i * 0.5);
        }
        expected.add(7, Math.log(9) / Math.log(2));
        List<Double> actual = curve.points().stream().map(Point::threshold).toList();
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-9, actual.toString());
        }
        Point top = curve.points().get(curve.points().size() - 1);
        assertEquals(3.5, top.threshold());
        assertEquals(0, top.pairs());
        assertTrue(Double.isNaN(top.precision()), "nothing at or above: precision undefined");
        assertEquals(0, top.recall());
        assertTrue(Double.isNaN(top.f1()));
        assertTrue(curve.at(0.25).isEmpty(), "not a point of the curve");
        assertTrue(curve.at(-0.0).isEmpty(), "-0.0 is not 0.0 here, as in Double.compare");
    }

    @Test
    void f1IsTheHarmonicMeanZeroWhenNothingLinkedIsTrueAndUndefinedWithoutPairsOrTruePairs() {
        Point p = new Point(2.5, 2, 1, 4);
        assertEquals(0.5, p.precision(), EPS);
        assertEquals(0.25, p.recall(), EPS);
        assertEquals(1.0 / 3, p.f1(), EPS, "2 * 0.5 * 0.25 / 0.75");
        Point wrong = new Point(3, 1, 0, 1);
        assertEquals(0, wrong.precision());
        assertEquals(0, wrong.recall());
        assertEquals(0, wrong.f1(), "as Scores.of: 0 when both are 0");
        Point noTruePairs = new Point(0, 3, 0, 0);
        assertEquals(0, noTruePairs.precision());
        assertTrue(Double.isNaN(noTruePairs.recall()));
        assertTrue(Double.isNaN(noTruePairs.f1()));
        Point perfect = new Point(0, 3, 3, 3);
        assertEquals(1, perfect.f1(), EPS);
    }

    @Test
    void aTruthWithoutTruePairsHasNoRecallAndNoCeiling() {
        MatchWeightCollector c = new MatchWeightCollector(WeightHistogramTest.RULES, Map.of(key("a"), 1, key("b"), 2));
        c.accept(key("a"), key("b"), "person", 5, 0.97);
        ThresholdCurve curve = c.thresholdCurve();
        assertEquals(0, curve.truePairs());
        assertTrue(Double.isNaN(curve.recallCeiling()));
        assertEquals(0, curve.at(5).orElseThrow().precision());
        assertTrue(curve.points().stream().allMatch(p -> Double.isNaN(p.recall())));
    }

    @Test
    void noPairsGiveACurveAtTheRuleThresholdsOnly() {
        MatchWeightCollector c = new MatchWeightCollector(WeightHistogramTest.RULES, Map.of(key("a"), 1, key("b"), 1));
        ThresholdCurve curve = c.thresholdCurve();
        assertEquals(2, curve.points().size(), "the review (0) and match (3.17) thresholds");
        assertEquals(0, curve.points().get(0).pairs());
        assertEquals(0, curve.recallCeiling());
    }

    @Test
    void theValuesCheckTheirInvariantsAndCopyTheirLists() {
        List<Point> points = new ArrayList<>(List.of(new Point(0, 3, 2, 4), new Point(1, 2, 2, 4)));
        ThresholdCurve curve = new ThresholdCurve(points, 2, 4);
        points.clear();
        assertEquals(2, curve.points().size());
        assertThrows(UnsupportedOperationException.class, () -> curve.points().clear());

        assertThrows(IllegalArgumentException.class, () -> new Point(Double.NaN, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Point(0, 1, 2, 5), "more matches than pairs");
        assertThrows(IllegalArgumentException.class, () -> new Point(0, 3, 2, 1), "more matches than true pairs");
        assertThrows(IllegalArgumentException.class, () -> new Point(0, -1, -1, 0));

        assertThrows(IllegalArgumentException.class, () -> new ThresholdCurve(List.of(), 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdCurve(List.of(), -1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new ThresholdCurve(List.of(new Point(1, 2, 1, 4), new Point(0, 3, 1, 4)), 2, 4), "descending");
        assertThrows(IllegalArgumentException.class,
                () -> new ThresholdCurve(List.of(new Point(1, 2, 1, 4), new Point(1, 2, 1, 4)), 2, 4), "repeated");
        assertThrows(IllegalArgumentException.class,
                () -> new ThresholdCurve(List.of(new Point(0, 2, 1, 4), new Point(1, 3, 1, 4)), 2, 4), "pairs rise");
        assertThrows(IllegalArgumentException.class,
                () -> new ThresholdCurve(List.of(new Point(0, 2, 1, 4), new Point(1, 2, 2, 4)), 2, 4), "matches rise");
        assertThrows(IllegalArgumentException.class, () -> new ThresholdCurve(List.of(new Point(0, 2, 1, 5)), 2, 4),
                "another curve's point");
        assertThrows(IllegalArgumentException.class, () -> new ThresholdCurve(List.of(new Point(0, 3, 3, 4)), 2, 4),
                "more matches than the curve has");
        assertThrows(NullPointerException.class, () -> new ThresholdCurve(null, 0, 0));
    }

    @Test
    void aCurveNeedsATruthAndEachPairOnce() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> WeightHistogramTest.collector(1, 2).thresholdCurve());
        assertTrue(none.getMessage().contains("truth"), none.getMessage());
        MatchWeightCollector twice = new MatchWeightCollector(WeightHistogramTest.RULES, Map.of(key("a"), 1, key("b"), 1));
        twice.accept(key("a"), key("b"), "person", 4, 0.9);
        assertFalse(twice.thresholdCurve().points().isEmpty());
        twice.accept(key("a"), key("b"), "person", 4, 0.9);
        IllegalStateException repeated = assertThrows(IllegalStateException.class, twice::thresholdCurve);
        assertTrue(repeated.getMessage().contains("more than once"), repeated.getMessage());
    }
}
