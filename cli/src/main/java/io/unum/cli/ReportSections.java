package io.unum.cli;

import io.unum.BlockingKeyPairs;
import io.unum.cli.ReportModel.Case;
import io.unum.cli.ReportModel.Cases;
import io.unum.cli.ReportModel.Group;
import io.unum.cli.ReportModel.LevelWeight;
import io.unum.cli.ReportModel.Member;
import io.unum.cli.ReportModel.PairValues;
import io.unum.cli.ReportModel.ProfileCard;
import io.unum.cli.ReportModel.ProfileLink;
import io.unum.cli.ReportModel.Waterfall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sections of {@code unum report} that a data engineer uses to compare Unum with Splink:
 * {@code parameters} (m, u and match weight per comparison level), {@code blocking} (candidate
 * pairs per blocking key), {@code false-merges}, {@code missed-links} and {@code review} (each
 * case with its waterfall) and {@code profiles} (a profile's members and links). The page's one
 * inline script ({@code report.js}) adds the filters and the hover tooltip; without it every
 * case and profile is shown and the SVG titles are the tooltips.
 */
final class ReportSections {

    /** Styles of these sections, appended to the page's style sheet. */
    static final String STYLE = """
            .comparison-title { font-size: 13px; font-weight: 600; }
            .level-label { font-size: 12px; }
            .level.prior .level-label { font-weight: 600; }
            .bar.m { fill: #3b6fb6; }
            .bar.u { fill: #d9822b; }
            .bar.key-pairs { fill: #b8c7d9; }
            .bar.new-pairs { fill: #24588f; }
            line.link { stroke-width: 2; }
            line.link.deterministic { stroke: #264653; }
            line.link.probabilistic { stroke: #2a9d8f; stroke-dasharray: 5 3; }
            .link-label, .member-label { font-size: 11px; fill: #3a4550; }
            circle.member { fill: #4f7cac; stroke: #fff; stroke-width: 1.5; }
            circle.entity-0 { fill: #4f7cac; } circle.entity-1 { fill: #e76f51; } circle.entity-2 { fill: #2a9d8f; }
            circle.entity-3 { fill: #9c7a00; } circle.entity-4 { fill: #8d5fa8; } circle.entity-5 { fill: #6c757d; }
            .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
            .filters input, .filters select { font: inherit; padding: 2px 6px; }
            details.case { border: 1px solid #e3e6ea; border-radius: 4px; padding: 4px 10px; margin: 6px 0; }
            details.case > summary { font-weight: 600; }
            ul.groups { margin: 4px 0; }
            .profile-card { border-top: 1px dashed #e3e6ea; margin-top: 10px; }
            .hover { opacity: 0.75; }
            .scroll { overflow-x: auto; }
            #tooltip { position: fixed; pointer-events: none; background: #1d2733; color: #fff; font-size: 13px;
                       padding: 4px 8px; border-radius: 3px; max-width: 420px; z-index: 10; }
            """;

    private ReportSections() {
    }

    // ------------------------------------------------------------------------------------------
    // parameters

    static void parameters(StringBuilder html, ReportModel model) {
        open(html, "parameters", "m, u and match weights");
        Map<String, List<LevelWeight>> byRule = new LinkedHashMap<>();
        for (LevelWeight l : model.levels()) {
            byRule.computeIfAbsent(l.rule(), r -> new ArrayList<>()).add(l);
        }
        if (byRule.isEmpty()) {
            html.append("<p class=\"empty\">No probabilistic rule: nothing is weighed.</p>\n</section>\n");
            return;
        }
        html.append("<p>For every comparison of a probabilistic rule, each level's match weight log\u2082(m/u) in bits,"
                + " and its m (how often true matches reach the level) and u (how often non-matches do), as Splink's"
                + " match weights and m/u charts show them. A pair's weight is the prior plus the weight of the level"
                + " each comparison reaches; a missing value counts for nothing. The parameters are ")
                .append(esc(model.overview().parameters())).append(".</p>\n");
        html.append("<div class=\"filters\"><label>Rule <select class=\"filter\" id=\"rule-filter\">");
        for (String rule : byRule.keySet()) {
            html.append("<option value=\"").append(esc(rule)).append("\">").append(esc(rule)).append("</option>");
        }
        html.append("</select></label></div>\n");
        for (Map.Entry<String, List<LevelWeight>> e : byRule.entrySet()) {
            html.append("<div class=\"rule-chart\" data-rule=\"").append(esc(e.getKey())).append("\">\n")
                    .append("<h3>Rule ").append(esc(e.getKey())).append("</h3>\n")
                    .append(ModelCharts.matchWeights(e.getKey(), e.getValue()))
                    .append("<details><summary>The numbers</summary>\n<table class=\"levels-table\">\n<tr><th>comparison"
                            + "</th><th>level</th><th class=\"num\">m</th><th class=\"num\">u</th>"
                            + "<th class=\"num\">weight (bits)</th></tr>\n");
            for (LevelWeight l : e.getValue()) {
                html.append("<tr><td>").append(esc(l.comparison())).append("</td><td>").append(esc(l.level()))
                        .append("</td><td class=\"num\">").append(l.prior() ? "" : Svg.fixed(l.m(), 4))
                        .append("</td><td class=\"num\">").append(l.prior() ? "" : Svg.fixed(l.u(), 4))
                        .append("</td><td class=\"num\">").append(Svg.fixed(l.weight(), 2)).append("</td></tr>\n");
            }
            html.append("</table>\n</details>\n</div>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------
    // blocking

    static void blocking(StringBuilder html, ReportModel model) {
        open(html, "blocking", "Candidate pairs per blocking key");
        List<BlockingKeyPairs> keys = model.blocking();
        if (keys.isEmpty()) {
            html.append("<p class=\"empty\">No probabilistic rule: no blocking keys.</p>\n</section>\n");
            return;
        }
        long total = keys.stream().mapToLong(BlockingKeyPairs::newPairs).sum();
        html.append("<p>How many pairs each blocking key makes: every pair of records sharing the key's value in a"
                + " block within the cap (light), and the pairs that no key before it finds (dark), in rule and key"
                + " order, so the running total ends at the ").append(Svg.count(total)).append(" distinct candidate"
                + " pairs that are scored. A key whose pairs are mostly found already adds little; an oversized block"
                + " makes no pairs. Deterministic rules link records that share an identifier and make no candidate"
                + " pairs.</p>\n");
        html.append(ModelCharts.blocking(keys));
        html.append("<table class=\"blocking-table\">\n<tr><th>rule</th><th>key</th><th class=\"num\">blocks</th>"
                + "<th class=\"num\">records</th><th class=\"num\">pairs</th><th class=\"num\">new pairs</th>"
                + "<th class=\"num\">oversized blocks</th><th class=\"num\">their records</th></tr>\n");
        for (BlockingKeyPairs k : keys) {
            html.append("<tr><td>").append(esc(k.rule())).append("</td><td>").append(esc(k.key())).append("</td>");
            for (long v : new long[] {k.blocks(), k.records(), k.pairs(), k.newPairs(), k.oversizedBlocks(),
                k.oversizedRecords()}) {
                html.append("<td class=\"num\">").append(Svg.count(v)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------
    // cases

    static void cases(StringBuilder html, ReportModel model) {
        Cases cases = model.cases();
        open(html, "false-merges", "False merges");
        if (!cases.truth()) {
            html.append("<p class=\"empty\">No ground truth was given: false merges and missed links need one.</p>\n");
        } else {
            html.append("<p>The worst ").append(cases.falseMerges().size()).append(" of ")
                    .append(Svg.count(cases.falseMergeCount())).append(" profiles that hold records of several true"
                            + " entities, as <code>evaluate</code> lists them (most wrong pairs first), records grouped by"
                            + " true entity. The waterfall explains the weakest link that joins two entities.</p>\n");
            caseList(html, "false-merges", cases.falseMerges(), model.showPii());
        }
        html.append("</section>\n");
        open(html, "missed-links", "Missed links");
        if (!cases.truth()) {
            html.append("<p class=\"empty\">No ground truth was given.</p>\n");
        } else {
            html.append("<p>The worst ").append(cases.missedLinks().size()).append(" of ")
                    .append(Svg.count(cases.missedLinkCount())).append(" true entities split over several profiles"
                            + " (most missed pairs first), records grouped by profile. The waterfall explains the pair of"
                            + " the two largest parts with the highest weight: the nearest miss.</p>\n");
            caseList(html, "missed-links", cases.missedLinks(), model.showPii());
        }
        html.append("</section>\n");
        open(html, "review", "Review queue");
        html.append("<p>").append(Svg.count(cases.reviewCount())).append(" possible matches: pairs whose weight reached"
                + " a rule's review threshold but not its link threshold, and that ended in different profiles.")
                .append(cases.reviewCount() > cases.review().size() ? " The " + cases.review().size()
                        + " with the highest weight are shown." : "").append("</p>\n");
        if (cases.review().isEmpty()) {
            html.append("<p class=\"empty\">The review queue is empty.</p>\n");
        } else {
            caseList(html, "review", cases.review(), model.showPii());
        }
        html.append("</section>\n");
    }

    private static void caseList(StringBuilder html, String id, List<Case> cases, boolean showPii) {
        if (cases.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        html.append("<div class=\"filters\"><label>Find a record or rule <input type=\"search\" class=\"filter case-filter\""
                + " data-target=\"").append(id).append("\" placeholder=\"record id\"/></label> <span class=\"shown-count\""
                + " data-target=\"").append(id).append("\">").append(cases.size()).append(" shown</span></div>\n");
        html.append("<div class=\"cases\" id=\"").append(id).append("-cases\">\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            StringBuilder search = new StringBuilder(c.title());
            for (Group g : c.groups()) {
                search.append(' ').append(g.label()).append(' ').append(String.join(" ", g.records()));
            }
            html.append("<details class=\"case\"").append(i == 0 ? " open=\"open\"" : "").append(" data-search=\"")
                    .append(esc(search.toString().toLowerCase(Locale.ROOT))).append("\">\n<summary>")
                    .append(esc(c.title())).append("</summary>\n<ul class=\"groups\">\n");
            for (Group g : c.groups()) {
                html.append("<li><strong>").append(esc(g.label())).append("</strong>: ")
                        .append(esc(String.join(", ", g.records()))).append(g.more() > 0 ? " and " + g.more() + " more"
                                : "").append("</li>\n");
            }
            html.append("</ul>\n");
            Waterfall w = c.waterfall();
            if (w == null) {
                html.append("<p class=\"note\">No waterfall: ").append(esc(c.note())).append(".</p>\n");
            } else {
                waterfall(html, w, showPii);
            }
            html.append("</details>\n");
        }
        html.append("</div>\n");
    }

    /** A case's waterfall: the pair, the rule's verdict, the chart, the other rules and the values. */
    static void waterfall(StringBuilder html, Waterfall w, boolean showPii) {
        io.unum.Explanation.Probabilistic p = w.explanation();
        html.append("<p class=\"case-pair\">").append(esc(w.first().toString())).append(" and ")
                .append(esc(w.second().toString())).append(", ").append(esc(w.chosen())).append(". The waterfall of rule ")
                .append(esc(w.rule())).append(": ").append(p.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(", ").append(Svg.fixed(p.weight(), 2)).append(" bits; ")
                .append(w.sameProfile() ? "in the same profile" : "in different profiles");
        if (w.trueMatch() != null) {
            html.append(", ").append(w.trueMatch() ? "the same entity" : "different entities").append(" by the truth");
        }
        if (p.outcome() == io.unum.Explanation.Outcome.LINK && !w.sameProfile()) {
            html.append(" (the rule links them, but clustering kept their profiles apart)");
        }
        html.append(".</p>\n").append(ReportCharts.waterfall(w));
        if (!w.others().isEmpty()) {
            html.append("<ul class=\"other-rules\">\n");
            for (String other : w.others()) {
                html.append("<li>").append(esc(other)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<table class=\"values\">\n<tr><th>field</th><th>").append(esc(w.first().toString()))
                .append("</th><th>").append(esc(w.second().toString())).append("</th></tr>\n");
        for (PairValues v : w.values()) {
            html.append("<tr><td>").append(esc(v.field())).append("</td><td>").append(esc(v.first())).append("</td><td>")
                    .append(esc(v.second())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    // ------------------------------------------------------------------------------------------
    // profiles

    static void profiles(StringBuilder html, ReportModel model) {
        open(html, "profiles", "Profiles");
        List<ProfileCard> cards = model.profileCards();
        if (cards.isEmpty()) {
            html.append("<p class=\"empty\">No profile of more than one record.</p>\n</section>\n");
            return;
        }
        html.append("<p>").append(cards.size()).append(" profiles: the largest, those of the false merges and the"
                + " explained link's. Each shows its members (values ")
                .append(model.showPii() ? "as read" : "masked").append(") and the links that hold it together, a"
                        + " spanning tree in the order clustering applied them: deterministic links solid, probabilistic"
                        + " ones dashed with their weight; with a truth, members are coloured by true entity.</p>\n");
        html.append("<div class=\"filters\"><label>Profile <select class=\"filter\" id=\"profile-select\">");
        for (ProfileCard card : cards) {
            html.append("<option value=\"").append(esc(card.id())).append("\">").append(esc(card.id())).append(" (")
                    .append(card.size()).append(" records, ").append(esc(card.reason())).append(")</option>");
        }
        html.append("</select></label> <label>or the profile of record <input type=\"search\" class=\"filter\""
                + " id=\"profile-find\" placeholder=\"record id\"/></label></div>\n");
        for (ProfileCard card : cards) {
            List<String> ids = card.members().stream().map(Member::record).toList();
            html.append("<div class=\"profile-card\" data-profile=\"").append(esc(card.id())).append("\" data-records=\"")
                    .append(esc(String.join(" ", ids).toLowerCase(Locale.ROOT))).append("\">\n<h3>Profile ")
                    .append(esc(card.id())).append("</h3>\n<p>").append(card.size()).append(" records, ")
                    .append(card.links().size()).append(card.links().size() == 1 ? " link" : " links")
                    .append(card.entities() > 0 ? ", " + card.entities() + (card.entities() == 1 ? " true entity"
                            : " true entities") : "").append("; ").append(esc(card.reason())).append('.')
                    .append(card.members().size() < card.size() ? " The first " + card.members().size()
                            + " members are shown." : "").append("</p>\n");
            html.append(ModelCharts.profileGraph(card));
            html.append("<div class=\"scroll\"><table class=\"members\">\n<tr><th>record</th>")
                    .append(card.entities() > 0 ? "<th>true entity</th>" : "");
            for (String field : card.fields()) {
                html.append("<th>").append(esc(field)).append("</th>");
            }
            html.append("</tr>\n");
            for (Member m : card.members()) {
                html.append("<tr><td>").append(esc(m.record())).append("</td>");
                if (card.entities() > 0) {
                    html.append("<td>").append(esc(m.entity() == null ? "" : m.entity())).append("</td>");
                }
                for (String v : m.values()) {
                    html.append("<td>").append(esc(v)).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table></div>\n<table class=\"profile-links\">\n<tr><th>record</th><th>record</th><th>rule</th>"
                    + "<th>why</th></tr>\n");
            for (ProfileLink link : card.links()) {
                html.append("<tr><td>").append(esc(link.first())).append("</td><td>").append(esc(link.second()))
                        .append("</td><td>").append(esc(link.rule())).append("</td><td>").append(esc(link.detail()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n</div>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------
    // the script

    /**
     * The page's inline script ({@code report.js} beside this class), wrapped so that the page
     * still parses as XML. It loads nothing.
     */
    static String script() {
        try (InputStream in = ReportSections.class.getResourceAsStream("report.js")) {
            if (in == null) {
                throw new IllegalStateException("report.js is missing from the class path");
            }
            String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (code.contains("]]>") || code.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("report.js must not contain ]]> or </script");
            }
            return "<script>//<![CDATA[\n" + code + "//]]>\n</script>\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void open(StringBuilder html, String id, String title) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    private static String esc(String text) {
        return Svg.escape(text);
    }
}
