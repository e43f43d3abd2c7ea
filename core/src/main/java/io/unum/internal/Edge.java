package io.unum.internal;

/**
 * An edge of the match graph packed into a {@code long}: bits 0–31 hold the match weight as a
 * {@code float}, bits 32–39 the rule index, bits 40–41 the kind. {@link #NONE} (zero) is "no
 * edge". Deterministic links carry weight {@code +Infinity}, so they sort first.
 */
final class Edge {

    static final long NONE = 0L;
    static final int REVIEW = 1;
    static final int LINK = 2;

    private Edge() {
    }

    static long of(int kind, int rule, float weight) {
        return ((long) kind << 40) | ((long) (rule & 0xFF) << 32) | (Float.floatToRawIntBits(weight) & 0xFFFFFFFFL);
    }

    static int kind(long edge) {
        return (int) (edge >>> 40) & 0x3;
    }

    static int rule(long edge) {
        return (int) (edge >>> 32) & 0xFF;
    }

    static float weight(long edge) {
        return Float.intBitsToFloat((int) edge);
    }

    static boolean isLink(long edge) {
        return kind(edge) == LINK;
    }
}
