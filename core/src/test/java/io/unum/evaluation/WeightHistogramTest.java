package io.unum.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.WeightHistogram.Bin;
import io.unum.evaluation.WeightHistogram.Threshold;
import io.unum.evaluation.WeightHistogram.Threshold.Kind;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binning and thresholds of {@link WeightHistogram}, on small hand-computed cases. */
class WeightHistogramTest {

    /** A probabilistic rule linking at probability 0.9 (log2 9 bits) and reviewing at 0.5 (0 bits). */
    static MatchRule.Probabilistic rule(String name, double match, double review) {
        return MatchRule.probabilistic(name)
                .comparison(Comparison.of(Attributes.LAST_NAME,
                        ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                        ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                .blockingKey(BlockingKey.on(Attributes.LAST_NAME))
                .matchThreshold(match)
                .reviewThreshold(review)
                .build();
    }

    static final List<MatchRule> RULES = List.of(rule("person", 0.9, 0.5));

    /** A collector without a truth, fed these weights as pairs of distinct records. */
    static MatchWeightCollector collector(double... weights) {
        MatchWeightCollector c = new MatchWeightCollector(RULES);
        feed(c, weights);
        return c;
    }

    static void feed(MatchWeightCollector c, double... weights) {
        int base = (int) c.pairs();
        for (int i = 0; i < weights.length; i++) {
            c.accept(key("a" + (base + i)), key("b" + (base + i)), "person", weights[i], 0.5);
        }
    }

    static RecordKey key(String id) {
        return RecordKey.of("s", id);
    }

    @Test
    void binsAreAlignedOnMultiplesOfTheWidthAndHoldEveryFiniteWeight() {
        WeightHistogram h = collector(-0.2, 0, 0.49, 0.5, 3.7).histogram();
        assertEquals(0.5, h.binWidth(), "spread 3.9 / 60 bins is below the 0.5-bit minimum");
        assertEquals(9, h.bins().size(), "floor(-0.2/0.5) = -1 to floor(3.7/0.5) = 7");
        assertEquals(new Bin(-0.5, 0, 1, 0), h.bins().get(0));
        assertEquals(new Bin(0, 0.5, 2, 0), h.bins().get(1), "0 and 0.49; 0.5 starts the next bin");
        assertEquals(List.of(1L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 1L), h.bins().stream().map(Bin::pairs).toList());
        assertEquals(new Bin(3.5, 4, 1, 0), h.bins().get(8));
        assertEquals(5, h.pairs());
        assertEquals(0, h.infinitePairs());
        assertTrue(!h.hasTruth());
        assertEquals(List.of(1L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 1L), h.bins().stream().map(Bin::nonMatches).toList(),
                "without a truth every pair is a non-match");
    }

    @Test
    void theWidthIsTheSmallestRoundNumberThatKeepsTheBinsWithinTheMaximum() {
        WeightHistogram h = collector(-30, 70).histogram();
        assertEquals(2, h.binWidth(), "100 bits / 60 bins = 1.67, rounded up to 2");
        assertEquals(-30, h.bins().get(0).from());
        assertEquals(72, h.bins().get(h.bins().size() - 1).to());
        assertEquals(51, h.bins().size());

        WeightHistogram widened = collector(1.9, 4.1).histogram(2, 0.5);
        assertEquals(2.5, widened.binWidth(), "2.2 / 2 rounds to 2, but bins 0..2 of width 2 are three; 2.5 makes two");
        assertEquals(List.of(new Bin(0, 2.5, 1, 0), new Bin(2.5, 5, 1, 0)), widened.bins());

        WeightHistogram wide = collector(0, 0.3).histogram(60, 3);
        assertEquals(5, wide.binWidth(), "a minimum of 3 bits rounds up to 5");
        assertEquals(List.of(new Bin(0, 5, 2, 0)), wide.bins());

        WeightHistogram one = collector(3.3, 3.3).histogram();
        assertEquals(1, one.binWidth(), "all weights equal: 1 bit");
        assertEquals(List.of(new Bin(3, 4, 2, 0)), one.bins());
    }

    @Test
    void infiniteWeightsAreCountedButNotBinnedAndNoPairsMakeNoBins() {
        WeightHistogram h = collector(Double.NEGATIVE_INFINITY, 2, 1, Double.POSITIVE_INFINITY).histogram();
        assertEquals(2, h.infinitePairs());
        assertEquals(4, h.pairs());
        assertEquals(2, h.bins().stream().mapToLong(Bin::pairs).sum());
        assertEquals(1, h.bins().get(0).from());

        WeightHistogram empty = collector().histogram();
        assertTrue(empty.bins().isEmpty());
        assertEquals(1, empty.binWidth(), "as for equal weights");
        assertEquals(5, collector().histogram(60, 3).binWidth(), "at least the minimum");
        assertEquals(0, empty.pairs());
        WeightHistogram onlyInfinite = collector(Double.POSITIVE_INFINITY).histogram();
        assertTrue(onlyInfinite.bins().isEmpty());
        assertEquals(1, onlyInfinite.pairs());
    }

    @Test
    void theThresholdsAreThoseOfTheProbabilisticRulesInRuleOrderMatchFirst() {
        List<MatchRule> rules = List.of(MatchRule.deterministic("email", IdentifierType.EMAIL), rule("person", 0.9, 0.5),
                rule("household", 0.8, 0.2));
        WeightHistogram h = new MatchWeightCollector(rules).histogram();
        assertEquals(List.of("person MATCH", "person REVIEW", "household MATCH", "household REVIEW"),
                h.thresholds().stream().map(t -> t.rule() + " " + t.kind()).toList());
        double[] expected = {Math.log(9) / Math.log(2), 0, 2, -2};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], h.thresholds().get(i).weight(), 1e-9, h.thresholds().get(i).toString());
        }
        assertTrue(new MatchWeightCollector(List.of()).histogram().thresholds().isEmpty());
    }

    @Test
    void withATruthTheBinsSplitMatchesFromTheRest() {
        MatchWeightCollector c = new MatchWeightCollector(RULES,
                java.util.Map.of(key("a"), "x", key("b"), "x", key("c"), "y", key("d"), "y"));
        c.accept(key("a"), key("b"), "person", 4.2, 0.9);
        c.accept(key("c"), key("d"), "person", 4.4, 0.9);
        c.accept(key("a"), key("c"), "person", 4.1, 0.9);
        c.accept(key("b"), key("e"), "person", 0.1, 0.5);
        WeightHistogram h = c.histogram();
        assertTrue(h.hasTruth());
        assertEquals(new Bin(0, 0.5, 1, 0), h.bins().get(0));
        assertEquals(new Bin(4, 4.5, 3, 2), h.bins().get(h.bins().size() - 1));
        assertEquals(1, h.bins().get(h.bins().size() - 1).nonMatches());
    }

    @Test
    void theValuesCheckTheirInvariantsAndCopyTheirLists() {
        List<Bin> bins = new ArrayList<>(List.of(new Bin(0, 1, 2, 1), new Bin(1, 2, 0, 0)));
        WeightHistogram h = new WeightHistogram(1, bins, List.of(), 0, true);
        bins.clear();
        assertEquals(2, h.bins().size(), "a defensive copy");
        assertThrows(UnsupportedOperationException.class, () -> h.bins().clear());
        assertEquals(2, h.pairs());

        assertThrows(IllegalArgumentException.class, () -> new WeightHistogram(0, List.of(), List.of(), 0, false));
        assertThrows(IllegalArgumentException.class, () -> new WeightHistogram(Double.NaN, List.of(), List.of(), 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> new WeightHistogram(Double.POSITIVE_INFINITY, List.of(), List.of(), 0, false));
        assertThrows(IllegalArgumentException.class, () -> new WeightHistogram(1, List.of(), List.of(), -1, false));
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class, () -> new WeightHistogram(1,
                List.of(new Bin(0, 1, 1, 0), new Bin(2, 3, 1, 0)), List.of(), 0, false));
        assertTrue(gap.getMessage().contains("contiguous"), gap.getMessage());
        IllegalArgumentException noTruth = assertThrows(IllegalArgumentException.class,
                () -> new WeightHistogram(1, List.of(new Bin(0, 1, 2, 1)), List.of(), 0, false));
        assertTrue(noTruth.getMessage().contains("without a truth"), noTruth.getMessage());
        assertThrows(NullPointerException.class, () -> new WeightHistogram(1, null, List.of(), 0, false));
        assertThrows(NullPointerException.class, () -> new WeightHistogram(1, java.util.Arrays.asList((Bin) null),
                List.of(), 0, false));

        assertThrows(IllegalArgumentException.class, () -> new Bin(1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Bin(2, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Bin(Double.NEGATIVE_INFINITY, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Bin(0, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Bin(0, 1, -1, -1));

        assertThrows(NullPointerException.class, () -> new Threshold(null, Kind.MATCH, 1));
        assertThrows(NullPointerException.class, () -> new Threshold("r", null, 1));
        assertThrows(IllegalArgumentException.class, () -> new Threshold("r", Kind.MATCH, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Threshold("r", Kind.REVIEW, Double.NEGATIVE_INFINITY));
    }

    @Test
    void binningParametersOutOfRangeAreRejected() {
        MatchWeightCollector c = collector(1, 2);
        assertThrows(IllegalArgumentException.class, () -> c.histogram(1, 0.5), "weights either side of 0 need 2");
        assertThrows(IllegalArgumentException.class, () -> c.histogram(1_000_001, 0.5));
        assertThrows(IllegalArgumentException.class, () -> c.histogram(60, 0));
        assertThrows(IllegalArgumentException.class, () -> c.histogram(60, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> c.histogram(60, Double.POSITIVE_INFINITY));
        assertEquals(List.of(new Bin(1, 2, 1, 0), new Bin(2, 3, 1, 0)), c.histogram(2, 0.5).bins(),
                "width 0.5 would need bins 2..4; 1 needs two");
        assertEquals(List.of(new Bin(-5, 0, 1, 0), new Bin(0, 5, 1, 0)), collector(-3, 2).histogram(2, 0.5).bins());
    }

    @Test
    void roundNumbersAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(2.5, WeightHistogram.niceStep(2.1));
        assertEquals(0.5, WeightHistogram.niceStep(0.41));
        assertEquals(0.5, WeightHistogram.niceStep(0.5));
        assertEquals(100, WeightHistogram.niceStep(100));
        assertEquals(1000, WeightHistogram.niceStep(501));
        assertEquals(1, WeightHistogram.niceStep(0));
        assertEquals(1, WeightHistogram.niceStep(Double.NaN));
    }
}
