package io.unum.spi;

/**
 * Compares two normalized feature values and returns their similarity.
 *
 * <p>Contract, checked by a contract test that every implementation in the project runs:
 * <ul>
 *   <li><b>Range</b>: the result is in {@code [0, 1]}; {@code 1} means "the same" as far as this
 *       comparator can tell, {@code 0} means "nothing in common". Never {@code NaN}.</li>
 *   <li><b>Symmetry</b>: {@code compare(a, b) == compare(b, a)}.</li>
 *   <li><b>Identity</b>: {@code compare(a, a) == 1} for every non-empty {@code a}.</li>
 *   <li><b>Nulls</b>: the engine never passes {@code null} (a missing value takes the null
 *       comparison level and is never compared); implementations may throw
 *       {@link NullPointerException}. Two empty strings compare as {@code 1}; an empty and a
 *       non-empty string compare as {@code 0}, unless an implementation documents otherwise.</li>
 *   <li><b>Thread-safety</b>: implementations are safe for concurrent use, and should not
 *       allocate on the hot path where the algorithm allows.</li>
 * </ul>
 *
 * <p>Comparators work on features, which are normalized once per record; they should not
 * normalize again.
 */
@FunctionalInterface
public interface FieldComparator {

    /**
     * Returns the similarity of two non-null values, in {@code [0, 1]}.
     *
     * @param a one value, never {@code null}
     * @param b the other value, never {@code null}
     * @return the similarity
     */
    double compare(String a, String b);

    /** The exact comparator: {@code 1} when the values are equal, {@code 0} otherwise. */
    static FieldComparator exact() {
        return ExactComparator.INSTANCE;
    }
}
