package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a {@link FeatureRecord}: what a persistent store keeps so that reopening it
 * decodes a record's features instead of deriving them again (which costs about ten times more).
 * Only what is expensive to derive is kept — the feature values, the normalized identifiers, the
 * blocking keys and the term-frequency logarithms; the attributes, consent and identifier look-up
 * keys are cheap and are derived again from the record.
 *
 * <p>Layout: format byte, 8-byte fingerprint, a flags byte (1: every attribute of the record is
 * usable, none over-long), then varint counts and values — per feature slot a
 * string (length + 1, 0 for absent, then UTF-8); per identifier (sorted as in the record) the
 * index of a raw identifier of the record with its type, a linkable flag and the value; per
 * blocking key the key and its meta; per term-frequency slot the double's bits. The fingerprint
 * names the configuration (its spec hash and blocking secret) and this format: bytes with another
 * fingerprint, or that do not parse, are not decoded and the record is derived again. Immutable
 * and thread-safe.
 */
final class FeatureCodec {

    /** Bumped whenever the layout or the meaning of a stored feature changes. */
    static final byte FORMAT = 2;

    /** Names the configuration, or gives {@code null} for one without a stored form; asked once. */
    private final java.util.function.Supplier<String> configuration;
    /** The fingerprint, once known; {@link #none} when the configuration has no stored form. */
    private volatile long fingerprint;
    private volatile boolean known;
    private volatile boolean none;

    private FeatureCodec(java.util.function.Supplier<String> configuration) {
        this.configuration = configuration;
    }

    /**
     * The codec of the configuration {@code configuration} names (its spec hash and blocking
     * secret, say), asked when a stored form is first written or read: a resolver that never
     * meets a persistent store never computes it. A {@code null} name means no stored form.
     */
    static FeatureCodec of(java.util.function.Supplier<String> configuration) {
        return new FeatureCodec(configuration);
    }

    /** Whether the configuration has a stored form (computes the fingerprint the first time). */
    boolean enabled() {
        if (!known) {
            synchronized (this) {
                if (!known) {
                    String name = configuration.get();
                    if (name == null) {
                        none = true;
                    } else {
                        fingerprint = fingerprintOf(name);
                    }
                    known = true;
                }
            }
        }
        return !none;
    }

