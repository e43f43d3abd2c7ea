package io.unum.internal;

import io.unum.ProgressListener;
import io.unum.model.Identifier;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.privacy.ErasureAudit;
import io.unum.privacy.SuppressionList;
import io.unum.store.GraphStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Erasure and retention through the one write path: the records go by an ordinary change
 * ({@link ChangeApplier}), so every trace of them — record, features, block memberships, edges,
 * golden values — leaves the store in the same transaction, and what remains is resolved again
 * (a profile may split). An erasure also adds the records' normalized identifiers to the
 * suppression list, and writes the entries to the store in the same transaction, so that a later
 * re-ingest does not re-create the person. Stateless; thread-safe.
 */
public final class Erasure {

    /**
     * The result of an erasure.
     *
     * @param outcome the change
     * @param audit the value-free audit entry
     */
    public record Result(Outcome outcome, ErasureAudit audit) {
    }

    private final Engine engine;

    /** @param engine the stages */
    public Erasure(Engine engine) {
        this.engine = engine;
    }

    /**
     * Removes records and every trace of them in {@code tx}; the caller commits.
     *
     * @param keys the records to erase; unknown keys are ignored
     * @param scope the audit scope
     * @param suppress whether to suppress their identifiers (erasure) or not (retention)
     */
    public Result forget(ChangeApplier applier, GraphStore.Transaction tx, Collection<RecordKey> keys, String scope,
            boolean suppress) {
        Instant now = engine.now();
        Set<String> sources = new TreeSet<>();
        Set<Identifier> suppressed = new HashSet<>();
        Set<ProfileId> affected = new HashSet<>();
        List<RecordKey> present = new ArrayList<>();
        for (RecordKey key : keys) {
            int o = tx.ordinal(key);
            if (o < 0) {
                continue;
            }
            present.add(key);
            sources.add(key.source());
            if (tx.profileOf(o) != null) {
                affected.add(tx.profileOf(o));
            }
            if (suppress) {
                suppressed.addAll(Arrays.asList(((FeatureRecord) tx.derived(o)).identifiers));
            }
        }
        SuppressionList list = engine.config.privacy.suppression();
        for (Identifier identifier : suppressed) {
            SuppressionList.Entry entry = list.add(identifier, now);
            tx.suppress(entry.hash(), entry.erasedAt());
        }
        Outcome outcome = applier.apply(tx, List.of(), present, ProgressListener.NONE);
        List<ProfileId> deleted = new ArrayList<>();
        List<ProfileId> changed = new ArrayList<>();
        for (ProfileId id : affected) {
            (tx.profile(id) != null ? changed : deleted).add(id);
        }
        deleted.sort(null);
        changed.sort(null);
        return new Result(outcome, new ErasureAudit(now, scope, present.size(), List.copyOf(sources), suppressed.size(),
                deleted, changed));
    }
}
