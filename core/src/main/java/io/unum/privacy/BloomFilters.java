package io.unum.privacy;

import io.unum.spi.FieldComparator;
import io.unum.spi.Normalizer;
import java.util.Base64;
import java.util.Locale;

/**
 * Keyed Bloom-filter encodings of q-grams for privacy-preserving fuzzy matching of names
 * (Schnell, Bachteler &amp; Reiher, "Privacy-preserving record linkage using Bloom filters", BMC
 * Medical Informatics and Decision Making 9:41, 2009), compared by the Dice coefficient.
 *
 * <p><b>Encoding.</b> The value is lower-cased ({@link Locale#ROOT}), reduced to letters, digits
 * and single spaces, and padded with one {@code _} at each end; each bigram sets {@code k} of
 * {@code m} bits chosen by double hashing (Kirsch &amp; Mitzenmacher 2006) from an HMAC-SHA-256 of
 * the bigram under the caller's secret. The result is written as {@code bf1:} and the bits in
 * URL-safe base64. Two spellings that share most bigrams share most bits, so their Dice
 * coefficient stays high: {@code smith} and {@code smyth} score about 0.6–0.7.
 *
 * <p><b>Hardening</b> ({@link Hardening}, optional, combinable):
 * <ul>
 *   <li>{@linkplain Hardening#XOR_FOLD XOR folding} (Schnell, Borgs &amp; Encheva, "XOR-folding for
 *       Bloom filter-based encryptions for privacy-preserving record linkage", 2016): the two
 *       halves of the filter are XOR-ed into one of half the length, so a set bit no longer
 *       points to one bigram.</li>
 *   <li>{@linkplain Hardening#BALANCE Balancing} (Schnell &amp; Borgs, "Randomized response and
 *       balanced Bloom filters for privacy preserving record linkage", 2016): the filter is
 *       concatenated with its complement and the bits permuted by a permutation derived from the
 *       secret, so every encoding has exactly half its bits set and the number of set bits no
 *       longer reveals the length of the value. Applied after folding.</li>
 *   <li><b>Record-level salts</b> (Niedermeyer, Steinmetzer, Kroll &amp; Schnell, "Cryptanalysis of
 *       basic Bloom filters used for privacy preserving record linkage", 2014):
 *       {@link Encoder#encode(String, String)} keys the bigram hashes with a per-record value as
 *       well (for example the year of birth), so equal names with different salts give unrelated
 *       filters and frequency analysis across the whole file no longer works; two records are
 *       then comparable only if their salts are equal, so the salt must be a reliable field.
 *       {@link PrivacyFilters#bloomEncode(Encoder, String, String...)} salts with an attribute.</li>
 * </ul>
 *
 * <p><b>Known weaknesses</b> (read before relying on this): Bloom-filter encodings leak
 * bigram frequencies, and have been re-identified by frequency analysis (Kuzu, Kantarcioglu,
 * Durham &amp; Malin 2011) and by pattern mining across many encodings (Christen, Ranbaduge,
 * Vatsalan &amp; Schnell 2018), more easily for short or low-entropy values; the hardenings above
 * make these attacks harder, not impossible, and cost some matching quality (folding and
 * balancing lower the Dice contrast between similar and dissimilar values; salts forbid
 * matching across salt values). Window-based rehashing (Schnell 2015) is not offered. The
 * secret must stay secret: with it, anyone can test guesses. Use encodings for linkage between
 * parties who should not see names, not as anonymisation.
 *
 * <p>All methods are thread-safe.
 */
public final class BloomFilters {

    /** The prefix of an encoding. */
    public static final String PREFIX = "bf1:";

    private BloomFilters() {
    }

    /** Optional hardening of the encodings; see the class documentation. */
    public enum Hardening {
        /** XOR the two halves of the filter into one (the output has half the bits). */
        XOR_FOLD,
        /** Append the complement and permute with a secret permutation (the output has twice the bits, half set). */
        BALANCE
    }

    /**
     * An encoder with the defaults: 512 bits, 20 hash functions per bigram, no hardening.
     *
     * @param secret at least 16 bytes
     */
    public static Encoder encoder(byte[] secret) {
        return encoder(secret, 512, 20);
    }

    /**
     * An encoder; its output is {@code null} when the value has no letters or digits.
     *
     * @param secret at least 16 bytes
     * @param bits the filter length before hardening, a multiple of 8 from 64 to 8192 (of 16 with
     *     {@link Hardening#XOR_FOLD})
     * @param hashes bits set per bigram, 1 to 64
     * @param hardening optional hardening steps; folding is applied before balancing
     */
    public static Encoder encoder(byte[] secret, int bits, int hashes, Hardening... hardening) {
        if (bits < 64 || bits > 8192 || bits % 8 != 0) {
            throw new IllegalArgumentException("Bloom filter length must be a multiple of 8 from 64 to 8192, was " + bits);
        }
        if (hashes < 1 || hashes > 64) {
            throw new IllegalArgumentException("hashes per bigram must be 1 to 64, was " + hashes);
        }
        java.util.EnumSet<Hardening> steps = java.util.EnumSet.noneOf(Hardening.class);
        for (Hardening step : hardening) {
            steps.add(java.util.Objects.requireNonNull(step, "hardening"));
        }
        if (steps.contains(Hardening.XOR_FOLD) && bits % 16 != 0) {
            throw new IllegalArgumentException("XOR folding needs a filter length that is a multiple of 16, was " + bits);
        }
        return new Encoder(new KeyedHash(secret), bits, hashes, steps);
    }

