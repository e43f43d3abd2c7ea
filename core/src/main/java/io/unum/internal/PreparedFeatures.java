package io.unum.internal;

import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Records already featurized at one instant, handed from training to the resolve that follows
 * it ({@code Resolver.trainAndResolve}), so that each record is featurized once. A record's
 * features, identifiers, blocking keys and consent do not depend on the trained model; its
 * term-frequency logarithms do, and {@link #take} looks them up again with the resolving
 * engine's tables. Records are matched by identity (the very objects that were featurized) and
 * only at the same instant, so a reused result is exactly what featurizing again would give.
 *
 * <p>Not thread-safe: filled by one training, then read by one change.
 */
public final class PreparedFeatures {

    private final Instant now;
    private final Map<SourceRecord, Featurizer.Result> results = new IdentityHashMap<>();
    private final EngineConfig featuresOf;

    /**
     * @param engine the engine that featurizes (its configuration, model aside, must be the resolving one's)
     * @param now the instant the records are featurized at
     */
    public PreparedFeatures(Engine engine, Instant now) {
        this.featuresOf = engine.config;
        this.now = now;
    }

    /** The instant the records were featurized at. */
    public Instant now() {
        return now;
    }

    /** The number of records held. */
    public int size() {
        return results.size();
    }

    void put(SourceRecord record, Featurizer.Result result) {
        results.put(record, result);
    }

    /**
     * The records' features for {@code engine} at {@code now}: taken from {@code prepared} where
     * it holds them (the engine and instant are checked once, not per record), derived otherwise;
     * result {@code i} belongs to record {@code i}.
     *
     * @param prepared records featurized by training, or {@code null}
     * @param done hears the number of records finished
     */
    static Featurizer.Result[] featurize(Engine engine, List<SourceRecord> records, Instant now,
            PreparedFeatures prepared, IntConsumer done) {
        if (prepared == null || prepared.size() == 0 || !now.equals(prepared.now)
                || !engine.config.sameFeaturesAs(prepared.featuresOf)) {
            return engine.featurizer.featurizeAll(records, now, engine.parallel, done);
        }
        Featurizer.Result[] results = new Featurizer.Result[records.size()];
        List<SourceRecord> missing = new ArrayList<>();
        IntList where = new IntList();
        for (int i = 0; i < results.length; i++) {
            results[i] = prepared.take(records.get(i), engine);
            if (results[i] == null) {
                missing.add(records.get(i));
                where.add(i);
            }
        }
        done.accept(results.length - missing.size());
        Featurizer.Result[] rest = engine.featurizer.featurizeAll(missing, now, engine.parallel, done);
        for (int k = 0; k < rest.length; k++) {
            results[where.get(k)] = rest[k];
        }
        return results;
    }

    /**
     * The prepared result of {@code record}, term frequencies looked up again with
     * {@code engine}'s tables, or {@code null} when the record was not prepared.
     */
    private Featurizer.Result take(SourceRecord record, Engine engine) {
        Featurizer.Result result = results.get(record);
        if (result == null || result.entry() == null) {
            return result;
        }
        FeatureRecord e = result.entry();
        FeatureRecord entry = new FeatureRecord(e.record, e.features(), e.identifiers, e.linkable, e.keys, e.keyMeta,
                e.lookupKeys, e.attributes, e.consent, engine.featurizer.termFrequencies(e.features()), engine.featurizer.codec);
        return new Featurizer.Result(entry, result.issues(), result.decisions(), result.refused());
    }
}
