package io.unum.rules;

import java.util.Objects;

/**
 * One level of a {@link Comparison}, in the Fellegi–Sunter sense (Fellegi &amp; Sunter, "A
 * Theory for Record Linkage", JASA 64, 1969): the probability {@code m} that a true match
 * reaches this level and the probability {@code u} that a non-match does. The level's match
 * weight is {@code log2(m / u)} bits: positive levels are evidence of a match, negative ones
 * evidence against.
 *
 * @param label a short name for explanations, e.g. {@code "jaro-winkler >= 0.92"}
 * @param feature the feature this level compares, or {@code null} for the comparison's own
 *     feature (a level may compare a derived feature, such as a phonetic code)
 * @param condition the test the pair of values must pass
 * @param m P(level | match), in {@code (0, 1]}
 * @param u P(level | non-match), in {@code (0, 1]}
 */
public record ComparisonLevel(String label, String feature, LevelCondition condition, double m, double u) {

    public ComparisonLevel {
        Objects.requireNonNull(label, "level label");
        Objects.requireNonNull(condition, () -> "condition of level " + label);
        if (!(m > 0.0 && m <= 1.0)) {
            throw new IllegalArgumentException("m of level " + label + " must be in (0, 1], was " + m);
        }
        if (!(u > 0.0 && u <= 1.0)) {
            throw new IllegalArgumentException("u of level " + label + " must be in (0, 1], was " + u);
        }
    }

    /** A level on the comparison's own feature. */
    public static ComparisonLevel of(String label, LevelCondition condition, double m, double u) {
        return new ComparisonLevel(label, null, condition, m, u);
    }

    /** This level with other probabilities. */
    public ComparisonLevel withProbabilities(double newM, double newU) {
        return new ComparisonLevel(label, feature, condition, newM, newU);
    }

    /** The level's match weight in bits: {@code log2(m / u)}. */
    public double weight() {
        return Math.log(m / u) / Math.log(2.0);
    }
}
