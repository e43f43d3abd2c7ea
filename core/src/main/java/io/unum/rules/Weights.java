package io.unum.rules;

/**
 * Conversions between probabilities and Fellegi–Sunter match weights in bits.
 */
public final class Weights {

    private static final double LN2 = Math.log(2.0);

    private Weights() {
    }

    /** {@code log2(p / (1 - p))}: the weight of a probability in bits. */
    public static double logit2(double p) {
        return Math.log(p / (1.0 - p)) / LN2;
    }

    /** {@code 2^w / (1 + 2^w)}: the probability of a weight in bits. */
    public static double probability(double weight) {
        if (weight == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double odds = Math.pow(2.0, weight);
        return odds / (1.0 + odds);
    }
}
