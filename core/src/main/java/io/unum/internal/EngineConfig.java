package io.unum.internal;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.Survivorship;
import io.unum.privacy.ConsentPolicy;
import io.unum.privacy.IngestFilter;
import io.unum.privacy.LinkingFilter;
import io.unum.privacy.OutputFilter;
import io.unum.privacy.SuppressionList;
import io.unum.privacy.SuppressionPolicy;
import java.time.Clock;
import java.time.Duration;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.MatchRule;
import io.unum.spi.IdentifierNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolver's configuration, validated and compiled once: feature names resolved to slots,
 * rule weights precomputed, hash sub-keys derived from the instance secret. Immutable and
 * thread-safe. Public only so that the {@code io.unum} API can build it; not exported.
 */
public final class EngineConfig {

    final Feature[] features;
    final Map<String, Integer> featureSlots;
    final CompiledRule[] rules;
    final Map<IdentifierType, IdentifierNormalizer> normalizers;
    final Map<IdentifierType, Integer> limits;
    final Map<RecordKey, Set<RecordKey>> cannotLink;
    final int blockSizeCap;
    /** Per rule and key (a deterministic rule's keys are its identifier types): the block-size cap. */
    private final int[][] blockCaps;
    final int maxProfileSize;
    /** Merge protection: the most two records of one profile may contradict each other, in bits. */
    final double maxContradiction;
    final int maxValueLength;
    final int parallelism;
    final Map<String, Survivorship> survivorship;
    final Survivorship defaultSurvivorship;
    final long k0;
    final long k1;
    final long lookupSeed;
    final Privacy privacy;
    final Settings settings;
    final Generic generic;
    /** Sources whose records are each a different person: a profile holds at most one record of each. */
    final Set<String> duplicateFree;
    /** The slot of the distinct-people feature, or -1. */
    final int distinctSlot;
    /** The absolute identifier types and their protected variants. */
    private final Set<IdentifierType> absolute;
    /** Per term-frequency slot: the feature slot it reads and the table. */
    final int[] tfFeatureSlots;
    final io.unum.training.TermFrequencies[] tfTables;

    /** The settings a resolver's builder collects; validated by {@link #compile(Settings)}. */
    public record Settings(List<Feature> features, List<MatchRule> rules,
            Map<IdentifierType, IdentifierNormalizer> normalizers, Map<IdentifierType, Integer> limits,
            List<List<RecordKey>> cannotLink, int blockSizeCap, int maxProfileSize, double maxContradiction,
            int maxValueLength, int parallelism, Map<String, Survivorship> survivorship, Survivorship defaultSurvivorship,
            long k0, long k1, Privacy privacy, io.unum.training.TrainedModel model, Generic generic,
            Set<String> duplicateFree) {
        public Settings {
            duplicateFree = duplicateFree == null ? Set.of() : Set.copyOf(duplicateFree);
        }
    }

    /**
     * Generic identifier values and deterministic links as evidence.
     *
     * @param people a value held by records of at least this many mutually contradicting people
     *     is generic (0: off)
     * @param bits two records are different people when they contradict each other by more than
     *     this many bits, the shared value not counted ({@code +Infinity}: off)
     * @param absolute identifier types whose values are never generic and whose deterministic
     *     links are never refused
     */
    public record Generic(int people, double bits, Set<IdentifierType> absolute, Distinct distinct) {
        /** Off. */
        public static final Generic OFF = new Generic(0, Double.POSITIVE_INFINITY, Set.of(), null);

        public Generic {
            absolute = Set.copyOf(absolute);
        }

        /** Without a distinct-people test. */
        public Generic(int people, double bits, Set<IdentifierType> absolute) {
            this(people, bits, absolute, null);
        }

        /** Whether any mechanism is on. */
        public boolean enabled() {
            return people > 0 || bits != Double.POSITIVE_INFINITY || distinct != null;
        }
    }

