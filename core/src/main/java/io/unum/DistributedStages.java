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
 * only the cluster. Likewise whether an identifier value is generic depends on all the records
 * holding it: the runtime groups the records by {@link Features#valueKeys() value key}, decides
 * each value with {@link #generic} (the engine's own function of the holders) and gives the
 * answers to the scoring ({@link #links}) and to the parts ({@link #knowingGenericValues}); a
 * deterministic block whose value is generic links nobody. This class calls the same stages as
 * {@link Resolver}: it copies none of them.
 *
 * <p>Immutable and thread-safe; build one per JVM (or per task) from the {@link EngineSpec},
 * which is what travels between machines.
 */
public final class DistributedStages {

    private final Resolver resolver;
    private final LongPredicate keepKey;
    private final LongPredicate genericValue;
    private final Kernel kernel;

    private DistributedStages(Resolver resolver, LongPredicate keepKey, LongPredicate genericValue) {
        this.resolver = resolver;
        this.keepKey = keepKey;
        this.genericValue = genericValue;
        this.kernel = new Kernel(new Engine(resolver.config(), 1, Runnable::run, keepKey, genericValue));
    }

    /**
     * The stages of a spec's engine, with every blocking key kept.
     *
     * @throws IllegalArgumentException if the spec names a rule set no provider makes
     */
    public static DistributedStages of(EngineSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new DistributedStages(Resolver.newBuilder(spec).build(), null, null);
    }

    /**
     * The same stages whose featurizer keeps only the blocking keys {@code keepKey} accepts
     * (typically: not the key of a block found oversized over the whole data set).
     */
    public DistributedStages keeping(LongPredicate keepKey) {
        return new DistributedStages(resolver, Objects.requireNonNull(keepKey, "keepKey"), genericValue);
    }

    /**
     * The same stages, told the whole data set's generic identifier values by their value keys
     * ({@link Features#valueKeys()}): {@link #resolve} then takes each value's status from
     * {@code genericValue} instead of computing it from the records of the part, which hold only
     * some of its holders. {@code genericValue} must accept at least every generic value that a
     * record of the part holds.
     */
    public DistributedStages knowingGenericValues(LongPredicate genericValue) {
        return new DistributedStages(resolver, keepKey, Objects.requireNonNull(genericValue, "genericValue"));
    }

    /** One featurized record; made by {@link #featurize}. Immutable. */
    public static final class Features {
        private final Kernel.Featured featured;
        private final long[] valueKeys;
        private final long[] blockValueKeys;

        private Features(Kernel kernel, Kernel.Featured featured) {
            this.featured = featured;
            this.valueKeys = kernel.valueKeys(featured);
            this.blockValueKeys = kernel.blockValueKeys(featured);
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

        /**
         * The value keys (keyed hashes of type and value) of the record's identifier values that
         * can be generic, sorted and distinct: empty when generic values are off; values of an
         * absolute type are left out. A value's holders are the records whose value keys hold
         * its key.
         */
        public long[] valueKeys() {
            return valueKeys.clone();
        }

        /**
         * Per blocking key ({@link #blockKeys()}), the value key of the identifying value behind
         * a deterministic rule's key if that value can be generic, else {@code 0}: a
         * deterministic block of a generic value links nobody.
         */
        public long[] blockValueKeys() {
            return blockValueKeys.clone();
        }
    }

    /** Featurizes a record as a batch would: admission, validation, features and blocking keys. */
    public Features featurize(SourceRecord record, Instant now) {
        return new Features(kernel, kernel.featurize(Objects.requireNonNull(record, "record"), now));
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

    /**
     * Whether two resolved records that share a probabilistic rule's key are linked, the values
     * that {@code genericValue} accepts (by value key; at least the generic values the two share)
     * being generic.
     */
    public boolean links(Features a, Features b, LongPredicate genericValue) {
        return kernel.links(a.featured, b.featured, Objects.requireNonNull(genericValue, "genericValue"));
    }

    /**
     * Whether the number of records holding a value decides whether it is generic (generic values
     * off, more holders than the block-size cap, or fewer than the configured number of people),
     * so that {@link #generic} needs no holders.
     */
    public boolean genericDecidedByCount(long holders) {
        return kernel.genericDecidedByCount(holders);
    }

    /**
     * Whether an identifier value is generic (see {@code Resolver.Builder.genericValues}): the
     * in-memory engine's definition, applied to the value's holders in the whole data set.
     *
     * @param valueKey the value's key ({@link Features#valueKeys()})
     * @param holders how many resolved records of the whole data set hold it
     * @param all those records, in any order, featurized by stages of this spec; ignored (may be
     *     empty) when {@link #genericDecidedByCount} says the number decides
     * @throws IllegalArgumentException if {@code all} is needed and does not hold {@code holders}
     *     records holding the value
     */
    public boolean generic(long valueKey, long holders, List<Features> all) {
        Objects.requireNonNull(all, "all");
        List<Kernel.Featured> featured = new java.util.ArrayList<>(all.size());
        for (Features f : all) {
            featured.add(f.featured);
        }
        return kernel.generic(valueKey, holders, featured);
    }

    /** An oversized block as {@link ResolutionStatistics#oversizedBlocks()} reports it. */
    public OversizedBlock oversizedBlock(long key, int tag, int size) {
        return kernel.oversizedBlock(key, tag, size);
    }

    /**
     * Resolves a part of the data set with these stages on the calling thread, as
     * {@link Resolver#resolve(Collection)} would with the blocking keys this instance keeps.
     * Equal to the whole data set's resolution restricted to the part when the part holds whole
     * connected components of the links, the dropped keys are those of the blocks oversized in
     * the whole data set and, with generic values on, these stages
     * {@linkplain #knowingGenericValues know} the whole data set's generic values.
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
        return "DistributedStages[" + (keepKey == null ? "all keys" : "keys kept by a filter")
                + (genericValue == null ? "" : ", generic values given") + "]";
    }
}
