package io.unum.matchers.internal;

/**
 * The last pair of values a thread asked a comparison about, and two numbers worked out from it.
 * A comparison walks its levels over the same two strings in turn, each level a condition of its
 * own; a condition that needs what an earlier one parsed (an address's separators, a date's
 * fields) finds it here instead of parsing again. Identity, not equality, tells the pair, so an
 * answer is never reused for another pair; the two strings stay reachable until the thread asks
 * about another pair, as garbage stays in the heap until collected.
 *
 * <p>Not thread-safe: keep one per thread ({@code ThreadLocal.withInitial(LastPair::new)}).
 */
public final class LastPair {

    private String left;
    private String right;
    private long first;
    private long second;

    /** Whether this holds exactly the strings {@code a} and {@code b} (the same objects, in order). */
    public boolean holds(String a, String b) {
        return left == a && right == b;
    }

    /** Holds {@code a} and {@code b} with what was worked out from them. */
    public void hold(String a, String b, long first, long second) {
        this.left = a;
        this.right = b;
        this.first = first;
        this.second = second;
    }

    /** The first number held. */
    public long first() {
        return first;
    }

    /** The second number held. */
    public long second() {
        return second;
    }
}
