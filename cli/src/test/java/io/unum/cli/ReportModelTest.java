package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Explanation;
import io.unum.cli.ReportModel.Bin;
import io.unum.cli.ReportModel.Histogram;
import io.unum.cli.ReportModel.Point;
import io.unum.cli.ReportModel.PrecisionRecall;
import io.unum.cli.ReportModel.SizeBucket;
import io.unum.cli.ReportModel.Threshold;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The report's computations and charts, without resolving anything. */
class ReportModelTest {

    private static final List<Threshold> THRESHOLDS = List.of(new Threshold("person", true, 4.25),
            new Threshold("person", false, 0));

    @Test
    void binsAreAlignedOnMultiplesOfTheWidthAndHoldEveryFiniteWeight() {
        double[] weights = {-0.2, 0, 0.49, 0.5, 3.7};
        Histogram h = ReportModel.histogram(new double[0], weights, false, THRESHOLDS);
        assertEquals(0.5, h.width());
        assertEquals(9, h.bins().size(), "floor(-0.2/0.5) = -1 to floor(3.7/0.5) = 7");
        assertEquals(-0.5, h.bins().get(0).from());
        assertEquals(List.of(1L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 1L), h.bins().stream().map(Bin::others).toList());
        assertEquals(5, h.pairs());
    }

    @Test
    void randomWeightsFallIntoTheirBinsAndNeverMakeTooManyBins() {
        Random random = new Random(20251122);
        for (int round = 0; round < 200; round++) {
            double spread = Math.pow(10, random.nextInt(5));
            double[] matches = randomWeights(random, random.nextInt(50), spread);
            double[] others = randomWeights(random, 1 + random.nextInt(200), spread);
            Histogram h = ReportModel.histogram(matches, others, true, THRESHOLDS);
            assertTrue(h.bins().size() <= ReportModel.MAX_BINS, "bins: " + h.bins().size());
            assertTrue(h.width() >= ReportModel.MIN_BIN_WIDTH);
            for (int i = 1; i < h.bins().size(); i++) {
                assertEquals(h.bins().get(i - 1).to(), h.bins().get(i).from(), 1e-9, "bins are contiguous");
            }
            assertEquals(matches.length, h.bins().stream().mapToLong(Bin::matches).sum());
            assertEquals(others.length, h.bins().stream().mapToLong(Bin::others).sum());
            for (double w : others) {
                Bin bin = h.bins().get((int) (ReportModel.binIndex(w, h.width())
                        - ReportModel.binIndex(h.bins().get(0).from(), h.width())));
                assertTrue(bin.from() <= w && w < bin.to(), w + " in [" + bin.from() + ", " + bin.to() + ")");
            }
        }
    }

    @Test
    void infiniteWeightsAreCountedButNotBinnedAndNoPairsMakeNoBins() {
        Histogram h = ReportModel.histogram(new double[] {Double.NEGATIVE_INFINITY, 2},
                new double[] {1, Double.POSITIVE_INFINITY}, true, THRESHOLDS);
        assertEquals(2, h.infinite());
        assertEquals(4, h.pairs());
        assertEquals(2, h.bins().stream().mapToLong(Bin::total).sum());
        Histogram empty = ReportModel.histogram(new double[0], new double[0], false, THRESHOLDS);
        assertTrue(empty.bins().isEmpty());
        assertEquals(0, empty.pairs());
    }

    @Test
    void precisionAndRecallCountPairsAtOrAboveTheThreshold() {
        double[] matches = {1, 2, 3};
        double[] others = {0, 2, 2.5};
        Point p = ReportModel.point(matches, others, 4, 2);
        assertEquals(4, p.pairs(), "2 and 3 of the matches, 2 and 2.5 of the others: at or above");
        assertEquals(2, p.truePairs());
        assertEquals(0.5, p.precision(), 1e-12);
        assertEquals(0.5, p.recall(), 1e-12);
        assertEquals(0.5, p.f1(), 1e-12);
        Point low = ReportModel.point(matches, others, 4, 1);
        assertEquals(0.6, low.precision(), 1e-12, "3 of 5");
        assertEquals(0.75, low.recall(), 1e-12, "3 of all 4 true pairs, one never a candidate");
        Point none = ReportModel.point(matches, others, 4, 10);
        assertTrue(Double.isNaN(none.precision()), "no pairs: precision undefined");
        assertEquals(0, none.recall());
    }

