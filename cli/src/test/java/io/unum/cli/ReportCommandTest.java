package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ProgressListener;
import io.unum.Resolver;
import io.unum.rules.MatchRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** {@code unum report}: the page's content, parsed as XML; never its pixels. */
class ReportCommandTest {

    private static final Path SAMPLE = Path.of("src/main/resources/io/unum/cli/sample");

    // ------------------------------------------------------------------------------------------
    // helpers, also used by ReportModelTest

    /** Parses markup as XML (the page is XHTML-compatible); fails the test if it is not well-formed. */
    static Document parse(String markup) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
    }

    static NodeList select(Node node, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, node, XPathConstants.NODESET);
    }

    static String text(Node node) {
        return node instanceof Document d ? d.getDocumentElement().getTextContent() : node.getTextContent();
    }

    private static String attribute(Node node, String name) {
        return ((Element) node).getAttribute(name);
    }

    private static List<List<String>> tableRows(Document page, String cssClass) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = select(page, "//table[@class='" + cssClass + "']/tr[td]");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList tds = select(trs.item(i), "td");
            for (int j = 0; j < tds.getLength(); j++) {
                cells.add(tds.item(j).getTextContent());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> column(Document page, String table, int column) throws Exception {
        return tableRows(page, table).stream().map(row -> row.get(column)).toList();
    }

    private static String report(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        CliRun run = CliRun.run(all.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Wrote " + out), run.out());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Map<String, String> sampleTruth() throws Exception {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(SAMPLE.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            truth.put(cells[0], cells[1]);
        }
        return truth;
    }

    // ------------------------------------------------------------------------------------------
    // the bundled sample

    @Test
    void theSampleReportHasEverySectionIsWellFormedAndSelfContained(@TempDir Path dir) throws Exception {
        String html = report(dir.resolve("report.html"));
        Document page = parse(html);
        for (String id : HtmlReport.SECTIONS) {
            assertEquals(1, select(page, "//section[@id='" + id + "']").getLength(), "section " + id);
        }
        for (String chart : List.of("match-weights", "blocking", "histogram", "precision-recall", "profile-sizes",
            "waterfall", "profile-graph")) {
            assertTrue(select(page, "//svg[contains(concat(' ', @class, ' '), ' " + chart + " ')]").getLength() >= 1, chart);
        }
        assertTrue(html.startsWith("<!DOCTYPE html>"), "an HTML5 page");
        assertEquals(1, select(page, "//script").getLength(), "one script");
        assertEquals(0, select(page, "//script[@src]").getLength(), "inline");
        assertFalse(html.contains("src=") || html.contains("@import") || html.contains("<link"), "nothing loaded");
        Matcher http = Pattern.compile("https?://[^\"]*").matcher(html);
        while (http.find()) {
            assertTrue(http.group().equals("http://www.w3.org/1999/xhtml") || http.group().equals("http://www.w3.org/2000/svg"),
                    "only namespace names, no links: " + http.group());
        }
        assertEquals(0, select(page, "//*[@href and not(starts-with(@href, '#'))]").getLength(), "only in-page links");
    }

    @Test
    void theHistogramHasOneBarGroupPerNonEmptyBinAndDrawsTheThresholds(@TempDir Path dir) throws Exception {
        Document page = parse(report(dir.resolve("report.html")));
        // the candidate pairs, computed here independently of the command
        Inputs.Batch batch = Inputs.read(ResolveCommand.SAMPLE, ReadOptions.DEFAULTS, ProgressListener.NONE);
        Resolver resolver = DefaultConfiguration.untrained(new ModelOptions()); // 307 records: too few to train
        Map<String, String> truth = sampleTruth();
        List<Double> weights = new ArrayList<>();
        long[] trueMatches = {0};
        resolver.candidatePairs(batch.records(), (a, b, rule, weight, probability) -> {
            weights.add(weight);
            if (truth.get(a.id()).equals(truth.get(b.id()))) {
                trueMatches[0]++;
            }
        });
        assertTrue(weights.size() > 100, "the sample has candidate pairs: " + weights.size());

        Node bins = select(page, "//svg[contains(@class, 'histogram')]//g[@class='bins']").item(0);
        double width = Double.parseDouble(attribute(bins, "data-width"));
        Set<Long> nonEmpty = new HashSet<>();
        for (double w : weights) {
            nonEmpty.add((long) Math.floor(w / width));
        }
        NodeList bars = select(bins, "g[@class='bin']");
        assertEquals(nonEmpty.size(), bars.getLength(), "one bar group per non-empty bin");
        long matches = 0;
        long others = 0;
        for (int i = 0; i < bars.getLength(); i++) {
            matches += Long.parseLong(attribute(bars.item(i), "data-matches"));
            others += Long.parseLong(attribute(bars.item(i), "data-others"));
            assertTrue(Double.parseDouble(attribute(bars.item(i), "data-from")) < Double.parseDouble(
                    attribute(bars.item(i), "data-to")));
        }
        assertEquals(weights.size(), matches + others);
        assertEquals(trueMatches[0], matches, "bars split true matches from the rest");
        assertTrue(select(page, "//svg[contains(@class, 'histogram')]//rect[@class='match']").getLength() > 0);
        assertTrue(select(page, "//svg[contains(@class, 'histogram')]//rect[@class='nonmatch']").getLength() > 0);

        for (MatchRule rule : resolver.rules()) {
            if (rule instanceof MatchRule.Probabilistic p) {
                String link = Svg.fixed(p.matchWeightThreshold(), 2);
                String review = Svg.fixed(p.reviewWeightThreshold(), 2);
                assertEquals(1, select(page, "//svg[contains(@class, 'histogram')]//line[@class='threshold link' and"
                        + " @data-bits='" + link + "']").getLength(), "link threshold " + link);
                assertEquals(1, select(page, "//svg[contains(@class, 'histogram')]//line[@class='threshold review' and"
                        + " @data-bits='" + review + "']").getLength(), "review threshold " + review);
                assertTrue(text(page).contains("link \u2265 " + link));
                assertEquals(1, select(page, "//svg[contains(@class, 'precision-recall')]//line[@class='threshold link'"
                        + " and @data-bits='" + link + "']").getLength(), "threshold marked on the precision-recall chart");
            }
        }
    }

    @Test
    void precisionAndRecallAgainstThresholdBehaveAndRecallCountsEveryTruePair(@TempDir Path dir) throws Exception {
        Document page = parse(report(dir.resolve("report.html")));
        Map<String, Integer> entitySizes = new HashMap<>();
        sampleTruth().values().forEach(e -> entitySizes.merge(e, 1, Integer::sum));
        long allTrue = entitySizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        assertEquals(285, allTrue);

        List<List<String>> rows = tableRows(page, "pr-table");
        assertTrue(rows.size() > 10, "points: " + rows.size());
        double previousThreshold = Double.NEGATIVE_INFINITY;
        long previousPairs = Long.MAX_VALUE;
        long previousTrue = Long.MAX_VALUE;
        double previousRecall = 2;
        for (List<String> row : rows) {
            double threshold = Double.parseDouble(row.get(0));
            long pairs = Long.parseLong(row.get(1));
            long truePairs = Long.parseLong(row.get(2));
            assertTrue(threshold > previousThreshold, "ascending thresholds");
            assertTrue(pairs <= previousPairs && truePairs <= previousTrue, "counts never rise with the threshold");
            double recall = Double.parseDouble(row.get(4));
            assertEquals(String.format(Locale.ROOT, "%.3f", (double) truePairs / allTrue), row.get(4),
                    "recall over all true pairs, blocked or not");
            assertTrue(recall <= previousRecall, "recall never rises with the threshold");
            if (pairs > 0) {
                double precision = Double.parseDouble(row.get(3));
                assertEquals(String.format(Locale.ROOT, "%.3f", (double) truePairs / pairs), row.get(3));
                assertTrue(precision >= 0 && precision <= 1);
            } else {
                assertEquals("n/a", row.get(3));
            }
            previousThreshold = threshold;
            previousPairs = pairs;
            previousTrue = truePairs;
            previousRecall = recall;
        }
        long candidateTrue = Long.parseLong(rows.get(0).get(2));
        assertTrue(candidateTrue < allTrue, "blocking loses some true pairs of the sample");
        Node ceiling = select(page, "//svg[contains(@class, 'precision-recall')]//line[@class='ceiling']").item(0);
        assertEquals(String.format(Locale.ROOT, "%.4f", (double) candidateTrue / allTrue), attribute(ceiling, "data-recall"));
        assertTrue(text(page).contains(Svg.count(candidateTrue) + " of 285 true pairs are candidates"), text(page));
        assertEquals(3, select(page, "//svg[contains(@class, 'precision-recall')]//polyline").getLength(),
                "precision, recall and F1");
    }

    @Test
    void profileSizesAddUpToTheProfilesAndRecords(@TempDir Path dir) throws Exception {
        CliRun resolve = CliRun.run("resolve", "--out", dir.resolve("resolved").toString());
        Matcher counts = Pattern.compile("records=(\\d+) profiles=(\\d+)").matcher(resolve.out());
        assertTrue(counts.find(), resolve.out());
        Document page = parse(report(dir.resolve("report.html")));
        NodeList sizes = select(page, "//svg[contains(@class, 'profile-sizes')]//g[@class='size']");
        long profiles = 0;
        long records = 0;
        for (int i = 0; i < sizes.getLength(); i++) {
            assertEquals(Integer.toString(i + 1), attribute(sizes.item(i), "data-size"), "sizes 1, 2, 3, ... in order");
            long n = Long.parseLong(attribute(sizes.item(i), "data-profiles"));
            assertEquals(n * (i + 1), Long.parseLong(attribute(sizes.item(i), "data-records")));
            profiles += n;
            records += n * (i + 1);
        }
        assertEquals(Long.parseLong(counts.group(2)), profiles, "the same profiles as resolve makes");
        assertEquals(Long.parseLong(counts.group(1)), records);
        assertEquals(sizes.getLength(), tableRows(page, "sizes-table").size());
    }

    @Test
    void theLargestBlocksAreListedWithoutValues(@TempDir Path dir) throws Exception {
        Document page = parse(report(dir.resolve("report.html")));
        List<List<String>> rows = tableRows(page, "blocks-table");
        assertTrue(!rows.isEmpty() && rows.size() <= 20, "rows: " + rows.size());
        int previous = Integer.MAX_VALUE;
        for (List<String> row : rows) {
            assertEquals("person", row.get(0), "only the probabilistic rule's keys are shared by several sample records");
            assertTrue(row.get(2).matches("[0-9a-f]{8,}"), "a fingerprint: " + row.get(2));
            int size = Integer.parseInt(row.get(3).replace(",", ""));
            assertTrue(size <= previous, "largest first");
            assertEquals(Svg.count((long) size * (size - 1) / 2), row.get(4));
            assertEquals("no", row.get(5));
            previous = size;
        }
    }

    @Test
    void theWaterfallExplainsTheMedianLinkStepByStep(@TempDir Path dir) throws Exception {
        Document page = parse(report(dir.resolve("report.html")));
        NodeList steps = select(page, "//section[@id='waterfall']//svg[contains(@class, 'waterfall')]//g[starts-with(@class, 'step ')"
                + " and not(contains(@class, 'final'))]");
        Resolver resolver = DefaultConfiguration.untrained(new ModelOptions());
        MatchRule.Probabilistic person = resolver.rules().stream().filter(r -> r instanceof MatchRule.Probabilistic)
                .map(r -> (MatchRule.Probabilistic) r).findFirst().orElseThrow();
        assertEquals(person.comparisons().size() + 1, steps.getLength(), "the prior and one step per comparison");
        assertEquals("prior", attribute(steps.item(0), "data-comparison"));
        assertEquals(Svg.fixed(person.priorWeight(), 2), attribute(steps.item(0), "data-total"));
        double total = Double.parseDouble(attribute(steps.item(0), "data-total"));
        for (int i = 1; i < steps.getLength(); i++) {
            assertEquals(person.comparisons().get(i - 1).name(), attribute(steps.item(i), "data-comparison"));
            assertFalse(attribute(steps.item(i), "data-level").isEmpty());
            total += Double.parseDouble(attribute(steps.item(i), "data-weight"));
            assertEquals(total, Double.parseDouble(attribute(steps.item(i), "data-total")), 0.01 * i, "running total");
        }
        Node last = select(page, "//section[@id='waterfall']//svg[contains(@class, 'waterfall')]//g[@class='step final']").item(0);
        double weight = Double.parseDouble(attribute(last, "data-weight"));
        assertEquals(attribute(steps.item(steps.getLength() - 1), "data-total"), attribute(last, "data-weight"));
        assertTrue(weight >= person.matchWeightThreshold(), "a link");
        String caption = text(select(page, "//p[@class='pair']").item(0));
        assertTrue(caption.contains("the link with the median weight of the"), caption);
        assertEquals(2, select(page, "//p[@class='pair']/strong[@class='record']").getLength());
    }

    @Test
    void theSamePairIsExplainedAndTheSamePageWrittenEveryTime(@TempDir Path dir) throws Exception {
        String first = report(dir.resolve("a.html"));
        String second = report(dir.resolve("b.html"));
        // block fingerprints are keyed with a secret drawn for each run, so they (and the order of
        // equally large blocks) differ; the sizes and everything else do not
        Pattern blocks = Pattern.compile("<table class=\"blocks-table\">.*?</table>", Pattern.DOTALL);
        assertEquals(blocks.matcher(first).replaceAll(""), blocks.matcher(second).replaceAll(""), "deterministic output");
        assertEquals(column(parse(first), "blocks-table", 3), column(parse(second), "blocks-table", 3), "block sizes");
        assertTrue(blocks.matcher(first).find());
    }

    @Test
    void noPersonalValueOfTheSampleAppearsOnThePage(@TempDir Path dir) throws Exception {
        String html = report(dir.resolve("report.html"));
        Set<String> values = new HashSet<>();
        for (String file : List.of("crm.csv", "webshop.csv", "newsletter.csv")) {
            List<String> lines = Files.readAllLines(SAMPLE.resolve(file));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int c = 1; c < cells.length; c++) { // column 0 is the record id
                    if (cells[c].length() >= 4 && !cells[c].matches("[0-9TZ:+-]+") && !cells[c].startsWith("C1")) {
                        values.add(cells[c]);
                    }
                }
            }
        }
        assertTrue(values.size() > 300, "values: " + values.size());
        for (String value : values) {
            assertFalse(html.contains(value) || html.contains(Svg.escape(value)), "a personal value of the sample is on the page");
        }
    }

    // ------------------------------------------------------------------------------------------
    // planted values, --pair, --show-pii, escaping

    /** Two records of one planted person, and others that do not match them. */
    private static Path planted(Path dir) throws Exception {
        Path input = dir.resolve("people.csv");
        Files.writeString(input, """
                record_id,first_name,last_name,date_of_birth,email,phone,city,postcode
                p1,Quendolyn,Zzyxplantedname,1981-02-03,quendolyn.zzyx@example.org,(555) 013-2468,Springfield,62704
                p2,Quendolyn,Zzyxplantedname,1981-02-03,,,Springfield,62704
                q1,Mary,Smith,1990-05-06,mary.smith@example.com,,Boston,02108
                q2,Mary,Smyth,1990-05-06,,,Boston,02108
                q3,John,Brown,1975-12-01,,,Denver,80202
                q4,Jon,Brown,1975-12-01,,,Denver,80202
                q5,Ann,Lee,1960-01-01,,,Austin,73301
                """);
        return input;
    }

    private static final List<String> PLANTED = List.of("Quendolyn", "Zzyxplantedname", "quendolyn.zzyx",
            "013-2468", "0132468");

    @Test
    void plantedValuesAreAbsentByDefaultAndPresentWithShowPii(@TempDir Path dir) throws Exception {
        Path input = planted(dir);
        String masked = report(dir.resolve("masked.html"), "--input", input.toString(), "--pair", "p1,p2");
        for (String value : PLANTED) {
            assertFalse(masked.contains(value), "planted value absent without --show-pii");
        }
        Document page = parse(masked);
        assertTrue(text(select(page, "//table[@class='values']").item(0)).contains("Z***"), "masked values shown");
        assertTrue(masked.contains("q***@example.org"));
        assertTrue(text(select(page, "//p[@id='privacy']").item(0)).contains("No personal values"));

        String clear = report(dir.resolve("clear.html"), "--input", input.toString(), "--pair", "p1,p2", "--show-pii");
        assertTrue(clear.contains("Zzyxplantedname"), "planted value present with --show-pii");
        assertTrue(clear.contains("quendolyn.zzyx@example.org"));
        assertTrue(text(select(parse(clear), "//p[@id='privacy']").item(0)).contains("shows personal values"));
    }

    @Test
    void withoutTruthThePageSaysSoAndBarsAreOneColour(@TempDir Path dir) throws Exception {
        Document page = parse(report(dir.resolve("report.html"), "--input", planted(dir).toString()));
        assertEquals(0, select(page, "//table[@class='pr-table']").getLength());
        assertTrue(text(select(page, "//section[@id='precision-recall']").item(0)).contains("No ground truth was given"));
        assertEquals(0, select(page, "//rect[@class='match']").getLength());
        assertTrue(select(page, "//svg[contains(@class, 'histogram')]//rect[@class='pair']").getLength() > 0);
        assertEquals(0, select(page, "//table[@class='quality']").getLength());
    }

    @Test
    void aTruthColumnIsReadAndNeverShown(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("with-truth.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(planted(dir)));
        String[] labels = {"cluster", "E0", "E0", "E1", "E1", "E2", "E2", "E3"};
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + "," + labels[i]);
        }
        Files.write(input, lines);
        Document page = parse(report(dir.resolve("report.html"), "--input", input.toString(), "--truth-column", "cluster"));
        assertTrue(select(page, "//table[@class='pr-table']").getLength() == 1);
        String text = text(select(page, "//section[@id='precision-recall']").item(0));
        assertTrue(text.contains("all 3 true pairs"), text);
        Document pair = parse(report(dir.resolve("pair.html"), "--input", input.toString(), "--truth-column", "cluster",
                "--pair", "p1,p2"));
        NodeList fields = select(pair, "//table[@class='values']/tr/td[1]");
        for (int i = 0; i < fields.getLength(); i++) {
            assertFalse(fields.item(i).getTextContent().contains("cluster"), "the truth column is not data");
        }
        assertTrue(fields.getLength() > 3);
        assertTrue(text(select(pair, "//section[@id='waterfall']").item(0)).contains("the same entity"));
    }

    @Test
    void textFromTheInputIsEscaped(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("odd.csv");
        String nasty = "</td><script>alert(1)</script>&amp;";
        Files.writeString(input, "record_id,first_name,last_name,date_of_birth,city\n"
                + "\"x<y&\"\"z'\",Ann,\"" + nasty + "\",1980-01-01,Oslo\n"
                + "b2,Ann,\"" + nasty + "\",1980-01-01,Oslo\n");
        String html = report(dir.resolve("report.html"), "--input", input.toString(), "--pair", "x<y&\"z',b2", "--show-pii");
        Document page = parse(html);
        assertEquals(1, html.split("<script", -1).length - 1, "markup in values is text, not markup: only the page's script");
        assertFalse(html.contains("<script>alert"), "markup in values is text, not markup");
        String caption = text(select(page, "//p[@class='pair']").item(0));
        assertTrue(caption.contains("odd/x<y&\"z'"), caption);
        assertTrue(text(select(page, "//table[@class='values']").item(0)).contains(nasty));
    }

    @Test
    void badPairsAreRefusedWithAMessage(@TempDir Path dir) throws Exception {
        Path input = planted(dir);
        String out = dir.resolve("r.html").toString();
        CliRun one = CliRun.run("report", "--input", input.toString(), "--pair", "p1", "--out", out);
        assertEquals(2, one.status());
        assertTrue(one.err().contains("--pair takes two record ids"), one.err());
        CliRun unknown = CliRun.run("report", "--input", input.toString(), "--pair", "p1,nobody", "--out", out);
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no record with id nobody in the inputs"), unknown.err());
        CliRun same = CliRun.run("report", "--input", input.toString(), "--pair", "p1,people/p1", "--out", out);
        assertEquals(2, same.status());
        assertTrue(same.err().contains("--pair names the same record twice"), same.err());
        CliRun entityWithoutFile = CliRun.run("report", "--input", input.toString(), "--truth-entity-column", "x",
                "--out", out);
        assertEquals(2, entityWithoutFile.status());
        assertFalse(Files.exists(Path.of(out)), "nothing written after a usage error");
    }

    @Test
    void examplesSetsHowManyFalseMergesAndMissedLinksAreShownEachWithAWaterfall(@TempDir Path dir) throws Exception {
        Document page = parse(report(dir.resolve("two.html"), "--examples", "2"));
        for (String id : List.of("false-merges", "missed-links")) {
            NodeList cases = select(page, "//div[@id='" + id + "-cases']/details[@class='case']");
            assertEquals(2, cases.getLength(), id);
            for (int i = 0; i < cases.getLength(); i++) {
                assertEquals(1, select(cases.item(i), ".//svg[contains(@class, 'waterfall')]").getLength(), id);
            }
        }
        String merges = text(select(page, "//section[@id='false-merges']").item(0));
        assertTrue(merges.contains("The worst 2 of "), merges);
        // the review queue and the profiles do not depend on --examples
        assertTrue(select(page, "//div[@id='review-cases']/details[@class='case']").getLength() > 0);
        CliRun negative = CliRun.run("report", "--examples", "-1", "--out", dir.resolve("x.html").toString());
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("--examples must not be negative"), negative.err());
    }

    // ------------------------------------------------------------------------------------------
    // FEBRL3

    @Test
    void febrl3WithThePatternTruth(@TempDir Path dir) throws Exception {
        Path febrl = CliRun.shared("febrl3/dataset3.csv");
        String html = report(dir.resolve("febrl3.html"), "--input", febrl.toString(), "--truth-pattern", "rec-(\\d+)");
        Document page = parse(html);
        String prText = text(select(page, "//section[@id='precision-recall']").item(0));
        assertTrue(prText.contains("all 6,538 true pairs"), "FEBRL3 has 6,538 true pairs");
        List<List<String>> rows = tableRows(page, "pr-table");
        double previous = 2;
        for (List<String> row : rows) {
            double recall = Double.parseDouble(row.get(4));
            assertTrue(recall <= previous);
            previous = recall;
        }
        String link = select(page, "//svg[contains(@class, 'precision-recall')]//line[@class='threshold link']")
                .item(0).getAttributes().getNamedItem("data-bits").getNodeValue();
        for (List<String> row : rows) {
            if (row.get(0).equals(link)) {
                assertTrue(Double.parseDouble(row.get(3)) > 0.95, "precision at the threshold: " + row);
                assertTrue(Double.parseDouble(row.get(4)) > 0.9, "recall at the threshold: " + row);
            }
        }
        assertTrue(text(page).contains("trained on the input"));
        Node caption = select(page, "//p[@class='pair']").item(0);
        assertTrue(text(caption).contains("dataset3/rec-"), text(caption));

        // no given name or surname of the data set is on the page
        Set<String> names = new HashSet<>();
        List<String> lines = Files.readAllLines(febrl);
        List<String> header = java.util.Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        int given = header.indexOf("given_name");
        int surname = header.indexOf("surname");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (int c : new int[] {given, surname}) {
                String value = cells[c].strip();
                if (value.length() >= 6) {
                    names.add(value);
                }
            }
        }
        assertTrue(names.size() > 500, "names: " + names.size());
        String lower = html.toLowerCase(Locale.ROOT);
        for (String name : names) {
            // as a word: "rivers" (a surname) is inside the comparison name "drivers_license"
            assertFalse(java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name.toLowerCase(Locale.ROOT))
                    + "\\b").matcher(lower).find(), "a name of the data set is on the page");
        }
    }
}