    /**
     * The distinct-people test ({@code Resolver.Builder.distinctPeople}).
     *
     * @param feature the feature that tells people apart
     * @param samePerson whether two values of it may belong to one person
     */
    public record Distinct(String feature, io.unum.rules.LevelCondition samePerson,
            java.util.function.Predicate<String> partial) {
        public Distinct {
            java.util.Objects.requireNonNull(feature, "feature");
            java.util.Objects.requireNonNull(samePerson, "samePerson");
            java.util.Objects.requireNonNull(partial, "partial");
        }
    }

    /**
     * The privacy settings.
     *
     * @param ingestFilters stages applied to every record before anything else, in order
     * @param linkingFilter who may be linked by which rule
     * @param outputFilters stages applied to views after consent masking, in order
     * @param consentPolicy how members' consent combines into a profile's
     * @param clock the clock consent, retention and erasure are evaluated against
     * @param suppression identifiers of erased people
     * @param suppressionPolicy what a suppressed identifier does to a record
     * @param retention per source, how long records are kept after they were observed
     */
    public record Privacy(List<IngestFilter> ingestFilters, LinkingFilter linkingFilter, List<OutputFilter> outputFilters,
            ConsentPolicy consentPolicy, Clock clock, SuppressionList suppression, SuppressionPolicy suppressionPolicy,
            Map<String, Duration> retention) {
        public Privacy {
            ingestFilters = List.copyOf(ingestFilters);
            outputFilters = List.copyOf(outputFilters);
            retention = Map.copyOf(retention);
        }
    }

    private EngineConfig(Settings s, Feature[] features, Map<String, Integer> slots, CompiledRule[] rules,
            Map<RecordKey, Set<RecordKey>> cannotLink, List<int[]> tfSlots, List<io.unum.training.TermFrequencies> tfTables) {
        this.features = features;
        this.featureSlots = slots;
        this.rules = rules;
        this.normalizers = Map.copyOf(s.normalizers());
        this.limits = Map.copyOf(s.limits());
        this.cannotLink = cannotLink;
        this.blockSizeCap = s.blockSizeCap();
        this.blockCaps = new int[rules.length][];
        for (CompiledRule rule : rules) {
            int[] caps;
            if (rule.deterministic) {
                caps = new int[rule.types.length];
                Arrays.fill(caps, blockSizeCap);
            } else {
                List<BlockingKey> keys = ((MatchRule.Probabilistic) rule.rule).blockingKeys();
                caps = new int[keys.size()];
                for (int k = 0; k < caps.length; k++) {
                    caps[k] = cap(keys.get(k));
                }
            }
            blockCaps[rule.index] = caps;
        }
        this.maxProfileSize = s.maxProfileSize();
        this.maxContradiction = s.maxContradiction();
        this.maxValueLength = s.maxValueLength();
        this.parallelism = s.parallelism();
        this.survivorship = Map.copyOf(s.survivorship());
        this.defaultSurvivorship = s.defaultSurvivorship();
        this.k0 = s.k0();
        this.k1 = s.k1();
        this.lookupSeed = SipHash.mix(s.k0() ^ 0x6c6f6f6b7570L);
        this.privacy = s.privacy();
        this.settings = s;
        this.generic = s.generic() == null ? Generic.OFF : s.generic();
        this.duplicateFree = s.duplicateFree();
        if (generic.distinct() == null) {
            this.distinctSlot = -1;
        } else {
            Integer slot = slots.get(generic.distinct().feature());
            if (slot == null) {
                throw new IllegalArgumentException("distinctPeople names feature " + generic.distinct().feature()
                        + ", which is not defined; features: " + slots.keySet());
            }
            this.distinctSlot = slot;
        }
        java.util.HashSet<IdentifierType> types = new java.util.HashSet<>();
        for (IdentifierType type : generic.absolute()) {
            types.add(type);
            types.add(type.protectedVariant());
        }
        this.absolute = Set.copyOf(types);
        this.tfFeatureSlots = tfSlots.stream().mapToInt(x -> x[0]).toArray();
        this.tfTables = tfTables.toArray(new io.unum.training.TermFrequencies[0]);
    }

    /**
     * Whether an identifier type is absolute ({@link Generic#absolute()}, protected variants
     * included): its values are never generic and its links never refused.
     */
    boolean absolute(IdentifierType type) {
        return absolute.contains(type);
    }

