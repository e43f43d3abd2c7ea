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
 * <p><b>Term frequencies.</b> With {@code termFrequencies} set, agreement on a rare value weighs
 * more than agreement on a common one: on the first level that tests exact equality of the
 * comparison's own feature, {@code u} is replaced by the frequency of the agreed value in the
 * data (Winkler 1989; as in Splink), so the level's weight is {@code log2(m / tf(value))}. The
 * frequencies come from a trained model ({@code io.unum.training}); without one the adjustment
 * is off.
 *
 * @param name the comparison's name, unique within its rule
 * @param feature the feature compared (and null-checked)
 * @param levels the levels, most similar first; non-empty, labels unique
 * @param termFrequencies whether the exact level is adjusted by the frequency of the value
 */
public record Comparison(String name, String feature, List<ComparisonLevel> levels, boolean termFrequencies) {

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

    /** A comparison without term-frequency adjustment. */
    public Comparison(String name, String feature, List<ComparisonLevel> levels) {
        this(name, feature, levels, false);
    }

    /** A comparison on a feature of the same name. */
    public static Comparison of(String feature, ComparisonLevel... levels) {
        return new Comparison(feature, feature, List.of(levels));
    }

    /** This comparison with term-frequency adjustment of its exact level. */
    public Comparison withTermFrequencies() {
        return new Comparison(name, feature, levels, true);
    }

    /** This comparison with term-frequency adjustment on or off. */
    public Comparison withTermFrequencies(boolean on) {
        return new Comparison(name, feature, levels, on);
    }

    /** This comparison with other levels (for example with trained m and u). */
    public Comparison withLevels(List<ComparisonLevel> newLevels) {
        return new Comparison(name, feature, newLevels, termFrequencies);
    }

    /** The index of the level adjusted by term frequencies: the first exact level on the own feature, or -1. */
    public int termFrequencyLevel() {
        for (int i = 0; i < levels.size(); i++) {
            ComparisonLevel level = levels.get(i);
            if (level.condition() == LevelCondition.exact() && (level.feature() == null || level.feature().equals(feature))) {
                return i;
            }
        }
        return -1;
    }
}
