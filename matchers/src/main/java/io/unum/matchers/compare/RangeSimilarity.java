package io.unum.matchers.compare;

/**
 * A similarity that can compare parts of strings without copying them, so that token-based
 * comparators such as Monge–Elkan can call it allocation-free. Implementations follow the
 * {@link io.unum.spi.FieldComparator} contract on the parts.
 */
interface RangeSimilarity {

    /**
     * The similarity of {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)}, in {@code [0, 1]}.
     * Callers pass ranges no longer than {@link io.unum.matchers.internal.Scratch#MAX_LENGTH}.
     */
    double similarity(String a, int aFrom, int aTo, String b, int bFrom, int bTo);
}
