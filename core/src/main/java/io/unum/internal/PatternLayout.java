package io.unum.internal;

/**
 * How a probabilistic rule's comparison vector packs into one {@code long} for training (see
 * {@link Scorer#pattern}): per comparison its level + 1, 0 for the null level (or no level), in
 * as few bits as its levels need — two bits for a comparison of up to three levels, four for up
 * to fifteen — one comparison after the other from the lowest bit. A rule of sixteen
 * comparisons of up to fifteen levels fits, and so does one of thirty-two comparisons of up to
 * three. Immutable; thread-safe.
 */
final class PatternLayout {

    /** The bits of a pattern. */
    static final int BITS = Long.SIZE;

    private final int[] shift;
    private final long[] mask;

    private PatternLayout(int[] shift, long[] mask) {
        this.shift = shift;
        this.mask = mask;
    }

    /** The bits a comparison of {@code levels} levels takes: enough for 0 (null) to {@code levels}. */
    static int bits(int levels) {
        return Math.max(1, Long.SIZE - Long.numberOfLeadingZeros(levels));
    }

    /** The bits a rule's comparisons take together. */
    static int bits(CompiledRule.Comparison[] comparisons) {
        int total = 0;
        for (CompiledRule.Comparison comparison : comparisons) {
            total += bits(comparison.levels().length);
        }
        return total;
    }

    /** The layout of a rule's comparisons, or {@code null} when they take more than {@value #BITS} bits. */
    static PatternLayout of(CompiledRule.Comparison[] comparisons) {
        if (bits(comparisons) > BITS) {
            return null;
        }
        int[] shift = new int[comparisons.length];
        long[] mask = new long[comparisons.length];
        int next = 0;
        for (int c = 0; c < comparisons.length; c++) {
            int bits = bits(comparisons[c].levels().length);
            shift[c] = next;
            mask[c] = (1L << bits) - 1;
            next += bits;
        }
        return new PatternLayout(shift, mask);
    }

    /** The level of comparison {@code c} in a pattern, -1 for the null level (or no level). */
    int level(long code, int c) {
        return (int) ((code >>> shift[c]) & mask[c]) - 1;
    }

    /** {@code code} with comparison {@code c} at {@code level} (a negative level: null); its bits must be clear. */
    long with(long code, int c, int level) {
        return code | (long) (level >= 0 ? level + 1 : 0) << shift[c];
    }
}
