package io.unum.internal;

import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

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
     * The prepared result of {@code record} for {@code engine} at {@code at}, term frequencies
     * looked up again, or {@code null} when the record was not prepared, the instant differs or
     * the engine featurizes with another configuration.
     */
    Featurizer.Result take(SourceRecord record, Engine engine, Instant at) {
        if (!at.equals(now) || !engine.config.sameFeaturesAs(featuresOf)) {
            return null;
        }
        Featurizer.Result result = results.get(record);
        if (result == null || result.entry() == null) {
            return result;
        }
        FeatureRecord e = result.entry();
        FeatureRecord entry = new FeatureRecord(e.record, e.features, e.identifiers, e.linkable, e.keys, e.keyMeta,
                e.lookupKeys, e.attributes, e.consent, engine.featurizer.termFrequencies(e.features));
        return new Featurizer.Result(entry, result.issues(), result.decisions(), result.refused());
    }
}
