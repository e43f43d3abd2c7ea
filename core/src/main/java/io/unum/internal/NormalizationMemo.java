package io.unum.internal;

import io.unum.spi.Normalizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Normalizations of one batch, keyed by normalizer and raw value. Normalizers are pure functions
 * (the {@link Normalizer} contract), so a remembered value equals a recomputed one; names, dates,
 * cities and postcodes repeat heavily, so most values are normalized once per batch, and records
 * with the same value share one normalized string. Keyed by the normalizer rather than by the
 * feature, so a source that combines other features' values (a name pair, the identity of
 * distinct people) finds the values those features normalized.
 *
 * <p>Each normalizer remembers at most {@link #MAX_ENTRIES_PER_NORMALIZER} values (the first ones
 * seen), which bounds the memory of normalizers whose values rarely repeat, and at most
 * {@link #MAX_NORMALIZERS} normalizers are remembered. A normalizer whose values hardly repeat
 * (e-mail addresses, phone numbers, device ids) stops being remembered: when fewer than a quarter
 * of its first {@link #PROBE} look-ups find a value, its values are normalized directly, saving a
 * hash look-up that almost always misses. Which values are remembered never changes a result. A
 * memo lives for one batch and is then dropped, so it never keeps a value past an erasure.
 * Thread-safe.
 */
final class NormalizationMemo {

    static final int MAX_ENTRIES_PER_NORMALIZER = 1 << 14;
    static final int PROBE = 1 << 13;
    static final int MAX_NORMALIZERS = 256;

    /** Stands for a {@code null} result (concurrent maps hold no nulls); compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String ABSENT = new String("");

    private final ConcurrentHashMap<Normalizer, Values> byNormalizer = new ConcurrentHashMap<>();

    /** {@code normalizer.normalize(raw)}, remembered. */
    String normalize(Normalizer normalizer, String raw) {
        Values values = byNormalizer.get(normalizer);
        if (values == null) {
            if (byNormalizer.size() >= MAX_NORMALIZERS) {
                return normalizer.normalize(raw);
            }
            values = byNormalizer.computeIfAbsent(normalizer, n -> new Values());
        }
        return values.normalize(normalizer, raw);
    }

    /** Whether the memo has stopped remembering {@code normalizer}'s values (for the tests). */
    boolean off(Normalizer normalizer) {
        Values values = byNormalizer.get(normalizer);
        return values != null && values.off;
    }

    /** One normalizer's remembered values and its probe. */
    private static final class Values {
        private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
        /** Look-ups and hits during the probe (racy counts, a heuristic). */
        private int lookups;
        private int hits;
        private volatile boolean decided;
        private volatile boolean off;

        String normalize(Normalizer normalizer, String raw) {
            if (off) {
                return normalizer.normalize(raw);
            }
            String known = map.get(raw);
            if (!decided) {
                probe(known != null);
            }
            if (known == null) {
                String normalized = normalizer.normalize(raw);
                if (map.size() >= MAX_ENTRIES_PER_NORMALIZER || off) {
                    return normalized;
                }
                known = map.putIfAbsent(raw, normalized == null ? ABSENT : normalized);
                if (known == null) {
                    return normalized;
                }
            }
            return known == ABSENT ? null : known;
        }

        /**
         * Counts the first {@link #PROBE} look-ups, then decides once whether to keep remembering;
         * after that the shared counters are no longer written (they would be written by every
         * thread for every value).
         */
        private void probe(boolean found) {
            if (found) {
                hits++;
            }
            if (++lookups >= PROBE) {
                if (hits < PROBE / 4) {
                    off = true;
                    map.clear();
                }
                decided = true;
            }
        }
    }
}
