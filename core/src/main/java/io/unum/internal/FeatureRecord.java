package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.RecordConsent;
import java.util.Map;

/**
 * Everything the engine derives from a record once, and nothing about where the record sits in
 * a graph: feature values, normalized identifiers, blocking keys, identifier look-up keys, the
 * attributes survivorship may use, the consent and term-frequency logarithms. Made by the
 * {@link Featurizer}; immutable (the arrays are never written after construction) and therefore
 * safe to share between threads, stores and snapshots. Its {@linkplain #storedForm() stored form}
 * lets a persistent store skip the featurizing when it reopens.
 *
 * <p>A record restored from its stored form decodes its feature values when they are first asked
 * for ({@link #features()}): opening a store then decodes only the identifiers and keys its indexes
 * need, and most records of a large graph are never compared again before the process ends. Two
 * threads that ask at once may both decode; they get equal values, and the stored bytes are
 * dropped once the values are published.
 */
final class FeatureRecord implements io.unum.store.GraphStore.StorableDerived {

    final SourceRecord record;
    final RecordKey key;
    /** Feature values by slot ({@code null} means absent), or {@code null} until decoded from {@link #stored}. */
    private volatile String[] features;
    /** The stored form whose feature values are not decoded yet, or {@code null}. */
    private volatile byte[] stored;
    /** Distinct normalized identifiers, usable or not for linking (placeholders included), sorted. */
    final Identifier[] identifiers;
    /** Distinct normalized identifiers that may link records, sorted. */
    final Identifier[] linkable;
    /** Sorted, distinct blocking-key hashes. */
    final long[] keys;
    /** Per key: its tag, the rule index in the high 16 bits and the key index within the rule in the low 16. */
    final int[] keyMeta;
    /** Sorted, distinct identifier look-up hashes. */
    final long[] lookupKeys;
    /** Attributes usable for survivorship (over-long values removed). */
    final Map<String, String> attributes;
    /** The record's consent, identifier scopes normalized. */
    final RecordConsent consent;
    /** Per term-frequency slot, log2 of the frequency of the record's value (NaN if absent). */
    final double[] tfLog;
    /** Writes the stored form, or {@code null} when this configuration has none. */
    private final FeatureCodec codec;

    FeatureRecord(SourceRecord record, String[] features, Identifier[] identifiers, Identifier[] linkable, long[] keys,
            int[] keyMeta, long[] lookupKeys, Map<String, String> attributes, RecordConsent consent, double[] tfLog,
            FeatureCodec codec) {
        this.record = record;
        this.key = record.key();
        this.features = features;
        this.identifiers = identifiers;
        this.linkable = linkable;
        this.keys = keys;
        this.keyMeta = keyMeta;
        this.lookupKeys = lookupKeys;
        this.attributes = attributes;
        this.consent = consent;
        this.tfLog = tfLog;
        this.codec = codec;
    }

    /**
     * A record restored from {@code stored}, the stored form {@code codec} accepted for it: its
     * feature values are decoded from those bytes when first asked for.
     */
    FeatureRecord(SourceRecord record, byte[] stored, Identifier[] identifiers, Identifier[] linkable, long[] keys,
            int[] keyMeta, long[] lookupKeys, Map<String, String> attributes, RecordConsent consent, double[] tfLog,
            FeatureCodec codec) {
        this(record, (String[]) null, identifiers, linkable, keys, keyMeta, lookupKeys, attributes, consent, tfLog,
                codec);
        this.stored = stored;
    }

    /** Feature values by slot; {@code null} means absent. Never written by the caller. */
    String[] features() {
        String[] f = features;
        return f != null ? f : decodeFeatures();
    }

    private String[] decodeFeatures() {
        byte[] s = stored;
        if (s == null) {
            return features; // another thread decoded them meanwhile, and published them before dropping the bytes
        }
        String[] f = codec.features(s, record, identifiers);
        features = f;
        stored = null;
        return f;
    }

    /** Whether the feature values are still only in the stored form (for the tests). */
    boolean featuresPending() {
        return stored != null;
    }

    @Override
    public byte[] storedForm() {
        byte[] s = stored;
        if (s != null) {
            return s; // as read, made by this configuration
        }
        return codec == null ? null : codec.encode(this);
    }

    /** The rule index of key {@code k}. */
    int ruleOf(int k) {
        return keyMeta[k] >>> 16;
    }

    /** Orders by observation time, oldest first, then by key: "the oldest record". */
    static int compareAge(FeatureRecord a, FeatureRecord b) {
        int c = a.record.observedAt().compareTo(b.record.observedAt());
        return c != 0 ? c : a.key.compareTo(b.key);
    }

    /** Orders by observation time, most recent first, then by key: survivorship's tie-break. */
    static int compareRecency(FeatureRecord a, FeatureRecord b) {
        int c = b.record.observedAt().compareTo(a.record.observedAt());
        return c != 0 ? c : a.key.compareTo(b.key);
    }
}
