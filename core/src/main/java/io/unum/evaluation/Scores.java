package io.unum.evaluation;

/**
 * Precision, recall and their harmonic mean F1, each in {@code [0, 1]}.
 *
 * @param precision the share of what was claimed that is true
 * @param recall the share of what is true that was claimed
 * @param f1 {@code 2PR / (P + R)}, or 0 when both are 0
 */
public record Scores(double precision, double recall, double f1) {

    /**
     * @throws IllegalArgumentException if a value is outside {@code [0, 1]} or not a number
     */
    public Scores {
        check(precision, "precision");
        check(recall, "recall");
        check(f1, "f1");
    }

    /**
     * Scores from a precision and a recall, F1 being their harmonic mean (0 when both are 0).
     *
     * @throws IllegalArgumentException if a value is outside {@code [0, 1]}
     */
    public static Scores of(double precision, double recall) {
        check(precision, "precision");
        check(recall, "recall");
        double sum = precision + recall;
        return new Scores(precision, recall, sum == 0 ? 0 : 2 * precision * recall / sum);
    }

    private static void check(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
