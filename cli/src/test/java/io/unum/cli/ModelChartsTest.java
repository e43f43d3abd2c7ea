package io.unum.cli;

import static io.unum.cli.ReportCommandTest.parse;
import static io.unum.cli.ReportCommandTest.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.BlockingKeyPairs;
import io.unum.model.IdentifierType;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@link ModelCharts} and {@link ReportCases#levels}: the charts' elements and numbers, parsed as XML. */
class ModelChartsTest {

    private static final MatchRule.Probabilistic RULE = MatchRule.probabilistic("person")
            .comparison(Comparison.of("first",
                    ComparisonLevel.of("exact", LevelCondition.exact(), 0.8, 0.05),
                    ComparisonLevel.of("else", LevelCondition.always(), 0.2, 0.95)))
            .comparison(Comparison.of("dob",
                    ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.001),
                    ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.999)))
            .blockingKey(BlockingKey.on("dob"))
            .prior(0.01).matchThreshold(0.9).reviewThreshold(0.5).build();

    private static String attribute(NodeList nodes, int i, String name) {
        return ((Element) nodes.item(i)).getAttribute(name);
    }

    @Test
    void levelsListThePriorThenEveryLevelOfProbabilisticRulesOnly() {
        List<ReportModel.LevelWeight> levels = ReportCases.levels(List.of(
                MatchRule.deterministic("email", IdentifierType.EMAIL), RULE));
        assertEquals(5, levels.size(), "the prior and four levels; the deterministic rule has none");
        assertTrue(levels.get(0).prior());
        assertEquals(RULE.priorWeight(), levels.get(0).weight());
        ReportModel.LevelWeight dobExact = levels.get(3);
        assertEquals(List.of("person", "dob", "exact"), List.of(dobExact.rule(), dobExact.comparison(), dobExact.level()));
        assertEquals(0.9, dobExact.m());
        assertEquals(0.001, dobExact.u());
        assertEquals(Math.log(900) / Math.log(2), levels.get(3).weight(), 1e-9);
    }

    @Test
    void theMatchWeightsChartHasAGroupPerLevelWithWeightMAndUBars() throws Exception {
        Document svg = parse(ModelCharts.matchWeights("person", ReportCases.levels(List.of(RULE))));
        NodeList levels = select(svg, "//g[contains(concat(' ', @class, ' '), ' level ')]");
        assertEquals(5, levels.getLength());
        assertEquals(1, select(svg, "//g[@class='level prior']").getLength());
        assertEquals(0, select(svg, "//g[@class='level prior']/rect[contains(@class, 'bar m')]").getLength(),
                "the prior has no m and u");
        assertEquals(4, select(svg, "//rect[@class='bar m']").getLength());
        assertEquals(4, select(svg, "//rect[@class='bar u']").getLength());
        assertEquals(2, select(svg, "//g[@class='level']/rect[@class='bar up']").getLength(), "the two exact levels");
        assertEquals(2, select(svg, "//g[@class='level']/rect[@class='bar down']").getLength(), "the two else levels");
        assertEquals(2, select(svg, "//text[@class='comparison-title']").getLength(), "a heading per comparison");
        assertEquals("9.81", attribute(levels, 3, "data-weight"));
        assertEquals("dob", attribute(levels, 3, "data-comparison"));
        // m = 0.9 is drawn nine times as wide as m = 0.1
        double wide = Double.parseDouble(((Element) select(svg, "//g[@data-level='exact' and @data-comparison='dob']"
                + "/rect[@class='bar m']").item(0)).getAttribute("width"));
        double narrow = Double.parseDouble(((Element) select(svg, "//g[@data-level='else' and @data-comparison='dob']"
                + "/rect[@class='bar m']").item(0)).getAttribute("width"));
        assertEquals(9, wide / narrow, 0.2);
    }

    @Test
    void theBlockingChartHasARowPerKeyWithARunningTotal() throws Exception {
        List<BlockingKeyPairs> keys = List.of(new BlockingKeyPairs("person", "dob", 3, 9, 12, 12, 0, 0),
                new BlockingKeyPairs("person", "name", 5, 12, 20, 7, 1, 1500),
                new BlockingKeyPairs("person", "city", 0, 0, 0, 0, 0, 0));
        Document svg = parse(ModelCharts.blocking(keys));
        NodeList rows = select(svg, "//g[@class='key']");
        assertEquals(3, rows.getLength());
        assertEquals("7", attribute(rows, 1, "data-new-pairs"));
        assertEquals("1", attribute(rows, 1, "data-oversized"));
        NodeList texts = select(rows.item(1), "text[@class='step-value']");
        assertEquals("7", texts.item(0).getTextContent(), "new pairs");
        assertEquals("19", texts.item(1).getTextContent(), "running total");
        assertEquals("19", select(rows.item(2), "text[@class='step-value']").item(1).getTextContent());
        assertEquals(1, select(svg, "//text[@class='tick-note' and contains(., 'oversized')]").getLength());
        double pairs = Double.parseDouble(((Element) select(rows.item(1), "rect[@class='bar key-pairs']").item(0))
                .getAttribute("width"));
        double fresh = Double.parseDouble(((Element) select(rows.item(1), "rect[@class='bar new-pairs']").item(0))
                .getAttribute("width"));
        assertEquals(20.0 / 7, pairs / fresh, 0.05);
    }

    @Test
    void theProfileGraphHasACirclePerMemberAndALinePerLink() throws Exception {
        ReportModel.ProfileCard card = new ReportModel.ProfileCard("p1", "test", 3, List.of("f"), List.of(
                new ReportModel.Member("s/1", "A", List.of("x")), new ReportModel.Member("s/2", "A", List.of("y")),
                new ReportModel.Member("s/<3>", "B", List.of("z"))), List.of(
                new ReportModel.ProfileLink("s/1", "s/2", "email", "shared EMAIL", Double.POSITIVE_INFINITY),
                new ReportModel.ProfileLink("s/2", "s/<3>", "person", "7.25 bits", 7.25)), 2);
        Document svg = parse(ModelCharts.profileGraph(card));
        assertEquals(3, select(svg, "//circle[contains(@class, 'member')]").getLength());
        assertEquals(2, select(svg, "//circle[contains(@class, 'entity-0')]").getLength(), "entity A");
        assertEquals(1, select(svg, "//circle[contains(@class, 'entity-1')]").getLength(), "entity B");
        assertEquals(1, select(svg, "//line[@class='link deterministic']").getLength());
        assertEquals(1, select(svg, "//line[@class='link probabilistic' and @data-second='s/<3>']").getLength());
        assertEquals(1, select(svg, "//text[@class='link-label' and . = '7.3']").getLength()
                + select(svg, "//text[@class='link-label' and . = '7.2']").getLength(), "the weight, one decimal");
    }
}
