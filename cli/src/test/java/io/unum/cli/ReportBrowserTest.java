package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser: headless Chromium, driven over the DevTools protocol
 * ({@link DevTools}), opens the page written for the bundled sample and its truth and runs its
 * script; the tests read the DOM: every section and chart with the expected elements, the
 * filters, the profile view showing one profile, and a {@code #record=ID} link filtering the
 * cases and choosing the profile; they hover over a bar and type into a filter; and a screenshot
 * shows that the charts are painted in their colours. Chromium is {@code $UNUM_CHROMIUM}, else
 * {@code chromium} or {@code chromium-browser} on the path; without one the tests are skipped
 * with a message on the console ({@code .ci/run} installs Debian's {@code chromium}).
 */
class ReportBrowserTest {

    @TempDir
    static Path dir;

    private static String chromium;
    private static Path page;
    /** Chromium's user data directory. */
    private static Path profile;
    /** One browser for every test, on a loopback debugging port. */
    private static DevTools browser;
    /** The page as Chromium rendered it, opened without a fragment. */
    private static Document rendered;
    /** A screenshot of its top, taken before any test touched the page. */
    private static BufferedImage screenshot;

    /** Why the tests are skipped, or {@code null} when Chromium is there. */
    private static String skipped;

    @BeforeAll
    static void openThePage() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            skipped = "skipped: Chromium not found (install Debian's chromium, as .ci/run does, or set UNUM_CHROMIUM);"
                    + " the report page is not tested in a browser";
            // surefire keeps System.out and System.err in report files; the skip must show on the console
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)
                    .println("ReportBrowserTest " + skipped);
            return;
        }
        page = dir.resolve("report.html");
        CliRun run = CliRun.run("report", "--out", page.toString());
        assertEquals(0, run.status(), run.err());
        // the browser's profile lives outside the test's @TempDir: a browser process that is still
        // exiting when JUnit deletes the directory must not fail the tests (seen on a loaded machine)
        profile = Files.createTempDirectory("unum-chromium-profile");
        browser = DevTools.start(chromium, profile,
                List.of("--hide-scrollbars", "--window-size=1100,4000"));
        rendered = rendered("");
        String png = browser.send("Page.captureScreenshot", DevTools.params().put("format", "png")).get("data").asText();
        screenshot = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (profile != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); // best effort
            }
        }
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    private static String findChromium() {
        String configured = System.getenv("UNUM_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    /**
     * Opens the page afresh (through {@code about:blank}, so that a fragment reloads it) and waits
     * until its script has run to its end.
     */
    private static void open(String fragment) throws Exception {
        browser.open("about:blank", "document.readyState === 'complete'");
        browser.open(page.toUri() + fragment, "document.documentElement.getAttribute('data-script') === 'ready'");
    }

    /** The page's DOM after its script ran, opened with this fragment. */
    private static Document rendered(String fragment) throws Exception {
        open(fragment);
        Document document = Jsoup.parse(browser.evaluate("document.documentElement.outerHTML").asText());
        assertEquals("ready", document.selectFirst("html").attr("data-script"), "the page's script ran to its end");
        return document;
    }

    private static long number(String text) {
        return Long.parseLong(text.strip().replace(",", ""));
    }

    private static long overviewCount(Document page, String label) {
        for (Element row : page.select("table.counts tr")) {
            if (row.selectFirst("th").text().equals(label)) {
                return number(row.selectFirst("td").text());
            }
        }
        throw new AssertionError("no overview row " + label);
    }

    private static List<Element> visible(Elements elements) {
        return elements.stream().filter(e -> !e.hasAttr("hidden")).toList();
    }

    @Test
    void everySectionAndChartRendersWithItsElements() throws Exception {
        Document page = rendered;
        for (String id : HtmlReport.SECTIONS) {
            assertEquals(1, page.select("section#" + id).size(), "section " + id);
        }
        assertTrue(page.select("script[src], link, img, iframe").isEmpty(), "nothing loaded from elsewhere");

        // m, u and match weights: one group per level of the rule's levels table, weight = log2(m/u)
        Elements levels = page.select("svg.match-weights g.level");
        assertEquals(page.select("table.levels-table tr:has(td)").size(), levels.size());
        assertTrue(levels.size() > 30, "the customer rules have many levels: " + levels.size());
        assertEquals(1, page.select("svg.match-weights g.level.prior").size());
        for (Element level : levels) {
            if (!level.hasClass("prior")) {
                double m = Double.parseDouble(level.attr("data-m"));
                double u = Double.parseDouble(level.attr("data-u"));
                double weight = Double.parseDouble(level.attr("data-weight"));
                assertEquals(Math.log(m / u) / Math.log(2), weight, 0.02, level.attr("data-comparison") + ": "
                        + level.attr("data-level"));
                assertEquals(3, level.select("rect").size(), "weight, m and u bars");
            }
        }
        assertFalse(visible(page.select("div.rule-chart")).isEmpty(), "the chosen rule's chart is shown");

        // blocking: one row per key; the new pairs add up to the candidate pairs of the overview
        Elements keys = page.select("svg.blocking g.key");
        assertEquals(page.select("table.blocking-table tr:has(td)").size(), keys.size());
        long newPairs = keys.stream().mapToLong(k -> Long.parseLong(k.attr("data-new-pairs"))).sum();
        assertEquals(overviewCount(page, "probabilistic candidate pairs scored"), newPairs);
        for (Element key : keys) {
            assertTrue(Long.parseLong(key.attr("data-new-pairs")) <= Long.parseLong(key.attr("data-pairs")));
        }

        // the worst false merges and missed links of evaluate, each with a waterfall; the review queue
        for (String id : List.of("false-merges", "missed-links")) {
            Elements cases = page.select("#" + id + "-cases > details.case");
            assertEquals(5, cases.size(), id + ": the sample has more than five");
            for (Element c : cases) {
                assertTrue(c.select("ul.groups > li").size() >= 2, "records in two groups or more");
                Element waterfall = c.selectFirst("svg.waterfall");
                assertNotNull(waterfall, id + " case " + c.selectFirst("summary").text() + " has a waterfall");
                assertTrue(waterfall.select("g.step").size() >= 3, "prior, comparisons and the final weight");
                assertEquals(1, waterfall.select("g.step.final").size());
            }
        }
        long possible = overviewCount(page, "possible matches for review");
        Elements review = page.select("#review-cases > details.case");
        assertEquals(Math.min(ReportCases.REVIEW_SHOWN, possible), review.size());
        assertTrue(review.size() > 0, "the sample has possible matches");
        for (Element c : review) {
            Element waterfall = c.selectFirst("svg.waterfall");
            assertNotNull(waterfall);
            Element fin = waterfall.selectFirst("g.step.final");
            double weight = Double.parseDouble(fin.attr("data-weight"));
            assertTrue(c.selectFirst("summary").text().contains(String.format(Locale.ROOT, "weight %.2f bits", weight)),
                    "the waterfall ends at the pair's weight");
        }
        for (String id : List.of("false-merges", "missed-links", "review")) {
            assertEquals(1, page.select("input.case-filter[data-target=" + id + "]").size(), "a filter for " + id);
        }

        // the profile view: one card shown; its graph has a circle per member and a line per link
        Elements cards = page.select("div.profile-card");
        assertTrue(cards.size() >= 8, "the largest profiles and those of the false merges: " + cards.size());
        assertEquals(cards.size(), page.select("#profile-select option").size());
        List<Element> shown = visible(cards);
        assertEquals(1, shown.size(), "the script shows one profile at a time");
        for (Element card : cards) {
            Element graph = card.selectFirst("svg.profile-graph");
            assertEquals(card.select("table.members tr:has(td)").size(), graph.select("circle.member").size());
            assertEquals(card.select("table.profile-links tr:has(td)").size(), graph.select("line.link").size());
            assertEquals(graph.select("circle.member").size() - 1, graph.select("line.link").size(),
                    "a spanning tree of the members");
        }
        assertNotNull(page.selectFirst("#tooltip[role=tooltip]"), "the hover tooltip");
    }

    @Test
    void aRecordLinkFiltersTheCasesAndShowsItsProfile() throws Exception {
        Document written = Jsoup.parse(page.toFile(), "UTF-8");
        Element firstMerge = written.selectFirst("#false-merges-cases > details.case");
        String record = firstMerge.selectFirst("ul.groups > li").text().replaceFirst("^[^:]*: ", "").split(", ")[0];
        Document page = rendered("#record=" + record);
        List<Element> merges = visible(page.select("#false-merges-cases > details.case"));
        assertFalse(merges.isEmpty());
        for (Element c : merges) {
            assertTrue(c.attr("data-search").contains(record.toLowerCase(Locale.ROOT)), c.attr("data-search"));
        }
        assertTrue(merges.size() < page.select("#false-merges-cases > details.case").size()
                || page.select("#false-merges-cases > details.case").size() == 1, "others are hidden");
        assertEquals(merges.size() + " shown", page.selectFirst(".shown-count[data-target=false-merges]").text());
        List<Element> shown = visible(page.select("div.profile-card"));
        assertEquals(1, shown.size());
        assertTrue((" " + shown.get(0).attr("data-records") + " ").contains(" " + record.toLowerCase(Locale.ROOT) + " "),
                "the record's profile is shown");
    }

    @Test
    void hoverShowsABarsNumbersAndTypingARecordIdFiltersTheReviewQueue() throws Exception {
        Document written = Jsoup.parse(page.toFile(), "UTF-8");
        String record = written.selectFirst("#review-cases > details.case ul.groups > li").text()
                .replaceFirst("^[^:]*: ", "").split(", ")[0];
        {
            open("");
            // hover over the bar of a comparison level: the tooltip shows its title at once
            var point = browser.evaluate("(() => { const bar = document.querySelector("
                    + "'svg.match-weights g.level:not(.prior) rect.bar'); bar.scrollIntoView({block: 'center'});"
                    + " const r = bar.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2,"
                    + " bar.querySelector('title').textContent]; })()");
            assertTrue(browser.evaluate("document.getElementById('tooltip').hidden").asBoolean(), "hidden at first");
            browser.moveMouse(point.get(0).asDouble(), point.get(1).asDouble());
            assertFalse(browser.evaluate("document.getElementById('tooltip').hidden").asBoolean(), "shown on hover");
            String tooltip = browser.evaluate("document.getElementById('tooltip').textContent").asText();
            assertEquals(point.get(2).asText(), tooltip);
            assertTrue(tooltip.contains("weight") && tooltip.contains(", m ") && tooltip.contains(", u "), tooltip);
            assertEquals(1, browser.evaluate("document.querySelectorAll('.hover').length").asInt(), "highlighted");
            browser.moveMouse(5, 5);
            assertTrue(browser.evaluate("document.getElementById('tooltip').hidden").asBoolean(), "hidden off the chart");

            // type a record id into the review queue's filter: only its cases stay
            int all = browser.evaluate("document.querySelectorAll('#review-cases > details.case').length").asInt();
            browser.evaluate("document.querySelector('input.case-filter[data-target=review]').focus()");
            browser.type(record);
            int shown = browser.evaluate("document.querySelectorAll('#review-cases > details.case:not([hidden])')"
                    + ".length").asInt();
            assertTrue(shown >= 1 && shown <= all, shown + " of " + all);
            assertTrue(browser.evaluate("[...document.querySelectorAll('#review-cases > details.case:not([hidden])')]"
                    + ".every(c => c.getAttribute('data-search').includes('" + record.toLowerCase(Locale.ROOT) + "'))")
                    .asBoolean(), "every case shown names " + record);
            assertEquals(shown + " shown", browser.evaluate(
                    "document.querySelector('.shown-count[data-target=review]').textContent").asText());

            // choose another profile from the list: only it is shown
            String last = browser.evaluate("(() => { const s = document.getElementById('profile-select');"
                    + " s.selectedIndex = s.options.length - 1; s.dispatchEvent(new Event('change')); return s.value; })()")
                    .asText();
            assertEquals(List.of(last).toString(), browser.evaluate("JSON.stringify([...document.querySelectorAll("
                    + "'.profile-card:not([hidden])')].map(c => c.getAttribute('data-profile')))").asText()
                    .replace("\"", ""));
        }
    }

    @Test
    void theChartsArePaintedInTheirColours() throws Exception {
        BufferedImage image = screenshot;
        assertNotNull(image, "a PNG");
        // the match weights chart's bars: teal up, red-orange down, blue m, orange u
        int[] colours = {0x2a9d8f, 0xe76f51, 0x3b6fb6, 0xd9822b, 0x24588f};
        int[] found = new int[colours.length];
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                for (int i = 0; i < colours.length; i++) {
                    if (rgb == colours[i]) {
                        found[i]++;
                    }
                }
            }
        }
        for (int i = 0; i < colours.length; i++) {
            assertTrue(found[i] > 50, String.format(Locale.ROOT, "colour #%06x is painted (%d samples)", colours[i],
                    found[i]));
        }
    }
}