    @Test
    void recallAndPairCountsNeverRiseWithTheThresholdAndMatchBruteForce() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            double[] matches = randomWeights(random, random.nextInt(80), 20);
            double[] others = randomWeights(random, random.nextInt(300), 20);
            long allTrue = matches.length + random.nextInt(50);
            Histogram h = ReportModel.histogram(matches, others, true, THRESHOLDS);
            PrecisionRecall pr = ReportModel.precisionRecall(matches, others, allTrue, h);
            assertEquals(matches.length, pr.candidateTruePairs());
            Point previous = null;
            for (Point p : pr.points()) {
                long bruteTrue = Arrays.stream(matches).filter(w -> w >= p.threshold()).count();
                long brutePairs = bruteTrue + Arrays.stream(others).filter(w -> w >= p.threshold()).count();
                assertEquals(bruteTrue, p.truePairs());
                assertEquals(brutePairs, p.pairs());
                assertTrue(Double.isNaN(p.precision()) || (p.precision() >= 0 && p.precision() <= 1));
                if (previous != null) {
                    assertTrue(p.threshold() > previous.threshold());
                    assertTrue(p.recall() <= previous.recall());
                    assertTrue(p.pairs() <= previous.pairs());
                }
                previous = p;
            }
            assertEquals(1, pr.atThresholds().size());
            assertEquals(4.25, pr.atThresholds().get(0).threshold());
        }
    }

    @Test
    void atOrAboveCountsTiesAsAbove() {
        double[] sorted = {1, 2, 2, 2, 3};
        assertEquals(5, ReportModel.atOrAbove(sorted, 0));
        assertEquals(4, ReportModel.atOrAbove(sorted, 2));
        assertEquals(1, ReportModel.atOrAbove(sorted, 2.5));
        assertEquals(0, ReportModel.atOrAbove(sorted, 4));
        assertEquals(0, ReportModel.atOrAbove(new double[0], 0));
    }

    @Test
    void truePairsSumPairsWithinEachEntity() {
        assertEquals(3 + 1, ReportModel.truePairs(List.of("a", "b", "a", "c", "a", "b")));
        assertEquals(0, ReportModel.truePairs(List.of()));
    }

    @Test
    void profileSizesGetOneBucketEachUpToTenThenATail() {
        List<Profile> small = List.of(profile("a", 1), profile("b", 1), profile("c", 3));
        List<SizeBucket> buckets = ReportModel.profileSizes(small);
        assertEquals(List.of("1", "2", "3"), buckets.stream().map(SizeBucket::label).toList());
        assertEquals(List.of(2L, 0L, 1L), buckets.stream().map(SizeBucket::profiles).toList());

        List<Profile> large = new ArrayList<>(small);
        large.add(profile("d", 10));
        large.add(profile("e", 12));
        large.add(profile("f", 250));
        buckets = ReportModel.profileSizes(large);
        assertEquals(10, buckets.size());
        SizeBucket tail = buckets.get(9);
        assertEquals("10+", tail.label());
        assertEquals(3, tail.profiles());
        assertEquals(272, tail.records());
        assertEquals(250, tail.largest());
        assertEquals(large.stream().mapToLong(p -> p.members().size()).sum(),
                buckets.stream().mapToLong(SizeBucket::records).sum());

        buckets = ReportModel.profileSizes(List.of(profile("g", 10)));
        assertEquals(10, buckets.size(), "a largest profile of exactly ten records needs no tail");
        assertEquals("10", buckets.get(9).label());
        assertTrue(ReportModel.profileSizes(List.of()).isEmpty());
    }

    @Test
    void pairValuesAreMaskedUnlessAskedForInClear() {
        SourceRecord a = SourceRecord.builder("crm", "1").attribute("last_name", "Quarrington")
                .identifier(IdentifierType.EMAIL, "quarrington@example.org").build();
        SourceRecord b = SourceRecord.builder("shop", "2").attribute("first_name", "Odalys")
                .identifier(IdentifierType.PHONE, "5550132468").build();
        List<ReportModel.PairValues> masked = ReportModel.pairValues(a, b, false);
        assertEquals(List.of(new ReportModel.PairValues("first_name", "", "O***"),
                new ReportModel.PairValues("last_name", "Q***", ""),
                new ReportModel.PairValues("email", "q***@example.org", ""),
                new ReportModel.PairValues("phone", "", "***68")), masked);
        List<ReportModel.PairValues> clear = ReportModel.pairValues(a, b, true);
        assertEquals("Quarrington", clear.get(1).first());
        assertEquals("quarrington@example.org", clear.get(2).first());
    }

    @Test
    void markupEscapesEverythingAndDropsCharactersXmlForbids() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Svg.escape("<a href=\"x\">&'"));
        assertEquals("a\uFFFDb\uFFFDc\uFFFD", Svg.escape("a\u0000b\u001Bc\uD800"));
        assertEquals("\uD83D\uDE00 ok\t\n", Svg.escape("\uD83D\uDE00 ok\t\n"), "a surrogate pair is kept");
        assertEquals("0.0", Svg.num(-0.04));
        assertEquals("1,234,567", Svg.count(1234567));
        assertEquals("\u22121.50", Svg.signed(-1.5, 2));
        assertEquals("+0.25", Svg.signed(0.25, 2));
        assertEquals("0.00", Svg.fixed(-0.001, 2));
    }

    @Test
    void ticksAreRoundAndCoverTheDomain() {
        assertEquals(List.of(-30.0, -20.0, -10.0, 0.0, 10.0, 20.0, 30.0, 40.0),
                new Svg.Scale(-30, 46, 0, 100).ticks(8));
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
                new Svg.Scale(0, 1, 0, 100).ticks(5).stream().map(t -> Math.round(t * 10) / 10.0).toList());
        assertEquals(2.5, Svg.niceStep(2.1));
        assertEquals(0.5, Svg.niceStep(0.41));
        assertEquals(100, Svg.niceStep(100));
    }

    @Test
    void theWaterfallDrawsEveryStepAndHatchesTermFrequencyAdjustments() throws Exception {
        List<Explanation.Step> steps = List.of(new Explanation.Step("prior", "prior", -10, 0, -10),
                new Explanation.Step("family", "exact", 9.5, 1.5, -0.5),
                new Explanation.Step("dob", "null", 0, 0, -0.5),
                new Explanation.Step("city", "else", -2, 0, -2.5),
                new Explanation.Step("email", "exact", 12, 0, 9.5));
        Explanation.Probabilistic p = new Explanation.Probabilistic("person", steps, 9.5, 0.9986, 4.25, 0,
                Explanation.Outcome.LINK);
        ReportModel.Waterfall w = new ReportModel.Waterfall(RecordKey.of("crm", "1"), RecordKey.of("shop", "<2>"),
                "person", p, List.of(), true, null, "given", List.of());
        Document svg = ReportCommandTest.parse(ReportCharts.waterfall(w));
        NodeList rows = ReportCommandTest.select(svg, "//g[contains(@class, 'step ') and not(contains(@class, 'final'))]");
        assertEquals(5, rows.getLength());
        assertEquals("family", ReportCommandTest.select(svg, "//g[rect[contains(@class, 'tf')]]").item(0)
                .getAttributes().getNamedItem("data-comparison").getNodeValue());
        assertEquals(1, ReportCommandTest.select(svg, "//rect[contains(@class, 'bar tf')]").getLength());
        assertTrue(ReportCommandTest.text(svg).contains("tf +1.50"), "the adjustment is labelled");
        assertEquals(1, ReportCommandTest.select(svg, "//g[contains(@class, 'step none')]").getLength(), "dob is null");
        assertEquals(1, ReportCommandTest.select(svg, "//g[contains(@class, 'step down')]").getLength());
        assertEquals("9.50", ReportCommandTest.select(svg, "//g[contains(@class, 'step final')]").item(0)
                .getAttributes().getNamedItem("data-weight").getNodeValue());
        assertEquals(1, ReportCommandTest.select(svg, "//line[@class='threshold link' and @data-bits='4.25']").getLength());
        assertTrue(ReportCommandTest.text(svg).contains("shop/<2>"), "the record id is escaped, not lost");
    }

    @Test
    void aPageWithoutPairsOrProfilesStillRendersEverySection() throws Exception {
        ReportModel model = new ReportModel(new ReportModel.Overview(List.of("empty.csv"), 0, 0, 0, 0, 0, 0, "hand-set",
                null, 0, null), List.of(), ReportModel.histogram(new double[0], new double[0], false, List.of()), null,
                List.of(), List.of(), null, false);
        Document page = ReportCommandTest.parse(HtmlReport.render(model));
        for (String id : HtmlReport.SECTIONS) {
            assertEquals(1, ReportCommandTest.select(page, "//section[@id='" + id + "']").getLength(), id);
        }
        assertEquals(5, ReportCommandTest.select(page, "//p[@class='empty']").getLength(),
                "no pairs, no truth, no profiles, no blocks, nothing to explain: " + ReportCommandTest.text(page));
        assertNull(model.waterfall());
        assertFalse(ReportCommandTest.text(page).contains("NaN"));
    }

    private static Profile profile(String id, int size) {
        List<RecordKey> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(RecordKey.of("s", id + i));
        }
        return new Profile(ProfileId.of(id), 1, members, List.of(), Map.of());
    }

    private static double[] randomWeights(Random random, int n, double spread) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (random.nextDouble() - 0.4) * spread;
            if (random.nextInt(10) == 0 && i > 0) {
                weights[i] = weights[i - 1]; // ties
            }
        }
        Arrays.sort(weights);
        return weights;
    }
}
