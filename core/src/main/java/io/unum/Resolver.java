package io.unum;

import io.unum.internal.EngineConfig;
import io.unum.internal.ChangeApplier;
import io.unum.internal.Diagnostics;
import io.unum.internal.PreparedFeatures;
import io.unum.internal.Engine;
import io.unum.internal.Explanations;
import io.unum.internal.Outcome;
import io.unum.store.GraphStore;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.model.Survivorship;
import io.unum.privacy.ConsentPolicy;
import io.unum.privacy.IngestFilter;
import io.unum.privacy.LinkingFilter;
import io.unum.privacy.OutputFilter;
import io.unum.privacy.SuppressionList;
import io.unum.privacy.SuppressionPolicy;
import java.time.Clock;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.IdentifierNormalizer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The identity-resolution engine: rules, features, merge protection and survivorship, compiled
 * once. Use it for a batch ({@link #resolve}) or to start a live graph ({@link #newGraph}); both
 * run the same engine and give the same partition for the same records.
 *
 * <pre>{@code
 * Resolver resolver = Resolver.newBuilder()
 *     .rule(MatchRule.deterministic("same-email", IdentifierType.EMAIL))
 *     .build();
 * Resolution resolution = resolver.resolve(records);
 * }</pre>
 *
 * <p>A resolver is immutable and thread-safe: any number of threads may resolve batches and own
 * graphs concurrently. Batch phases run on a private pool of {@link Builder#parallelism(int)}
 * daemon threads; the result does not depend on the parallelism.
 */
public final class Resolver {

    private final EngineConfig config;
    private final int parallelism;
    private final SuppressionList suppression;
    private final SpecSettings.Recorded described;
    private final java.util.concurrent.Executor executor;
    private final Engine engine;

    private Resolver(EngineConfig config, int parallelism, SuppressionList suppression, SpecSettings.Recorded described,
            java.util.concurrent.Executor executor) {
        this.config = config;
        this.parallelism = parallelism;
        this.suppression = suppression;
        this.described = described;
        this.executor = executor;
        this.engine = Engine.withStoredFeatures(config, parallelism, executor, () -> {
            EngineSpec spec = specOrNull();
            return spec == null ? null : spec.hash() + "/" + java.util.Arrays.toString(spec.secret());
        });
    }

    /**
     * This resolver's configuration as an {@link EngineSpec}: its rule sets, the settings made on
     * its builder, its trained model and its blocking secret. {@code Resolver.newBuilder(spec)}
     * rebuilds a resolver that gives the same results.
     *
     * @throws IllegalStateException if features, rules or identifier normalizers were added to
     *     the builder directly rather than through a {@link io.unum.rules.RuleSet}: a spec can only
     *     name configuration that a rule set's provider can make again
     */
    public EngineSpec spec() {
        return described.spec(config.model());
    }

    /** The compiled configuration (for {@link DistributedStages}). */
    EngineConfig config() {
        return config;
    }

    /** The spec, or {@code null} if the resolver was not built from rule sets. */
    EngineSpec specOrNull() {
        return described.direct().isEmpty() ? spec() : null;
    }

    /**
     * A builder holding a spec's configuration: its rule sets, settings, trained model and (if it
     * has one) blocking secret. Add the run-time environment — privacy filters, clock,
     * suppression list, executor — before {@link Builder#build()}; the settings the spec holds
     * can not be set again.
     */
    public static Builder newBuilder(EngineSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Builder builder = new Builder();
        spec.ruleSets().forEach(builder::ruleSet);
        SpecSettings.apply(builder, spec.settings());
        spec.model().ifPresent(model -> builder.specModel = model);
        long[] secret = spec.secret();
        if (secret != null) {
            builder.blockingSecret(secret[0], secret[1]);
        }
        return builder;
    }

    // ------------------------------------------------------------------------------------------
    // training

    /**
     * Trains this resolver's probabilistic rules on unlabelled records: u from random pairs, m by
     * expectation–maximisation over blocked pairs, the prior as the options say, and term
     * frequencies for comparisons that ask for them. Apply the result with {@link #withModel}.
     *
     * @param records the records to learn from (a seeded sample if there are more than
     *     {@link io.unum.training.TrainingOptions#maxRecords()})
     * @param options the training settings
     * @return the trained parameters; {@link io.unum.training.TrainedModel.Rule#notes()} says how
     *     each pass went
     */
    public io.unum.training.TrainedModel train(Collection<? extends SourceRecord> records,
            io.unum.training.TrainingOptions options) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(options, "options");
        return engine.trainer().train(records, options);
    }

    /**
     * Trains on the records, then resolves them with the trained model: the same model, resolver
     * and resolution as {@code withModel(train(records, options))} and its
     * {@link #resolve(Collection, ProgressListener) resolve(records, progress)} at one instant, but
     * each record of the training sample is featurized once for both (features do not depend on
     * the model; term frequencies are looked up again). Consent and retention are evaluated at
     * the instant training starts, for training and resolving alike.
     *
     * @param records the records to learn from and to resolve; not modified
     * @param options the training settings
     * @param progress hears {@code training} (0 of 1, then 1 of 1) and the stages of resolve
     * @return the trained resolver and the resolution
     */
    public Trained trainAndResolve(Collection<? extends SourceRecord> records, io.unum.training.TrainingOptions options,
            ProgressListener progress) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        PreparedFeatures prepared = new PreparedFeatures(engine, engine.now());
        progress.onProgress("training", 0, 1);
        io.unum.training.TrainedModel model = engine.trainer().train(records, options, prepared);
        progress.onProgress("training", 1, 1);
        Resolver trained = withModel(model);
        return new Trained(trained, trained.resolve(records, progress, prepared));
    }

    /**
     * A resolver trained on a batch and the batch's resolution ({@link #trainAndResolve}).
     *
     * @param resolver the resolver with the trained model ({@link Resolver#model()})
     * @param resolution the records resolved by it
     */
    public record Trained(Resolver resolver, Resolution resolution) {
        public Trained {
            Objects.requireNonNull(resolver, "resolver");
            Objects.requireNonNull(resolution, "resolution");
        }

        /** The trained model. */
        public io.unum.training.TrainedModel model() {
            return resolver.model().orElseThrow();
        }
    }

    /**
     * Trains with a label per record: records sharing a label are the same person (for example
     * a ground-truth or clerical-review column). Records without a label count as people of
     * their own.
     */
    public io.unum.training.TrainedModel trainWithLabels(Collection<? extends SourceRecord> records,
            Map<RecordKey, String> labels, io.unum.training.TrainingOptions options) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(options, "options");
        return engine.trainer().trainWithLabels(records, labels, options);
    }

    /**
     * This resolver with a trained model's parameters: priors, m and u, term frequencies.
     *
     * @throws IllegalArgumentException naming a rule, comparison or level the model has and this
     *     resolver does not
     */
    public Resolver withModel(io.unum.training.TrainedModel model) {
        Objects.requireNonNull(model, "model");
        return new Resolver(config.withModel(model), parallelism, suppression, described, executor);
    }

    /** The rules as in use (with a trained model's parameters, if any). */
    public List<MatchRule> rules() {
        return config.rules();
    }

    /** The trained model in use, if any. */
    public java.util.Optional<io.unum.training.TrainedModel> model() {
        return java.util.Optional.ofNullable(config.model());
    }

    /**
     * The suppression list this resolver refuses erased identifiers by: shared by its batches
     * and graphs; export it to keep erasures across restarts.
     */
    public SuppressionList suppressionList() {
        return suppression;
    }

    /** Starts a resolver definition. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Resolves a batch of records into golden profiles. Duplicate keys: the last occurrence
     * wins and earlier ones are reported as {@link InputIssue.Problem#DUPLICATE_KEY}. Records
     * that cannot be resolved are reported in {@link Resolution#rejected()}; nothing is dropped
     * silently.
     *
     * @param records the records; not modified
     * @return the resolution
     */
    public Resolution resolve(Collection<? extends SourceRecord> records) {
        return resolve(records, ProgressListener.NONE);
    }

    /**
     * {@link #resolve(Collection)}, reporting progress to {@code progress} for the stages
     * {@code features}, {@code scoring}, {@code clustering} and {@code profiles}.
     *
     * @param records the records; not modified
     * @param progress a thread-safe listener; it may be called from the resolver's worker threads
     * @return the resolution
     */
    public Resolution resolve(Collection<? extends SourceRecord> records, ProgressListener progress) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(progress, "progress");
        return resolve(records, progress, null);
    }

    private Resolution resolve(Collection<? extends SourceRecord> records, ProgressListener progress,
            PreparedFeatures prepared) {
        try (GraphStore store = GraphStore.inMemory()) {
            ChangeApplier applier = engine.newApplier();
            Outcome outcome = resolveInto(store, applier, records, progress, prepared);
            GraphStore.Reader snapshot = store.snapshot();
            return Resolution.detached(engine, snapshot, applier.diagnostics(snapshot), outcome.changes().issues(),
                    outcome.changes().privacy(), outcome.candidatePairs(), outcome.stageTimes());
        }
    }

    /** Applies a batch to a fresh store in one transaction. */
    private Outcome resolveInto(GraphStore store, ChangeApplier applier, Collection<? extends SourceRecord> records,
            ProgressListener progress, PreparedFeatures prepared) {
        try (GraphStore.Transaction tx = store.begin()) {
            Outcome outcome = applier.apply(tx, records, List.of(), progress, prepared);
            tx.commit();
            return outcome;
        }
    }

    /**
     * Explains why two records would or would not be linked, each featurized as an upsert would
     * (term frequencies from the trained model). Block sizes are not known for two records
     * alone, so a shared key counts even if in a larger data set it would be oversized; a live
     * graph's {@link IdentityGraph#explain(RecordKey, RecordKey)} takes the block sizes into account.
     *
     * @throws IllegalArgumentException if either record is rejected or refused at ingest
     */
    public Explanation explain(SourceRecord first, SourceRecord second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return new Explanations(engine).explain(first, second);
    }

    /**
     * Resolves the records and streams every candidate pair of the probabilistic rules with its
     * match weight (for diagnostics such as a weight histogram or precision against threshold).
     */
    public void candidatePairs(Collection<? extends SourceRecord> records, CandidatePairConsumer consumer) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(consumer, "consumer");
        try (GraphStore store = GraphStore.inMemory()) {
            resolveInto(store, engine.newApplier(), records, ProgressListener.NONE, null);
            new Diagnostics(engine, store.snapshot()).forEachCandidatePair(consumer);
        }
    }

    /** Creates an empty live graph that resolves with this configuration, in memory. */
    public IdentityGraph newGraph() {
        return new IdentityGraph(engine, GraphStore.inMemory(), suppression);
    }

    /**
     * Creates a live graph over a store: the graph reads and writes its state there. The store
     * must hold nothing or a graph this configuration made: its {@link EngineSpec} hash and
     * blocking secret, kept in the store's metadata, are checked, and a new store records this
     * resolver's (use {@link #newBuilder(GraphStore)} to build the resolver a store was built
     * with, {@link #rebuildGraph(GraphStore)} to change its configuration). Records whose
     * derived data the store does not hold (a persistent store after a restart) are featurized
     * again, and the store's suppression entries are added to the resolver's suppression list
     * (they match only if the list was made with the same secret). The graph owns the store from
     * now on; close the store when the graph is no longer used.
     *
     * @throws IllegalStateException if the store was built with another configuration, or a
     *     transaction is open on the store
     */
    public IdentityGraph newGraph(GraphStore store) {
        Objects.requireNonNull(store, "store");
        StoreBinding.check(this, store);
        return new IdentityGraph(engine, store, suppression);
    }

    /**
     * Resolves every record a store holds again with this configuration, in one transaction, and
     * returns a live graph over it: features, block memberships and links are made anew and the
     * profiles follow as for any change (a profile keeps its id where its oldest record — the one
     * its id was made from — survives; merges and splits go to the change feed). The store then
     * records this configuration. Use it to open a store built with another configuration.
     */
    public IdentityGraph rebuildGraph(GraphStore store) {
        Objects.requireNonNull(store, "store");
        ChangeApplier applier = engine.newApplier();
        try (GraphStore.Transaction tx = store.begin()) {
            applier.reindex(tx, ProgressListener.NONE);
            EngineSpec spec = specOrNull();
            if (spec != null) {
                StoreBinding.record(tx, spec);
            }
            tx.commit();
        }
        return new IdentityGraph(engine, store, suppression);
    }

    /**
     * A builder holding the configuration a store was built with (its {@link EngineSpec} and
     * blocking secret), to open the store's graph: {@code Resolver.newBuilder(store).build().newGraph(store)}.
     * Add the run-time environment (privacy filters, clock, suppression list, executor) before
     * {@link Builder#build()}.
     *
     * @throws IllegalStateException if the store records no configuration
     */
    public static Builder newBuilder(GraphStore store) {
        Objects.requireNonNull(store, "store");
        return newBuilder(StoreBinding.spec(store));
    }

    /**
     * Builds a {@link Resolver}. Each single-valued setting may be given once (a second call
     * throws, naming the setting); cross-setting checks happen in {@link #build()}. Not
     * thread-safe.
     *
     * <p>Defaults: block size cap 1,000; maximum profile size 1,000 records; maximum value
     * length 1,000 characters; parallelism = available processors; survivorship most recent;
     * identifier limits and normalizers from each {@link IdentifierType}.
     */
    public static final class Builder {
        private final List<MatchRule> rules = new ArrayList<>();
        private final List<Feature> features = new ArrayList<>();
        private final Map<IdentifierType, IdentifierNormalizer> normalizers = new HashMap<>();
        private final Map<IdentifierType, Integer> limits = new HashMap<>();
        private final List<List<RecordKey>> cannotLink = new ArrayList<>();
        private final Map<String, Survivorship> survivorship = new LinkedHashMap<>();
        private Integer blockSizeCap;
        private Integer maxProfileSize;
        private Double maxContradiction;
        private Integer genericPeople;
        private Double identifierContradiction;
        private EngineConfig.Distinct distinctPeople;
        private final java.util.TreeSet<String> duplicateFree = new java.util.TreeSet<>();
        private final java.util.Set<IdentifierType> absoluteIdentifiers = new java.util.TreeSet<>();
        private Integer maxValueLength;
        private Integer parallelism;
        private Survivorship defaultSurvivorship;
        private long[] secret;
        private final List<IngestFilter> ingestFilters = new ArrayList<>();
        private final List<OutputFilter> outputFilters = new ArrayList<>();
        private final Map<String, java.time.Duration> retention = new HashMap<>();
        private LinkingFilter linkingFilter;
        private ConsentPolicy consentPolicy;
        private Clock clock;
        private SuppressionList suppressionList;
        private SuppressionPolicy suppressionPolicy;
        private java.util.concurrent.Executor executor;
        /** What an {@link EngineSpec} records: rule sets, settings set directly, and what keeps a spec from being made. */
        private final SpecSettings.Recorder recorder = new SpecSettings.Recorder();
        private io.unum.training.TrainedModel specModel;

        private Builder() {
        }

        /**
         * Adds a rule set's features, identifier normalizers, limits and rules (see
         * {@link io.unum.rules.RuleSet}). A resolver built only from rule sets and the settings
         * of this builder can describe itself as an {@link EngineSpec} ({@link Resolver#spec()}).
         */
        public Builder ruleSet(io.unum.rules.RuleSet ruleSet) {
            Objects.requireNonNull(ruleSet, "rule set");
            recorder.ruleSet(ruleSet, () -> ruleSet.configure(this));
            return this;
        }

        /**
         * The executor that batch phases run on (default: one pool of daemon threads shared by
         * every resolver of the JVM). Work is split into at most {@link #parallelism(int)} tasks
         * at a time; the calling thread takes part, so a saturated or same-thread executor slows
         * a run down but never deadlocks it. Results do not depend on the executor.
         */
        public Builder executor(java.util.concurrent.Executor value) {
            once(executor, "executor", null);
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** Fails if a single-valued setting was set before, naming it (and its value, if shown). */
        private static void once(Object current, String name, Object shown) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set" + (shown == null ? "" : " to " + shown));
            }
        }

        /**
         * Adds a privacy stage applied to every record before anything else (stages run in the
         * order added). See {@link io.unum.privacy.PrivacyFilters} for ready-made stages.
         */
        public Builder ingestFilter(IngestFilter filter) {
            ingestFilters.add(Objects.requireNonNull(filter, "ingest filter"));
            return this;
        }

        /** Decides who may be linked by which rule (default: everyone by every rule). */
        public Builder linkingFilter(LinkingFilter filter) {
            once(linkingFilter, "linkingFilter", null);
            linkingFilter = Objects.requireNonNull(filter, "linking filter");
            return this;
        }

        /** Adds a stage applied to purpose views after consent masking, in the order added. */
        public Builder outputFilter(OutputFilter filter) {
            outputFilters.add(Objects.requireNonNull(filter, "output filter"));
            return this;
        }

        /** How members' consent combines into a profile's (default most restrictive). */
        public Builder consentPolicy(ConsentPolicy policy) {
            once(consentPolicy, "consentPolicy", consentPolicy);
            consentPolicy = Objects.requireNonNull(policy, "consent policy");
            return this;
        }

        /** The clock consent, retention and erasure are evaluated against (default the UTC system clock). */
        public Builder clock(Clock value) {
            once(clock, "clock", null);
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The suppression list erased identifiers go into and records are checked against
         * (default: a new in-memory list per resolver). Give a list made with
         * {@link SuppressionList#withSecret} to restore it after a restart.
         */
        public Builder suppressionList(SuppressionList list) {
            once(suppressionList, "suppressionList", null);
            suppressionList = Objects.requireNonNull(list, "suppression list");
            return this;
        }

        /** What a suppressed identifier does to a record (default refuse). */
        public Builder suppressionPolicy(SuppressionPolicy policy) {
            once(suppressionPolicy, "suppressionPolicy", suppressionPolicy);
            suppressionPolicy = Objects.requireNonNull(policy, "suppression policy");
            return this;
        }

        /**
         * Keeps a source's records for {@code period} after they were observed (once per source):
         * older records are refused at ingest and purged from graphs by
         * {@link IdentityGraph#purgeExpired()}.
         */
        public Builder retention(String source, java.time.Duration period) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("retention for source " + source + " must be positive, was " + period);
            }
            if (retention.putIfAbsent(source, period) != null) {
                throw new IllegalStateException("retention for source " + source + " was already set");
            }
            return this;
        }

        /** Adds a match rule. Rule names must be unique. */
        public Builder rule(MatchRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            recorder.directly("rule " + rule.name());
            return this;
        }

        /** Adds match rules. */
        public Builder rules(Collection<? extends MatchRule> values) {
            Objects.requireNonNull(values, "rules").forEach(this::rule);
            return this;
        }

        /** Defines a feature that comparisons and blocking keys refer to by name. */
        public Builder feature(Feature feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            recorder.directly("feature " + feature.name());
            return this;
        }

        /** Defines features. */
        public Builder features(Collection<Feature> values) {
            Objects.requireNonNull(values, "features").forEach(this::feature);
            return this;
        }

        /** Replaces the normalizer of an identifier type (once per type). */
        public Builder identifierNormalizer(IdentifierType type, IdentifierNormalizer normalizer) {
            Objects.requireNonNull(type, "identifier type");
            Objects.requireNonNull(normalizer, "normalizer");
            if (normalizers.putIfAbsent(type, normalizer) != null) {
                throw new IllegalStateException("identifierNormalizer for type " + type.name() + " was already set");
            }
            recorder.directly("identifier normalizer of " + type.name());
            return this;
        }

        /**
         * Sets the most distinct values of a type one profile may hold (once per type),
         * overriding the type's own {@link IdentifierType#maxPerProfile()}.
         */
        public Builder limit(IdentifierType type, int maxPerProfile) {
            Objects.requireNonNull(type, "identifier type");
            if (maxPerProfile < 1) {
                throw new IllegalArgumentException("limit for identifier type " + type.name()
                        + " must be at least 1, was " + maxPerProfile);
            }
            if (limits.putIfAbsent(type, maxPerProfile) != null) {
                throw new IllegalStateException("limit for identifier type " + type.name() + " was already set");
            }
            recorder.entry("limits", type.name(), maxPerProfile);
            return this;
        }

        /** Declares that two records must never be in the same profile. */
        public Builder cannotLink(RecordKey a, RecordKey b) {
            Objects.requireNonNull(a, "first record key");
            Objects.requireNonNull(b, "second record key");
            if (a.equals(b)) {
                throw new IllegalArgumentException("a record cannot be kept apart from itself: " + a);
            }
            cannotLink.add(List.of(a, b));
            recorder.cannotLink(a, b);
            return this;
        }

        /**
         * The most records that may share one blocking-key value before the value stops
         * producing candidate pairs (default 1,000). A probabilistic rule's key may set a lower
         * cap of its own ({@link io.unum.rules.BlockingKey#withMaxBlockSize(int)}). Oversized
         * values are reported in {@link ResolutionStatistics#oversizedBlocks()}.
         */
        public Builder blockSizeCap(int value) {
            once(blockSizeCap, "blockSizeCap", blockSizeCap);
            if (value < 2) {
                throw new IllegalArgumentException("blockSizeCap must be at least 2, was " + value);
            }
            blockSizeCap = value;
            recorder.setting("blockSizeCap", value);
            return this;
        }

        /** The most records one profile may hold (default 1,000). */
        public Builder maxProfileSize(int value) {
            once(maxProfileSize, "maxProfileSize", maxProfileSize);
            if (value < 1) {
                throw new IllegalArgumentException("maxProfileSize must be at least 1, was " + value);
            }
            maxProfileSize = value;
            recorder.setting("maxProfileSize", value);
            return this;
        }

        /**
         * Merge protection against chaining: two records whose probabilistic comparisons
         * contradict each other by more than {@code bits} (the sum of the negative weights of the
         * levels they reach, for example a different first name and a different date of birth),
         * and whose match weight is below the rule's review threshold, are never put in the same
         * profile, even when other records link to both (default: no such limit). Pairs with
         * enough evidence to be linked on their own are not affected. This keeps an under-specified record, such as a surname and an address,
         * from joining two members of a household into one profile.
         *
         * @param bits a positive number of bits, e.g. 10 (odds of about 1000 to 1 against)
         */
        public Builder maxContradiction(double bits) {
            once(maxContradiction, "maxContradiction", maxContradiction);
            if (!(bits > 0)) {
                throw new IllegalArgumentException("maxContradiction must be a positive number of bits, was " + bits);
            }
            maxContradiction = bits;
            recorder.setting("maxContradiction", bits);
            return this;
        }

        /**
         * Generic values and deterministic links as evidence. A value of an identifier that records
         * of several <em>different</em> people share — a shop's default loyalty number, its own
         * phone, an agency's or a family's e-mail — is <em>generic</em> once its holders include
         * {@code people} records that contradict each other pairwise by more than {@code bits}
         * (the shared value not counted; for example a different given name and a different date
         * of birth), or twice as many that contradict each other pairwise by more than half as
         * many bits (point-of-sale rows with a surname alone, four surnames on one shop's number),
         * or once more records hold it than the block-size cap. A generic value links
         * nobody deterministically and counts as the null level in identifier comparisons: it
         * stops linking on its own, and the records it joined are judged on their other
         * evidence. Separately, a deterministic link between two records that contradict each
         * other by more than {@code bits} is refused (the pair may still link on its match
         * weight). Both are functions of the records alone (the holders are examined in record
         * key order), so a value that becomes generic as data arrives splits exactly the profiles
         * a batch of the same records would not have made. Default: off.
         *
         * @param people at least 2: the number of different people that makes a value generic
         * @param bits a positive number of bits, e.g. 8
         * @see #absoluteIdentifier(IdentifierType)
         */
        public Builder genericValues(int people, double bits) {
            once(genericPeople, "genericValues", genericPeople);
            if (people < 2) {
                throw new IllegalArgumentException("genericValues needs at least 2 people, was " + people);
            }
            if (!(bits > 0)) {
                throw new IllegalArgumentException("genericValues needs a positive number of bits, was " + bits);
            }
            genericPeople = people;
            identifierContradiction = bits;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("people", people);
            json.put("bits", bits);
            recorder.setting("genericValues", json);
            return this;
        }

        /**
         * Distinct people: two records whose {@code feature} values are both present and fail
         * {@code samePerson} — for example different given names, neither a nickname, a typo nor
         * a swap of the other, and birth dates that do not agree — are different people unless a
         * probabilistic rule links them on their own evidence (its match threshold, identifier
         * values they share not counted: a household shares its e-mail, phone and loyalty card), or they
         * share a value of an {@linkplain #absoluteIdentifier absolute} type. Distinct people are never
         * linked to each other, by a deterministic or a probabilistic link, and a record without
         * the feature (a surname and an address, a shared e-mail alone), which cannot tell them
         * apart, does not join them into one profile through its links. A function of the
         * records alone, so batch and incremental agree. Set by the rule set that defines the
         * feature ({@code CustomerRules} does); default: off.
         *
         * @param feature a feature defined by {@link #feature}; a record without it cannot tell
         *     people apart
         * @param samePerson whether two values of the feature may belong to one person
         */
        public Builder distinctPeople(String feature, LevelCondition samePerson) {
            return distinctPeople(feature, samePerson, value -> false);
        }

        /**
         * As {@link #distinctPeople(String, LevelCondition)}, with values that tell only some
         * people apart: a record whose value is {@code partial} (for {@code CustomerRules}, a given
         * name without a birth date, which fits a father and a son of one name alike) does not
         * join, through its links, two clusters holding distinct people that it fits both of
         * ({@code samePerson} holds between its value and each of theirs). A record without the
         * feature fits everyone, as before; a record with a complete value joins what its links
         * join.
         *
         * @param partial whether a value of the feature tells only some people apart
         */
        public Builder distinctPeople(String feature, LevelCondition samePerson,
                java.util.function.Predicate<String> partial) {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(samePerson, "samePerson");
            Objects.requireNonNull(partial, "partial");
            if (distinctPeople != null) {
                throw new IllegalStateException("distinctPeople was already set");
            }
            distinctPeople = new EngineConfig.Distinct(feature, samePerson, partial);
            recorder.directly("distinctPeople");
            return this;
        }

        /**
         * Declares a source duplicate-free: its records are each a different person (a
         * deduplicated CRM, one party's file in a linkage between parties), so a profile holds at
         * most one of them. Merge protection refuses every union that would put two of its
         * records into one profile, however they are linked; their links are still scored and
         * explained. Like the other merge protections a function of the records alone, so batch
         * and incremental agree. Repeat for several sources; default: none.
         *
         * @param source a source name as in {@link io.unum.model.RecordKey#source()}
         * @throws IllegalStateException if the source was already declared
         */
        public Builder duplicateFreeSource(String source) {
            Objects.requireNonNull(source, "source");
            if (source.isBlank()) {
                throw new IllegalArgumentException("duplicateFreeSource needs a source name, was blank");
            }
            if (!duplicateFree.add(source)) {
                throw new IllegalStateException("source " + source + " was already declared duplicate-free");
            }
            recorder.setting("duplicateFreeSources", List.copyOf(duplicateFree));
            return this;
        }

        /**
         * Makes an identifier type absolute: its values are never generic and a deterministic link
         * on it is never refused for contradicting evidence (see {@link #genericValues}), for
         * example a verified national id. Its per-profile limit still applies.
         */
        public Builder absoluteIdentifier(IdentifierType type) {
            Objects.requireNonNull(type, "identifier type");
            absoluteIdentifiers.add(type);
            recorder.setting("absoluteIdentifiers", absoluteIdentifiers.stream().map(IdentifierType::name).toList());
            return this;
        }

        /**
         * The longest attribute or identifier value used (default 1,000 characters). Longer
         * values stay on the source record but are ignored for matching and survivorship, and
         * reported as {@link InputIssue.Problem#VALUE_TOO_LONG}.
         */
        public Builder maxValueLength(int value) {
            once(maxValueLength, "maxValueLength", maxValueLength);
            if (value < 1) {
                throw new IllegalArgumentException("maxValueLength must be at least 1, was " + value);
            }
            maxValueLength = value;
            recorder.setting("maxValueLength", value);
            return this;
        }

        /** Threads for batch phases (default: available processors). Results do not depend on it. */
        public Builder parallelism(int value) {
            once(parallelism, "parallelism", parallelism);
            if (value < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + value);
            }
            parallelism = value;
            return this;
        }

        /** The survivorship of one attribute (once per attribute). */
        public Builder survivorship(String attribute, Survivorship rule) {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(rule, "survivorship");
            if (survivorship.putIfAbsent(attribute, rule) != null) {
                throw new IllegalStateException("survivorship for attribute " + attribute + " was already set");
            }
            recorder.entry("survivorship", attribute, SpecSettings.survivorshipJson(rule));
            return this;
        }

        /** The survivorship of attributes without their own (default most recent). */
        public Builder defaultSurvivorship(Survivorship rule) {
            once(defaultSurvivorship, "defaultSurvivorship", defaultSurvivorship == null ? null : defaultSurvivorship.name());
            defaultSurvivorship = Objects.requireNonNull(rule, "survivorship");
            recorder.setting("defaultSurvivorship", SpecSettings.survivorshipJson(rule));
            return this;
        }

        /**
         * The 128-bit secret for hashing blocking keys (default: random per resolver). Set it only
         * to reproduce a run bit for bit; results never depend on it except through hash
         * collisions, which are vanishingly rare.
         */
        public Builder blockingSecret(long k0, long k1) {
            once(secret, "blockingSecret", null);
            secret = new long[] {k0, k1};
            return this;
        }

        /**
         * Validates the configuration and builds the resolver.
         *
         * @throws IllegalArgumentException naming the rule, feature or setting at fault
         */
        public Resolver build() {
            long[] key = secret;
            if (key == null) {
                SecureRandom random = new SecureRandom();
                key = new long[] {random.nextLong(), random.nextLong()};
            }
            int threads = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
            SuppressionList suppression = suppressionList != null ? suppressionList : SuppressionList.inMemory();
            EngineConfig.Settings settings = new EngineConfig.Settings(features, rules, normalizers, limits,
                    cannotLink, blockSizeCap != null ? blockSizeCap : 1000,
                    maxProfileSize != null ? maxProfileSize : 1000,
                    maxContradiction != null ? maxContradiction : Double.POSITIVE_INFINITY,
                    maxValueLength != null ? maxValueLength : 1000, threads, survivorship,
                    defaultSurvivorship != null ? defaultSurvivorship : Survivorship.mostRecent(), key[0], key[1],
                    new EngineConfig.Privacy(ingestFilters, linkingFilter != null ? linkingFilter : LinkingFilter.allowAll(),
                            outputFilters, consentPolicy != null ? consentPolicy : ConsentPolicy.MOST_RESTRICTIVE,
                            clock != null ? clock : Clock.systemUTC(), suppression,
                            suppressionPolicy != null ? suppressionPolicy : SuppressionPolicy.REFUSE, retention), null,
                    genericPeople == null && absoluteIdentifiers.isEmpty() && distinctPeople == null
                            ? EngineConfig.Generic.OFF
                            : new EngineConfig.Generic(genericPeople == null ? 0 : genericPeople,
                                    identifierContradiction == null ? Double.POSITIVE_INFINITY : identifierContradiction,
                                    absoluteIdentifiers, distinctPeople), duplicateFree);
            EngineConfig config = EngineConfig.compile(settings);
            if (specModel != null) {
                config = config.withModel(specModel);
            }
            return new Resolver(config, threads, suppression,
                    recorder.recorded(key), executor);
        }
    }
}
