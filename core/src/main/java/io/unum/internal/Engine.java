package io.unum.internal;

import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * The engine's stages, built once from a compiled configuration and shared by every batch and
 * graph of one resolver:
 *
 * <pre>
 * EngineConfig ─► Admission ─► Featurizer ─► CandidateGenerator ─► Scorer (score = explain)
 *                                                   └──► Clusterer(component) ─► ProfileAssigner ─► ProfileBuilder
 * </pre>
 *
 * Each stage is pure and thread-safe and holds no graph state; graph state lives in a
 * {@link io.unum.store.GraphStore}, and one {@link ChangeApplier} per graph writes a change
 * through it. Public only so that the {@code io.unum} API can use it; not exported.
 */
public final class Engine {

    final EngineConfig config;
    final Featurizer featurizer;
    final CandidateGenerator generator;
    final Scorer scorer;
    final Clusterer clusterer;
    final GenericValues generics;
    final ProfileAssigner assigner;
    final ProfileBuilder profileBuilder;
    final ViewBuilder viewBuilder;
    final Parallel parallel;

    /**
     * @param config the compiled configuration
     * @param parallelism the most tasks batch phases run at once
     * @param executor where they run, or {@code null} for the JVM-wide default pool
     */
    public Engine(EngineConfig config, int parallelism, Executor executor) {
        this(config, parallelism, executor, null);
    }

    /**
     * An engine whose featurizer keeps only the blocking keys that {@code keepKey} accepts (see
     * {@link Kernel}).
     *
     * @param keepKey keeps a blocking key, or {@code null} to keep every key
     */
    public Engine(EngineConfig config, int parallelism, Executor executor, java.util.function.LongPredicate keepKey) {
        this(config, parallelism, executor, keepKey, null);
    }

    /**
     * An engine that also takes each identifier value's generic status from {@code genericValue}
     * (by look-up key: the whole data set's answer) instead of computing it from the records it
     * holds (see {@link Kernel}).
     *
     * @param genericValue tells a generic value by its look-up key, or {@code null} to compute it
     */
    public Engine(EngineConfig config, int parallelism, Executor executor, java.util.function.LongPredicate keepKey,
            java.util.function.LongPredicate genericValue) {
        this(config, parallelism, executor, keepKey, genericValue, null);
    }

    /**
     * An engine whose features have a stored form (see {@link FeatureCodec}), so that a
     * persistent store reopens without featurizing its records again.
     *
     * @param configuration names the configuration the stored form belongs to (its spec hash and
     *     blocking secret), asked when a stored form is first written or read; {@code null} from it
     *     means features without a stored form
     */
    public static Engine withStoredFeatures(EngineConfig config, int parallelism, Executor executor,
            java.util.function.Supplier<String> configuration) {
        return new Engine(config, parallelism, executor, null, null, FeatureCodec.of(configuration));
    }

    private Engine(EngineConfig config, int parallelism, Executor executor, java.util.function.LongPredicate keepKey,
            java.util.function.LongPredicate genericValue, FeatureCodec codec) {
        this.config = config;
        this.featurizer = new Featurizer(config, keepKey, codec);
        this.generator = new CandidateGenerator(config);
        this.scorer = new Scorer(config);
        this.generics = new GenericValues(config, scorer, featurizer, generator, genericValue);
        this.clusterer = new Clusterer(config, scorer, generator, generics);
        this.parallel = new Parallel(parallelism, executor);
        this.assigner = new ProfileAssigner(parallel);
        this.profileBuilder = new ProfileBuilder(config);
        this.viewBuilder = new ViewBuilder(config);
    }

    /** The configuration. */
    public EngineConfig config() {
        return config;
    }

    /** A new applier (one per graph: it owns its scratch). */
    public ChangeApplier newApplier() {
        return new ChangeApplier(this);
    }

    /** The view builder. */
    public ViewBuilder viewBuilder() {
        return viewBuilder;
    }

    /** The configured clock's current time. */
    public Instant now() {
        return config.privacy.clock().instant();
    }

    /**
     * Gives every stored record its features (a persistent store after a restart), in one
     * transaction: decoded from the stored form the store returned when this configuration made it
     * ({@link FeatureCodec}; {@code restoreDerived}, nothing to write), derived again otherwise
     * ({@code setDerived}, which a persistent store keeps). Features are a function of the record
     * and the configuration, so a store built with this configuration gets back exactly what it
     * had either way. The records were admitted when they came in: retention, ingest filters and
     * suppression do not run again.
     *
     * @throws IllegalStateException naming a stored record this configuration no longer admits
     */
    public void rederive(io.unum.store.GraphStore store) {
        io.unum.store.GraphStore.Reader graph = store.snapshot();
        IntList missing = new IntList();
        IntList stored = new IntList();
        for (int o = 0, n = graph.ordinalBound(); o < n; o++) {
            if (graph.record(o) != null) {
                Object derived = graph.derived(o);
                if (derived instanceof byte[] && featurizer.codec != null) {
                    stored.add(o);
                } else if (!(derived instanceof FeatureRecord)) {
                    missing.add(o);
                }
            }
        }
        if (missing.isEmpty() && stored.isEmpty()) {
            return;
        }
        Instant now = now();
        FeatureRecord[] restored = new FeatureRecord[0];
        if (!stored.isEmpty()) {
            java.util.List<io.unum.model.SourceRecord> records = new java.util.ArrayList<>(stored.size());
            java.util.List<byte[]> bytes = new java.util.ArrayList<>(stored.size());
            for (int i = 0; i < stored.size(); i++) {
                records.add(graph.record(stored.get(i)));
                bytes.add((byte[]) graph.derived(stored.get(i)));
            }
            restored = featurizer.restoreAll(records, bytes, now, parallel);
            for (int i = 0; i < restored.length; i++) {
                if (restored[i] == null) {
                    missing.add(stored.get(i)); // made by another configuration: derived again
                }
            }
        }
        java.util.List<io.unum.model.SourceRecord> records = new java.util.ArrayList<>(missing.size());
        for (int i = 0; i < missing.size(); i++) {
            records.add(graph.record(missing.get(i)));
        }
        Featurizer.Result[] results = featurizer.featurizeStored(records, now, parallel, done -> { });
        try (io.unum.store.GraphStore.Transaction tx = store.begin()) {
            for (int i = 0; i < restored.length; i++) {
                if (restored[i] != null) {
                    tx.restoreDerived(stored.get(i), restored[i]);
                }
            }
            for (int i = 0; i < results.length; i++) {
                if (results[i].entry() == null) {
                    throw new IllegalStateException("stored record " + records.get(i).key()
                            + " is rejected by this configuration; open the store with the configuration it was built"
                            + " with");
                }
                tx.setDerived(missing.get(i), results[i].entry());
            }
            tx.commit();
        }
    }

    /**
     * Runs independent tasks at once on the engine's threads (at most its parallelism), returning
     * when all are done; the first exception of any is rethrown. For reads of a state nothing
     * writes meanwhile, whose results do not depend on the order they run in.
     */
    public void runAll(Runnable... tasks) {
        parallel.forEachChunk(tasks.length, 2, t -> tasks[t].run());
    }

    /** A trainer with this engine's stages. */
    public Trainer trainer() {
        return new Trainer(this);
    }
}
