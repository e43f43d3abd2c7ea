package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.store.GraphStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.LongPredicate;

/**
 * Generic identifier values and deterministic links as evidence ({@code Resolver.Builder.genericValues}).
 *
 * <p>A value is <em>generic</em> when its holders — the members of its identifier look-up block —
 * include {@code people} records that are pairwise <em>different people</em>: they contradict
 * each other by more than {@code bits} under a probabilistic rule, the value itself not counted
 * ({@link Scorer#contradicts}); or twice as many that contradict each other pairwise by more
 * than half as many bits (holders with little on them — point-of-sale rows with a surname and a
 * postcode — never reach the full bits, but many of them sharing a shop's default number are as
 * sure a sign); or when more records hold it than the block-size cap. The holders
 * are examined in record-key order and a holder becomes a representative when it is a different
 * person from every representative so far, so the answer is a function of the set of holders
 * alone: batch and incremental agree, whatever the arrival order. A generic value links nobody
 * deterministically ({@link #links}) and an identifier comparison whose records share only
 * generic values counts as the null level ({@link Scorer#sharesOnlyGeneric}).
 *
 * <p>Separately, a deterministic link between two records that are different people is refused
 * ({@link #refuses}); the pair may still be linked on its match weight.
 *
 * <p>Stateless apart from its configuration; thread-safe. A {@link View} caches answers for one
 * state of the store and must not outlive it.
 */
final class GenericValues {

    private final EngineConfig config;
    private final Scorer scorer;
    private final Featurizer featurizer;
    private final CandidateGenerator generator;

    /**
     * The whole data set's answer by look-up key, or {@code null} to compute it from the holders
     * in the store: a runtime that resolves a part of the data set at a time (Spark) computes
     * every value's status over all its holders first ({@link #generic(Identifier, long, IntFunction)}),
     * since a part holds only some of them.
     */
    private final LongPredicate known;

    GenericValues(EngineConfig config, Scorer scorer, Featurizer featurizer, CandidateGenerator generator) {
        this(config, scorer, featurizer, generator, null);
    }

    GenericValues(EngineConfig config, Scorer scorer, Featurizer featurizer, CandidateGenerator generator,
            LongPredicate known) {
        this.config = config;
        this.known = known;
        this.scorer = scorer;
        this.featurizer = featurizer;
        this.generator = generator;
    }

    /** Whether values can be generic at all. */
    boolean detects() {
        return config.generic.people() > 0;
    }

    /** Whether deterministic links between contradicting records are refused. */
    boolean refusesContradictions() {
        return config.generic.bits() != Double.POSITIVE_INFINITY;
    }

    /** Whether an identifier type's values are never generic nor refused. */
    boolean absolute(IdentifierType type) {
        return config.absolute(type);
    }

    /** The look-up block key of a value. */
    long lookupKey(Identifier id) {
        return featurizer.lookupKey(id);
    }

    /**
     * Whether a value is generic, given its look-up block (its holders; {@code null} when none).
     * A pure function of the holders' features, or the whole data set's answer when this
     * instance was given one.
     */
    boolean generic(Identifier id, GraphStore.Members holders, GraphStore.Reader reader) {
        if (holders == null) {
            return false;
        }
        if (known != null) {
            return detects() && !absolute(id.type()) && known.test(lookupKey(id));
        }
        return generic(id, holders.size(), m -> (FeatureRecord) reader.derived(holders.member(m)));
    }

