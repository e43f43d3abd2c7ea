package io.unum.cli;

import io.unum.BlockSize;
import io.unum.Explanation;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.Masks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code unum report} shows, computed and free of presentation: the overview, the
 * match-weight histogram, precision and recall against the threshold, the profile size
 * distribution, the largest blocks and one explained link. {@link HtmlReport} draws it.
 *
 * <p>Personal values enter only through {@link #pairValues}, masked unless asked otherwise.
 *
 * @param overview counts and where the data came from
 * @param rules the resolver's rules
 * @param histogram the weights of the probabilistic candidate pairs
 * @param precisionRecall precision and recall against the threshold, or {@code null} without a
 *     ground truth
 * @param profileSizes profiles by size, smallest first
 * @param largestBlocks the largest blocks, largest first
 * @param waterfall the explained link, or {@code null} when there is none to explain
 * @param showPii whether {@link Waterfall#values()} holds clear values
 */
record ReportModel(Overview overview, List<RuleSummary> rules, Histogram histogram, PrecisionRecall precisionRecall,
        List<SizeBucket> profileSizes, List<BlockSize> largestBlocks, Waterfall waterfall, boolean showPii) {

    /** Histograms have at most this many bins. */
    static final int MAX_BINS = 60;

    /** The narrowest histogram bin, in bits. */
    static final double MIN_BIN_WIDTH = 0.5;

    /** Sizes up to this many records get a bucket of their own; larger ones share the tail bucket. */
    static final int SIZE_BUCKETS = 10;

    ReportModel {
        Objects.requireNonNull(overview, "overview");
        rules = List.copyOf(rules);
        Objects.requireNonNull(histogram, "histogram");
        profileSizes = List.copyOf(profileSizes);
        largestBlocks = List.copyOf(largestBlocks);
    }

    /**
     * Counts and provenance.
     *
     * @param inputs the input names
     * @param records records resolved
     * @param rejected records rejected or refused
     * @param profiles golden profiles
     * @param links links (edges) of the match graph, of every rule
     * @param possibleMatches pairs left for review
     * @param candidatePairs probabilistic candidate pairs scored
     * @param parameters where the m and u values came from
     * @param truth where the ground truth came from, or {@code null}
     * @param entities true entities among the records (0 without a truth)
     * @param quality the final clustering's scores, or {@code null} without a truth
     */
    record Overview(List<String> inputs, long records, long rejected, long profiles, long links, long possibleMatches,
            long candidatePairs, String parameters, String truth, int entities, Quality quality) {
        Overview {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    /** The final clustering against the truth: pairwise and B-cubed scores and pair counts. */
    record Quality(double precision, double recall, double f1, double bcubedF1, long truePairs, long predictedPairs,
            long correctPairs) {
    }

    /**
     * One rule.
     *
     * @param name its name
     * @param probabilistic whether it is probabilistic
     * @param detail identifier types (deterministic) or comparisons and blocking keys (probabilistic)
     * @param matchWeight the match threshold in bits ({@code NaN} for a deterministic rule)
     * @param reviewWeight the review threshold in bits ({@code NaN} for a deterministic rule)
     * @param priorWeight the prior in bits ({@code NaN} for a deterministic rule)
     */
    record RuleSummary(String name, boolean probabilistic, String detail, double matchWeight, double reviewWeight,
            double priorWeight) {
    }

    /**
     * A threshold to draw.
     *
     * @param rule the rule
     * @param link {@code true} for the match (link) threshold, {@code false} for review
     * @param bits its weight
     */
    record Threshold(String rule, boolean link, double bits) {
    }

    /**
     * One histogram bin, {@code [from, to)} (the last one includes {@code to}).
     *
     * @param matches true matches in it (0 without a truth)
     * @param others the other pairs (all pairs without a truth)
     */
    record Bin(double from, double to, long matches, long others) {
        long total() {
            return matches + others;
        }
    }

    /**
     * The weights of the candidate pairs.
     *
     * @param bins consecutive bins of equal width; empty when there are no candidate pairs
     * @param width the bin width in bits
     * @param split whether the bins split true matches from the rest
     * @param infinite pairs with an infinite weight, not in any bin
     * @param thresholds the thresholds of the probabilistic rules
     */
    record Histogram(List<Bin> bins, double width, boolean split, long infinite, List<Threshold> thresholds) {
        Histogram {
            bins = List.copyOf(bins);
            thresholds = List.copyOf(thresholds);
        }

        long pairs() {
            long total = infinite;
            for (Bin bin : bins) {
                total += bin.total();
            }
            return total;
        }
    }

    /**
     * Precision and recall of linking the candidate pairs at or above a threshold.
     *
     * @param threshold the threshold in bits
     * @param pairs candidate pairs at or above it
     * @param truePairs true matches among them
     * @param precision {@code truePairs / pairs}, {@code NaN} when {@code pairs == 0}
     * @param recall {@code truePairs} over every true pair of the input
     */
    record Point(double threshold, long pairs, long truePairs, double precision, double recall) {
        double f1() {
            return Double.isNaN(precision) || precision + recall == 0 ? Double.NaN
                    : 2 * precision * recall / (precision + recall);
        }
    }

    /**
     * Precision and recall against the threshold.
     *
     * @param points ascending by threshold, at every histogram bin edge and every threshold
     * @param allTruePairs every true pair of the input (pairs in one true entity), whether or
     *     not blocking made it a candidate
     * @param candidateTruePairs true pairs among the candidates: the recall blocking allows
     * @param atThresholds the points at the rules' match thresholds
     */
    record PrecisionRecall(List<Point> points, long allTruePairs, long candidateTruePairs, List<Point> atThresholds) {
        PrecisionRecall {
            points = List.copyOf(points);
            atThresholds = List.copyOf(atThresholds);
        }
    }

    /**
     * Profiles of sizes {@code from..to} ({@code to == Integer.MAX_VALUE} for the tail bucket).
     *
     * @param largest the largest size in the bucket, 0 if it is empty
     */
    record SizeBucket(String label, int from, int to, long profiles, long records, int largest) {
    }

    /**
     * One explained pair for the waterfall.
     *
     * @param first one record
     * @param second the other
     * @param rule the probabilistic rule drawn
     * @param explanation the probabilistic rule's explanation
     * @param others the other rules' verdicts, as text without values
     * @param sameProfile whether the records are in one profile
     * @param trueMatch whether the truth says they are one entity, or {@code null} without a truth
     * @param chosen how the pair was chosen, for people
     * @param values the pair's values, field by field, masked unless {@link ReportModel#showPii()}
     */
    record Waterfall(RecordKey first, RecordKey second, String rule, Explanation.Probabilistic explanation,
            List<String> others, boolean sameProfile, Boolean trueMatch, String chosen, List<PairValues> values) {
        Waterfall {
            others = List.copyOf(others);
            values = List.copyOf(values);
        }
    }

    /** One field of both records of the explained pair; an empty string where a record has none. */
    record PairValues(String field, String first, String second) {
    }

    // ------------------------------------------------------------------------------------------
    // computations

    /**
     * The histogram of the weights: bins of a round width (at least {@value #MIN_BIN_WIDTH}
     * bits, at most {@value #MAX_BINS} bins) aligned on multiples of the width, from the bin of
     * the smallest finite weight to that of the largest.
     *
     * @param matches weights of the true matches, ascending
     * @param others weights of the other pairs, ascending
     * @param split whether {@code matches} is meaningful
     */
    static Histogram histogram(double[] matches, double[] others, boolean split, List<Threshold> thresholds) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long infinite = 0;
        for (double[] weights : List.of(matches, others)) {
            for (double w : weights) {
                if (Double.isInfinite(w)) {
                    infinite++;
                } else {
                    min = Math.min(min, w);
                    max = Math.max(max, w);
                }
            }
        }
        if (min > max) {
            return new Histogram(List.of(), 1, split, infinite, thresholds);
        }
        double width = Math.max(MIN_BIN_WIDTH, Svg.niceStep((max - min) / MAX_BINS));
        while (binIndex(max, width) - binIndex(min, width) + 1 > MAX_BINS) {
            width = Svg.niceStep(width * 1.01);
        }
        long first = binIndex(min, width);
        int count = (int) (binIndex(max, width) - first + 1);
        long[] matchCounts = new long[count];
        long[] otherCounts = new long[count];
        fill(matches, width, first, matchCounts);
        fill(others, width, first, otherCounts);
        List<Bin> bins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bins.add(new Bin((first + i) * width, (first + i + 1) * width, matchCounts[i], otherCounts[i]));
        }
        return new Histogram(bins, width, split, infinite, thresholds);
    }

    /** The bin of a weight: {@code floor(w / width)}. */
    static long binIndex(double weight, double width) {
        return (long) Math.floor(weight / width);
    }

    private static void fill(double[] weights, double width, long first, long[] counts) {
        for (double w : weights) {
            if (!Double.isInfinite(w)) {
                counts[(int) (binIndex(w, width) - first)]++;
            }
        }
    }

    /**
     * Precision and recall at every bin edge of the histogram and at every match threshold.
     *
     * @param matches weights of the true matches among the candidates, ascending
     * @param others weights of the other candidates, ascending
     * @param allTruePairs every true pair of the input
     */
    static PrecisionRecall precisionRecall(double[] matches, double[] others, long allTruePairs, Histogram histogram) {
        TreeSet<Double> thresholds = new TreeSet<>();
        for (Bin bin : histogram.bins()) {
            thresholds.add(bin.from());
            thresholds.add(bin.to());
        }
        List<Double> linkThresholds = new ArrayList<>();
        for (Threshold t : histogram.thresholds()) {
            thresholds.add(t.bits());
            if (t.link() && !linkThresholds.contains(t.bits())) {
                linkThresholds.add(t.bits());
            }
        }
        List<Point> points = new ArrayList<>(thresholds.size());
        for (double t : thresholds) {
            points.add(point(matches, others, allTruePairs, t));
        }
        List<Point> at = new ArrayList<>();
        for (double t : linkThresholds) {
            at.add(point(matches, others, allTruePairs, t));
        }
        return new PrecisionRecall(points, allTruePairs, matches.length, at);
    }

    static Point point(double[] matches, double[] others, long allTruePairs, double threshold) {
        long truePairs = atOrAbove(matches, threshold);
        long pairs = truePairs + atOrAbove(others, threshold);
        double precision = pairs == 0 ? Double.NaN : (double) truePairs / pairs;
        double recall = allTruePairs == 0 ? Double.NaN : (double) truePairs / allTruePairs;
        return new Point(threshold, pairs, truePairs, precision, recall);
    }

    /** How many of the ascending values are at least {@code threshold}. */
    static long atOrAbove(double[] ascending, double threshold) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ascending.length - lo;
    }

    /** Pairs within one entity, {@code sum C(n, 2)}, over the labels; unlabelled records have none. */
    static long truePairs(Collection<String> labels) {
        Map<String, Long> sizes = new TreeMap<>();
        for (String label : labels) {
            sizes.merge(label, 1L, Long::sum);
        }
        long pairs = 0;
        for (long n : sizes.values()) {
            pairs += n * (n - 1) / 2;
        }
        return pairs;
    }

    /**
     * Profiles by size: one bucket per size up to the largest, or, when a profile has more than
     * {@value #SIZE_BUCKETS} records, one per size below {@value #SIZE_BUCKETS} and a tail
     * bucket for the rest.
     */
    static List<SizeBucket> profileSizes(Collection<Profile> profiles) {
        TreeMap<Integer, Long> bySize = new TreeMap<>();
        for (Profile profile : profiles) {
            bySize.merge(profile.members().size(), 1L, Long::sum);
        }
        if (bySize.isEmpty()) {
            return List.of();
        }
        int largest = bySize.lastKey();
        int single = largest <= SIZE_BUCKETS ? largest : SIZE_BUCKETS - 1;
        List<SizeBucket> buckets = new ArrayList<>();
        for (int size = 1; size <= single; size++) {
            long count = bySize.getOrDefault(size, 0L);
            buckets.add(new SizeBucket(Integer.toString(size), size, size, count, count * size, count > 0 ? size : 0));
        }
        if (largest > single) {
            long count = 0;
            long records = 0;
            for (Map.Entry<Integer, Long> e : bySize.tailMap(single + 1).entrySet()) {
                count += e.getValue();
                records += e.getValue() * e.getKey();
            }
            buckets.add(new SizeBucket(SIZE_BUCKETS + "+", single + 1, Integer.MAX_VALUE, count, records, largest));
        }
        return buckets;
    }

    /**
     * The two records' values, one row per attribute and identifier type either has (attributes
     * by name, then identifier types by name), each masked with {@link Masks} unless
     * {@code showPii}. Several values of one type are joined with a comma.
     */
    static List<PairValues> pairValues(SourceRecord first, SourceRecord second, boolean showPii) {
        List<PairValues> rows = new ArrayList<>();
        TreeSet<String> attributes = new TreeSet<>(first.attributes().keySet());
        attributes.addAll(second.attributes().keySet());
        for (String name : attributes) {
            rows.add(new PairValues(name, shown(null, first.attribute(name), showPii),
                    shown(null, second.attribute(name), showPii)));
        }
        TreeMap<String, IdentifierType> types = new TreeMap<>();
        for (SourceRecord record : List.of(first, second)) {
            for (Identifier id : record.identifiers()) {
                types.put(id.type().name(), id.type());
            }
        }
        for (IdentifierType type : types.values()) {
            rows.add(new PairValues(type.name(), identifiers(first, type, showPii), identifiers(second, type, showPii)));
        }
        return rows;
    }

    private static String identifiers(SourceRecord record, IdentifierType type, boolean showPii) {
        List<String> values = new ArrayList<>();
        for (Identifier id : record.identifiers(type)) {
            values.add(shown(type, id.value(), showPii));
        }
        return String.join(", ", values);
    }

    private static String shown(IdentifierType type, String value, boolean showPii) {
        if (value == null) {
            return "";
        }
        return showPii ? value : Masks.mask(type, value);
    }
}
