package io.unum.cli;

import io.unum.Explanation;
import io.unum.IdentityGraph;
import io.unum.PossibleMatch;
import io.unum.ProfileExplanation;
import io.unum.Resolution;
import io.unum.evaluation.ClusterPart;
import io.unum.evaluation.FalseMerge;
import io.unum.evaluation.MissedLink;
import io.unum.evaluation.QualityReport;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.Masks;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.MatchRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the parts of {@link ReportModel} that read the graph record by record: the comparison
 * levels' parameters, the cases (false merges, missed links and the review queue, each with the
 * waterfall of its most telling pair) and the profile cards. Record ids and rule, field and level
 * names only, except the values of {@link ReportModel.PairValues} and profile members, which are
 * masked unless {@code showPii}.
 *
 * <p>Which pair a case explains: for a false merge, the link of the profile's spanning tree
 * ({@link IdentityGraph#explain(ProfileId)}) that joins records of different true entities with
 * the lowest weight, the weakest wrong link; for a missed link, of the shown records of its two
 * largest parts, the pair with the highest probabilistic weight, the nearest miss; for a review
 * pair, the pair itself.
 */
final class ReportCases {

    /** Possible matches shown in the review queue, highest weight first. */
    static final int REVIEW_SHOWN = 20;

    /** Profiles in the profile view: the largest, then those of false merges and of the explained link. */
    static final int LARGEST_PROFILES = 8;

    /** Members of a profile card listed and drawn; a larger profile's card says how many are left out. */
    static final int MEMBERS_SHOWN = 40;

    private final IdentityGraph graph;
    private final Resolution resolution;
    private final GroundTruth.Labels labels;
    private final boolean showPii;
    private final List<MatchRule> rules;

    /**
     * @param labels the truth, or {@code null}
     * @param rules the resolver's rules, to name the rules of a deterministic link
     */
    ReportCases(IdentityGraph graph, Resolution resolution, GroundTruth.Labels labels, boolean showPii,
            List<MatchRule> rules) {
        this.rules = List.copyOf(rules);
        this.graph = graph;
        this.resolution = resolution;
        this.labels = labels;
        this.showPii = showPii;
    }

    /** Every probabilistic rule's prior and comparison levels, in rule, comparison and level order. */
    static List<ReportModel.LevelWeight> levels(List<MatchRule> rules) {
        List<ReportModel.LevelWeight> levels = new ArrayList<>();
        for (MatchRule rule : rules) {
            if (rule instanceof MatchRule.Probabilistic p) {
                levels.add(new ReportModel.LevelWeight(p.name(), "prior", "prior", Double.NaN, Double.NaN,
                        p.priorWeight()));
                for (Comparison c : p.comparisons()) {
                    for (ComparisonLevel level : c.levels()) {
                        levels.add(new ReportModel.LevelWeight(p.name(), c.name(), level.label(), level.m(), level.u(),
                                level.weight()));
                    }
                }
            }
        }
        return levels;
    }

    /** The cases: false merges and missed links of {@code quality} (or none), and the review queue. */
    ReportModel.Cases cases(QualityReport<RecordKey> quality) {
        List<ReportModel.Case> merges = new ArrayList<>();
        List<ReportModel.Case> missed = new ArrayList<>();
        if (quality != null) {
            for (FalseMerge<RecordKey> merge : quality.falseMerges()) {
                merges.add(falseMerge(merge));
            }
            for (MissedLink<RecordKey> link : quality.missedLinks()) {
                missed.add(missedLink(link));
            }
        }
        List<PossibleMatch> possible = new ArrayList<>(resolution.possibleMatches());
        possible.sort(Comparator.comparingDouble(PossibleMatch::weight).reversed()
                .thenComparing(PossibleMatch::first).thenComparing(PossibleMatch::second));
        List<ReportModel.Case> review = new ArrayList<>();
        for (PossibleMatch m : possible.subList(0, Math.min(REVIEW_SHOWN, possible.size()))) {
            String title = String.format(Locale.ROOT, "%s and %s: rule %s, weight %.2f bits, probability %.4f",
                    m.first(), m.second(), m.rule(), m.weight(), m.probability());
            ReportModel.Group group = new ReportModel.Group(profileLabel(m.first()) + " and "
                    + profileLabel(m.second()), List.of(m.first().toString(), m.second().toString()), 0);
            review.add(new ReportModel.Case(title, List.of(group), waterfall(m.first(), m.second(), m.rule(),
                    "a possible match: between the review and the link threshold"), "the pair itself"));
        }
        return new ReportModel.Cases(merges, quality == null ? 0 : quality.falseMergeCount(), missed,
                quality == null ? 0 : quality.missedLinkCount(), review, possible.size(), quality != null);
    }

    private String profileLabel(RecordKey key) {
        return resolution.profileOf(key).map(p -> "profile " + p.id()).orElse("no profile");
    }

    private ReportModel.Case falseMerge(FalseMerge<RecordKey> merge) {
        String title = String.format(Locale.ROOT, "profile %s: %d records of %d entities, %d wrong pairs",
                merge.cluster(), merge.size(), merge.entities(), merge.wrongPairs());
        List<ReportModel.Group> groups = groups(merge.parts(), "entity ");
        Optional<ProfileExplanation> links = Optional.empty();
        for (ClusterPart<RecordKey> part : merge.parts()) {
            if (!part.records().isEmpty()) {
                ProfileId id = resolution.assignments().get(part.records().get(0));
                links = id == null ? Optional.empty() : graph.explain(id);
                break;
            }
        }
        ProfileExplanation.Link weakest = null;
        int wrong = 0;
        for (ProfileExplanation.Link link : links.map(ProfileExplanation::links).orElse(List.of())) {
            String a = labels.byKey().get(link.first());
            String b = labels.byKey().get(link.second());
            if (a == null || !a.equals(b)) {
                wrong++;
                if (weakest == null || link.weight() < weakest.weight() || (link.weight() == weakest.weight()
                        && LINK_ORDER.compare(link, weakest) < 0)) {
                    weakest = link;
                }
            }
        }
        if (weakest == null) {
            return new ReportModel.Case(title, groups, null, "no link of the profile joins two entities");
        }
        String note = String.format(Locale.ROOT, "the weakest of the %d link%s that join different entities (rule %s)",
                wrong, wrong == 1 ? "" : "s", ruleOf(weakest));
        return new ReportModel.Case(title, groups, waterfall(weakest.first(), weakest.second(), weakest.rule(), note),
                note);
    }

    private ReportModel.Case missedLink(MissedLink<RecordKey> link) {
        String title = String.format(Locale.ROOT, "entity %s: %d records in %d profiles, %d missed pairs", link.entity(),
                link.size(), link.clusters(), link.missedPairs());
        List<ReportModel.Group> groups = groups(link.parts(), "profile ");
        if (link.parts().size() < 2) {
            return new ReportModel.Case(title, groups, null, "fewer than two parts are listed");
        }
        RecordKey bestFirst = null;
        RecordKey bestSecond = null;
        Explanation.Probabilistic best = null;
        for (RecordKey a : link.parts().get(0).records()) {
            for (RecordKey b : link.parts().get(1).records()) {
                Optional<Explanation> why = graph.explain(a, b);
                Explanation.Probabilistic p = why.map(e -> drawn(e, null)).orElse(null);
                if (p != null && (best == null || better(p, best))) {
                    best = p;
                    bestFirst = a;
                    bestSecond = b;
                }
            }
        }
        if (best == null) {
            return new ReportModel.Case(title, groups, null, "no probabilistic rule compares these records");
        }
        String note = best.outcome() == Explanation.Outcome.NOT_COMPARED
                ? "no pair of the two largest parts shares a blocking key: blocking never compared them"
                : "the pair of the two largest parts with the highest weight: the nearest miss";
        return new ReportModel.Case(title, groups, waterfall(bestFirst, bestSecond, best.rule(), note), note);
    }

    private static final Comparator<ProfileExplanation.Link> LINK_ORDER = Comparator
            .comparing(ProfileExplanation.Link::first).thenComparing(ProfileExplanation.Link::second);

    /**
     * The rule of a link, for people. A deterministic link on several shared identifier types
     * names every deterministic rule on one of them, in rule order: which of them the engine
     * reports can differ from run to run, and the page must not.
     */
    private String ruleOf(ProfileExplanation.Link link) {
        if (!Double.isInfinite(link.weight()) || link.shared().size() < 2) {
            return link.rule();
        }
        List<String> names = new ArrayList<>();
        for (MatchRule rule : rules) {
            if (rule instanceof MatchRule.Deterministic d && d.types().stream().anyMatch(link.shared()::contains)) {
                names.add(d.name());
            }
        }
        return names.isEmpty() ? link.rule() : String.join(" or ", names);
    }

    /** Compared before not compared, then the higher weight. */
    private static boolean better(Explanation.Probabilistic p, Explanation.Probabilistic than) {
        boolean compared = p.outcome() != Explanation.Outcome.NOT_COMPARED;
        boolean thanCompared = than.outcome() != Explanation.Outcome.NOT_COMPARED;
        return compared != thanCompared ? compared : p.weight() > than.weight();
    }

    private static List<ReportModel.Group> groups(List<ClusterPart<RecordKey>> parts, String prefix) {
        List<ReportModel.Group> groups = new ArrayList<>();
        for (ClusterPart<RecordKey> part : parts) {
            String label = part.absent() ? "none" : prefix + part.cluster();
            groups.add(new ReportModel.Group(label, part.records().stream().map(RecordKey::toString).toList(),
                    part.size() - part.records().size()));
        }
        return groups;
    }

    /** The waterfall of a pair, or {@code null} when a record is unknown or no rule is probabilistic. */
    ReportModel.Waterfall waterfall(RecordKey first, RecordKey second, String rule, String chosen) {
        return graph.explain(first, second).map(e -> waterfall(e, rule, chosen)).orElse(null);
    }

    /**
     * The waterfall of an explanation: the named probabilistic rule, else the best one (see
     * {@link #drawn}); {@code null} without probabilistic rules.
     */
    ReportModel.Waterfall waterfall(Explanation explanation, String rule, String chosen) {
        RecordKey first = explanation.first();
        RecordKey second = explanation.second();
        Explanation.Probabilistic drawn = drawn(explanation, rule);
        if (drawn == null) {
            return null;
        }
        List<String> othersText = new ArrayList<>();
        for (Explanation.RuleExplanation r : explanation.rules()) {
            if (r == drawn) {
                continue;
            }
            String outcome = r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (r instanceof Explanation.Deterministic d) {
                othersText.add("rule " + d.rule() + " (deterministic): " + outcome + (d.shared().isEmpty() ? ""
                        : ", shared " + String.join(", ", d.shared().stream().map(IdentifierType::name).toList())));
            } else if (r instanceof Explanation.Probabilistic p) {
                othersText.add(String.format(Locale.ROOT, "rule %s (probabilistic): %s, weight %.2f bits", p.rule(),
                        outcome, p.weight()));
            }
        }
        Optional<Profile> firstProfile = graph.profileOf(first);
        boolean sameProfile = firstProfile.isPresent()
                && firstProfile.map(Profile::id).equals(graph.profileOf(second).map(Profile::id));
        Boolean trueMatch = null;
        if (labels != null) {
            String label = labels.byKey().get(first);
            trueMatch = label != null && label.equals(labels.byKey().get(second));
        }
        SourceRecord a = graph.record(first).orElseThrow();
        SourceRecord b = graph.record(second).orElseThrow();
        return new ReportModel.Waterfall(first, second, drawn.rule(), drawn, othersText, sameProfile, trueMatch, chosen,
                ReportModel.pairValues(a, b, showPii));
    }

    /**
     * The probabilistic rule to draw: the named one; else the one with the highest weight among
     * those that compared the pair, else among all; {@code null} without probabilistic rules.
     */
    static Explanation.Probabilistic drawn(Explanation explanation, String rule) {
        Explanation.Probabilistic best = null;
        for (Explanation.RuleExplanation r : explanation.rules()) {
            if (r instanceof Explanation.Probabilistic p) {
                if (p.rule().equals(rule)) {
                    return p;
                }
                if (best == null || better(p, best)) {
                    best = p;
                }
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------
    // profile cards

    /**
     * The profile view: the {@value #LARGEST_PROFILES} largest profiles, then the profiles of the
     * false merges and of the explained link not among them, each once.
     */
    List<ReportModel.ProfileCard> profileCards(ReportModel.Cases cases, ReportModel.Waterfall explained) {
        Map<ProfileId, String> chosen = new LinkedHashMap<>();
        List<Profile> bySize = new ArrayList<>(resolution.profiles());
        bySize.sort(Comparator.comparingInt((Profile p) -> p.members().size()).reversed().thenComparing(Profile::id));
        for (Profile p : bySize.subList(0, Math.min(LARGEST_PROFILES, bySize.size()))) {
            if (p.members().size() > 1) {
                chosen.putIfAbsent(p.id(), "one of the largest profiles");
            }
        }
        for (ReportModel.Case c : cases.falseMerges()) {
            if (c.waterfall() != null) {
                resolution.profileOf(c.waterfall().first()).ifPresent(p -> chosen.putIfAbsent(p.id(), "a false merge"));
            }
        }
        if (explained != null) {
            resolution.profileOf(explained.first()).ifPresent(p -> chosen.putIfAbsent(p.id(), "the explained link's"));
        }
        List<ReportModel.ProfileCard> cards = new ArrayList<>();
        for (Map.Entry<ProfileId, String> e : chosen.entrySet()) {
            resolution.profile(e.getKey()).ifPresent(p -> cards.add(card(p, e.getValue())));
        }
        return cards;
    }

    private ReportModel.ProfileCard card(Profile profile, String reason) {
        List<RecordKey> members = new ArrayList<>(profile.members());
        members.sort(null);
        List<RecordKey> shown = members.subList(0, Math.min(MEMBERS_SHOWN, members.size()));
        List<SourceRecord> records = new ArrayList<>();
        for (RecordKey key : shown) {
            graph.record(key).ifPresent(records::add);
        }
        TreeSet<String> attributes = new TreeSet<>();
        TreeMap<String, IdentifierType> types = new TreeMap<>();
        for (SourceRecord r : records) {
            attributes.addAll(r.attributes().keySet());
            for (Identifier id : r.identifiers()) {
                types.put(id.type().name(), id.type());
            }
        }
        List<String> fields = new ArrayList<>(attributes);
        fields.addAll(types.keySet());
        List<ReportModel.Member> rows = new ArrayList<>();
        TreeSet<String> entities = new TreeSet<>();
        for (SourceRecord r : records) {
            List<String> values = new ArrayList<>();
            for (String name : attributes) {
                String value = r.attribute(name);
                values.add(value == null ? "" : showPii ? value : Masks.mask(null, value));
            }
            for (IdentifierType type : types.values()) {
                List<String> ids = new ArrayList<>();
                for (Identifier id : r.identifiers(type)) {
                    ids.add(showPii ? id.value() : Masks.mask(type, id.value()));
                }
                values.add(String.join(", ", ids));
            }
            String entity = labels == null ? null : labels.byKey().get(r.key());
            if (entity != null) {
                entities.add(entity);
            }
            rows.add(new ReportModel.Member(r.key().toString(), entity, values));
        }
        List<ReportModel.ProfileLink> links = new ArrayList<>();
        for (ProfileExplanation.Link link : graph.explain(profile.id()).map(ProfileExplanation::links).orElse(List.of())) {
            String detail = Double.isInfinite(link.weight())
                    ? "shared " + String.join(", ", link.shared().stream().map(IdentifierType::name).toList())
                    : String.format(Locale.ROOT, "%.2f bits", link.weight());
            links.add(new ReportModel.ProfileLink(link.first().toString(), link.second().toString(), ruleOf(link), detail,
                    link.weight()));
        }
        return new ReportModel.ProfileCard(profile.id().toString(), reason, members.size(), fields, rows, links,
                labels == null ? 0 : entities.size());
    }
}
