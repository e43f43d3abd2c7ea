package io.unum.matchers.compare;

import io.unum.matchers.internal.Scratch;

/**
 * Levenshtein and optimal-string-alignment (restricted Damerau–Levenshtein) distances over
 * UTF-16 code units, with an optional bound.
 *
 * <p>Definitions: Levenshtein (V. I. Levenshtein, "Binary codes capable of correcting
 * deletions, insertions, and reversals", Soviet Physics Doklady 10(8), 1966) counts
 * insertions, deletions and substitutions; optimal string alignment additionally counts a
 * transposition of two adjacent characters as one edit (F. J. Damerau, "A technique for
 * computer detection and correction of spelling errors", CACM 7(3), 1964), with no substring
 * edited twice.
 *
 * <p>Design: common prefix and suffix are skipped first. When the shorter remainder has at
 * most 64 code units the distance is computed with the bit-parallel algorithm of Myers
 * ("A fast bit-vector algorithm for approximate string matching based on dynamic
 * programming", JACM 46(3), 1999) in Hyyrö's formulation, extended to transpositions as in
 * Hyyrö ("A bit-vector algorithm for computing Levenshtein and Damerau edit distances", Nordic
 * Journal of Computing 10, 2003): O(n) word operations. Longer remainders use the classic
 * dynamic programme over rows of per-thread scratch arrays, O(m · n). Neither allocates.
 * A bound {@code k} enables early exit: a length difference above {@code k} is rejected in
 * O(1), and the computation stops as soon as the distance provably exceeds {@code k}. A bound
 * of 0 or 1 ("one typo", the usual one for phone numbers, dates and ids) needs no dynamic
 * programme at all: one scan to the first difference and one comparison of the rest.
 */
final class EditDistance {

    /** "No bound". */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private EditDistance() {
    }

    /**
     * The distance of {@code a[ao, ao+al)} and {@code b[bo, bo+bl)}, or {@code -1} if it
     * exceeds {@code max}.
     */
    static int distance(String a, int ao, int al, String b, int bo, int bl, int max, boolean transpositions) {
        if (max <= 1) { // "equal" and "one typo": no bit vectors needed
            if (al == bl && a.regionMatches(ao, b, bo, al)) {
                return 0;
            }
            return max == 1 && atMostOne(a, ao, al, b, bo, bl, transpositions) ? 1 : -1;
        }
        // a common prefix or suffix does not change the Levenshtein distance; for optimal string
        // alignment it can (a transposition may use its boundary character), so it is kept
        if (!transpositions) {
            while (al > 0 && bl > 0 && a.charAt(ao) == b.charAt(bo)) {
                ao++;
                bo++;
                al--;
                bl--;
            }
            while (al > 0 && bl > 0 && a.charAt(ao + al - 1) == b.charAt(bo + bl - 1)) {
                al--;
                bl--;
            }
        }
        if (al > bl) {
            String s = a;
            a = b;
            b = s;
            int t = ao;
            ao = bo;
            bo = t;
            t = al;
            al = bl;
            bl = t;
        }
        if (bl - al > max) {
            return -1;
        }
        if (al == 0) {
            return bl;
        }
        return al <= 64
                ? bitParallel(a, ao, al, b, bo, bl, max, transpositions)
                : dynamic(a, ao, al, b, bo, bl, max, transpositions);
    }

