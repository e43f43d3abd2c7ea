package io.unum;

import io.unum.internal.ChangeApplier;
import io.unum.internal.Diagnostics;
import io.unum.internal.Engine;
import io.unum.internal.Erasure;
import io.unum.internal.Explanations;
import io.unum.internal.GraphReads;
import io.unum.internal.Outcome;
import io.unum.store.GraphStore;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.Purpose;
import io.unum.model.SourceRecord;
import io.unum.privacy.ErasureAudit;
import io.unum.privacy.ProfileView;
import io.unum.privacy.SuppressionList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live identity graph: records come and go one at a time (or in batches) and the golden
 * profiles follow. Created by {@link Resolver#newGraph()}.
 *
 * <p>Every change runs the same engine as {@link Resolver#resolve}: it touches only the records
 * that share blocking keys with the change and re-clusters only the touched part of the match
 * graph, and the resulting partition equals a batch resolution of the resident records,
 * whatever the order of the changes. Each change returns a {@link ChangeSet} and notifies the
 * {@link ChangeListener}s.
 *
 * <p><b>Profile ids</b> are stable: a merge keeps the id of the profile with the oldest record
 * (earliest {@code observedAt}, then smallest key) and the other ids become aliases that
 * {@link #profile(ProfileId)} still resolves; a split leaves the id with the part holding the
 * oldest record. A new profile's id is derived from its oldest record's key at the time. Ids
 * therefore depend on the history of changes: the partition equals a batch resolution's, but
 * after churn a profile's id may differ from the one {@link Resolver#resolve} would give the
 * same records (see {@link io.unum.model.ProfileId}).
 *
 * <p><b>Storage</b>: the graph keeps its state in a {@link GraphStore} — in memory by default
 * ({@link Resolver#newGraph()}), or a store given to {@link Resolver#newGraph(GraphStore)}. Every
 * change is one store transaction: it is committed before the change set is returned, and
 * aborted (leaving the graph as it was) if the change fails.
 *
 * <p><b>Thread-safety</b>: safe for concurrent use. Writers are serialized; readers run
 * concurrently with each other and see either the state before or after a change, never a
 * change half-applied. Listeners run on the writing thread while the change is still exclusive,
 * in the order changes are applied.
 */
public final class IdentityGraph {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityGraph.class);

    private final Engine engine;
    private final GraphStore store;
    private final ChangeApplier applier;
    private final Explanations explanations;
    private final SuppressionList suppression;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    IdentityGraph(Engine engine, GraphStore store, SuppressionList suppression) {
        this.engine = engine;
        this.store = store;
        this.applier = engine.newApplier();
        this.suppression = suppression;
        this.explanations = new Explanations(engine);
        List<SuppressionList.Entry> suppressed = new ArrayList<>();
        store.snapshot().forEachSuppressed((hash, at) -> suppressed.add(new SuppressionList.Entry(hash, at)));
        suppression.restore(suppressed);
        engine.rederive(store);
    }

    /**
     * Inserts a record, or replaces the resident record with the same key.
     *
     * @param record the record
     * @return what changed; its issues list values that were ignored
     * @throws InvalidRecordException if the record cannot be resolved (the graph is unchanged)
     */
    public ChangeSet upsert(SourceRecord record) {
        Objects.requireNonNull(record, "record");
        ChangeSet changes = apply(List.of(record), List.of());
        List<InputIssue> rejected = changes.issues().stream().filter(InputIssue::rejectsRecord).toList();
        if (!rejected.isEmpty()) {
            throw new InvalidRecordException(rejected);
        }
        return changes;
    }

    /**
     * Inserts or replaces many records as one change; the last record with a key wins. Rejected
     * records are reported in the change set's issues and leave any resident record with their
     * key unchanged.
     *
     * @param records the records
     * @return what changed
     */
    public ChangeSet upsertAll(Collection<? extends SourceRecord> records) {
        Objects.requireNonNull(records, "records");
        return apply(new ArrayList<>(records), List.of());
    }

    /**
     * Removes a record. The profile that held it is updated, split if the record held it
     * together, or deleted if it was the last member.
     *
     * @param key the record's key; an unknown key changes nothing
     * @return what changed
     */
    public ChangeSet delete(RecordKey key) {
        Objects.requireNonNull(key, "key");
        return apply(List.of(), List.of(key));
    }

    /**
     * Removes many records as one change.
     *
     * @param keys the keys; unknown keys are ignored
     * @return what changed
     */
    public ChangeSet deleteAll(Collection<RecordKey> keys) {
        Objects.requireNonNull(keys, "keys");
        return apply(List.of(), new ArrayList<>(keys));
    }

    private ChangeSet apply(List<SourceRecord> upserts, List<RecordKey> deletes) {
        lock.writeLock().lock();
        try {
            Outcome outcome;
            try (GraphStore.Transaction tx = store.begin()) {
                outcome = applier.apply(tx, upserts, deletes, ProgressListener.NONE);
                tx.commit();
            }
            ChangeSet changes = outcome.changes();
            notifyIfChanged(changes);
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ------------------------------------------------------------------------------------------
    // erasure and retention

    /**
     * Erases one record: removes every trace of it (the source record, its features, index
     * entries, links and golden values), re-resolves what remains (which may split a profile),
     * and adds its identifiers to the suppression list so that a later re-ingest does not
     * re-create them.
     *
     * @return the audit entry, without personal values
     */
    public ErasureAudit forget(RecordKey key) {
        Objects.requireNonNull(key, "key");
        return forget(List.of(key), "record");
    }

    /** Erases every record of a profile (following aliases); see {@link #forget(RecordKey)}. */
    public ErasureAudit forget(ProfileId id) {
        Objects.requireNonNull(id, "id");
        lock.writeLock().lock();
        try {
            List<RecordKey> members = new GraphReads(engine, store.snapshot()).profile(id).map(Profile::members).orElse(List.of());
            return forget(members, "profile");
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Erases every record carrying an identifier (normalized, and protected if the resolver
     * hashes that type); see {@link #forget(RecordKey)}.
     */
    public ErasureAudit forget(Identifier identifier) {
        Objects.requireNonNull(identifier, "identifier");
        lock.writeLock().lock();
        try {
            Set<RecordKey> keys = new LinkedHashSet<>();
            GraphReads reads = new GraphReads(engine, store.snapshot());
            for (Identifier stored : reads.storedForms(identifier)) {
                keys.addAll(reads.recordsWith(stored));
            }
            return forget(new ArrayList<>(keys), "identifier");
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes, with the same completeness as {@link #forget}, every record older than its
     * source's retention period, without adding it to the suppression list.
     *
     * @return the audit entry
     */
    public ErasureAudit purgeExpired() {
        lock.writeLock().lock();
        try {
            return erase(new GraphReads(engine, store.snapshot()).expired(), "retention", false);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ErasureAudit forget(List<RecordKey> keys, String scope) {
        lock.writeLock().lock();
        try {
            return erase(keys, scope, true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Erases (or purges) records in one transaction; the caller holds the write lock. */
    private ErasureAudit erase(List<RecordKey> keys, String scope, boolean suppress) {
        Erasure.Result erasure;
        try (GraphStore.Transaction tx = store.begin()) {
            erasure = new Erasure(engine).forget(applier, tx, keys, scope, suppress);
            tx.commit();
        }
        notifyIfChanged(erasure.outcome().changes());
        return erasure.audit();
    }

    /**
     * The resident records an upsert of {@code record} would be compared with: those that share
     * a blocking key with it (a probabilistic rule's key or a deterministic rule's identifying
     * value) whose block would not be over the cap with the record in it, without inserting it. This is the engine's
     * candidate generation for one record, useful to look a person up before an upsert (score
     * each candidate with {@link Resolver#explain(SourceRecord, SourceRecord)}) and to see why a record found no match.
     *
     * <p>The record goes through the ingest filters, consent and linking filters as an upsert
     * would; a record that would be rejected or refused has no candidates. A resident record
     * with the same key is left out. Holds the read lock while it runs.
     *
     * @param record the record to look up; not inserted
     * @return the candidates' keys, sorted, without duplicates
     */
    public List<RecordKey> candidates(SourceRecord record) {
        Objects.requireNonNull(record, "record");
        return reads(reads -> reads.candidates(record));
    }

    /** Why two resident records are or are not linked; empty if either is not resident. */
    public Optional<Explanation> explain(RecordKey first, RecordKey second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return read(snapshot -> explanations.explain(snapshot, first, second));
    }

    /** The links (and rules) that hold a profile together; empty for an unknown id. */
    public Optional<ProfileExplanation> explain(ProfileId id) {
        Objects.requireNonNull(id, "id");
        return read(snapshot -> explanations.explain(snapshot, new GraphReads(engine, snapshot), id));
    }

    /**
     * Streams every candidate pair of the probabilistic rules among the resident records (pairs
     * sharing a non-oversized blocking key) with its match weight, for diagnostics. Holds the read
     * lock while it runs; the consumer must not modify the graph.
     */
    public void candidatePairs(CandidatePairConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        read(snapshot -> {
            new Diagnostics(engine, snapshot).forEachCandidatePair(consumer);
            return null;
        });
    }

    /**
     * Per blocking key of every probabilistic rule, in rule and key order: how many blocks,
     * records and candidate pairs it makes, and how many candidate pairs no earlier key makes
     * (see {@link BlockingKeyPairs}). Visits every candidate pair once without scoring it; holds
     * the read lock while it runs.
     */
    public List<BlockingKeyPairs> blockingKeyPairs() {
        return read(snapshot -> new Diagnostics(engine, snapshot).blockingKeyPairs());
    }

    /** The suppression list erasures go into (the resolver's). */
    public SuppressionList suppressionList() {
        return suppression;
    }

    /**
     * What a purpose may see of a profile (following aliases): values the purpose may use in
     * clear, the others masked (for example {@code j***@example.com}) or withheld, by the members'
     * consent evaluated now and the resolver's output filters.
     */
    public Optional<ProfileView> profile(ProfileId id, Purpose purpose) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        return reads(reads -> reads.view(id, purpose));
    }

    private void notifyIfChanged(ChangeSet changes) {
        if (!changes.isEmpty()) {
            notifyListeners(changes);
        }
    }

    private void notifyListeners(ChangeSet changes) {
        for (ChangeListener listener : listeners) {
            try {
                listener.onChange(changes);
            } catch (RuntimeException e) {
                LOG.warn("change listener {} threw {}; the change was applied and other listeners were notified",
                        listener.getClass().getName(), e.getClass().getName());
            }
        }
    }

    /** Registers a listener for every later non-empty change. */
    public void addListener(ChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener; returns whether it was registered. */
    public boolean removeListener(ChangeListener listener) {
        return listeners.remove(listener);
    }

    /** The profile with this id, following aliases left by merges. */
    public Optional<Profile> profile(ProfileId id) {
        Objects.requireNonNull(id, "id");
        return reads(reads -> reads.profile(id));
    }

    /** The profile that holds a record. */
    public Optional<Profile> profileOf(RecordKey key) {
        Objects.requireNonNull(key, "key");
        return reads(reads -> reads.profileOf(key));
    }

    /**
     * The profiles holding an identifier, sorted by id. The identifier is normalized as the
     * resolver normalizes its type, so {@code " Jane@Example.COM"} finds {@code jane@example.com}.
     * More than one profile can hold the same identifier (a placeholder, or two people kept apart
     * by merge protection).
     */
    public List<Profile> profilesWith(Identifier identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return reads(reads -> reads.profilesWith(identifier));
    }

    /** The resident record with a key. */
    public Optional<SourceRecord> record(RecordKey key) {
        Objects.requireNonNull(key, "key");
        return reads(reads -> reads.record(key));
    }

    /** All profiles, sorted by id. */
    public List<Profile> profiles() {
        return reads(GraphReads::profiles);
    }

    /** The number of resident records. */
    public int size() {
        return reads(GraphReads::recordCount);
    }

    /** The number of profiles. */
    public int profileCount() {
        return reads(GraphReads::profileCount);
    }

    /** Absorbed profile ids and the ids they were merged into. */
    public Map<ProfileId, ProfileId> aliases() {
        return reads(GraphReads::aliases);
    }

    /** A consistent, immutable snapshot of the whole graph as a {@link Resolution}. */
    public Resolution snapshot() {
        return read(snapshot -> Resolution.detached(engine, snapshot, List.of(), List.of(), applier.candidatePairsTotal(),
                Map.of()));
    }

    /** Runs a query under the read lock, on a snapshot of the last commit. */
    private <T> T read(java.util.function.Function<GraphStore.Reader, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(store.snapshot());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a query of {@link GraphReads} under the read lock. */
    private <T> T reads(java.util.function.Function<GraphReads, T> query) {
        return read(snapshot -> query.apply(new GraphReads(engine, snapshot)));
    }
}
