package io.unum.cli;

import io.unum.BlockingKeyPairs;
import io.unum.cli.ReportModel.LevelWeight;
import io.unum.cli.ReportModel.ProfileCard;
import io.unum.cli.ReportModel.ProfileLink;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's charts of the model and the profiles, as inline SVG in the manner of
 * {@link ReportCharts}: the match weight, m and u of every comparison level of one rule
 * (Splink's "match weights" and "m and u parameters" charts in one), candidate pairs per
 * blocking key (Splink's "comparisons per blocking rule"), and a profile's members and links.
 * Data elements carry their numbers in {@code data-*} attributes and a {@code <title>} tooltip.
 */
final class ModelCharts {

    private static final double WIDTH = ReportCharts.WIDTH;
    private static final double ROW = 24;

    private ModelCharts() {
    }

    // ------------------------------------------------------------------------------------------
    // match weights, m and u

    /**
     * One rule's prior and levels: a bar of each level's match weight from zero (up green, down
     * red), and beside it the level's m and u as bars from 0 to 1. Comparisons are headed rows.
     *
     * @param levels the rule's levels, its prior first
     */
    static String matchWeights(String rule, List<LevelWeight> levels) {
        double labelRight = 250;
        double left = labelRight + 12;
        double right = 640;
        double mLeft = 680;
        double mRight = 815;
        double uLeft = 855;
        double uRight = WIDTH - 10;
        double top = 46;
        int rows = 0;
        String comparison = null;
        double lo = 0;
        double hi = 0;
        for (LevelWeight l : levels) {
            if (!l.comparison().equals(comparison)) {
                comparison = l.comparison();
                rows += l.prior() ? 0 : 1;
            }
            rows++;
            if (Double.isFinite(l.weight())) {
                lo = Math.min(lo, l.weight());
                hi = Math.max(hi, l.weight());
            }
        }
        double pad = (hi - lo) * 0.04 + 0.5;
        Svg.Scale x = new Svg.Scale(lo - pad, hi + pad, left, right);
        Svg.Scale m = new Svg.Scale(0, 1, mLeft, mRight);
        Svg.Scale u = new Svg.Scale(0, 1, uLeft, uRight);
        double bottom = top + rows * ROW;
        Svg svg = new Svg("chart match-weights", WIDTH, bottom + 50, "Match weight, m and u of every comparison level"
                + " of rule " + rule);
        svg.open("grid");
        for (double tick : x.ticks(8)) {
            svg.line(x.at(tick), top - 4, x.at(tick), bottom, tick == 0 ? "zero" : "gridline");
            svg.text(x.at(tick), bottom + 16, "middle", "tick", Svg.fixed(tick, Math.abs(tick - Math.rint(tick)) < 1e-9
                    ? 0 : 1));
        }
        for (Svg.Scale s : List.of(m, u)) {
            for (double tick : new double[] {0, 0.5, 1}) {
                svg.line(s.at(tick), top - 4, s.at(tick), bottom, tick == 0 ? "zero" : "gridline");
                svg.text(s.at(tick), bottom + 16, "middle", "tick", Svg.fixed(tick, 1));
            }
        }
        svg.close();
        svg.text((left + right) / 2, top - 14, "middle", "column-title", "match weight log\u2082(m/u), bits");
        svg.text((mLeft + mRight) / 2, top - 14, "middle", "column-title", "m (among matches)");
        svg.text((uLeft + uRight) / 2, top - 14, "middle", "column-title", "u (among non-matches)");
        svg.open("levels", "data-rule", rule);
        int row = 0;
        comparison = null;
        for (LevelWeight l : levels) {
            if (!l.comparison().equals(comparison) && !l.prior()) {
                svg.text(12, top + row * ROW + 17, "start", "comparison-title", l.comparison());
                row++;
            }
            comparison = l.comparison();
            double y = top + row * ROW;
            String tooltip = l.prior() ? "prior: " + Svg.signed(l.weight(), 2) + " bits"
                    : l.comparison() + ": " + l.level() + ": weight " + Svg.signed(l.weight(), 2) + " bits, m "
                            + Svg.fixed(l.m(), 4) + ", u " + Svg.fixed(l.u(), 4);
            svg.open(l.prior() ? "level prior" : "level", "data-comparison", l.comparison(), "data-level", l.level(),
                    "data-m", l.prior() ? null : Double.toString(l.m()), "data-u", l.prior() ? null : Double.toString(l.u()),
                    "data-weight", Svg.fixed(l.weight(), 2));
            svg.text(labelRight, y + 17, "end", "level-label", ReportCharts.shorten(l.prior() ? "prior" : l.level()));
            double w = Double.isFinite(l.weight()) ? l.weight() : (l.weight() > 0 ? hi : lo);
            svg.rect(x.at(0), y + 4, x.at(w) - x.at(0), ROW - 8,
                    "bar " + (l.prior() ? "prior" : l.weight() >= 0 ? "up" : "down"), tooltip);
            // the value on the bar's far side for a positive weight, beside zero for a negative one
            svg.text(w >= 0 ? x.at(w) + 4 : x.at(0) + 4, y + 17, "start", "bar-label", Svg.signed(l.weight(), 2));
            if (!l.prior()) {
                svg.rect(m.at(0), y + 5, m.at(l.m()) - m.at(0), ROW - 10, "bar m", "m = " + Svg.fixed(l.m(), 4));
                svg.rect(u.at(0), y + 5, u.at(l.u()) - u.at(0), ROW - 10, "bar u", "u = " + Svg.fixed(l.u(), 4));
            }
            svg.close();
            row++;
        }
        svg.close();
        return svg.finish();
    }

    // ------------------------------------------------------------------------------------------
    // candidate pairs per blocking key

    /**
     * One row per blocking key: the pairs its blocks make (light) and the candidate pairs no
     * earlier key finds (dark), on one linear scale, with the running total of new pairs.
     */
    static String blocking(List<BlockingKeyPairs> keys) {
        double labelRight = 300;
        double left = labelRight + 12;
        double right = 760;
        double top = 40;
        long max = 1;
        for (BlockingKeyPairs k : keys) {
            max = Math.max(max, k.pairs());
        }
        Svg.Scale x = new Svg.Scale(0, max * 1.02, left, right);
        double bottom = top + keys.size() * ROW;
        Svg svg = new Svg("chart blocking", WIDTH, bottom + 56, "Candidate pairs per blocking key");
        svg.open("grid");
        for (double tick : x.ticks(5)) {
            if (tick == Math.rint(tick)) {
                svg.line(x.at(tick), top - 4, x.at(tick), bottom, tick == 0 ? "zero" : "gridline");
                svg.text(x.at(tick), bottom + 16, "middle", "tick", Svg.count((long) tick));
            }
        }
        svg.close();
        svg.text((left + right) / 2, bottom + 40, "middle", "axis-title", "pairs");
        svg.text(right + 20, top - 12, "start", "column-title", "new pairs");
        svg.text(right + 110, top - 12, "start", "column-title", "running total");
        svg.open("keys");
        boolean severalRules = keys.stream().map(BlockingKeyPairs::rule).distinct().count() > 1;
        long total = 0;
        for (int i = 0; i < keys.size(); i++) {
            BlockingKeyPairs k = keys.get(i);
            total += k.newPairs();
            double y = top + i * ROW;
            String label = severalRules ? k.rule() + ": " + k.key() : k.key();
            svg.open("key", "data-rule", k.rule(), "data-key", k.key(), "data-pairs", Long.toString(k.pairs()),
                    "data-new-pairs", Long.toString(k.newPairs()), "data-oversized", Long.toString(k.oversizedBlocks()));
            svg.text(labelRight, y + 17, "end", "level-label", ReportCharts.shorten(label));
            String tooltip = label + ": " + Svg.count(k.blocks()) + " blocks of " + Svg.count(k.records()) + " records, "
                    + Svg.count(k.pairs()) + " pairs, " + Svg.count(k.newPairs()) + " found by no earlier key"
                    + (k.oversizedBlocks() > 0 ? "; " + Svg.count(k.oversizedBlocks()) + " oversized blocks of "
                            + Svg.count(k.oversizedRecords()) + " records not compared" : "");
            svg.rect(x.at(0), y + 4, x.at(k.pairs()) - x.at(0), ROW - 8, "bar key-pairs", tooltip);
            svg.rect(x.at(0), y + 7, x.at(k.newPairs()) - x.at(0), ROW - 14, "bar new-pairs", tooltip);
            svg.text(right + 20, y + 17, "start", "step-value", Svg.count(k.newPairs()));
            svg.text(right + 110, y + 17, "start", "step-value", Svg.count(total));
            if (k.oversizedBlocks() > 0) {
                svg.text(x.at(k.pairs()) + 6, y + 17, "start", "tick-note", Svg.count(k.oversizedBlocks()) + " oversized");
            }
            svg.close();
        }
        svg.close();
        svg.open("legend");
        svg.rect(left, 8, 12, 12, "bar key-pairs", null);
        svg.text(left + 17, 18, "start", "legend-label", "pairs in the key's blocks");
        svg.rect(left + 220, 8, 12, 12, "bar new-pairs", null);
        svg.text(left + 237, 18, "start", "legend-label", "new: found by no earlier key");
        svg.close();
        return svg.finish();
    }

    // ------------------------------------------------------------------------------------------
    // a profile's members and links

    /**
     * The members of a profile on a circle, joined by the links that hold it together:
     * deterministic links solid and dark, probabilistic ones coloured by weight band and
     * labelled with their weight. Members of different true entities get different colours.
     */
    static String profileGraph(ProfileCard card) {
        int n = card.members().size();
        double height = n <= 2 ? 200 : Math.min(600, 240 + n * 16);
        double cx = WIDTH / 2;
        double cy = height / 2;
        double radius = height / 2 - 40;
        // around the circle in the order the links reach the members, so that linked members sit close
        Map<String, ReportModel.Member> byRecord = new LinkedHashMap<>();
        card.members().forEach(m -> byRecord.put(m.record(), m));
        Set<String> order = new LinkedHashSet<>();
        for (ProfileLink link : card.links()) {
            for (String record : List.of(link.first(), link.second())) {
                if (byRecord.containsKey(record)) {
                    order.add(record);
                }
            }
        }
        order.addAll(byRecord.keySet());
        Map<String, double[]> at = new HashMap<>();
        Map<String, Integer> entity = new HashMap<>();
        int i = 0;
        for (String record : order) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i++ / n;
            double r = n == 1 ? 0 : radius;
            at.put(record, new double[] {cx + r * Math.cos(angle) * 1.8, cy + r * Math.sin(angle)});
            String e = byRecord.get(record).entity();
            if (e != null) {
                entity.putIfAbsent(e, entity.size());
            }
        }
        Svg svg = new Svg("chart profile-graph", WIDTH, height, "Members and links of profile " + card.id());
        svg.open("links");
        for (ProfileLink link : card.links()) {
            double[] a = at.get(link.first());
            double[] b = at.get(link.second());
            if (a == null || b == null) {
                continue;
            }
            boolean deterministic = Double.isInfinite(link.weight());
            svg.line(a[0], a[1], b[0], b[1], "link " + (deterministic ? "deterministic" : "probabilistic"),
                    "data-first", link.first(), "data-second", link.second(), "data-rule", link.rule());
            svg.text((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 4, "middle", "link-label",
                    deterministic ? link.detail() : Svg.fixed(link.weight(), 1));
        }
        svg.close();
        svg.open("members");
        for (ReportModel.Member member : card.members()) {
            double[] p = at.get(member.record());
            String cssClass = member.entity() == null ? "member" : "member entity-" + (entity.get(member.entity()) % 6);
            svg.circle(p[0], p[1], 7, cssClass, member.record() + (member.entity() == null ? ""
                    : " (true entity " + member.entity() + ")"), "data-record", member.record());
            svg.text(p[0], p[1] + (p[1] < cy ? -12 : 20), "middle", "member-label", member.record());
        }
        svg.close();
        return svg.finish();
    }
}
