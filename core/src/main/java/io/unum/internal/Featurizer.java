package io.unum.internal;

import io.unum.InputIssue;
import io.unum.InputIssue.Action;
import io.unum.InputIssue.Problem;
import io.unum.model.ConsentEntry;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Feature;
import io.unum.model.Purpose;
import io.unum.privacy.IngestContext;
import io.unum.privacy.PrivacyDecision;
import io.unum.privacy.RecordConsent;
import io.unum.spi.NormalizedValue;
import io.unum.spi.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link SourceRecord} into a {@link FeatureRecord}: admits it ({@link Admission}),
 * validates sizes, normalizes identifiers, computes every feature and blocking key once.
 * Stateless and thread-safe (a batch's {@link NormalizationMemo} is the batch's own).
 *
 * <p>Problems are collected as {@link InputIssue}s without values; see that class for the
 * outcome of each kind.
 */
final class Featurizer {

    private static final Logger LOG = LoggerFactory.getLogger(Featurizer.class);
    private static final char SEPARATOR = '\u001F';

    private final EngineConfig config;
    private final Admission admission;
    /** Keeps a blocking key, or {@code null} to keep every key. */
    private final java.util.function.LongPredicate keepKey;
    /** The stored form of this configuration's features, or {@code null}. */
    final FeatureCodec codec;
    /** The consent of a record that recorded none, at the instant last asked for (racy: any one is right). */
    private volatile RecordConsent noConsent = RecordConsent.none();

    Featurizer(EngineConfig config) {
        this(config, null);
    }

    /**
     * @param keepKey keeps a blocking key, or {@code null} to keep every key: a runtime that
     *     counts block sizes over the whole data set itself (Spark) drops the keys of blocks it
     *     found oversized, so that a part of the data set resolves as the whole would
     */
    Featurizer(EngineConfig config, java.util.function.LongPredicate keepKey) {
        this(config, keepKey, null);
    }

    /**
     * @param codec gives the features a stored form (see {@link FeatureCodec}), or {@code null}
     *     for none (a configuration a store cannot check)
     */
    Featurizer(EngineConfig config, java.util.function.LongPredicate keepKey, FeatureCodec codec) {
        this.config = config;
        this.admission = new Admission(config);
        this.keepKey = keepKey;
        this.codec = codec;
    }

    /**
     * The result: an entry (or {@code null} if the record is not resolved), the issues found,
     * the privacy decisions, and whether a privacy stage refused the record (which removes a
     * resident record with its key, unlike a validation failure).
     */
    record Result(FeatureRecord entry, List<InputIssue> issues, List<PrivacyDecision> decisions, boolean refused) {
    }

    /** The context ingest filters see. */
    IngestContext context(Instant now) {
        return admission.context(now);
    }

    /** The record's consent with identifier scopes normalized, evaluated at {@code now}. */
    RecordConsent consent(SourceRecord record, Instant now) {
        if (record.consent().isEmpty()) {
            RecordConsent none = noConsent; // one immutable instance per instant, shared by the records without consent
            if (!none.now().equals(now)) {
                none = RecordConsent.none().at(now);
                noConsent = none;
            }
            return none;
        }
        List<ConsentEntry> entries = new ArrayList<>(record.consent().size());
        for (ConsentEntry entry : record.consent()) {
            if (entry.identifier() == null) {
                entries.add(entry);
                continue;
            }
            NormalizedValue normalized;
            try {
                normalized = config.normalizer(entry.identifier().type()).normalize(entry.identifier().value());
            } catch (RuntimeException e) {
                continue;
            }
            String value = normalized instanceof NormalizedValue.Valid v ? v.value()
                    : normalized instanceof NormalizedValue.NonIdentifying n ? n.value() : null;
            if (value != null) {
                entries.add(entry.forIdentifier(new Identifier(entry.identifier().type(), value)));
            }
        }
        return new RecordConsent(entries, now);
    }

    Result featurize(SourceRecord given, Instant now) {
        return featurize(given, now, null);
    }

    /**
     * Featurizes one record, normalizing feature values through {@code memo} when it is not
     * {@code null} (a batch shares one memo; see {@link NormalizationMemo}).
     */
    Result featurize(SourceRecord given, Instant now, NormalizationMemo memo) {
        return featurize(given, now, memo, true);
    }

