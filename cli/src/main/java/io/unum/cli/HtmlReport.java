package io.unum.cli;

import io.unum.BlockSize;
import io.unum.cli.ReportModel.Overview;
import io.unum.cli.ReportModel.PairValues;
import io.unum.cli.ReportModel.RuleSummary;
import io.unum.cli.ReportModel.SizeBucket;
import io.unum.cli.ReportModel.Waterfall;
import io.unum.evaluation.ThresholdCurve;
import io.unum.evaluation.ThresholdCurve.Point;
import io.unum.evaluation.WeightHistogram;
import io.unum.evaluation.WeightHistogram.Bin;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReportModel} as one self-contained page: XHTML-compatible markup (it parses
 * as XML and as HTML), an inline style sheet, inline SVG charts, one inline script for filters
 * and tooltips and no external resource, so it opens offline and can be mailed as one file. The
 * same model always gives the same bytes.
 *
 * <p>Sections, each an {@code <section>} with a fixed id, are {@link #SECTIONS}; those after the
 * overview that compare with Splink's charts are drawn by {@link ReportSections}. Each chart is
 * followed by its numbers in a table.
 */
final class HtmlReport {

    /** The section ids, in page order. */
    static final List<String> SECTIONS = List.of("overview", "parameters", "blocking", "weights", "precision-recall",
            "profile-sizes", "blocks", "waterfall", "false-merges", "missed-links", "review", "profiles");

    /** The navigation's titles of {@link #SECTIONS}, in the same order. */
    private static final List<String> TITLES = List.of("Overview", "m, u and match weights", "Blocking", "Weight histogram",
            "Precision and recall", "Profile sizes", "Largest blocks", "One link explained", "False merges",
            "Missed links", "Review queue", "Profiles");

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #1d2733; margin: 0; background: #f6f7f9; }
            main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 20px; margin: 36px 0 8px; padding-top: 12px; border-top: 1px solid #e3e6ea; }
            p, li { max-width: 78ch; }
            .subtitle { color: #5a6570; margin: 0 0 12px; }
            nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
            nav a { color: #24588f; text-decoration: none; }
            .privacy { padding: 8px 12px; border-radius: 4px; background: #eef5ee; border: 1px solid #bcd7bc; }
            .privacy.pii { background: #fdeeee; border-color: #e2a4a4; font-weight: 600; }
            table { border-collapse: collapse; margin: 10px 0; font-variant-numeric: tabular-nums; }
            th, td { padding: 3px 10px; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
            th { font-weight: 600; background: #f3f5f7; }
            td.num, th.num { text-align: right; }
            .muted { color: #7a848e; }
            .note { color: #5a6570; font-size: 14px; }
            details { margin: 6px 0 0; }
            summary { cursor: pointer; color: #24588f; }
            code { font-size: 13px; background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
            .fingerprint { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
            svg.chart { display: block; max-width: 1000px; margin: 8px 0; }
            svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1d2733; }
            .tick, .tick-note { font-size: 12px; fill: #5a6570; }
            .axis-title, .legend-label, .column-title { font-size: 13px; fill: #3a4550; }
            .axis-line { stroke: #5a6570; stroke-width: 1; }
            .gridline { stroke: #e6e9ec; stroke-width: 1; }
            .zero { stroke: #9aa3ab; stroke-width: 1; }
            .match { fill: #2a9d8f; }
            .nonmatch { fill: #e76f51; }
            .pair, .size-bar { fill: #4f7cac; }
            .threshold { stroke: #1d2733; stroke-width: 2; }
            .threshold.review { stroke: #6c757d; stroke-dasharray: 6 4; stroke-width: 1.5; }
            .threshold-label { font-size: 12px; font-weight: 600; }
            .ceiling { stroke: #9aa3ab; stroke-dasharray: 2 3; }
            .ceiling-label { font-size: 12px; fill: #5a6570; }
            .curve { fill: none; stroke-width: 2.2; }
            .curve.precision { stroke: #3b6fb6; }
            .curve.recall { stroke: #d9822b; }
            .curve.f1 { stroke: #8a939b; stroke-dasharray: 5 4; stroke-width: 1.5; }
            .dot.precision { fill: #3b6fb6; }
            .dot.recall { fill: #d9822b; }
            .bar-label { font-size: 12px; }
            .bar.up { fill: #2a9d8f; }
            .bar.down { fill: #e76f51; }
            .bar.prior { fill: #8d99ae; }
            .bar.tf { fill: url(#tf-hatch); stroke: #9c7a00; stroke-width: 0.8; }
            .tf-ground { fill: #f7e08a; }
            .tf-stroke { stroke: #9c7a00; stroke-width: 2; }
            .bar.total.link { fill: #264653; }
            .bar.total.nolink { fill: #b56576; }
            .none-mark { stroke: #9aa3ab; stroke-width: 2; }
            .connector { stroke: #7a848e; stroke-dasharray: 2 2; }
            .step-label, .step-value { font-size: 13px; }
            .tf-label { font-size: 12px; fill: #7a5f00; }
            text.muted { fill: #8a939b; }
            text.strong { font-weight: 700; }
            """;

    private HtmlReport() {
    }

    /** The page. */
    static String render(ReportModel model) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"unum report\"/>\n")
                .append("<title>Unum report: ").append(esc(String.join(", ", model.overview().inputs()))).append("</title>\n")
                .append("<style>\n").append(STYLE).append(ReportSections.STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        header(html, model);
        overview(html, model);
        ReportSections.parameters(html, model);
        ReportSections.blocking(html, model);
        weights(html, model);
        precisionRecall(html, model);
        profileSizes(html, model);
        blocks(html, model);
        waterfall(html, model);
        ReportSections.cases(html, model);
        ReportSections.profiles(html, model);
        html.append("<footer class=\"note\"><p>Made by <code>unum report</code>. Everything on this page is in this one"
                + " file: its one script is inline, and no script, font or image is loaded from elsewhere.</p></footer>\n");
        html.append("</main>\n").append(ReportSections.script()).append("</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, ReportModel model) {
        Overview o = model.overview();
        html.append("<header>\n<h1>Unum report</h1>\n<p class=\"subtitle\">")
                .append(esc(Svg.count(o.records()) + " records from " + String.join(", ", o.inputs())))
                .append("</p>\n");
        if (model.showPii()) {
            html.append("<p class=\"privacy pii\" id=\"privacy\">This page shows personal values (it was made with"
                    + " <code>--show-pii</code>). Handle it as personal data.</p>\n");
        } else {
            html.append("<p class=\"privacy\" id=\"privacy\">No personal values: the page names records by id, fields"
                    + " and comparison levels by name and blocks by a keyed fingerprint; the one pair's values are masked."
                    + " <code>--show-pii</code> shows them.</p>\n");
        }
        html.append("<nav><ul>\n");
        for (int i = 0; i < SECTIONS.size(); i++) {
            html.append("<li><a href=\"#").append(SECTIONS.get(i)).append("\">").append(esc(TITLES.get(i)))
                    .append("</a></li>\n");
        }
        html.append("</ul></nav>\n</header>\n");
    }

    private static void overview(StringBuilder html, ReportModel model) {
        Overview o = model.overview();
        open(html, "overview", "Overview");
        html.append("<table class=\"counts\">\n");
        row(html, "records resolved", Svg.count(o.records()));
        row(html, "records rejected or refused", Svg.count(o.rejected()));
        row(html, "golden profiles", Svg.count(o.profiles()));
        row(html, "links (all rules)", Svg.count(o.links()));
        row(html, "possible matches for review", Svg.count(o.possibleMatches()));
        row(html, "probabilistic candidate pairs scored", Svg.count(o.candidatePairs()));
        html.append("<tr><th>m and u parameters</th><td>").append(esc(o.parameters())).append("</td></tr>\n");
        if (o.truth() != null) {
            html.append("<tr><th>ground truth</th><td>").append(esc(o.truth())).append("</td></tr>\n");
            row(html, "true entities", Svg.count(o.entities()));
        }
        html.append("</table>\n");
        if (o.quality() != null) {
            ReportModel.Quality q = o.quality();
            html.append("<p>The profiles against the ground truth (every rule, after clustering):</p>\n")
                    .append("<table class=\"quality\">\n<tr><th>pairwise precision</th><th>pairwise recall</th>"
                            + "<th>pairwise F1</th><th>B-cubed F1</th><th>true pairs</th><th>predicted pairs</th>"
                            + "<th>correct pairs</th></tr>\n<tr>");
            for (String cell : new String[] {Svg.fixed(q.precision(), 4), Svg.fixed(q.recall(), 4), Svg.fixed(q.f1(), 4),
                Svg.fixed(q.bcubedF1(), 4), Svg.count(q.truePairs()), Svg.count(q.predictedPairs()),
                Svg.count(q.correctPairs())}) {
                html.append("<td class=\"num\">").append(cell).append("</td>");
            }
            html.append("</tr>\n</table>\n");
        }
        html.append("<h3>Rules</h3>\n<table class=\"rules\">\n<tr><th>rule</th><th>kind</th><th>reads</th>"
                + "<th class=\"num\">prior (bits)</th><th class=\"num\">review at (bits)</th>"
                + "<th class=\"num\">link at (bits)</th></tr>\n");
        for (RuleSummary r : model.rules()) {
            html.append("<tr><td>").append(esc(r.name())).append("</td><td>")
                    .append(r.probabilistic() ? "probabilistic" : "deterministic").append("</td><td>")
                    .append(esc(r.detail())).append("</td>");
            for (double v : new double[] {r.priorWeight(), r.reviewWeight(), r.matchWeight()}) {
                html.append("<td class=\"num\">").append(Double.isNaN(v) ? "" : Svg.fixed(v, 2)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void weights(StringBuilder html, ReportModel model) {
        WeightHistogram h = model.histogram();
        open(html, "weights", "Match weight histogram");
        html.append("<p>Every pair of records that shares a blocking key of a probabilistic rule is scored: the match"
                + " weight is the sum, in bits, of the prior and the weight of each comparison's level. The pairs are"
                + " counted in bins of ").append(Svg.fixed(h.binWidth(), 2)).append(" bits on a logarithmic scale; the"
                + " solid line is the link threshold, the dashed one the review threshold. Deterministic rules link on"
                + " shared identifiers without a weight and are not in this chart.</p>\n");
        if (h.bins().isEmpty()) {
            html.append("<p class=\"empty\">No probabilistic candidate pairs: no two records share a blocking key.</p>\n");
        }
        html.append(ReportCharts.histogram(h));
        if (h.infinitePairs() > 0) {
            html.append("<p class=\"note\">").append(Svg.count(h.infinitePairs()))
                    .append(" pairs have an infinite weight and are not drawn.</p>\n");
        }
        html.append("<details><summary>The numbers</summary>\n<table class=\"histogram-table\">\n<tr><th class=\"num\">"
                + "from (bits)</th><th class=\"num\">to (bits)</th>");
        html.append(h.hasTruth() ? "<th class=\"num\">true matches</th><th class=\"num\">not true matches</th>"
                : "<th class=\"num\">pairs</th>").append("</tr>\n");
        for (Bin bin : h.bins()) {
            html.append("<tr><td class=\"num\">").append(Svg.fixed(bin.from(), 2)).append("</td><td class=\"num\">")
                    .append(Svg.fixed(bin.to(), 2)).append("</td>");
            if (h.hasTruth()) {
                html.append("<td class=\"num\">").append(bin.matches()).append("</td>");
            }
            html.append("<td class=\"num\">").append(bin.nonMatches()).append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n</section>\n");
    }

    private static void precisionRecall(StringBuilder html, ReportModel model) {
        open(html, "precision-recall", "Precision and recall against the threshold");
        ThresholdCurve curve = model.thresholdCurve();
        if (curve == null) {
            html.append("<p class=\"empty\">No ground truth was given. With <code>--truth FILE.csv</code>,"
                    + " <code>--truth-column NAME</code> or <code>--truth-pattern REGEX</code> this section shows, for"
                    + " every threshold, the precision and recall of linking the candidate pairs at or above it.</p>\n"
                    + "</section>\n");
            return;
        }
        html.append("<p>If every probabilistic candidate pair at or above a threshold were linked (and nothing else):"
                + " precision is the share of those pairs that are true matches, recall the share of <em>all</em> "
                + Svg.count(curve.truePairs()) + " true pairs of the input, including those blocking never made"
                + " candidates, so recall cannot rise above the dotted line. Pairs are counted before clustering and"
                + " without the deterministic rules; the overview has the scores of the final profiles.</p>\n");
        html.append(ReportCharts.precisionRecall(curve, model.atMatchThresholds(), model.histogram()));
        html.append("<details><summary>The numbers</summary>\n<table class=\"pr-table\">\n<tr><th class=\"num\">"
                + "threshold (bits)</th><th class=\"num\">pairs at or above</th><th class=\"num\">true pairs among"
                + " them</th><th class=\"num\">precision</th><th class=\"num\">recall</th><th class=\"num\">F1</th></tr>\n");
        for (Point p : curve.points()) {
            html.append("<tr><td class=\"num\">").append(Svg.fixed(p.threshold(), 2)).append("</td><td class=\"num\">")
                    .append(p.pairs()).append("</td><td class=\"num\">").append(p.matches())
                    .append("</td><td class=\"num\">").append(ReportCharts.fraction(p.precision()))
                    .append("</td><td class=\"num\">").append(ReportCharts.fraction(p.recall()))
                    .append("</td><td class=\"num\">").append(ReportCharts.fraction(ReportModel.shownF1(p)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n</section>\n");
    }

    private static void profileSizes(StringBuilder html, ReportModel model) {
        open(html, "profile-sizes", "Profile sizes");
        List<SizeBucket> buckets = model.profileSizes();
        if (buckets.isEmpty()) {
            html.append("<p class=\"empty\">No profiles.</p>\n</section>\n");
            return;
        }
        html.append("<p>How many golden profiles hold one record, two records, and so on; profiles of ")
                .append(ReportModel.SIZE_BUCKETS).append(" or more records share the last bar when there are any larger"
                        + " than that. Very large profiles usually come from shared placeholder values or chains of"
                        + " links.</p>\n");
        html.append(ReportCharts.profileSizes(buckets));
        html.append("<table class=\"sizes-table\">\n<tr><th class=\"num\">records in the profile</th><th class=\"num\">"
                + "profiles</th><th class=\"num\">records</th></tr>\n");
        for (SizeBucket b : buckets) {
            String label = b.to() == Integer.MAX_VALUE ? b.label() + " (largest " + Svg.count(b.largest()) + ")" : b.label();
            html.append("<tr><td class=\"num\">").append(esc(label)).append("</td><td class=\"num\">")
                    .append(Svg.count(b.profiles())).append("</td><td class=\"num\">").append(Svg.count(b.records()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void blocks(StringBuilder html, ReportModel model) {
        open(html, "blocks", "Largest blocks");
        List<BlockSize> blocks = model.largestBlocks();
        html.append("<p>The blocking-key values shared by the most records. A block is named by its rule, its key and a"
                + " keyed fingerprint of the value, never by the value. An oversized block (over the block-size cap)"
                + " makes no pairs at all; a large one that is not oversized makes up to n(n\u22121)/2. The fingerprints are"
                + " keyed with a secret drawn afresh for every run, so that nobody can find a value by hashing guesses:"
                + " they tell the blocks on this page apart and change from run to run.</p>\n");
        if (blocks.isEmpty()) {
            html.append("<p class=\"empty\">No blocks.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"blocks-table\">\n<tr><th>rule</th><th>key</th><th>fingerprint</th>"
                + "<th class=\"num\">records</th><th class=\"num\">pairs</th><th>oversized</th></tr>\n");
        for (BlockSize b : blocks) {
            long pairs = b.oversized() ? 0 : (long) b.size() * (b.size() - 1) / 2;
            html.append("<tr").append(b.oversized() ? " class=\"oversized\"" : "").append("><td>").append(esc(b.rule()))
                    .append("</td><td>").append(esc(b.key())).append("</td><td class=\"fingerprint\">")
                    .append(esc(b.fingerprint())).append("</td><td class=\"num\">").append(Svg.count(b.size()))
                    .append("</td><td class=\"num\">").append(Svg.count(pairs)).append("</td><td>")
                    .append(b.oversized() ? "yes: not compared" : "no").append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void waterfall(StringBuilder html, ReportModel model) {
        open(html, "waterfall", "One link explained");
        Waterfall w = model.waterfall();
        if (w == null) {
            html.append("<p class=\"empty\">No probabilistic rule scored any pair, so there is no link to explain."
                    + " <code>--pair ID1,ID2</code> explains a pair of your choice.</p>\n</section>\n");
            return;
        }
        io.unum.Explanation.Probabilistic p = w.explanation();
        html.append("<p class=\"pair\">Records <strong class=\"record\">").append(esc(w.first().toString()))
                .append("</strong> and <strong class=\"record\">").append(esc(w.second().toString()))
                .append("</strong>, ").append(esc(w.chosen())).append(".</p>\n");
        html.append("<p>Rule <strong>").append(esc(w.rule())).append("</strong>: ")
                .append(p.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(", match weight ")
                .append(Svg.fixed(p.weight(), 2)).append(" bits, probability ").append(Svg.fixed(p.probability(), 4))
                .append(" (links at ").append(Svg.fixed(p.matchThreshold(), 2)).append(" bits). The records are ")
                .append(w.sameProfile() ? "in the same profile" : "in different profiles");
        if (w.trueMatch() != null) {
            html.append("; by the ground truth they are ").append(w.trueMatch() ? "the same entity" : "different entities");
        }
        html.append(".</p>\n");
        boolean adjusted = p.steps().stream().anyMatch(s -> s.termFrequencyAdjustment() != 0);
        html.append("<p class=\"note\">Each bar runs from the running total before a step to the total after it: the"
                + " prior first, then one bar per comparison, labelled by comparison and the level reached. ")
                .append(adjusted ? "Hatched parts are term-frequency adjustments (a match on a rare value counts more"
                        + " than one on a common value)." : "No step has a term-frequency adjustment.")
                .append(" A grey tick marks a comparison with a missing value, which counts for nothing.</p>\n");
        html.append(ReportCharts.waterfall(w));
        if (!w.others().isEmpty()) {
            html.append("<p>Other rules:</p>\n<ul class=\"other-rules\">\n");
            for (String other : w.others()) {
                html.append("<li>").append(esc(other)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<h3>The two records</h3>\n");
        html.append(model.showPii() ? "<p class=\"note\">Values as read (<code>--show-pii</code>).</p>\n"
                : "<p class=\"note\">Values are masked: the first character, the domain of an e-mail address, the last two"
                        + " digits of a phone number.</p>\n");
        html.append("<table class=\"values\">\n<tr><th>field</th><th>").append(esc(w.first().toString()))
                .append("</th><th>").append(esc(w.second().toString())).append("</th></tr>\n");
        for (PairValues v : w.values()) {
            html.append("<tr><td>").append(esc(v.field())).append("</td><td>").append(esc(v.first())).append("</td><td>")
                    .append(esc(v.second())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void open(StringBuilder html, String id, String title) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(esc(name)).append("</th><td class=\"num\">").append(esc(value)).append("</td></tr>\n");
    }

    private static String esc(String text) {
        return Svg.escape(text);
    }
}