    /** The cap of a blocking key: its own, if lower than the resolver's. */
    int cap(BlockingKey key) {
        int own = key.maxBlockSize();
        return own == 0 ? blockSizeCap : Math.min(own, blockSizeCap);
    }

    /** Per key of a rule (a deterministic rule's keys are its identifier types): the block-size cap. */
    int[] caps(CompiledRule rule) {
        return blockCaps[rule.index].clone();
    }

    /** The index of the rule with this name. */
    int ruleIndex(String name) {
        for (CompiledRule rule : rules) {
            if (rule.name.equals(name)) {
                return rule.index;
            }
        }
        throw new IllegalArgumentException("no rule " + name);
    }

    /** The same configuration with a trained model's parameters. */
    public EngineConfig withModel(io.unum.training.TrainedModel model) {
        Settings s = settings;
        return compile(new Settings(s.features(), s.rules(), s.normalizers(), s.limits(), s.cannotLink(), s.blockSizeCap(),
                s.maxProfileSize(), s.maxContradiction(), s.maxValueLength(), s.parallelism(), s.survivorship(),
                s.defaultSurvivorship(), s.k0(), s.k1(), s.privacy(), model, s.generic(), s.duplicateFree()));
    }

    /**
     * Whether this configuration derives the same features from a record as {@code other}: all
     * settings but the trained model are the same objects (as {@link #withModel} keeps them), so
     * records featurized by one differ under the other in term frequencies at most.
     */
    boolean sameFeaturesAs(EngineConfig other) {
        if (other == this) {
            return true;
        }
        Settings a = settings;
        Settings b = other.settings;
        return a.features() == b.features() && a.rules() == b.rules() && a.normalizers() == b.normalizers()
                && a.limits() == b.limits() && a.cannotLink() == b.cannotLink() && a.blockSizeCap() == b.blockSizeCap()
                && a.maxProfileSize() == b.maxProfileSize() && a.maxContradiction() == b.maxContradiction()
                && a.maxValueLength() == b.maxValueLength() && a.survivorship() == b.survivorship()
                && a.defaultSurvivorship() == b.defaultSurvivorship() && a.k0() == b.k0() && a.k1() == b.k1()
                && a.privacy() == b.privacy() && a.generic() == b.generic() && a.duplicateFree() == b.duplicateFree();
    }

    /** The rules as configured, with a trained model's parameters applied. */
    public List<MatchRule> rules() {
        List<MatchRule> list = new ArrayList<>();
        for (CompiledRule rule : rules) {
            list.add(rule.rule);
        }
        return list;
    }

    /** The trained model in use, or {@code null}. */
    public io.unum.training.TrainedModel model() {
        return settings.model();
    }

