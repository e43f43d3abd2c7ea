package io.unum.cli;

import io.unum.BlockSize;
import io.unum.BlockingKeyPairs;
import io.unum.Explanation;
import io.unum.evaluation.ThresholdCurve;
import io.unum.evaluation.WeightHistogram;
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
 * distribution, the largest blocks and one explained link; the m, u and weight of every
 * comparison level, candidate pairs per blocking key, the worst false merges and missed links and
 * the review queue (each with a waterfall), and a view of selected profiles. {@link HtmlReport} draws it. The
 * histogram and the threshold curve are the library's ({@link io.unum.evaluation}); this class
 * adds only what the page needs on top of them.
 *
 * <p>Personal values enter only through {@link #pairValues}, masked unless asked otherwise.
 *
 * @param overview counts and where the data came from
 * @param rules the resolver's rules
 * @param histogram the weights of the probabilistic candidate pairs
 * @param thresholdCurve precision and recall against the threshold, or {@code null} without a
 *     ground truth
 * @param profileSizes profiles by size, smallest first
 * @param largestBlocks the largest blocks, largest first
 * @param waterfall the explained link, or {@code null} when there is none to explain
 * @param showPii whether {@link Waterfall#values()} and the profile cards hold clear values
 * @param levels every probabilistic rule's prior and comparison levels, in rule order
 * @param blocking candidate pairs per blocking key of the probabilistic rules
 * @param cases false merges, missed links and the review queue
 * @param profileCards the profiles of the profile view
 */
record ReportModel(Overview overview, List<RuleSummary> rules, WeightHistogram histogram,
        ThresholdCurve thresholdCurve, List<SizeBucket> profileSizes, List<BlockSize> largestBlocks,
        Waterfall waterfall, boolean showPii, List<LevelWeight> levels, List<BlockingKeyPairs> blocking, Cases cases,
        List<ProfileCard> profileCards) {

    /** Sizes up to this many records get a bucket of their own; larger ones share the tail bucket. */
    static final int SIZE_BUCKETS = 10;

    ReportModel {
        Objects.requireNonNull(overview, "overview");
        rules = List.copyOf(rules);
        Objects.requireNonNull(histogram, "histogram");
        profileSizes = List.copyOf(profileSizes);
        largestBlocks = List.copyOf(largestBlocks);
        levels = List.copyOf(levels);
        blocking = List.copyOf(blocking);
        Objects.requireNonNull(cases, "cases");
        profileCards = List.copyOf(profileCards);
    }

    /** A model with only the sections that need no graph: no levels, blocking, cases or profiles. */
    ReportModel(Overview overview, List<RuleSummary> rules, WeightHistogram histogram, ThresholdCurve thresholdCurve,
            List<SizeBucket> profileSizes, List<BlockSize> largestBlocks, Waterfall waterfall, boolean showPii) {
        this(overview, rules, histogram, thresholdCurve, profileSizes, largestBlocks, waterfall, showPii, List.of(),
                List.of(), Cases.NONE, List.of());
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

    /**
     * One level of a comparison of a probabilistic rule, with its parameters (Splink's "match
     * weights" and "m and u" charts). The prior is the level {@code prior} of the comparison
     * {@code prior}, with {@code m} and {@code u} not a number.
     *
     * @param rule the rule
     * @param comparison the comparison's name
     * @param level the level's label
     * @param m the probability of the level among true matches
     * @param u the probability of the level among non-matches
     * @param weight log2(m/u) in bits (the prior's weight for the prior)
     */
    record LevelWeight(String rule, String comparison, String level, double m, double u, double weight) {
        /** Whether this is a rule's prior rather than a comparison level. */
        boolean prior() {
            return Double.isNaN(m);
        }
    }

    /**
     * The cases a data engineer reviews, each with a waterfall: the worst false merges and
     * missed links against the truth (empty without one) and the review queue.
     *
     * @param falseMerges the worst false merges, most wrong pairs first
     * @param falseMergeCount all false merges
     * @param missedLinks the worst missed links, most missed pairs first
     * @param missedLinkCount all missed links
     * @param review the possible matches shown, highest weight first
     * @param reviewCount all possible matches
     * @param truth whether a ground truth was given
     */
    record Cases(List<Case> falseMerges, int falseMergeCount, List<Case> missedLinks, int missedLinkCount,
            List<Case> review, long reviewCount, boolean truth) {
        static final Cases NONE = new Cases(List.of(), 0, List.of(), 0, List.of(), 0, false);

        Cases {
            falseMerges = List.copyOf(falseMerges);
            missedLinks = List.copyOf(missedLinks);
            review = List.copyOf(review);
        }
    }

    /**
     * One case: what it is, its records in groups, and the waterfall of its most telling pair.
     *
     * @param title one line, record ids and counts only
     * @param groups the records grouped (by true entity for a false merge, by profile for a
     *     missed link; one group for a review pair)
     * @param waterfall the pair explained, or {@code null} when no probabilistic rule compared it
     * @param note why this pair was explained
     */
    record Case(String title, List<Group> groups, Waterfall waterfall, String note) {
        Case {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Records of a case that belong together.
     *
     * @param label the group's label (an entity or profile id)
     * @param records the record ids shown
     * @param more records of the group not shown
     */
    record Group(String label, List<String> records, int more) {
        Group {
            records = List.copyOf(records);
        }
    }

    /**
     * One profile for the profile view: its members, their values (masked unless
     * {@link ReportModel#showPii()}) and the links that hold it together.
     *
     * @param id the profile id
     * @param reason why the page shows it
     * @param size its records
     * @param fields the field names of the members table
     * @param members the members shown, with one value per field
     * @param links the links that hold it together (a spanning tree), in the order they joined it
     * @param entities the number of true entities among the members, or 0 without a truth
     */
    record ProfileCard(String id, String reason, int size, List<String> fields, List<Member> members,
            List<ProfileLink> links, int entities) {
        ProfileCard {
            fields = List.copyOf(fields);
            members = List.copyOf(members);
            links = List.copyOf(links);
        }
    }

    /**
     * One member of a profile card.
     *
     * @param record the record key
     * @param entity its true entity's label, or {@code null} without a truth
     * @param values one value per field of the card, masked unless asked otherwise
     */
    record Member(String record, String entity, List<String> values) {
        Member {
            values = List.copyOf(values);
        }
    }

    /**
     * A link of a profile card.
     *
     * @param first one record key
     * @param second the other
     * @param rule the rule that links them
     * @param detail the shared identifier types or the weight, for people
     * @param weight the weight in bits, infinite for a deterministic link
     */
    record ProfileLink(String first, String second, String rule, String detail, double weight) {
    }

    /** One field of both records of the explained pair; an empty string where a record has none. */
    record PairValues(String field, String first, String second) {
    }

    // ------------------------------------------------------------------------------------------
    // computations

    /**
     * The points of the threshold curve at the rules' match thresholds, each distinct threshold
     * once, in rule order; empty without a ground truth.
     */
    List<ThresholdCurve.Point> atMatchThresholds() {
        if (thresholdCurve == null) {
            return List.of();
        }
        List<Double> seen = new ArrayList<>();
        List<ThresholdCurve.Point> points = new ArrayList<>();
        for (WeightHistogram.Threshold t : histogram.thresholds()) {
            if (t.kind() == WeightHistogram.Threshold.Kind.MATCH && !seen.contains(t.weight())) {
                seen.add(t.weight());
                points.add(thresholdCurve.at(t.weight()).orElseThrow(
                        () -> new IllegalStateException("the threshold curve has no point at " + t)));
            }
        }
        return points;
    }

    /**
     * F1 as the page shows it: not a number (left out of the F1 line, written "n/a") where no
     * pair at or above the threshold is a true match, although {@link ThresholdCurve.Point#f1()}
     * is 0 there when precision and recall are both 0.
     */
    static double shownF1(ThresholdCurve.Point point) {
        return point.matches() == 0 ? Double.NaN : point.f1();
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
