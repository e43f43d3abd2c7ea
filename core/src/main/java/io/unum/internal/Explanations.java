package io.unum.internal;

import io.unum.Explanation;
import io.unum.ProfileExplanation;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Explanations with the engine's own stages: a pair through the {@link Scorer}'s one loop and
 * the {@link CandidateGenerator}'s notion of a candidate, a profile through the
 * {@link Clusterer}'s own order of unions. Reads only; thread-safe while nothing writes the store.
 */
public final class Explanations {

    private final Engine engine;

    /** @param engine the stages */
    public Explanations(Engine engine) {
        this.engine = engine;
    }

    /** Why two resident records are or are not linked; empty if either is unknown. */
    public Optional<Explanation> explain(GraphStore.Reader graph, RecordKey first, RecordKey second) {
        int a = graph.ordinal(first);
        int b = graph.ordinal(second);
        if (a < 0 || b < 0) {
            return Optional.empty();
        }
        FeatureRecord fa = (FeatureRecord) graph.derived(a);
        FeatureRecord fb = (FeatureRecord) graph.derived(b);
        GenericValues.View view = engine.generics.view(graph);
        return Optional.of(judge(engine.scorer.explain(fa, fb,
                engine.generator.sharedRules(fa, fb, graph, false), view), fa, fb, view));
    }

    /**
     * A deterministic rule's link stands only through a shared value that is not generic and
     * between records that do not contradict each other (see {@link GenericValues}), and no link
     * stands between distinct people ({@link Scorer#distinct}); otherwise the explanation says why
     * not.
     */
    private Explanation judge(Explanation explanation, FeatureRecord a, FeatureRecord b,
            Scorer.Generics generics) {
        List<Explanation.RuleExplanation> rules = new ArrayList<>();
        boolean distinct = engine.scorer.distinct(a, b, generics);
        for (Explanation.RuleExplanation rule : explanation.rules()) {
            if (rule instanceof Explanation.Deterministic d && d.outcome() == Explanation.Outcome.LINK) {
                CompiledRule compiled = engine.config.rules[engine.config.ruleIndex(d.rule())];
                boolean sharedGeneric = false;
                boolean refused = false;
                boolean links = false;
                for (Identifier id : a.linkable) {
                    if (compiled.typeIndex(id.type()) < 0 || Arrays.binarySearch(b.linkable, id) < 0) {
                        continue;
                    }
                    if (generics.generic(id)) {
                        sharedGeneric = true;
                    } else if (engine.generics.refuses(a, b, id, generics)) {
                        refused = true;
                    } else {
                        links = true;
                    }
                }
                if (!links && (sharedGeneric || refused)) {
                    rule = new Explanation.Deterministic(d.rule(), d.shared(), Explanation.Outcome.NO_LINK,
                            refused ? "the records contradict each other by more than "
                                    + engine.config.generic.bits() + " bits (the shared value not counted)"
                                    : "the shared value is generic: records of several different people hold it");
                } else if (links && distinct) {
                    rule = new Explanation.Deterministic(d.rule(), d.shared(), Explanation.Outcome.NO_LINK, distinctReason());
                }
            } else if (rule instanceof Explanation.Probabilistic p && distinct && p.outcome() == Explanation.Outcome.LINK) {
                rule = new Explanation.Probabilistic(p.rule(), p.steps(), p.weight(), p.probability(), p.matchThreshold(),
                        p.reviewThreshold(), Explanation.Outcome.NO_LINK, distinctReason());
            }
            rules.add(rule);
        }
        return new Explanation(explanation.first(), explanation.second(), rules);
    }

    /** Why distinct people are not linked (no personal value). */
    private String distinctReason() {
        return "distinct people: their " + engine.config.generic.distinct().feature() + " values cannot be one person's"
                + " and, identifiers they share not counted, the evidence stays below the match threshold";
    }