    /**
     * Validates and compiles settings.
     *
     * @throws IllegalArgumentException naming the rule, comparison or feature at fault
     */
    public static EngineConfig compile(Settings s) {
        Map<String, Integer> slots = new HashMap<>();
        Feature[] features = s.features().toArray(new Feature[0]);
        for (int i = 0; i < features.length; i++) {
            if (slots.put(features[i].name(), i) != null) {
                throw new IllegalArgumentException("feature " + features[i].name() + " is defined twice");
            }
        }
        if (s.rules().isEmpty()) {
            throw new IllegalArgumentException("a resolver needs at least one match rule");
        }
        if (s.rules().size() > 64) {
            throw new IllegalArgumentException("a resolver supports at most 64 rules, got " + s.rules().size());
        }
        Set<String> ruleNames = new HashSet<>();
        CompiledRule[] rules = new CompiledRule[s.rules().size()];
        List<int[]> tfSlots = new ArrayList<>();
        List<io.unum.training.TermFrequencies> tfTables = new ArrayList<>();
        if (s.model() != null) {
            for (String name : s.model().rules().keySet()) {
                if (s.rules().stream().noneMatch(r -> r.name().equals(name) && r instanceof MatchRule.Probabilistic)) {
                    throw new IllegalArgumentException("the trained model has parameters for rule " + name
                            + ", which is not a probabilistic rule of this resolver");
                }
            }
        }
        for (int r = 0; r < rules.length; r++) {
            MatchRule rule = s.rules().get(r);
            if (!ruleNames.add(rule.name())) {
                throw new IllegalArgumentException("two rules are named " + rule.name());
            }
            long ruleSeed = SipHash.mix(s.k0() + 0x9E3779B97F4A7C15L * (r + 1));
            if (rule instanceof MatchRule.Deterministic d) {
                IdentifierType[] types = d.types().stream()
                        .flatMap(t -> java.util.stream.Stream.of(t, t.protectedVariant()))
                        .sorted().toArray(IdentifierType[]::new);
                long[] seeds = new long[types.length];
                for (int t = 0; t < types.length; t++) {
                    seeds[t] = SipHash.mix(ruleSeed ^ (0xD1B54A32D192ED03L * (t + 1)));
                }
                rules[r] = new CompiledRule(r, d, types, seeds);
            } else {
                MatchRule.Probabilistic p = (MatchRule.Probabilistic) rule;
                io.unum.training.TrainedModel.Rule trained = s.model() == null ? null : s.model().rules().get(p.name());
                if (trained != null) {
                    p = applyModel(p, trained);
                }
                rules[r] = compileProbabilistic(r, p, slots, features, ruleSeed, trained, tfSlots, tfTables);
            }
        }
        for (Map.Entry<IdentifierType, Integer> limit : s.limits().entrySet()) {
            if (limit.getValue() < 1) {
                throw new IllegalArgumentException("limit for identifier type " + limit.getKey().name()
                        + " must be at least 1, was " + limit.getValue());
            }
        }
        Map<RecordKey, Set<RecordKey>> cannotLink = new HashMap<>();
        for (List<RecordKey> pair : s.cannotLink()) {
            cannotLink.computeIfAbsent(pair.get(0), k -> new HashSet<>()).add(pair.get(1));
            cannotLink.computeIfAbsent(pair.get(1), k -> new HashSet<>()).add(pair.get(0));
        }
        cannotLink.replaceAll((k, v) -> Set.copyOf(v));
        return new EngineConfig(s, features, Map.copyOf(slots), rules, Map.copyOf(cannotLink), tfSlots, tfTables);
    }

