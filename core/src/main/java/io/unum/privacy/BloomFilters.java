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
 * <p><b>Known weaknesses</b> (read before relying on this): Bloom-filter encodings leak
 * bigram frequencies, and have been re-identified by frequency analysis (Kuzu, Kantarcioglu,
 * Durham &amp; Malin 2011) and by pattern mining across many encodings (Christen, Ranbaduge,
 * Vatsalan &amp; Schnell 2018), more easily for short or low-entropy values; hardening techniques
 * (record-level salts, balancing, XOR folding, rehashing) are not implemented here. The secret
 * must stay secret: with it, anyone can test guesses. Use encodings for linkage between parties
 * who should not see names, not as anonymisation.
 *
 * <p>All methods are thread-safe.
 */
public final class BloomFilters {

    /** The prefix of an encoding. */
    public static final String PREFIX = "bf1:";

    private BloomFilters() {
    }

    /**
     * An encoder with the defaults: 512 bits, 20 hash functions per bigram.
     *
     * @param secret at least 16 bytes
     */
    public static Normalizer encoder(byte[] secret) {
        return encoder(secret, 512, 20);
    }

    /**
     * An encoder; its output is {@code null} when the value has no letters or digits.
     *
     * @param secret at least 16 bytes
     * @param bits the filter length, a multiple of 8 from 64 to 8192
     * @param hashes bits set per bigram, 1 to 64
     */
    public static Normalizer encoder(byte[] secret, int bits, int hashes) {
        if (bits < 64 || bits > 8192 || bits % 8 != 0) {
            throw new IllegalArgumentException("Bloom filter length must be a multiple of 8 from 64 to 8192, was " + bits);
        }
        if (hashes < 1 || hashes > 64) {
            throw new IllegalArgumentException("hashes per bigram must be 1 to 64, was " + hashes);
        }
        KeyedHash hash = new KeyedHash(secret);
        return value -> {
            String clean = clean(value);
            if (clean.isEmpty()) {
                return null;
            }
            String padded = "_" + clean + "_";
            byte[] filter = new byte[bits / 8];
            for (int i = 0; i + 2 <= padded.length(); i++) {
                byte[] h = hash.hash("bigram", padded.substring(i, i + 2));
                long h1 = toLong(h, 0);
                long h2 = toLong(h, 8) | 1L;
                for (int j = 0; j < hashes; j++) {
                    int bit = (int) Long.remainderUnsigned(h1 + j * h2, bits);
                    filter[bit >>> 3] |= (byte) (1 << (bit & 7));
                }
            }
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(filter);
        };
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