    private static long fingerprintOf(String configuration) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("unum-features/" + FORMAT + "/" + configuration).getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest();
            long f = 0;
            for (int i = 0; i < 8; i++) {
                f = (f << 8) | (d[i] & 0xFF);
            }
            return f;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The stored form of {@code e}, or {@code null} when the configuration has none. */
    byte[] encode(FeatureRecord e) {
        if (!enabled()) {
            return null;
        }
        String[] features = e.features();
        Out out = new Out(64 + 16 * features.length + 24 * e.identifiers.length + 12 * e.keys.length);
        out.raw(FORMAT);
        out.fixed64(fingerprint);
        out.raw((byte) (e.attributes == e.record.attributes() ? 1 : 0));
        out.varint(features.length);
        for (String value : features) {
            out.string(value);
        }
        List<Identifier> raw = e.record.identifiers();
        out.varint(e.identifiers.length);
        int l = 0;
        for (Identifier id : e.identifiers) {
            int typeAt = -1;
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i).type().equals(id.type())) {
                    typeAt = i;
                    break;
                }
            }
            boolean linkable = l < e.linkable.length && e.linkable[l].equals(id);
            if (linkable) {
                l++;
            }
            out.varint(typeAt + 1);
            out.raw((byte) (linkable ? 1 : 0));
            out.string(id.value());
        }
        out.varint(e.keys.length);
        for (int k = 0; k < e.keys.length; k++) {
            out.fixed64(e.keys[k]);
            out.varint(e.keyMeta[k]);
        }
        out.varint(e.tfLog.length);
        for (double t : e.tfLog) {
            out.fixed64(Double.doubleToRawLongBits(t));
        }
        return out.bytes();
    }

    /**
     * What {@link #decode} reads back: all but the feature values, which {@link #features} decodes
     * when they are needed; the caller derives the rest.
     */
    record Decoded(Identifier[] identifiers, Identifier[] linkable, long[] keys, int[] keyMeta, double[] tfLog,
            boolean allAttributesUsable) {
    }

    /**
     * Decodes the stored form of {@code record}'s features but for the feature values (checked to
     * be there, left in the bytes), or returns {@code null} when the bytes were made by another
     * configuration or format or do not parse.
     *
     * @param slots the number of feature slots of this configuration
     * @param cache shares equal key tags between records, or {@code null}
     */
    Decoded decode(byte[] bytes, SourceRecord record, int slots, StringCache cache) {
        if (!enabled()) {
            return null;
        }
        try {
            In in = new In(bytes);
            if (in.raw() != FORMAT || in.fixed64() != fingerprint) {
                return null;
            }
            byte flags = in.raw();
            if ((flags & ~1) != 0 || in.varint() != slots) {
                return null;
            }
            // the feature values are skipped: {@link #features} reads them
            for (int f = 0; f < slots; f++) {
                in.skipString();
            }
            List<Identifier> raw = record.identifiers();
            int n = in.varint();
            Identifier[] identifiers = new Identifier[n];
            Identifier[] linkable = new Identifier[n];
            int l = 0;
            for (int i = 0; i < n; i++) {
                int typeAt = in.varint() - 1;
                boolean isLinkable = in.raw() == 1;
                if (typeAt < 0 || typeAt >= raw.size()) {
                    return null;
                }
                identifiers[i] = in.identifier(raw.get(typeAt).type(), raw);
                if (identifiers[i] == null) {
                    return null;
                }
                if (isLinkable) {
                    linkable[l++] = identifiers[i];
                }
            }
            int k = in.varint();
            long[] keys = new long[k];
            int[] keyMeta = new int[k];
            for (int i = 0; i < k; i++) {
                keys[i] = in.fixed64();
                keyMeta[i] = in.varint();
            }
            int t = in.varint();
            double[] tfLog = new double[t];
            for (int i = 0; i < t; i++) {
                tfLog[i] = Double.longBitsToDouble(in.fixed64());
            }
            if (!in.atEnd()) {
                return null;
            }
            if (cache != null) {
                keyMeta = cache.shared(keyMeta);
            }
            return new Decoded(identifiers, l == n ? identifiers : Arrays.copyOf(linkable, l), keys, keyMeta, tfLog,
                    flags == 1);
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            return null; // truncated or corrupt: derived again
        }
    }

    /** Where the feature values start: after the format, the fingerprint and the flags. */
    private static final int HEADER = 1 + 8 + 1;

    /** One cache per thread that decodes stored forms, made when a thread first does. */
    private final ThreadLocal<StringCache> caches = new ThreadLocal<>();

    /**
     * This thread's cache for {@code slots} feature slots (a thread decodes the stored forms of
     * one configuration; another slot count replaces it): what {@link #decode} and
     * {@link #features} share values and key tags through.
     */
    StringCache cache(int slots) {
        StringCache cache = caches.get();
        if (cache == null || cache.slots() != slots) {
            cache = new StringCache(slots);
            caches.set(cache);
        }
        return cache;
    }

    /**
     * The feature values of {@code bytes}, a stored form {@link #decode} accepted for
     * {@code record} with the identifiers it gave, through this thread's cache: a value equal to
     * one of the record's identifiers or attribute values, or to an earlier slot's, is that string.
     */
    String[] features(byte[] bytes, SourceRecord record, Identifier[] identifiers) {
        In in = new In(bytes);
        in.p = HEADER;
        return features(bytes, record, identifiers, cache(in.varint()));
    }

    /** {@link #features(byte[], SourceRecord, Identifier[])} through {@code cache}, or none. */
    String[] features(byte[] bytes, SourceRecord record, Identifier[] identifiers, StringCache cache) {
        In in = new In(bytes);
        in.p = HEADER;
        int slots = in.varint();
        String[] given = given(record, identifiers);
        String[] features = new String[slots];
        for (int f = 0; f < slots; f++) {
            features[f] = in.string(cache != null && cache.slots() == slots ? cache : null, f, given, features);
        }
        return features;
    }

    /** The strings a record already holds: its normalized identifiers' values and its attribute values. */
    private static String[] given(SourceRecord record, Identifier[] identifiers) {
        Map<String, String> attributes = record.attributes();
        String[] given = new String[identifiers.length + attributes.size()];
        int g = 0;
        for (Identifier id : identifiers) {
            given[g++] = id.value();
        }
        for (String value : attributes.values()) {
            if (value != null) {
                given[g++] = value;
            }
        }
        return g == given.length ? given : Arrays.copyOf(given, g);
    }

    /**
     * Recently decoded feature values, per slot, so that records share one string for a common
     * value (a given name, a city) as featurizing them through the batch memo did: a direct-mapped
     * table indexed by a hash of the UTF-8 bytes, compared byte by byte before a string is reused,
     * so a hit allocates nothing. A slot whose values hardly repeat (an e-mail address, a name
     * pair) stops being looked up after {@link #PROBE} values with fewer than half found: its
     * look-ups were cache misses that cost more than the strings they saved. Which values are
     * shared never changes a result. Confined to one thread at a time.
     */
    static final class StringCache {
        private static final int SIZE = 4096;
        static final int PROBE = 2048;
        private final int slots;
        private final String[][] bySlot;
        private final int[] lookups;
        private final int[] hits;
        private final boolean[] off;

        /** Per slot, as for the table: values compared with the record's own strings, and found there. */
        private final int[] givenLookups;
        private final int[] givenHits;

        StringCache(int slots) {
            this.slots = slots;
            bySlot = new String[slots][];
            lookups = new int[slots];
            hits = new int[slots];
            off = new boolean[slots];
            givenLookups = new int[slots];
            givenHits = new int[slots];
        }

        /** The number of feature slots it serves. */
        int slots() {
            return slots;
        }

        /** Recently decoded key tags, by a hash of their contents. */
        private final int[][] tags = new int[256][];

        /**
         * {@code keyMeta}, or an equal array decoded before: records made by the same rules carry
         * the same tags for their keys, and the arrays are never written after decoding.
         */
        int[] shared(int[] keyMeta) {
            int at = (Arrays.hashCode(keyMeta) * 0x9E3779B9 >>> 24) & (tags.length - 1);
            int[] known = tags[at];
            if (known != null && Arrays.equals(known, keyMeta)) {
                return known;
            }
            tags[at] = keyMeta;
            return keyMeta;
        }

        /**
         * Whether a value of {@code slot} is still compared with the strings its record holds: a
         * slot whose values were found there fewer than one time in sixteen over the first
         * {@link #PROBE} (a name pair, a phonetic code) stops being compared.
         */
        boolean looksAtGiven(int slot) {
            return givenLookups[slot] < PROBE || givenHits[slot] >= PROBE / 16;
        }

        void lookedAtGiven(int slot, boolean found) {
            if (givenLookups[slot] < PROBE) {
                givenLookups[slot]++;
                if (found) {
                    givenHits[slot]++;
                }
            }
        }

        String get(int slot, byte[] buf, int off, int len) {
            if (this.off[slot]) {
                return new String(buf, off, len, StandardCharsets.UTF_8);
            }
            String[] table = bySlot[slot];
            if (table == null) {
                table = bySlot[slot] = new String[SIZE];
            }
            int h = 0;
            boolean ascii = true;
            for (int i = off, end = off + len; i < end; i++) {
                byte b = buf[i];
                ascii &= b >= 0;
                h = 31 * h + b;
            }
            int at = (h ^ (h >>> 13)) & (SIZE - 1);
            String known = table[at];
            boolean hit = ascii && known != null && known.length() == len && sameAscii(known, buf, off, len);
            if (lookups[slot] < PROBE) {
                lookups[slot]++;
                if (hit) {
                    hits[slot]++;
                }
                if (lookups[slot] == PROBE && hits[slot] < PROBE / 2) {
                    this.off[slot] = true;
                    bySlot[slot] = null;
                }
            }
            if (hit) {
                return known;
            }
            String s = new String(buf, off, len, StandardCharsets.UTF_8);
            if (ascii && !this.off[slot]) {
                table[at] = s;
            }
            return s;
        }

        /** Whether the slot's values are no longer looked up (for the tests). */
        boolean off(int slot) {
            return off[slot];
        }

        private static boolean sameAscii(String s, byte[] buf, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (s.charAt(i) != buf[off + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A growable byte buffer. */
    private static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void raw(byte b) {
            room(1);
            buf[n++] = b;
        }

        void varint(int v) {
            room(5);
            while ((v & ~0x7F) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void fixed64(long v) {
            room(8);
            for (int i = 56; i >= 0; i -= 8) {
                buf[n++] = (byte) (v >>> i);
            }
        }

        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length + 1);
            room(utf8.length);
            System.arraycopy(utf8, 0, buf, n, utf8.length);
            n += utf8.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }
    }

    /** A reader over stored bytes; running past the end throws {@link ArrayIndexOutOfBoundsException}. */
    private static final class In {
        private final byte[] buf;
        private int p;

        In(byte[] buf) {
            this.buf = buf;
        }

        byte raw() {
            return buf[p++];
        }

        int varint() {
            int v = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                byte b = buf[p++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new ArrayIndexOutOfBoundsException("varint too long");
        }

        long fixed64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[p++] & 0xFF);
            }
            return v;
        }

        /**
         * A string: one of {@code given} or of the record's values before {@code slot} (a name set
         * is often the name pair) that is equal, else one {@code cache} (if not {@code null}) holds
         * for {@code slot}, else a new one.
         */
        String string(StringCache cache, int slot, String[] given, String[] before) {
            int len = varint() - 1;
            if (len < 0) {
                return null;
            }
            if (len > buf.length - p) {
                throw new ArrayIndexOutOfBoundsException("string past the end");
            }
            String s = null;
            if (cache == null || cache.looksAtGiven(slot)) {
                for (String candidate : given) {
                    if (candidate.length() == len && StringCache.sameAscii(candidate, buf, p, len)) {
                        s = candidate;
                        break;
                    }
                }
                for (int f = 0; s == null && f < slot; f++) {
                    String candidate = before[f];
                    if (candidate != null && candidate.length() == len && StringCache.sameAscii(candidate, buf, p, len)) {
                        s = candidate;
                    }
                }
                if (cache != null) {
                    cache.lookedAtGiven(slot, s != null);
                }
            }
            if (s == null) {
                s = cache == null ? new String(buf, p, len, StandardCharsets.UTF_8) : cache.get(slot, buf, p, len);
            }
            p += len;
            return s;
        }

        void skipString() {
            int len = varint() - 1;
            if (len > buf.length - p) {
                throw new ArrayIndexOutOfBoundsException("string past the end");
            }
            p += Math.max(len, 0);
        }

        /**
         * An identifier of {@code type} with the next string as its value: the record's own
         * identifier when one of that type has that value already (most values are stored as they
         * were given, and a million-record store then holds one object for both), a new one
         * otherwise; {@code null} if the string is absent.
         */
        Identifier identifier(IdentifierType type, List<Identifier> raw) {
            int len = varint() - 1;
            if (len < 0) {
                return null;
            }
            if (len > buf.length - p) {
                throw new ArrayIndexOutOfBoundsException("string past the end");
            }
            for (Identifier given : raw) {
                String value = given.value();
                if (value.length() == len && given.type().equals(type) && StringCache.sameAscii(value, buf, p, len)) {
                    p += len;
                    return given;
                }
            }
            String s = new String(buf, p, len, StandardCharsets.UTF_8);
            p += len;
            return new Identifier(type, s);
        }

        boolean atEnd() {
            return p == buf.length;
        }
    }
}
