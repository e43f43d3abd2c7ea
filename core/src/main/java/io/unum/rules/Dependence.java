package io.unum.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Two comparisons of a probabilistic rule whose agreement goes together among non-matches, so
 * that adding their weights as if they were independent (the Fellegi–Sunter assumption) counts
 * the same evidence twice. The example is customer data: people of one household share a
 * surname <em>and</em> an address, so a shared surname makes a shared address far more likely
 * between two different people than the address's u probability says.
 *
 * <p>When the {@code conditioning} comparison reaches one of its first
 * {@code conditioningLevels} levels (for example an exact surname, or with two levels also a
 * surname one typo apart), the pair's weight gets the {@code dependent} comparison level's
 * correction, in bits (zero or negative): {@code -log2(L)}, where {@code L} is how much more
 * often non-matching pairs that agree on the conditioning comparison reach that level of the
 * dependent one than non-matching pairs in general. Training estimates the corrections from the
 * data (see {@code Resolver.train}), from the pairs that agree exactly on the conditioning
 * comparison's feature; further conditioning levels take the same correction, as the same
 * household written with a typo. Where the data show no dependence the corrections stay zero,
 * so declaring a dependence never hurts data without one. Until trained, the corrections given
 * here apply (none by default).
 *
 * @param conditioning the comparison whose first levels condition the correction; it must come
 *     before {@code dependent} in the rule
 * @param dependent the comparison whose level weights are corrected
 * @param corrections by level label of {@code dependent}: the correction in bits, finite and at
 *     most zero; levels not listed get none
 * @param conditioningLevels how many of the conditioning comparison's first levels condition the
 *     correction: at least 1, at most its number of levels (checked by the rule)
 */
public record Dependence(String conditioning, String dependent, Map<String, Double> corrections,
        int conditioningLevels) {

    public Dependence {
        Objects.requireNonNull(conditioning, "conditioning comparison");
        Objects.requireNonNull(dependent, "dependent comparison");
        if (conditioning.equals(dependent)) {
            throw new IllegalArgumentException("a comparison cannot depend on itself: " + dependent);
        }
        if (conditioningLevels < 1) {
            throw new IllegalArgumentException("dependence " + conditioning + " ~ " + dependent
                    + ": conditioning levels must be at least 1, was " + conditioningLevels);
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        Objects.requireNonNull(corrections, "corrections").forEach((label, bits) -> {
            Objects.requireNonNull(label, "level label");
            if (bits == null || !Double.isFinite(bits) || bits > 0) {
                throw new IllegalArgumentException("correction of level " + label + " of comparison " + dependent
                        + " must be a finite number of bits at most 0, was " + bits);
            }
            copy.put(label, bits);
        });
        corrections = Collections.unmodifiableMap(copy);
    }

    /** A dependence conditioned on the first level of {@code conditioning} alone. */
    public Dependence(String conditioning, String dependent, Map<String, Double> corrections) {
        this(conditioning, dependent, corrections, 1);
    }

    /** A dependence on the first level of {@code conditioning}, without corrections yet (training estimates them). */
    public static Dependence of(String conditioning, String dependent) {
        return new Dependence(conditioning, dependent, Map.of(), 1);
    }

    /**
     * A dependence on the first {@code conditioningLevels} levels of {@code conditioning},
     * without corrections yet (training estimates them).
     */
    public static Dependence of(String conditioning, int conditioningLevels, String dependent) {
        return new Dependence(conditioning, dependent, Map.of(), conditioningLevels);
    }

    /** The same dependence with other corrections. */
    public Dependence withCorrections(Map<String, Double> newCorrections) {
        return new Dependence(conditioning, dependent, newCorrections, conditioningLevels);
    }
}
