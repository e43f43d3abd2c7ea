package io.unum.generator;

/**
 * A small, fast, fully specified pseudo-random generator: SplitMix64 (Steele, Lea &amp; Flood
 * 2014, "Fast splittable pseudorandom number generators", OOPSLA). The generator's output must be
 * byte-identical for a seed on every JVM, so it does not rely on JDK generators whose
 * algorithms are not part of their specification. Not thread-safe; one instance per stream.
 */
final class Rng {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /**
     * An independent stream for one unit of work (such as a household), so that each unit's
     * values depend only on the seed and the unit's number, not on what was drawn before.
     */
    static Rng stream(long seed, long unit) {
        return new Rng(mix(seed ^ mix(unit * GOLDEN_GAMMA + 0x632be59bd9b4e019L)));
    }

    /** The SplitMix64 finalizer (a variant of MurmurHash3's fmix64): a bijective bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)} (multiply-shift; bias below 2^-32, irrelevant here). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in {@code [from, to]}. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    /**
     * An index in {@code [0, size)} where small indexes are likelier: the minimum of two
     * uniform draws, squared in effect, so index 0 is drawn about 2/size of the time and the last
     * rarely. Gives name lists the skew of real populations without a frequency table.
     */
    int skewed(int size) {
        return Math.min(nextInt(size), nextInt(size));
    }

    /** A lower-case hexadecimal string of {@code digits} random digits. */
    String hex(int digits) {
        char[] out = new char[digits];
        long bits = 0;
        for (int i = 0; i < digits; i++) {
            if (i % 16 == 0) {
                bits = nextLong();
            }
            out[i] = Character.forDigit((int) (bits & 15), 16);
            bits >>>= 4;
        }
        return new String(out);
    }
}