    /** The rule with the model's prior and m/u; names the comparison or level the model lacks or adds. */
    private static MatchRule.Probabilistic applyModel(MatchRule.Probabilistic p, io.unum.training.TrainedModel.Rule trained) {
        for (String name : trained.comparisons().keySet()) {
            if (p.comparisons().stream().noneMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("the trained model has comparison " + name + " for rule " + p.name()
                        + ", which the rule does not have");
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Comparison c : p.comparisons()) {
            io.unum.training.TrainedModel.Comparison tc = trained.comparisons().get(c.name());
            if (tc == null) {
                comparisons.add(c);
                continue;
            }
            List<ComparisonLevel> levels = new ArrayList<>();
            for (ComparisonLevel level : c.levels()) {
                io.unum.training.TrainedModel.Level tl = tc.levels().get(level.label());
                levels.add(tl == null ? level : level.withProbabilities(tl.m(), tl.u()));
            }
            for (String label : tc.levels().keySet()) {
                if (c.levels().stream().noneMatch(l -> l.label().equals(label))) {
                    throw new IllegalArgumentException("the trained model has level " + label + " in comparison "
                            + c.name() + " of rule " + p.name() + ", which the comparison does not have");
                }
            }
            comparisons.add(c.withLevels(levels));
        }
        List<io.unum.rules.Dependence> dependencies = new ArrayList<>();
        for (io.unum.rules.Dependence d : p.dependencies()) {
            Map<String, Double> corrections = trained.dependencies().get(d.dependent());
            dependencies.add(corrections == null ? d : d.withCorrections(corrections));
        }
        for (String dependent : trained.dependencies().keySet()) {
            if (p.dependencies().stream().noneMatch(d -> d.dependent().equals(dependent))) {
                throw new IllegalArgumentException("the trained model has a dependence of comparison " + dependent
                        + " for rule " + p.name() + ", which the rule does not declare");
            }
        }
        return p.withParameters(trained.prior(), comparisons).withDependencies(dependencies);
    }

    private static CompiledRule compileProbabilistic(int r, MatchRule.Probabilistic p, Map<String, Integer> slots,
            Feature[] features, long ruleSeed, io.unum.training.TrainedModel.Rule trained, List<int[]> tfSlots,
            List<io.unum.training.TermFrequencies> tfTables) {
        List<CompiledRule.Comparison> comparisons = new ArrayList<>();
        for (Comparison c : p.comparisons()) {
            int slot = slot(slots, c.feature(), "comparison " + c.name() + " of rule " + p.name());
            IdentifierType identifier = features[slot].source() instanceof io.unum.rules.FeatureSource.IdentifierValue v
                    ? v.type() : null;
            CompiledRule.Level[] levels = new CompiledRule.Level[c.levels().size()];
            for (int l = 0; l < levels.length; l++) {
                ComparisonLevel level = c.levels().get(l);
                int levelSlot = level.feature() == null ? slot
                        : slot(slots, level.feature(), "level " + level.label() + " of comparison " + c.name());
                levels[l] = new CompiledRule.Level(level.label(), levelSlot, level.condition(), level.weight());
            }
            io.unum.training.TermFrequencies tf = null;
            if (c.termFrequencies() && trained != null && trained.comparisons().get(c.name()) != null) {
                tf = trained.comparisons().get(c.name()).termFrequencies();
            }
            int tfLevel = c.termFrequencyLevel();
            double maxWeight = 0;
            for (CompiledRule.Level level : levels) {
                maxWeight = Math.max(maxWeight, level.weight());
            }
            if (tf != null && tfLevel >= 0) {
                tfSlots.add(new int[] {slot});
                tfTables.add(tf);
                double log2M = Math.log(c.levels().get(tfLevel).m()) / Math.log(2);
                // the largest term-frequency weight: the rarest value, at the table's floor
                maxWeight = Math.max(maxWeight, log2M - Math.log(tf.floor()) / Math.log(2));
                comparisons.add(new CompiledRule.Comparison(c.name(), slot, levels, tfSlots.size() - 1, tfLevel,
                        log2M, maxWeight, identifier));
            } else {
                comparisons.add(new CompiledRule.Comparison(c.name(), slot, levels, -1, -1, 0, maxWeight, identifier));
            }
        }
        int[][] blocking = new int[p.blockingKeys().size()][];
        long[] seeds = new long[blocking.length];
        for (int k = 0; k < blocking.length; k++) {
            BlockingKey key = p.blockingKeys().get(k);
            blocking[k] = new int[key.features().size()];
            for (int f = 0; f < blocking[k].length; f++) {
                blocking[k][f] = slot(slots, key.features().get(f), "blocking key " + key.name() + " of rule " + p.name());
            }
            seeds[k] = SipHash.mix(ruleSeed ^ (0xD1B54A32D192ED03L * (k + 1)));
        }
        return new CompiledRule(r, p, comparisons.toArray(new CompiledRule.Comparison[0]), blocking, seeds);
    }

    private static int slot(Map<String, Integer> slots, String feature, String user) {
        Integer slot = slots.get(feature);
        if (slot == null) {
            throw new IllegalArgumentException(user + " refers to feature " + feature
                    + ", which is not defined; define it with Resolver.Builder.feature(...). Defined: "
                    + new java.util.TreeSet<>(slots.keySet()));
        }
        return slot;
    }

    IdentifierNormalizer normalizer(IdentifierType type) {
        IdentifierNormalizer n = normalizers.get(type);
        return n != null ? n : type.normalizer();
    }

    int limit(IdentifierType type) {
        Integer limit = limits.get(type);
        if (limit == null && type.isProtected()) {
            limit = limits.get(type.base());
        }
        return limit != null ? limit : type.maxPerProfile();
    }

    Survivorship survivorship(String attribute) {
        Survivorship s = survivorship.get(attribute);
        return s != null ? s : defaultSurvivorship;
    }

    /** The feature slot of a name, or -1. */
    public int featureSlot(String name) {
        Integer slot = featureSlots.get(name);
        return slot == null ? -1 : slot;
    }
}