    /**
     * Encodes values as keyed Bloom filters, optionally hardened and salted. Immutable and
     * thread-safe; as a {@link Normalizer} it encodes without a salt.
     */
    public static final class Encoder implements Normalizer {
        private final KeyedHash hash;
        private final int bits;
        private final int hashes;
        private final boolean fold;
        /** The secret permutation of balanced filters (position i of the output takes bit permutation[i]); null without balancing. */
        private final int[] permutation;

        private Encoder(KeyedHash hash, int bits, int hashes, java.util.Set<Hardening> steps) {
            this.hash = hash;
            this.bits = bits;
            this.hashes = hashes;
            this.fold = steps.contains(Hardening.XOR_FOLD);
            this.permutation = steps.contains(Hardening.BALANCE) ? permutation(hash, 2 * (fold ? bits / 2 : bits)) : null;
        }

        @Override
        public String normalize(String value) {
            return encode(value, null);
        }

        /**
         * Encodes {@code value}; with a non-null {@code salt} the bigram hashes are keyed with it
         * too (record-level salting), so only encodings with equal salts are comparable.
         *
         * @param value the value; {@code null} output when it has no letters or digits
         * @param salt a per-record value such as the year of birth, or {@code null}
         * @return the encoding, {@code bf1:} and URL-safe base64
         */
        public String encode(String value, String salt) {
            String clean = clean(value);
            if (clean.isEmpty()) {
                return null;
            }
            String padded = "_" + clean + "_";
            byte[] filter = new byte[bits / 8];
            for (int i = 0; i + 2 <= padded.length(); i++) {
                String bigram = padded.substring(i, i + 2);
                byte[] h = salt == null ? hash.hash("bigram", bigram) : hash.hash("salted-bigram", salt, bigram);
                long h1 = toLong(h, 0);
                long h2 = toLong(h, 8) | 1L;
                for (int j = 0; j < hashes; j++) {
                    int bit = (int) Long.remainderUnsigned(h1 + j * h2, bits);
                    filter[bit >>> 3] |= (byte) (1 << (bit & 7));
                }
            }
            if (fold) {
                filter = xorFold(filter);
            }
            if (permutation != null) {
                filter = balance(filter, permutation);
            }
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(filter);
        }

        @Override
        public String toString() {
            return "bloom-encoder(" + bits + " bits, " + hashes + " hashes" + (fold ? ", xor-fold" : "")
                    + (permutation != null ? ", balanced" : "") + ")";
        }
    }

    /** The two halves XOR-ed. */
    static byte[] xorFold(byte[] filter) {
        int half = filter.length / 2;
        byte[] folded = new byte[half];
        for (int i = 0; i < half; i++) {
            folded[i] = (byte) (filter[i] ^ filter[half + i]);
        }
        return folded;
    }

    /** The filter followed by its complement, permuted: exactly half of the output bits are set. */
    static byte[] balance(byte[] filter, int[] permutation) {
        int n = filter.length * 8;
        byte[] out = new byte[filter.length * 2];
        for (int i = 0; i < permutation.length; i++) {
            int source = permutation[i];
            boolean set = source < n ? bit(filter, source) : !bit(filter, source - n);
            if (set) {
                out[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        return out;
    }

    private static boolean bit(byte[] filter, int i) {
        return (filter[i >>> 3] & (1 << (i & 7))) != 0;
    }

    /** A Fisher–Yates permutation of {@code [0, n)} driven by the keyed hash. */
    private static int[] permutation(KeyedHash hash, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            byte[] h = hash.hash("balance-permutation", Integer.toString(i));
            int j = (int) Long.remainderUnsigned(toLong(h, 0), i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * The Dice coefficient {@code 2|A∩B| / (|A|+|B|)} of two encodings of the same length; two
     * empty filters compare as 1. Values that are not encodings, or of different lengths,
     * compare as 0 unless equal.
     */
    public static FieldComparator dice() {
        return new FieldComparator() {
            @Override
            public double compare(String a, String b) {
                if (a.equals(b)) {
                    return 1.0;
                }
                if (!a.startsWith(PREFIX) || !b.startsWith(PREFIX) || a.length() != b.length()) {
                    return 0.0;
                }
                byte[] x;
                byte[] y;
                try {
                    x = Base64.getUrlDecoder().decode(a.substring(PREFIX.length()));
                    y = Base64.getUrlDecoder().decode(b.substring(PREFIX.length()));
                } catch (IllegalArgumentException e) {
                    return 0.0;
                }
                int both = 0;
                int total = 0;
                for (int i = 0; i < x.length; i++) {
                    both += Integer.bitCount(x[i] & y[i] & 0xFF);
                    total += Integer.bitCount(x[i] & 0xFF) + Integer.bitCount(y[i] & 0xFF);
                }
                return total == 0 ? 1.0 : 2.0 * both / total;
            }

            @Override
            public String toString() {
                return "bloom-dice";
            }
        };
    }

    private static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            } else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static long toLong(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xFF);
        }
        return v;
    }
}
