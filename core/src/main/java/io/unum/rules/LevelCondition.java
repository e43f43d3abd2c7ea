package io.unum.rules;

import io.unum.spi.FieldComparator;
import java.util.Objects;

/**
 * The test a pair of non-null feature values must pass to reach a {@link ComparisonLevel}.
 * Implementations are pure and thread-safe; {@link Object#toString() toString()} describes the test for
 * explanations.
 */
public interface LevelCondition {

    /**
     * Tests two non-null normalized feature values.
     *
     * @param a one value
     * @param b the other value
     * @return whether the pair reaches the level
     */
    boolean test(String a, String b);

    /**
     * For a condition "similarity at least a threshold", its comparator; {@code null} for other
     * conditions. Lets the engine compute one similarity for several levels that share a
     * comparator and a feature.
     */
    default FieldComparator comparator() {
        return null;
    }

    /** For a similarity condition, its threshold; {@code NaN} otherwise. */
    default double threshold() {
        return Double.NaN;
    }

    /** The values are equal. */
    static LevelCondition exact() {
        return Conditions.EXACT;
    }

    /**
     * The comparator's similarity is at least {@code threshold}.
     *
     * @param comparator the comparator
     * @param threshold in {@code [0, 1]}
     */
    static LevelCondition atLeast(FieldComparator comparator, double threshold) {
        Objects.requireNonNull(comparator, "comparator");
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("similarity threshold must be in [0, 1], was " + threshold);
        }
        return new Conditions.AtLeast(comparator, threshold);
    }

    /**
     * A condition from a test and the description explanations show for it.
     *
     * @param description what the test checks, for explanations
     * @param test a pure, thread-safe test of two non-null values
     */
    static LevelCondition named(String description, java.util.function.BiPredicate<String, String> test) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        return new LevelCondition() {
            @Override
            public boolean test(String a, String b) {
                return test.test(a, b);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Always true: the "else" level that closes a comparison. */
    static LevelCondition always() {
        return Conditions.ALWAYS;
    }
}
