package io.unum.matchers.internal;

/**
 * Per-thread scratch arrays for the comparators, so that a comparison allocates nothing once a
 * thread has compared its first pair.
 *
 * <p>Design: one instance per thread, held in a {@link ThreadLocal} and sized for the longest
 * value a comparator looks at ({@link #MAX_LENGTH} UTF-16 code units, plus room for q-gram
 * padding). A comparator takes the arrays, uses them for the duration of one call and never
 * hands them out, so there is no sharing between threads and no re-entrancy: a comparator must
 * not call another comparator that uses the same array while it holds one. Arrays that must
 * start zeroed are cleared by their user before use (only the part it needs).
 */
public final class Scratch {

    /**
     * The longest prefix of a value, in UTF-16 code units, that the comparators look at. Longer
     * values are compared by their first {@code MAX_LENGTH} code units, which bounds the cost of
     * the quadratic algorithms (Jaro, edit distances, Monge–Elkan) on hostile input.
     */
    public static final int MAX_LENGTH = 1024;

    private static final int SLACK = 8;
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    /** Bit sets over the code units of the first and second value. */
    public final long[] bitsA = new long[(MAX_LENGTH + 63) / 64];
    /** Bit sets over the code units of the second value. */
    public final long[] bitsB = new long[(MAX_LENGTH + 63) / 64];
    /** Dynamic-programming rows. */
    public final int[] row0 = new int[MAX_LENGTH + 1];
    /** Dynamic-programming rows. */
    public final int[] row1 = new int[MAX_LENGTH + 1];
    /** Dynamic-programming rows. */
    public final int[] row2 = new int[MAX_LENGTH + 1];
    /** Bit masks per Latin-1 character for bit-parallel edit distances; kept all zero between calls. */
    public final long[] peq = new long[256];
    /** Hashes or packed q-grams of the first value. */
    public final long[] gramsA = new long[MAX_LENGTH + SLACK];
    /** Hashes or packed q-grams of the second value. */
    public final long[] gramsB = new long[MAX_LENGTH + SLACK];

    private Scratch() {
    }

    /** The calling thread's scratch arrays. */
    public static Scratch get() {
        return LOCAL.get();
    }

    /** {@code min(length, MAX_LENGTH)}: how much of a value the comparators look at. */
    public static int capped(int length) {
        return Math.min(length, MAX_LENGTH);
    }
}
