package io.unum.internal;

import io.unum.InputIssue;
import io.unum.OversizedBlock;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.List;

/**
 * The engine's stages one record or one pair at a time, for a runtime that distributes the data
 * set itself ({@code io.unum.DistributedStages}, used by the Spark module): featurize, block keys
 * with their tags, the cap test, the candidate test of a pair and its score. Each method calls
 * the stage that the in-memory engine calls, so a pair is a candidate and a link exactly when it
 * is one there. Public only so that the {@code io.unum} API can use it; not exported.
 * Thread-safe.
 */
public final class Kernel {

    private final Engine engine;

    /** @param engine the engine whose stages to use */
    public Kernel(Engine engine) {
        this.engine = engine;
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    /** One featurized record: its feature record, or none if it is not resolved, and the issues found. */
    public static final class Featured {
        final FeatureRecord entry;
        private final SourceRecord record;
        private final List<InputIssue> issues;

        Featured(SourceRecord record, FeatureRecord entry, List<InputIssue> issues) {
            this.record = record;
            this.entry = entry;
            this.issues = List.copyOf(issues);
        }

        /** Whether the record is resolved (not rejected or refused). */
        public boolean resolved() {
            return entry != null;
        }

        /** The record as given. */
        public SourceRecord record() {
            return record;
        }

        /** The record's key. */
        public RecordKey key() {
            return record.key();
        }

        /** The issues featurizing found. */
        public List<InputIssue> issues() {
            return issues;
        }

        /** The sorted, distinct blocking keys (empty if not resolved); a copy. */
        public long[] keys() {
            return entry == null ? new long[0] : entry.keys.clone();
        }

        /** Per key, its tag (rule and key index); a copy. */
        public int[] tags() {
            return entry == null ? new int[0] : entry.keyMeta.clone();
        }
    }

    /** Featurizes one record as a batch would (admission included). */
    public Featured featurize(SourceRecord record, Instant now) {
        Featurizer.Result result = engine.featurizer.featurize(record, now);
        return new Featured(record, result.entry(), result.issues());
    }

    /** Whether a block of this tag and size is over its cap. */
    public boolean oversized(int tag, long size) {
        return size > engine.generator.cap(tag);
    }

    /** Whether a tag's rule is deterministic (its blocks link their members). */
    public boolean deterministic(int tag) {
        return engine.generator.deterministic(tag);
    }

    /**
     * The smallest blocking key of a probabilistic rule that two resolved records share, or
     * {@code 0} with {@code found[0] = false} if none. With every key of an oversized block
     * removed at featurizing, the pairs sharing some key are exactly the candidate pairs.
     */
    public boolean smallestSharedProbabilisticKey(Featured a, Featured b, long[] out) {
        long[] ka = a.entry.keys;
        long[] kb = b.entry.keys;
        int i = 0;
        int j = 0;
        while (i < ka.length && j < kb.length) {
            if (ka[i] < kb[j]) {
                i++;
            } else if (ka[i] > kb[j]) {
                j++;
            } else {
                if (!engine.config.rules[a.entry.ruleOf(i)].deterministic) {
                    out[0] = ka[i];
                    return true;
                }
                i++;
                j++;
            }
        }
        return false;
    }

    /**
     * Scores a candidate pair under the probabilistic rules whose keys both carry, as the
     * in-memory engine does.
     *
     * @return whether the pair is a link
     */
    public boolean links(Featured a, Featured b) {
        long rules = engine.generator.sharedRules(a.entry, b.entry, null, true);
        if (rules == 0) {
            return false;
        }
        long edge = engine.scorer.evaluate(a.entry, b.entry, rules, Scorer.Generics.NONE);
        return edge != Edge.NONE && Edge.isLink(edge);
    }

    /** An oversized block as a resolution's statistics report it. */
    public OversizedBlock oversizedBlock(long key, int tag, int size) {
        CompiledRule rule = engine.config.rules[tag >>> 16];
        return new OversizedBlock(rule.name, rule.keyName(tag & 0xFFFF),
                ProfileAssigner.hex(SipHash.mix(key ^ engine.config.k1)).substring(0, 12), size);
    }

    /** The configured clock's current time. */
    public Instant now() {
        return engine.now();
    }
}
