package io.unum.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One comparison of a probabilistic rule: ordered levels over a feature. A pair takes the first
 * level whose condition it passes. When either record lacks the feature, the pair takes the
 * implicit <em>null level</em>, whose weight is zero: a missing value is never evidence of a
 * match or of a non-match. A pair that passes no level also contributes zero; close a
 * comparison with an {@link LevelCondition#always() else} level to make disagreement count.
 *
 * @param name the comparison's name, unique within its rule
 * @param feature the feature compared (and null-checked)
 * @param levels the levels, most similar first; non-empty, labels unique
 */
public record Comparison(String name, String feature, List<ComparisonLevel> levels) {

    public Comparison {
        Objects.requireNonNull(name, "comparison name");
        Objects.requireNonNull(feature, () -> "feature of comparison " + name);
        levels = List.copyOf(Objects.requireNonNull(levels, () -> "levels of comparison " + name));
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("comparison " + name + " needs at least one level");
        }
        Set<String> labels = new HashSet<>();
        for (ComparisonLevel level : levels) {
            if (!labels.add(level.label())) {
                throw new IllegalArgumentException("comparison " + name + " has two levels labelled " + level.label());
            }
        }
    }

    /** A comparison on a feature of the same name. */
    public static Comparison of(String feature, ComparisonLevel... levels) {
        return new Comparison(feature, feature, List.of(levels));
    }
}