    /**
     * Featurizes one record; with {@code admit == false} the record is taken as already admitted
     * (a stored record: retention, ingest filters and suppression decided when it came in, and
     * filters such as identifier hashing must not run twice).
     */
    private Result featurize(SourceRecord given, Instant now, NormalizationMemo memo, boolean admit) {
        List<PrivacyDecision> decisions = new ArrayList<>(0);
        SourceRecord record = admit ? admission.admit(given, now, decisions) : given;
        if (record == null) {
            return new Result(null, List.of(), decisions, true);
        }
        List<InputIssue> issues = new ArrayList<>(0);
        RecordKey key = record.key();
        int maxLength = config.maxValueLength;

        // identifiers: normalize, drop malformed or over-long values (reported)
        TreeSet<Identifier> all = new TreeSet<>();
        TreeSet<Identifier> linkable = new TreeSet<>();
        Map<IdentifierType, List<String>> linkableByType = new HashMap<>();
        for (Identifier raw : record.identifiers()) {
            IdentifierType type = raw.type();
            if (raw.value().length() > maxLength) {
                issues.add(new InputIssue(key, type.name(), Problem.VALUE_TOO_LONG, Action.VALUE_IGNORED,
                        "at most " + maxLength + " characters, had " + raw.value().length()));
                continue;
            }
            NormalizedValue normalized;
            try {
                normalized = config.normalizer(type).normalize(raw.value());
            } catch (RuntimeException e) {
                LOG.warn("identifier normalizer for type {} threw {} on a value of record {}; value ignored",
                        type.name(), e.getClass().getName(), key);
                issues.add(new InputIssue(key, type.name(), Problem.NORMALIZER_FAILED, Action.VALUE_IGNORED,
                        "a value the normalizer accepts"));
                continue;
            }
            if (normalized instanceof NormalizedValue.Valid v) {
                Identifier id = new Identifier(type, v.value());
                all.add(id);
                if (linkable.add(id)) {
                    linkableByType.computeIfAbsent(type, t -> new ArrayList<>(1)).add(v.value());
                }
            } else if (normalized instanceof NormalizedValue.NonIdentifying n) {
                if (all.add(new Identifier(type, n.value()))) {
                    issues.add(new InputIssue(key, type.name(), Problem.PLACEHOLDER_VALUE, Action.VALUE_NOT_LINKED,
                            "a value that identifies one person (this is a " + n.reason() + ")"));
                }
            } else if (normalized instanceof NormalizedValue.Invalid i) {
                issues.add(new InputIssue(key, type.name(), Problem.MALFORMED_IDENTIFIER, Action.VALUE_IGNORED,
                        i.expected()));
            } else {
                throw new IllegalStateException("normalizer for type " + type.name() + " returned null");
            }
        }

        // merge protection: one record alone must fit in one profile
        Map<IdentifierType, Integer> counts = new TreeMap<>();
        for (Identifier id : all) {
            counts.merge(id.type(), 1, Integer::sum);
        }
        for (Map.Entry<IdentifierType, Integer> count : counts.entrySet()) {
            int limit = config.limit(count.getKey());
            if (count.getValue() > limit) {
                issues.add(new InputIssue(key, count.getKey().name(), Problem.TOO_MANY_IDENTIFIERS,
                        Action.RECORD_REJECTED, "at most " + limit + " distinct values per profile, had "
                                + count.getValue()));
                return new Result(null, issues, decisions, false);
            }
        }

        // suppression: an erased person is not re-created by a re-ingest
        RecordConsent consent = consent(record, now);
        PrivacyDecision suppressed = admit ? admission.suppressed(key, all, consent) : null;
        if (suppressed != null) {
            decisions.add(suppressed);
            return new Result(null, issues, decisions, true);
        }

        // attributes: over-long values are ignored (reported)
        Map<String, String> attributes = usableAttributes(record, issues);
        FeatureView view = new FeatureView(key, attributes, linkableByType, memo);

        // features
        String[] features = new String[config.features.length];
        for (int f = 0; f < features.length; f++) {
            Feature feature = config.features[f];
            try {
                String raw = feature.source().extract(view);
                if (raw != null && !raw.isBlank()) {
                    String cut = raw.length() > maxLength ? raw.substring(0, maxLength) : raw;
                    features[f] = view.normalized(feature.normalizer(), cut);
                    if (features[f] == null) {
                        Normalizer.Rejection rejection = feature.normalizer().rejection(cut);
                        if (rejection != null) {
                            issues.add(new InputIssue(key, feature.name(), rejection.placeholder()
                                    ? Problem.PLACEHOLDER_VALUE : Problem.MALFORMED_VALUE, Action.VALUE_IGNORED,
                                    rejection.expected()));
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("feature {} threw {} on record {}; feature left empty", feature.name(),
                        e.getClass().getName(), key);
                issues.add(new InputIssue(key, feature.name(), Problem.NORMALIZER_FAILED, Action.VALUE_IGNORED,
                        "a value the feature's normalizer accepts"));
            }
        }

        Identifier[] linkableArray = linkable.toArray(new Identifier[0]);
        Keys keys = blockingKeys(features, linkableArray, record, consent);
        Identifier[] allArray = all.toArray(new Identifier[0]);
        long[] lookupKeys = new long[allArray.length];
        for (int i = 0; i < allArray.length; i++) {
            lookupKeys[i] = lookupKey(allArray[i]);
        }
        lookupKeys = sortedDistinct(lookupKeys, lookupKeys.length);
        FeatureRecord entry = new FeatureRecord(record, features, allArray, linkableArray, keys.keys(), keys.meta(),
                lookupKeys, attributes, consent, termFrequencies(features), codec);
        return new Result(entry, issues, decisions, false);
    }

    /**
     * The attributes survivorship may use: the record's, without over-long values (each reported
     * to {@code issues} when it is not {@code null}).
     */
    private Map<String, String> usableAttributes(SourceRecord record, List<InputIssue> issues) {
        int maxLength = config.maxValueLength;
        Map<String, String> attributes = record.attributes();
        for (Map.Entry<String, String> attribute : record.attributes().entrySet()) {
            if (attribute.getValue().length() > maxLength) {
                if (attributes == record.attributes()) {
                    attributes = new TreeMap<>(record.attributes());
                }
                attributes.remove(attribute.getKey());
                if (issues != null) {
                    issues.add(new InputIssue(record.key(), attribute.getKey(), Problem.VALUE_TOO_LONG,
                            Action.VALUE_IGNORED, "at most " + maxLength + " characters, had "
                                    + attribute.getValue().length()));
                }
            }
        }
        return attributes == record.attributes() ? attributes : Map.copyOf(attributes);
    }

    /**
     * The features of a stored record decoded from their {@linkplain FeatureCodec stored form}
     * (the record was admitted when it came in), or {@code null} when the bytes were not made by
     * this configuration: then {@link #featurizeStored} derives them. Equal to what featurizing
     * the record gives; the feature values stay in the bytes until first used
     * ({@link FeatureRecord#features()}).
     */
    FeatureRecord restore(SourceRecord record, byte[] stored, Instant now) {
        if (codec == null) {
            return null;
        }
        FeatureCodec.Decoded d = codec.decode(stored, record, config.features.length,
                codec.cache(config.features.length));
        if (d == null) {
            return null;
        }
        long[] lookupKeys = new long[d.identifiers().length];
        for (int i = 0; i < lookupKeys.length; i++) {
            lookupKeys[i] = lookupKey(d.identifiers()[i]);
        }
        lookupKeys = sortedDistinct(lookupKeys, lookupKeys.length);
        return new FeatureRecord(record, stored, d.identifiers(), d.linkable(), d.keys(), d.keyMeta(), lookupKeys,
                d.allAttributesUsable() ? record.attributes() : usableAttributes(record, null), consent(record, now),
                d.tfLog(), codec);
    }

    /**
     * {@link #restore} of a batch in parallel chunks; entry {@code i} belongs to record {@code i}
     * and is {@code null} where the stored form could not be used.
     */
    FeatureRecord[] restoreAll(List<? extends SourceRecord> records, List<byte[]> stored, Instant now,
            Parallel parallel) {
        FeatureRecord[] restored = new FeatureRecord[records.size()];
        parallel.forEachChunk((restored.length + CHUNK - 1) / CHUNK, 2, c -> {
            int end = Math.min(restored.length, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                restored[i] = restore(records.get(i), stored.get(i), now);
            }
        });
        return restored;
    }

    private static final int CHUNK = 512;

    /**
     * Featurizes a batch in parallel chunks that share one {@link NormalizationMemo}; result {@code i} belongs
     * to record {@code i} whatever the parallelism. {@code done} hears the size of each finished
     * chunk (from any thread).
     */
    Result[] featurizeAll(List<? extends SourceRecord> records, Instant now, Parallel parallel,
            java.util.function.IntConsumer done) {
        return featurizeAll(records, now, parallel, done, true);
    }

    /**
     * {@link #featurizeAll(List, Instant, Parallel, java.util.function.IntConsumer)} of records a
     * store already holds: they were admitted when they came in, so admission does not run again.
     */
    Result[] featurizeStored(List<? extends SourceRecord> records, Instant now, Parallel parallel,
            java.util.function.IntConsumer done) {
        return featurizeAll(records, now, parallel, done, false);
    }

    private Result[] featurizeAll(List<? extends SourceRecord> records, Instant now, Parallel parallel,
            java.util.function.IntConsumer done, boolean admit) {
        Result[] results = new Result[records.size()];
        NormalizationMemo memo = results.length > 1 ? newMemo() : null;
        parallel.forEachChunk((results.length + CHUNK - 1) / CHUNK, 2, c -> {
            int end = Math.min(results.length, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                results[i] = featurize(records.get(i), now, memo, admit);
            }
            done.accept(end - c * CHUNK);
        });
        return results;
    }

    /** A memo for one batch, shared by its threads. */
    private static NormalizationMemo newMemo() {
        return new NormalizationMemo();
    }

    private static final double[] NO_TF = new double[0];

    /** log2 of each term-frequency slot's value frequency, floored; NaN when the feature is absent. */
    double[] termFrequencies(String[] features) {
        int n = config.tfFeatureSlots.length;
        if (n == 0) {
            return NO_TF;
        }
        double[] logs = new double[n];
        for (int t = 0; t < n; t++) {
            String value = features[config.tfFeatureSlots[t]];
            logs[t] = value == null ? Double.NaN : Math.log(config.tfTables[t].frequency(value)) / Math.log(2);
        }
        return logs;
    }

    /** Blocking keys with their namespace: {@code keys[i]} belongs to rule {@code meta[i] >>> 16}, key {@code meta[i] & 0xFFFF}. */
    record Keys(long[] keys, int[] meta) {
    }

    private Keys blockingKeys(String[] features, Identifier[] linkable, SourceRecord record, RecordConsent consent) {
        long[] keys = new long[8];
        int[] meta = new int[8];
        int n = 0;
        StringBuilder joined = new StringBuilder();
        for (CompiledRule rule : config.rules) {
            if (rule.deterministic) {
                for (Identifier id : linkable) {
                    int t = rule.typeIndex(id.type());
                    if (t >= 0 && config.privacy.linkingFilter().allows(consent, rule.rule, id)) {
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, n * 2);
                            meta = Arrays.copyOf(meta, n * 2);
                        }
                        meta[n] = (rule.index << 16) | t;
                        keys[n++] = deterministicKey(rule, t, id.value());
                    }
                }
            } else if (config.privacy.linkingFilter().allows(consent, rule.rule, null)) {
                for (int k = 0; k < rule.blockingSlots.length; k++) {
                    String value = keyValue(rule.blockingSlots[k], features, joined);
                    if (value != null) {
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, n * 2);
                            meta = Arrays.copyOf(meta, n * 2);
                        }
                        meta[n] = (rule.index << 16) | k;
                        keys[n++] = SipHash.hash(rule.blockingSeeds[k], config.k1, value);
                    }
                }
            }
        }
        // insertion sort of (key, meta) by key, dropping duplicate keys; n is small
        for (int i = 1; i < n; i++) {
            long k = keys[i];
            int m = meta[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > k) {
                keys[j + 1] = keys[j];
                meta[j + 1] = meta[j];
                j--;
            }
            keys[j + 1] = k;
            meta[j + 1] = m;
        }
        int w = 0;
        for (int i = 0; i < n; i++) {
            if ((w == 0 || keys[i] != keys[w - 1]) && (keepKey == null || keepKey.test(keys[i]))) {
                keys[w] = keys[i];
                meta[w] = meta[i];
                w++;
            }
        }
        return new Keys(Arrays.copyOf(keys, w), Arrays.copyOf(meta, w));
    }

    long deterministicKey(CompiledRule rule, int typeIndex, String value) {
        return SipHash.hash(rule.typeSeeds[typeIndex], config.k1, value);
    }

    /**
     * The keyed hash of a key made of feature slots (values joined as blocking keys join them),
     * or 0 when a feature is absent; never 0 otherwise.
     */
    long keyHash(int[] slots, long seed, String[] features, StringBuilder scratch) {
        String value = keyValue(slots, features, scratch);
        if (value == null) {
            return 0;
        }
        long h = SipHash.hash(seed, config.k1, value);
        return h == 0 ? 1 : h;
    }

    long lookupKey(Identifier id) {
        return SipHash.hash(config.lookupSeed ^ id.type().name().hashCode(), config.k1, id.value());
    }

    private static String keyValue(int[] slots, String[] features, StringBuilder joined) {
        if (slots.length == 1) {
            return features[slots[0]];
        }
        joined.setLength(0);
        for (int i = 0; i < slots.length; i++) {
            String v = features[slots[i]];
            if (v == null) {
                return null;
            }
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            joined.append(v);
        }
        return joined.toString();
    }

    static long[] sortedDistinct(long[] values, int n) {
        Arrays.sort(values, 0, n);
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (w == 0 || values[i] != values[w - 1]) {
                values[w++] = values[i];
            }
        }
        return Arrays.copyOf(values, w);
    }
}