    /**
     * Explains two records that need not be resident, each featurized as an upsert would; every
     * shared key counts, as block sizes are unknown for two records alone.
     *
     * @throws IllegalArgumentException if either is rejected or refused
     */
    public Explanation explain(SourceRecord first, SourceRecord second) {
        Instant now = engine.now();
        FeatureRecord a = engine.featurizer.featurize(first, now).entry();
        FeatureRecord b = engine.featurizer.featurize(second, now).entry();
        if (a == null || b == null) {
            throw new IllegalArgumentException("cannot explain a record that is not resolved: "
                    + (a == null ? first.key() : second.key()) + " is rejected or refused");
        }
        return judge(engine.scorer.explain(a, b, engine.generator.sharedRules(a, b, null, false),
                Scorer.Generics.NONE), a, b, Scorer.Generics.NONE);
    }

    /**
     * The links that hold a profile together: the unions that clustering its members makes, in
     * the order it makes them (deterministic links by key rank, then probabilistic links by
     * weight and rank), which form a spanning tree.
     *
     * @param profile the profile, as stored in {@code graph}
     */
    public ProfileExplanation explain(GraphStore.Reader graph, Profile profile) {
        List<RecordKey> keys = profile.members(); // sorted by key: index = rank
        int[] members = new int[keys.size()];
        FeatureRecord[] records = new FeatureRecord[members.length];
        for (int i = 0; i < members.length; i++) {
            members[i] = graph.ordinal(keys.get(i));
            records[i] = (FeatureRecord) graph.derived(members[i]);
        }
        List<ProfileExplanation.Link> links = new ArrayList<>();
        GenericValues.View view = engine.generics.view(graph);
        engine.clusterer.cluster(members, graph, (x, y, edge) -> {
            FeatureRecord a = records[x];
            FeatureRecord b = records[y];
            if (edge != Edge.NONE) {
                links.add(new ProfileExplanation.Link(a.key, b.key, engine.config.rules[Edge.rule(edge)].name, List.of(),
                        Edge.weight(edge)));
            } else {
                links.add(deterministicLink(graph, a, b, view));
            }
        }, view);
        return new ProfileExplanation(profile.id(), links);
    }

    /**
     * A deterministic link: the rule of lowest index among the linking deterministic blocks the
     * two share, and the identifier types they share under every deterministic rule with a
     * usable shared block.
     */
    private ProfileExplanation.Link deterministicLink(GraphStore.Reader graph, FeatureRecord a, FeatureRecord b,
            GenericValues.View view) {
        String rule = null;
        TreeSet<IdentifierType> shared = new TreeSet<>();
        long rules = engine.generator.sharedRules(a, b, graph, false);
        int first = Integer.MAX_VALUE; // the lowest rule index, not the first key: keys order by a secret hash
        for (int k = 0; k < a.keys.length; k++) {
            CompiledRule r = engine.config.rules[a.ruleOf(k)];
            if (r.deterministic && (rules & (1L << r.index)) != 0 && r.index < first
                    && Arrays.binarySearch(b.keys, a.keys[k]) >= 0
                    && engine.generics.links(graph.block(a.keys[k]), graph, view)) {
                first = r.index;
                rule = r.name;
            }
        }
        for (CompiledRule r : engine.config.rules) {
            if (r.deterministic && (rules & (1L << r.index)) != 0) {
                for (Identifier id : a.linkable) {
                    if (r.typeIndex(id.type()) >= 0 && Arrays.binarySearch(b.linkable, id) >= 0) {
                        shared.add(id.type());
                    }
                }
            }
        }
        return new ProfileExplanation.Link(a.key, b.key, rule, new ArrayList<>(shared), Double.POSITIVE_INFINITY);
    }

    /** Explains a profile by id or alias; empty for an unknown id. */
    public Optional<ProfileExplanation> explain(GraphStore.Reader graph, GraphReads reads, ProfileId id) {
        return reads.profile(id).map(profile -> explain(graph, profile));
    }
}
