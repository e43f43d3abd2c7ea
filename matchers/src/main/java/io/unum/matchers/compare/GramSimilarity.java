package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;
import io.unum.spi.FieldComparator;
import java.util.Arrays;

/**
 * Set-overlap similarities (Jaccard, Sørensen–Dice, overlap coefficient) over the multiset of
 * white-space separated tokens or of padded q-grams of two values.
 *
 * <p>Definitions, with {@code A} and {@code B} multisets (a gram occurring twice counts twice,
 * the intersection takes the smaller count): Jaccard (P. Jaccard, "Étude comparative de la
 * distribution florale dans une portion des Alpes et du Jura", 1901) is
 * {@code |A ∩ B| / |A ∪ B|}; Dice (L. R. Dice, "Measures of the amount of ecologic association
 * between species", Ecology 26(3), 1945; Sørensen 1948) is {@code 2|A ∩ B| / (|A| + |B|)}; the
 * overlap coefficient (Szymkiewicz–Simpson) is {@code |A ∩ B| / min(|A|, |B|)}, which scores a
 * double surname against one of its parts as {@code 1}. Q-grams (E. Ukkonen, "Approximate
 * string-matching with q-grams and maximal matches", TCS 92, 1992) are taken over the value
 * padded with {@code q - 1} start and end markers ({@code U+0002}, {@code U+0003}), so that
 * short values still have grams and the first and last characters weigh as much as the
 * others.
 *
 * <p>Design: every gram becomes a {@code long} in per-thread scratch arrays — a q-gram of up to
 * four code units packed exactly, a token as a 64-bit hash (two distinct tokens collide with
 * probability about 2<sup>-64</sup>) — the two arrays are sorted and merged. O(n log n), no
 * allocation. Values without a token (only white space) score {@code 0} against anything but
 * themselves.
 */
final class GramSimilarity implements FieldComparator {

    enum Measure { JACCARD, DICE, OVERLAP }

    private static final char START = '\u0002';
    private static final char END = '\u0003';

    private final Measure measure;
    /** 0 for tokens, else the gram length 1..4. */
    private final int q;

    GramSimilarity(Measure measure, int q) {
        this.measure = measure;
        this.q = q;
    }

    @Override
    public double compare(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        Scratch scratch = Scratch.get();
        long[] ga = scratch.gramsA;
        long[] gb = scratch.gramsB;
        int na = q == 0 ? tokens(a, ga) : grams(a, ga, q);
        int nb = q == 0 ? tokens(b, gb) : grams(b, gb, q);
        if (na == 0 || nb == 0) {
            return 0.0;
        }
        Arrays.sort(ga, 0, na);
        Arrays.sort(gb, 0, nb);
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < na && j < nb) {
            long x = ga[i];
            long y = gb[j];
            if (x == y) {
                common++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        switch (measure) {
            case JACCARD:
                return (double) common / (na + nb - common);
            case DICE:
                return 2.0 * common / (na + nb);
            default:
                return (double) common / Math.min(na, nb);
        }
    }

    /** Packs the padded q-grams of the capped value into {@code out}; returns their number. */
    static int grams(String s, long[] out, int q) {
        int length = Scratch.capped(s.length());
        if (length == 0) {
            return 0;
        }
        int pad = q - 1;
        int total = length + pad;
        for (int g = 0; g < total; g++) {
            long packed = 0L;
            for (int k = 0; k < q; k++) {
                int position = g - pad + k;
                char c = position < 0 ? START : position >= length ? END : s.charAt(position);
                packed = (packed << 16) | c;
            }
            out[g] = packed;
        }
        return total;
    }

    /** Hashes the white-space separated tokens of the capped value into {@code out}. */
    static int tokens(String s, long[] out) {
        int length = Scratch.capped(s.length());
        int n = 0;
        int i = 0;
        while (i < length) {
            while (i < length && Tokens.isSeparator(s.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            long h = 0xcbf29ce484222325L;
            while (i < length && !Tokens.isSeparator(s.charAt(i))) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
                i++;
            }
            out[n++] = mix(h);
        }
        return n;
    }

    /** The MurmurHash3 64-bit finalizer (Appleby), to spread FNV-1a's low-entropy bits. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public String toString() {
        String m = measure.name().toLowerCase(java.util.Locale.ROOT);
        return q == 0 ? m + "(tokens)" : m + "(" + q + "-grams)";
    }
}
