package io.unum.internal;

import io.unum.InputIssue;
import io.unum.OversizedBlock;
import io.unum.model.Identifier;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The engine's stages one record or one pair at a time, for a runtime that distributes the data
 * set itself ({@code io.unum.DistributedStages}, used by the Spark module): featurize, block keys
 * with their tags, the cap test, the candidate test of a pair and its score, and whether an
 * identifier value is generic given all its holders. Each method calls the stage that the
 * in-memory engine calls, so a pair is a candidate and a link, and a value generic, exactly when
 * it is one there. Public only so that the {@code io.unum} API can use it; not exported.
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
     * in-memory engine does, with the whole data set's generic values.
     *
     * @param genericValue tells a generic value by its look-up key (at least every generic value
     *     the two records share)
     * @return whether the pair is a link
     */
    public boolean links(Featured a, Featured b, LongPredicate genericValue) {
        long rules = engine.generator.sharedRules(a.entry, b.entry, null, true);
        if (rules == 0) {
            return false;
        }
        long edge = engine.scorer.evaluate(a.entry, b.entry, rules, engine.generics.known(genericValue));
        return edge != Edge.NONE && Edge.isLink(edge);
    }

    /**
     * The look-up keys of a resolved record's identifier values that can be generic, sorted and
     * distinct: none with generic values off, and none of an absolute type.
     */
    public long[] valueKeys(Featured f) {
        if (f.entry == null || !engine.generics.detects()) {
            return new long[0];
        }
        long[] out = new long[f.entry.identifiers.length];
        int n = 0;
        for (Identifier id : f.entry.identifiers) {
            if (!engine.generics.absolute(id.type())) {
                out[n++] = engine.generics.lookupKey(id);
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (w == 0 || out[i] != out[w - 1]) {
                out[w++] = out[i];
            }
        }
        return Arrays.copyOf(out, w);
    }

    /**
     * Per blocking key of a resolved record, the look-up key of the identifying value behind it
     * when the key is a deterministic rule's and its value can be generic, else {@code 0}.
     */
    public long[] blockValueKeys(Featured f) {
        if (f.entry == null) {
            return new long[0];
        }
        long[] out = new long[f.entry.keys.length];
        if (!engine.generics.detects()) {
            return out;
        }
        for (int k = 0; k < out.length; k++) {
            if (engine.generator.deterministic(f.entry.keyMeta[k])) {
                Identifier id = engine.generics.valueOf(f.entry, f.entry.keys[k]);
                if (id != null && !engine.generics.absolute(id.type())) {
                    out[k] = engine.generics.lookupKey(id);
                }
            }
        }
        return out;
    }

    /** Whether a value's number of holders alone decides whether it is generic. */
    public boolean genericDecidedByCount(long holders) {
        return engine.generics.decidedByCount(holders);
    }

    /**
     * Whether the value with look-up key {@code valueKey} is generic, given the number of records
     * of the whole data set that hold it and, unless the number decides, all of them (in any
     * order): the function the in-memory engine applies to a look-up block.
     */
    public boolean generic(long valueKey, long holders, List<Featured> all) {
        if (engine.generics.decidedByCount(holders)) {
            return engine.generics.genericByCount(holders);
        }
        if (all.size() != holders) {
            throw new IllegalArgumentException("the holders of a value: " + all.size() + " given, " + holders + " counted");
        }
        Identifier id = null;
        for (int i = 0; i < all.size() && id == null; i++) {
            id = engine.generics.lookupValueOf(all.get(i).entry, valueKey);
        }
        if (id == null) {
            throw new IllegalArgumentException("no holder holds the value");
        }
        return engine.generics.generic(id, holders, m -> all.get(m).entry);
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
