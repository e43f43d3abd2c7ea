package io.unum.cli;

import io.unum.Explanation;
import io.unum.cli.ReportModel.SizeBucket;
import io.unum.cli.ReportModel.Waterfall;
import io.unum.evaluation.ThresholdCurve;
import io.unum.evaluation.ThresholdCurve.Point;
import io.unum.evaluation.WeightHistogram;
import io.unum.evaluation.WeightHistogram.Bin;
import io.unum.evaluation.WeightHistogram.Threshold;
import io.unum.evaluation.WeightHistogram.Threshold.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of {@code unum report} as inline SVG, drawn by hand: no script, no external file.
 * Every chart is 1000 user units wide and scales to the page; colours and fonts come from the
 * page's style sheet through CSS classes, so the charts hold only geometry and text. Each data
 * element carries its numbers in {@code data-*} attributes and a {@code <title>} tooltip.
 */
final class ReportCharts {

    static final double WIDTH = 1000;

    /** Waterfall labels longer than this are cut short (the tooltip has them in full). */
    static final int MAX_LABEL_CHARACTERS = 44;

    private ReportCharts() {
    }

    /** The weight interval the histogram and the precision-recall chart share: bins and thresholds. */
    static double[] weightDomain(WeightHistogram histogram) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (!histogram.bins().isEmpty()) {
            lo = histogram.bins().get(0).from();
            hi = histogram.bins().get(histogram.bins().size() - 1).to();
        }
        for (Threshold t : histogram.thresholds()) {
            lo = Math.min(lo, t.weight() - histogram.binWidth());
            hi = Math.max(hi, t.weight() + histogram.binWidth());
        }
        if (!(lo < hi)) {
            lo = -1;
            hi = 1;
        }
        return new double[] {lo, hi};
    }

    // ------------------------------------------------------------------------------------------
    // the two charts over match weight share one plot area
    private static final double PLOT_HEIGHT = 410;
    private static final double PLOT_LEFT = 70;
    private static final double PLOT_RIGHT = WIDTH - 20;
    private static final double PLOT_TOP = 72;
    private static final double PLOT_BOTTOM = PLOT_HEIGHT - 50;

    /** The x scale of the charts over match weight. */
    private static Svg.Scale weightScale(WeightHistogram histogram) {
        double[] domain = weightDomain(histogram);
        return new Svg.Scale(domain[0], domain[1], PLOT_LEFT, PLOT_RIGHT);
    }

    // match-weight histogram

    /** Bars of candidate pairs per weight bin on a logarithmic count axis, thresholds as vertical lines. */
    static String histogram(WeightHistogram histogram) {
        Svg.Scale x = weightScale(histogram);
        long maxCount = 1;
        for (Bin bin : histogram.bins()) {
            maxCount = Math.max(maxCount, Math.max(bin.matches(), bin.nonMatches()));
            if (!histogram.hasTruth()) {
                maxCount = Math.max(maxCount, bin.pairs());
            }
        }
        int decades = (int) Math.ceil(Math.log10(maxCount) + 1e-9);
        // counts from 1 up: a bar of one pair is visible above the axis, which sits at 0.5
        Svg.Scale y = new Svg.Scale(Math.log10(0.5), Math.max(1, decades), PLOT_BOTTOM, PLOT_TOP);
        Svg svg = new Svg("chart histogram", WIDTH, PLOT_HEIGHT,
                "Histogram of the match weights of " + Svg.count(histogram.pairs()) + " candidate pairs");

        svg.open("grid");
        for (int d = 0; d <= Math.max(1, decades); d++) {
            double yy = y.at(d);
            svg.line(PLOT_LEFT, yy, PLOT_RIGHT, yy, "gridline");
            svg.text(PLOT_LEFT - 8, yy + 4, "end", "tick", Svg.count(Math.round(Math.pow(10, d))));
        }
        svg.close();
        xAxis(svg, x, PLOT_BOTTOM, "match weight (bits)");
        svg.text(18, (PLOT_TOP + PLOT_BOTTOM) / 2, "middle", "axis-title", "candidate pairs (log scale)",
                "transform", "rotate(-90 18 " + Svg.num((PLOT_TOP + PLOT_BOTTOM) / 2) + ")");

        svg.open("bins", "data-width", Svg.fixed(histogram.binWidth(), 2), "data-count",
                Integer.toString(histogram.bins().size()));
        for (Bin bin : histogram.bins()) {
            if (bin.pairs() == 0) {
                continue;
            }
            double x0 = x.at(bin.from()) + 0.5;
            double x1 = x.at(bin.to()) - 0.5;
            String range = Svg.fixed(bin.from(), 2) + " to " + Svg.fixed(bin.to(), 2) + " bits: ";
            svg.open("bin", "data-from", Svg.fixed(bin.from(), 2), "data-to", Svg.fixed(bin.to(), 2), "data-matches",
                    Long.toString(bin.matches()), "data-others", Long.toString(bin.nonMatches()));
            if (histogram.hasTruth()) {
                double mid = (x0 + x1) / 2;
                bar(svg, x0, mid, bin.nonMatches(), y, PLOT_BOTTOM, "nonmatch", range + Svg.count(bin.nonMatches())
                        + " non-matches");
                bar(svg, mid, x1, bin.matches(), y, PLOT_BOTTOM, "match", range + Svg.count(bin.matches()) + " true matches");
            } else {
                bar(svg, x0, x1, bin.pairs(), y, PLOT_BOTTOM, "pair", range + Svg.count(bin.pairs()) + " candidate pairs");
            }
            svg.close();
        }
        svg.close();
        thresholds(svg, histogram.thresholds(), x, PLOT_TOP, PLOT_BOTTOM);
        if (histogram.hasTruth()) {
            legend(svg, PLOT_LEFT + 10, 16, new String[] {"nonmatch", "match"}, new String[] {"not a true match", "true match"});
        } else {
            legend(svg, PLOT_LEFT + 10, 16, new String[] {"pair"}, new String[] {"candidate pairs (no ground truth given)"});
        }
        return svg.finish();
    }

    private static void bar(Svg svg, double x0, double x1, long count, Svg.Scale y, double bottom, String cssClass,
            String tooltip) {
        if (count > 0) {
            double top = y.at(Math.log10(count));
            svg.rect(x0, top, Math.max(0.5, x1 - x0), bottom - top, cssClass, tooltip, "data-count", Long.toString(count));
        }
    }

    /** Vertical lines at the thresholds, labelled above the plot; labels of one rule stack. */
    private static void thresholds(Svg svg, List<Threshold> thresholds, Svg.Scale x, double top, double bottom) {
        svg.open("thresholds");
        boolean severalRules = thresholds.stream().map(Threshold::rule).distinct().count() > 1;
        int row = 0;
        for (Threshold t : thresholds) {
            double xx = x.at(t.weight());
            boolean link = t.kind() == Kind.MATCH;
            boolean sameAsLink = !link && thresholds.stream().anyMatch(o -> o.kind() == Kind.MATCH
                    && o.rule().equals(t.rule()) && Svg.fixed(o.weight(), 2).equals(Svg.fixed(t.weight(), 2)));
            svg.line(xx, top - 4, xx, bottom, "threshold " + (link ? "link" : "review"), "data-rule", t.rule(),
                    "data-bits", Svg.fixed(t.weight(), 2));
            if (sameAsLink) {
                continue;
            }
            String label = (link ? "link \u2265 " : "review \u2265 ") + Svg.fixed(t.weight(), 2)
                    + (severalRules ? " (" + t.rule() + ")" : "");
            double ly = top - 8 - 13 * (row % 3);
            row++;
            String anchor = xx > WIDTH - 160 ? "end" : "start";
            svg.text(anchor.equals("end") ? xx - 4 : xx + 4, ly, anchor, "threshold-label", label);
        }
        svg.close();
    }

    private static void xAxis(Svg svg, Svg.Scale x, double y, String title) {
        svg.open("axis x");
        svg.line(x.r0(), y, x.r1(), y, "axis-line");
        for (double tick : x.ticks(12)) {
            double xx = x.at(tick);
            svg.line(xx, y, xx, y + 5, "axis-line");
            svg.text(xx, y + 18, "middle", "tick", Svg.fixed(tick, Math.abs(tick - Math.rint(tick)) < 1e-9 ? 0 : 1));
        }
        svg.text((x.r0() + x.r1()) / 2, y + 40, "middle", "axis-title", title);
        svg.close();
    }

    private static void legend(Svg svg, double x, double y, String[] classes, String[] labels) {
        svg.open("legend");
        double xx = x;
        for (int i = 0; i < classes.length; i++) {
            svg.rect(xx, y - 10, 12, 12, classes[i], null);
            svg.text(xx + 17, y, "start", "legend-label", labels[i]);
            xx += 30 + 7.2 * labels[i].length();
        }
        svg.close();
    }

    private static void lineLegend(Svg svg, double x, double y, String[] classes, String[] labels) {
        svg.open("legend");
        double xx = x;
        for (int i = 0; i < classes.length; i++) {
            svg.line(xx, y - 4, xx + 22, y - 4, classes[i]);
            svg.text(xx + 28, y, "start", "legend-label", labels[i]);
            xx += 45 + 7.2 * labels[i].length();
        }
        svg.close();
    }

    // ------------------------------------------------------------------------------------------
    // precision and recall against threshold

    /**
     * Precision, recall and F1 of linking every candidate pair at or above the threshold, the
     * points at the match thresholds marked.
     */
    static String precisionRecall(ThresholdCurve curve, List<Point> atMatchThresholds, WeightHistogram histogram) {
        Svg.Scale x = weightScale(histogram);
        Svg.Scale y = new Svg.Scale(0, 1, PLOT_BOTTOM, PLOT_TOP);
        Svg svg = new Svg("chart precision-recall", WIDTH, PLOT_HEIGHT, "Precision and recall against the match threshold");
        svg.open("grid");
        for (double tick : y.ticks(5)) {
            svg.line(PLOT_LEFT, y.at(tick), PLOT_RIGHT, y.at(tick), "gridline");
            svg.text(PLOT_LEFT - 8, y.at(tick) + 4, "end", "tick", Svg.fixed(tick, 1));
        }
        svg.close();
        xAxis(svg, x, PLOT_BOTTOM, "threshold: link pairs with a match weight at or above (bits)");

        String ceilingLabel = null;
        if (curve.truePairs() > 0) {
            double ceiling = curve.recallCeiling();
            svg.line(PLOT_LEFT, y.at(ceiling), PLOT_RIGHT, y.at(ceiling), "ceiling", "data-recall", Svg.fixed(ceiling, 4));
            ceilingLabel = "recall ceiling of blocking: " + Svg.fixed(ceiling, 3) + " (" + Svg.count(curve.matches())
                    + " of " + Svg.count(curve.truePairs()) + " true pairs are candidates)";
        }
        List<double[]> precision = new ArrayList<>();
        List<double[]> recall = new ArrayList<>();
        List<double[]> f1 = new ArrayList<>();
        for (Point p : curve.points()) {
            double xx = x.at(p.threshold());
            if (!Double.isNaN(p.precision())) {
                precision.add(new double[] {xx, y.at(p.precision())});
            }
            if (!Double.isNaN(p.recall())) {
                recall.add(new double[] {xx, y.at(p.recall())});
            }
            double shownF1 = ReportModel.shownF1(p);
            if (!Double.isNaN(shownF1)) {
                f1.add(new double[] {xx, y.at(shownF1)});
            }
        }
        svg.polyline(f1, "curve f1", "F1");
        svg.polyline(precision, "curve precision", "precision");
        svg.polyline(recall, "curve recall", "recall");
        svg.open("points");
        for (Point p : curve.points()) {
            String tooltip = "at or above " + Svg.fixed(p.threshold(), 2) + " bits: " + Svg.count(p.pairs()) + " pairs, "
                    + Svg.count(p.matches()) + " true; precision " + fraction(p.precision()) + ", recall "
                    + fraction(p.recall());
            double xx = x.at(p.threshold());
            if (!Double.isNaN(p.precision())) {
                svg.circle(xx, y.at(p.precision()), 2.5, "dot precision", tooltip);
            }
            if (!Double.isNaN(p.recall())) {
                svg.circle(xx, y.at(p.recall()), 2.5, "dot recall", tooltip);
            }
        }
        svg.close();
        svg.open("thresholds");
        int row = 0;
        for (Point p : atMatchThresholds) {
            double xx = x.at(p.threshold());
            svg.line(xx, PLOT_TOP - 4, xx, PLOT_BOTTOM, "threshold link", "data-bits", Svg.fixed(p.threshold(), 2));
            String anchor = xx > WIDTH - 300 ? "end" : "start";
            svg.text(anchor.equals("end") ? xx - 4 : xx + 4, PLOT_TOP - 8 - 13 * (row++ % 3), anchor, "threshold-label",
                    "link \u2265 " + Svg.fixed(p.threshold(), 2) + ": precision " + fraction(p.precision()) + ", recall "
                            + fraction(p.recall()));
        }
        svg.close();
        if (ceilingLabel == null) {
            lineLegend(svg, PLOT_LEFT + 10, 16, new String[] {"curve precision", "curve recall", "curve f1"},
                    new String[] {"precision", "recall", "F1"});
        } else {
            lineLegend(svg, PLOT_LEFT + 10, 16, new String[] {"curve precision", "curve recall", "curve f1", "ceiling"},
                    new String[] {"precision", "recall", "F1", ceilingLabel});
        }
        return svg.finish();
    }

    /** {@code comparison: level}, or {@code prior}. */
    static String stepLabel(Explanation.Step step) {
        return "prior".equals(step.comparison()) && "prior".equals(step.level()) ? "prior"
                : step.comparison() + ": " + step.level();
    }

    static String shorten(String label) {
        return label.length() <= MAX_LABEL_CHARACTERS ? label
                : label.substring(0, MAX_LABEL_CHARACTERS - 1).stripTrailing() + "\u2026";
    }

    static String fraction(double value) {
        return Double.isNaN(value) ? "n/a" : Svg.fixed(value, 3);
    }

    // ------------------------------------------------------------------------------------------
    // profile sizes

    /** Profiles per size bucket, the count written above each bar. */
    static String profileSizes(List<SizeBucket> buckets) {
        double height = 340;
        double left = 70;
        double right = WIDTH - 20;
        double top = 40;
        double bottom = height - 60;
        long max = 1;
        for (SizeBucket b : buckets) {
            max = Math.max(max, b.profiles());
        }
        Svg.Scale y = new Svg.Scale(0, max * 1.08, bottom, top);
        Svg svg = new Svg("chart profile-sizes", WIDTH, height, "Number of profiles by size");
        svg.open("grid");
        for (double tick : y.ticks(5)) {
            if (tick == Math.rint(tick)) {
                svg.line(left, y.at(tick), right, y.at(tick), "gridline");
                svg.text(left - 8, y.at(tick) + 4, "end", "tick", Svg.count((long) tick));
            }
        }
        svg.close();
        double band = (right - left) / Math.max(1, buckets.size());
        svg.open("axis x");
        svg.line(left, bottom, right, bottom, "axis-line");
        svg.text((left + right) / 2, bottom + 48, "middle", "axis-title", "records in the profile");
        svg.close();
        svg.text(18, (top + bottom) / 2, "middle", "axis-title", "profiles",
                "transform", "rotate(-90 18 " + Svg.num((top + bottom) / 2) + ")");
        svg.open("sizes");
        for (int i = 0; i < buckets.size(); i++) {
            SizeBucket b = buckets.get(i);
            double x0 = left + i * band + band * 0.15;
            double w = band * 0.7;
            String tooltip = "size " + b.label() + ": " + Svg.count(b.profiles()) + " profiles, " + Svg.count(b.records())
                    + " records" + (b.to() == Integer.MAX_VALUE && b.largest() > 0 ? " (largest " + b.largest() + ")" : "");
            svg.open("size", "data-size", b.label(), "data-profiles", Long.toString(b.profiles()), "data-records",
                    Long.toString(b.records()));
            if (b.profiles() > 0) {
                svg.rect(x0, y.at(b.profiles()), w, bottom - y.at(b.profiles()), "size-bar", tooltip);
            }
            svg.text(x0 + w / 2, y.at(b.profiles()) - 5, "middle", "bar-label", Svg.count(b.profiles()));
            svg.text(x0 + w / 2, bottom + 18, "middle", "tick", b.label());
            if (b.to() == Integer.MAX_VALUE && b.largest() > 0) {
                svg.text(x0 + w / 2, bottom + 32, "middle", "tick-note", "up to " + Svg.count(b.largest()));
            }
            svg.close();
        }
        svg.close();
        return svg.finish();
    }

    // ------------------------------------------------------------------------------------------
    // waterfall

    /**
     * The waterfall of one probabilistic explanation, one row per step: the prior from zero,
     * then each comparison from the running total before it to the total after it, and the
     * final weight from zero. The part of a step due to term frequency is hatched.
     */
    static String waterfall(Waterfall waterfall) {
        Explanation.Probabilistic p = waterfall.explanation();
        List<Explanation.Step> steps = p.steps();
        double rowHeight = 30;
        double top = 50;
        int longest = "match weight (not compared)".length();
        for (Explanation.Step s : steps) {
            longest = Math.max(longest, stepLabel(s).length());
        }
        // about 7 units a character at the labels' size; longer labels are cut short
        double labelRight = Math.min(MAX_LABEL_CHARACTERS, longest) * 7.0 + 12;
        double left = labelRight + 15;
        double right = 740;
        double height = top + (steps.size() + 1) * rowHeight + 60;
        double lo = Math.min(0, Math.min(p.matchThreshold(), p.reviewThreshold()));
        double hi = Math.max(0, Math.max(p.matchThreshold(), p.reviewThreshold()));
        for (Explanation.Step s : steps) {
            lo = Math.min(lo, Math.min(s.total(), s.total() - s.weight()));
            hi = Math.max(hi, Math.max(s.total(), s.total() - s.weight()));
        }
        double pad = (hi - lo) * 0.04 + 0.5;
        Svg.Scale x = new Svg.Scale(lo - pad, hi + pad, left, right);
        double bottom = top + (steps.size() + 1) * rowHeight;
        Svg svg = new Svg("chart waterfall", WIDTH, height, "Waterfall of the match weight of " + waterfall.first()
                + " and " + waterfall.second() + " under rule " + waterfall.rule());
        svg.raw("<defs><pattern id=\"tf-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"tf-ground\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"tf-stroke\"/></pattern></defs>\n");
        svg.open("grid");
        for (double tick : x.ticks(10)) {
            svg.line(x.at(tick), top - 6, x.at(tick), bottom, tick == 0 ? "zero" : "gridline");
        }
        svg.close();
        xAxis(svg, x, bottom, "match weight (bits)");
        svg.text(right + 15, top - 12, "start", "column-title", "step");
        svg.text(right + 90, top - 12, "start", "column-title", "total");

        svg.open("steps");
        double previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            Explanation.Step s = steps.get(i);
            double rowTop = top + i * rowHeight;
            double from = i == 0 ? 0 : previous;
            boolean empty = i > 0 && s.weight() == 0 && s.termFrequencyAdjustment() == 0;
            String label = stepLabel(s);
            String kind = i == 0 ? "prior" : empty ? "none" : s.weight() >= 0 ? "up" : "down";
            svg.open("step " + kind, "data-comparison", s.comparison(), "data-level", s.level(), "data-weight",
                    Svg.fixed(s.weight(), 2), "data-tf", Svg.fixed(s.termFrequencyAdjustment(), 2), "data-total",
                    Svg.fixed(s.total(), 2));
            svg.text(labelRight, rowTop + 19, "end", empty ? "step-label muted" : "step-label", shorten(label));
            String tooltip = label + ": " + Svg.signed(s.weight(), 2) + " bits"
                    + (s.termFrequencyAdjustment() != 0 ? " (term frequency " + Svg.signed(s.termFrequencyAdjustment(), 2)
                            + ")" : "") + ", total " + Svg.fixed(s.total(), 2);
            if (empty) {
                svg.line(x.at(s.total()), rowTop + 6, x.at(s.total()), rowTop + rowHeight - 6, "none-mark");
            } else {
                double base = s.weight() - s.termFrequencyAdjustment();
                double baseEnd = from + base;
                svg.rect(x.at(from), rowTop + 5, x.at(baseEnd) - x.at(from), rowHeight - 10, "bar " + kind, tooltip);
                if (s.termFrequencyAdjustment() != 0) {
                    svg.rect(x.at(baseEnd), rowTop + 5, x.at(s.total()) - x.at(baseEnd), rowHeight - 10, "bar tf",
                            "term-frequency adjustment " + Svg.signed(s.termFrequencyAdjustment(), 2) + " bits");
                }
            }
            if (i + 1 < steps.size()) {
                svg.line(x.at(s.total()), rowTop + rowHeight - 5, x.at(s.total()), rowTop + rowHeight + 5, "connector");
            }
            svg.text(right + 15, rowTop + 19, "start", empty ? "step-value muted" : "step-value",
                    empty ? "0" : Svg.signed(s.weight(), 2));
            svg.text(right + 90, rowTop + 19, "start", "step-value", Svg.minus(s.total(), 2));
            if (s.termFrequencyAdjustment() != 0) {
                svg.text(right + 160, rowTop + 19, "start", "tf-label", "tf " + Svg.signed(s.termFrequencyAdjustment(), 2));
            }
            svg.close();
            previous = s.total();
        }
        double rowTop = top + steps.size() * rowHeight;
        String outcome = p.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        svg.open("step final", "data-weight", Svg.fixed(p.weight(), 2), "data-probability", Svg.fixed(p.probability(), 4));
        svg.text(labelRight, rowTop + 19, "end", "step-label strong", "match weight (" + outcome + ")");
        svg.rect(x.at(0), rowTop + 5, x.at(p.weight()) - x.at(0), rowHeight - 10,
                "bar total " + (p.weight() >= p.matchThreshold() ? "link" : "nolink"),
                "match weight " + Svg.fixed(p.weight(), 2) + " bits, probability " + Svg.fixed(p.probability(), 4));
        svg.text(right + 90, rowTop + 19, "start", "step-value strong", Svg.minus(p.weight(), 2));
        svg.text(right + 160, rowTop + 19, "start", "step-value", "p = " + Svg.fixed(p.probability(), 4));
        svg.close();
        svg.close();

        svg.open("thresholds");
        List<Threshold> lines = List.of(new Threshold(waterfall.rule(), Kind.MATCH, p.matchThreshold()),
                new Threshold(waterfall.rule(), Kind.REVIEW, p.reviewThreshold()));
        boolean same = Svg.fixed(p.matchThreshold(), 2).equals(Svg.fixed(p.reviewThreshold(), 2));
        int row = 0;
        for (Threshold t : lines) {
            double xx = x.at(t.weight());
            boolean link = t.kind() == Kind.MATCH;
            svg.line(xx, top - 6, xx, bottom, "threshold " + (link ? "link" : "review"), "data-bits",
                    Svg.fixed(t.weight(), 2));
            if (!link && same) {
                continue;
            }
            svg.text(xx + 4, top - 12 - 13 * row++, "start", "threshold-label",
                    (link ? "link \u2265 " : "review \u2265 ") + Svg.fixed(t.weight(), 2));
        }
        svg.close();
        return svg.finish();
    }
}