    /**
     * Whether a value held by {@code count} records is generic: never for an absolute type or
     * with generic values off; always above the block-size cap; otherwise when the holders, in
     * record-key order, include {@code people} pairwise different people. {@code holder} gives
     * the holders' features (in any order) and is asked only when the count does not decide
     * ({@link #decidedByCount}). The one definition the engine and a distributed runtime share.
     */
    boolean generic(Identifier id, long count, IntFunction<FeatureRecord> holder) {
        if (!detects() || count == 0 || absolute(id.type())) {
            return false;
        }
        if (decidedByCount(count)) {
            return genericByCount(count);
        }
        int people = config.generic.people();
        int n = (int) count;
        FeatureRecord[] records = new FeatureRecord[n];
        for (int m = 0; m < n; m++) {
            records[m] = holder.apply(m);
        }
        Arrays.sort(records, (x, y) -> x.key.compareTo(y.key));
        Scorer.Generics only = x -> x.equals(id);
        // people pairwise contradicting by more than the bits, or twice as many by more than half
        // (holders with little on them: a surname and a postcode weigh about 8 bits against)
        List<FeatureRecord> representatives = new ArrayList<>(people);
        List<FeatureRecord> weak = new ArrayList<>(2 * people);
        double bits = config.generic.bits();
        for (FeatureRecord record : records) {
            // a representative of both lists is scored against the record once
            Map<FeatureRecord, Double> contradiction = new IdentityHashMap<>();
            ToDoubleFunction<FeatureRecord> against = r -> contradiction.computeIfAbsent(r,
                    x -> scorer.contradiction(record, x, only));
            if (differsFromAll(representatives, bits, against)) {
                representatives.add(record);
                if (representatives.size() >= people) {
                    return true;
                }
            }
            if (differsFromAll(weak, bits / 2, against)) {
                weak.add(record);
                if (weak.size() >= 2 * people) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a record contradicts every representative by more than {@code bits}. */
    private static boolean differsFromAll(List<FeatureRecord> representatives, double bits,
            ToDoubleFunction<FeatureRecord> contradiction) {
        for (FeatureRecord representative : representatives) {
            if (!(contradiction.applyAsDouble(representative) > bits)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the number of holders alone decides {@link #generic(Identifier, long, IntFunction)}
     * for a value that is not of an absolute type.
     */
    boolean decidedByCount(long count) {
        return !detects() || count > config.blockSizeCap || count < config.generic.people();
    }

    /**
     * When {@link #decidedByCount}: whether a value of a type that is not absolute, held by
     * {@code count} records, is generic (more holders than any block may link).
     */
    boolean genericByCount(long count) {
        return detects() && count > config.blockSizeCap;
    }

    /** A {@link Scorer.Generics} from the whole data set's answer by look-up key. */
    Scorer.Generics known(LongPredicate generic) {
        return id -> detects() && !absolute(id.type()) && generic.test(lookupKey(id));
    }

    /** The answers for one state of a store, cached; thread-safe. */
    View view(GraphStore.Reader reader) {
        return new View(reader);
    }

    /**
     * Whether a deterministic rule's block links its members: it is within its cap and its value
     * is not generic.
     */
    boolean links(GraphStore.Members block, GraphStore.Reader reader, View view) {
        if (!generator.usable(block)) {
            return false;
        }
        if (!detects() || block.size() < 2) {
            return true;
        }
        Identifier id = valueOf(block, reader);
        return id == null || !view.generic(id);
    }

    /**
     * Whether a deterministic link on {@code id} between two records is refused because they are
     * different people (the shared value and generic values not counted).
     */
    boolean refuses(FeatureRecord a, FeatureRecord b, Identifier id, Scorer.Generics generics) {
        if (!refusesContradictions() || id == null || absolute(id.type())) {
            return false;
        }
        return scorer.contradicts(a, b, config.generic.bits(), x -> x.equals(id) || generics.generic(x));
    }

    /** The identifying value of a deterministic rule's non-empty block, read from a member. */
    Identifier valueOf(GraphStore.Members block, GraphStore.Reader reader) {
        if (block.size() == 0) {
            return null;
        }
        return valueOf((FeatureRecord) reader.derived(block.member(0)), block.key());
    }

    /** The identifying value behind a record's deterministic key, or {@code null}. */
    Identifier valueOf(FeatureRecord record, long key) {
        int k = Arrays.binarySearch(record.keys, key);
        if (k < 0) {
            return null;
        }
        CompiledRule rule = config.rules[record.ruleOf(k)];
        int t = record.keyMeta[k] & 0xFFFF;
        if (!rule.deterministic) {
            return null;
        }
        for (Identifier id : record.linkable) {
            if (id.type().equals(rule.types[t]) && featurizer.deterministicKey(rule, t, id.value()) == key) {
                return id;
            }
        }
        return null;
    }

    /** The identifier behind one of a record's look-up keys, or {@code null}. */
    Identifier lookupValueOf(FeatureRecord record, long key) {
        for (Identifier id : record.identifiers) {
            if (featurizer.lookupKey(id) == key) {
                return id;
            }
        }
        return null;
    }

    /** Cached answers for one state of a store. */
    final class View implements Scorer.Generics {
        private final GraphStore.Reader reader;
        private final ConcurrentHashMap<Identifier, Boolean> cache;

        private View(GraphStore.Reader reader) {
            this(reader, new ConcurrentHashMap<>());
        }

        private View(GraphStore.Reader reader, ConcurrentHashMap<Identifier, Boolean> cache) {
            this.reader = reader;
            this.cache = cache;
        }

        /**
         * The same answers read through another reader of the same state (a snapshot taken after
         * the transaction this view read was committed); the cache is shared.
         */
        View over(GraphStore.Reader sameState) {
            return new View(sameState, cache);
        }

        @Override
        public boolean generic(Identifier id) {
            if (!detects()) {
                return false;
            }
            Boolean known = cache.get(id);
            if (known == null) {
                known = GenericValues.this.generic(id, reader.block(featurizer.lookupKey(id)), reader);
                cache.put(id, known);
            }
            return known;
        }

        /** Forgets every answer (the store changed). */
        void clear() {
            cache.clear();
        }
    }
}
