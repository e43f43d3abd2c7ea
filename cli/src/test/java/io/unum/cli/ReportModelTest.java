package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Explanation;
import io.unum.cli.ReportModel.SizeBucket;
import io.unum.evaluation.MatchWeightCollector;
import io.unum.evaluation.ThresholdCurve;
import io.unum.evaluation.WeightHistogram;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The report's computations and charts, without resolving anything. */
class ReportModelTest {

    @Test
    void theF1ShownIsTheCurvesExceptWhereNothingAtOrAboveTheThresholdIsATrueMatch() {
        assertEquals(new ThresholdCurve.Point(2, 4, 2, 4).f1(), ReportModel.shownF1(new ThresholdCurve.Point(2, 4, 2, 4)));
        assertEquals(0, new ThresholdCurve.Point(3, 2, 0, 4).f1(), "the library's F1 when P = R = 0");
        assertTrue(Double.isNaN(ReportModel.shownF1(new ThresholdCurve.Point(3, 2, 0, 4))), "the page's: n/a, as before");
        assertTrue(Double.isNaN(ReportModel.shownF1(new ThresholdCurve.Point(3, 0, 0, 4))));
    }

    @Test
    void thePointsAtTheMatchThresholdsAreTheCurvesOncePerDistinctThresholdInRuleOrder() {
        WeightHistogram.Threshold person = new WeightHistogram.Threshold("person", WeightHistogram.Threshold.Kind.MATCH, 4);
        WeightHistogram.Threshold review = new WeightHistogram.Threshold("person", WeightHistogram.Threshold.Kind.REVIEW, 0);
        WeightHistogram.Threshold household = new WeightHistogram.Threshold("household",
                WeightHistogram.Threshold.Kind.MATCH, 2);
        WeightHistogram.Threshold same = new WeightHistogram.Threshold("other", WeightHistogram.Threshold.Kind.MATCH, 4);
        WeightHistogram h = new WeightHistogram(1, List.of(), List.of(person, review, household, same), 0, true);
        ThresholdCurve curve = new ThresholdCurve(List.of(new ThresholdCurve.Point(0, 5, 3, 6),
                new ThresholdCurve.Point(2, 4, 3, 6), new ThresholdCurve.Point(4, 2, 2, 6)), 3, 6);
        ReportModel model = emptyModel(h, curve);
        assertEquals(List.of(4.0, 2.0), model.atMatchThresholds().stream().map(ThresholdCurve.Point::threshold).toList());
        assertTrue(emptyModel(h, null).atMatchThresholds().isEmpty(), "no truth, no curve");
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
        ReportModel model = emptyModel(new MatchWeightCollector(List.of()).histogram(), null);
        Document page = ReportCommandTest.parse(HtmlReport.render(model));
        for (String id : HtmlReport.SECTIONS) {
            assertEquals(1, ReportCommandTest.select(page, "//section[@id='" + id + "']").getLength(), id);
        }
        assertEquals(11, ReportCommandTest.select(page, "//p[@class='empty']").getLength(),
                "no pairs, no truth, no profiles, no blocks, nothing to explain; no rule to weigh or block, no truth for"
                        + " false merges and missed links, no review queue, no profile: " + ReportCommandTest.text(page));
        assertNull(model.waterfall());
        assertFalse(ReportCommandTest.text(page).contains("NaN"));
    }

    private static ReportModel emptyModel(WeightHistogram histogram, ThresholdCurve curve) {
        return new ReportModel(new ReportModel.Overview(List.of("empty.csv"), 0, 0, 0, 0, 0, 0, "hand-set", null, 0,
                null), List.of(), histogram, curve, List.of(), List.of(), null, false);
    }

    private static Profile profile(String id, int size) {
        List<RecordKey> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(RecordKey.of("s", id + i));
        }
        return new Profile(ProfileId.of(id), 1, members, List.of(), Map.of());
    }
}
