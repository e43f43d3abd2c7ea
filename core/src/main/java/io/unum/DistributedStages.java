package io.unum;

import io.unum.internal.ChangeApplier;
import io.unum.internal.Engine;
import io.unum.internal.Kernel;
import io.unum.internal.Outcome;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * The engine's stages for a runtime that distributes the data set itself, such as the Spark
 * module: it featurizes records one at a time, counts block sizes over the whole data set,
 * scores candidate pairs, finds connected components of the links and then resolves each part
 * of the data set that holds whole components with {@link #resolve(Collection)}.
 *
 * <p>Why the parts agree with the whole: whether a block is oversized depends on the whole data
 * set, so the runtime counts every block, and {@link #keeping(LongPredicate)} gives stages whose
 * featurizer drops the keys of the oversized blocks. With those keys gone, every key two records
 * share is a candidate key, so a part holding whole connected components of the links (and any
 * other records) has the same candidates, links, components and clusters as the whole data set
 * restricted to it; profile ids come from each cluster's founding record and survivorship reads
 * only the cluster. This class calls the same stages as {@link Resolver}: it copies none of them.
 *
 * <p>Immutable and thread-safe; build one per JVM (or per task) from the {@link EngineSpec},
 * which is what travels between machines.
 */
public final class DistributedStages {

    private final Resolver resolver;
    private final LongPredicate keepKey;
    private final Kernel kernel;

    private DistributedStages(Resolver resolver, LongPredicate keepKey) {
        this.resolver = resolver;
        this.keepKey = keepKey;
        this.kernel = new Kernel(new Engine(resolver.config(), 1, Runnable::run, keepKey));
    }

    /**
     * The stages of a spec's engine, with every blocking key kept.
     *
     * @throws IllegalArgumentException if the spec names a rule set no provider makes
     */
    public static DistributedStages of(EngineSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new DistributedStages(Resolver.newBuilder(spec).build(), null);
    }

    /**
     * The same stages whose featurizer keeps only the blocking keys {@code keepKey} accepts
     * (typically: not the key of a block found oversized over the whole data set).
     */
    public DistributedStages keeping(LongPredicate keepKey) {
        return new DistributedStages(resolver, Objects.requireNonNull(keepKey, "keepKey"));
    }

    /** One featurized record; made by {@link #featurize}. Immutable. */
    public static final class Features {
        private final Kernel.Featured featured;

        private Features(Kernel.Featured featured) {
            this.featured = featured;
        }

        /** The record's key. */
        public RecordKey key() {
            return featured.key();
        }

        /** The record as given. */
        public SourceRecord record() {
            return featured.record();
        }

        /** Whether the record is resolved; if not, {@link #issues()} says why. */
        public boolean resolved() {
            return featured.resolved();
        }

        /** The issues featurizing found (rejections and warnings), as a batch reports them. */
        public List<InputIssue> issues() {
            return featured.issues();
        }

        /** The record's sorted, distinct blocking keys (keyed hashes); a copy. */
        public long[] blockKeys() {
            return featured.keys();
        }

        /** Per blocking key, its tag (rule and key index), for {@link #oversized}; a copy. */
        public int[] blockTags() {
            return featured.tags();
        }
    }

    /** Featurizes a record as a batch would: admission, validation, features and blocking keys. */
    public Features featurize(SourceRecord record, Instant now) {
        return new Features(kernel.featurize(Objects.requireNonNull(record, "record"), now));
    }

    /** The configured clock's current time (the {@code now} a driver hands to every task). */
    public Instant now() {
        return kernel.now();
    }

    /** Whether a block with this tag holding {@code size} records is over its cap. */
    public boolean oversized(int tag, long size) {
        return kernel.oversized(tag, size);
    }

    /** Whether a tag's rule is deterministic: a block within its cap links all its members. */
    public boolean deterministic(int tag) {
        return kernel.deterministic(tag);
    }

    /**
     * Whether {@code key} is the smallest key of a probabilistic rule that two resolved records
     * share: the block in which the pair is scored, so that each candidate pair is scored once.
     */
    public boolean scoredIn(Features a, Features b, long key) {
        long[] found = new long[1];
        return kernel.smallestSharedProbabilisticKey(a.featured, b.featured, found) && found[0] == key;
    }

    /** Whether two resolved records that share a probabilistic rule's key are linked. */
    public boolean links(Features a, Features b) {
        return kernel.links(a.featured, b.featured);
    }

    /** An oversized block as {@link ResolutionStatistics#oversizedBlocks()} reports it. */
    public OversizedBlock oversizedBlock(long key, int tag, int size) {
        return kernel.oversizedBlock(key, tag, size);
    }

    /**
     * Resolves a part of the data set with these stages on the calling thread, as
     * {@link Resolver#resolve(Collection)} would with the blocking keys this instance keeps.
     * Equal to the whole data set's resolution restricted to the part when the part holds whole
     * connected components of the links and the dropped keys are those of the blocks oversized
     * in the whole data set.
     */
    public Resolution resolve(Collection<? extends SourceRecord> records) {
        Objects.requireNonNull(records, "records");
        Engine engine = kernel.engine();
        ChangeApplier applier = engine.newApplier();
        try (GraphStore store = GraphStore.inMemory()) {
            Outcome outcome;
            try (GraphStore.Transaction tx = store.begin()) {
                outcome = applier.apply(tx, records, List.of(), ProgressListener.NONE);
                tx.commit();
            }
            return Resolution.detached(engine, store.snapshot(), outcome.changes().issues(), outcome.changes().privacy(),
                    outcome.candidatePairs(), outcome.stageTimes());
        }
    }

    @Override
    public String toString() {
        return "DistributedStages[" + (keepKey == null ? "all keys" : "keys kept by a filter") + "]";
    }
}