    /**
     * Whether the distance of {@code a[ao, ao+al)} and {@code b[bo, bo+bl)} is at most one —
     * the answer of {@code distance(a, ao, al, b, bo, bl, 1, transpositions) >= 0} — in one pass
     * over the common prefix and one region comparison, without scratch arrays: past the first
     * difference, the rest must be equal after one substitution, one insertion or deletion, or
     * (with {@code transpositions}) one swap of two adjacent code units.
     */
    static boolean atMostOne(String a, int ao, int al, String b, int bo, int bl, boolean transpositions) {
        if (al > bl) {
            return atMostOne(b, bo, bl, a, ao, al, transpositions);
        }
        if (bl - al > 1) {
            return false;
        }
        int i = 0;
        while (i < al && a.charAt(ao + i) == b.charAt(bo + i)) {
            i++;
        }
        if (i == al) {
            return true; // equal, or b is a with one more code unit at the end
        }
        if (bl > al) {
            return a.regionMatches(ao + i, b, bo + i + 1, al - i); // b has one more code unit, at i
        }
        if (a.regionMatches(ao + i + 1, b, bo + i + 1, al - i - 1)) {
            return true; // one substitution at i
        }
        return transpositions && i + 1 < al && a.charAt(ao + i) == b.charAt(bo + i + 1)
                && a.charAt(ao + i + 1) == b.charAt(bo + i) && a.regionMatches(ao + i + 2, b, bo + i + 2, al - i - 2);
    }

    /** Myers/Hyyrö; the pattern {@code a} has 1 to 64 code units, the text {@code b} at least as many. */
    private static int bitParallel(String a, int ao, int m, String b, int bo, int n, int max, boolean transpositions) {
        long[] peq = Scratch.get().peq;
        for (int i = 0; i < m; i++) {
            char c = a.charAt(ao + i);
            if (c < 256) {
                peq[c] |= 1L << i;
            }
        }
        long vp = -1L;
        long vn = 0L;
        long d0 = 0L;
        long previousEq = 0L;
        long last = 1L << (m - 1);
        int score = m;
        int result = -2;
        for (int j = 0; j < n; j++) {
            char c = b.charAt(bo + j);
            long eq;
            if (c < 256) {
                eq = peq[c];
            } else {
                eq = 0L;
                for (int i = 0; i < m; i++) {
                    if (a.charAt(ao + i) == c) {
                        eq |= 1L << i;
                    }
                }
            }
            if (transpositions) {
                long tr = ((~d0 & eq) << 1) & previousEq;
                d0 = (((eq & vp) + vp) ^ vp) | eq | vn | tr;
                previousEq = eq;
            } else {
                d0 = (((eq & vp) + vp) ^ vp) | eq | vn;
            }
            long hp = vn | ~(d0 | vp);
            long hn = vp & d0;
            if ((hp & last) != 0) {
                score++;
            } else if ((hn & last) != 0) {
                score--;
            }
            // the distance can fall by at most one per remaining text character
            if (score - (n - 1 - j) > max) {
                result = -1;
                break;
            }
            hp = (hp << 1) | 1L;
            hn <<= 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
        }
        for (int i = 0; i < m; i++) {
            char c = a.charAt(ao + i);
            if (c < 256) {
                peq[c] = 0L;
            }
        }
        return result == -1 ? -1 : score;
    }

    /** The textbook dynamic programme with early exit; {@code m <= n}. */
    private static int dynamic(String a, int ao, int m, String b, int bo, int n, int max, boolean transpositions) {
        Scratch scratch = Scratch.get();
        int[] before = scratch.row2;
        int[] previous = scratch.row0;
        int[] current = scratch.row1;
        for (int i = 0; i <= m; i++) {
            previous[i] = i;
        }
        for (int j = 1; j <= n; j++) {
            char cb = b.charAt(bo + j - 1);
            current[0] = j;
            int rowMin = j;
            for (int i = 1; i <= m; i++) {
                char ca = a.charAt(ao + i - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(previous[i] + 1, current[i - 1] + 1), previous[i - 1] + cost);
                if (transpositions && i > 1 && j > 1 && ca == b.charAt(bo + j - 2) && a.charAt(ao + i - 2) == cb) {
                    d = Math.min(d, before[i - 2] + 1);
                }
                current[i] = d;
                rowMin = Math.min(rowMin, d);
            }
            // entries of later rows are never below this row's minimum
            if (rowMin > max) {
                return -1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        int d = previous[m];
        return d > max ? -1 : d;
    }
}
