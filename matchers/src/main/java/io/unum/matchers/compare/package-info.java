/**
 * Comparators and level conditions for normalized feature values: exact, Jaro and
 * Jaro–Winkler, bounded and unbounded Levenshtein and optimal-string-alignment distances,
 * Jaccard, Dice and overlap over tokens and q-grams, Monge–Elkan, phonetic equality, dates by
 * error level, numbers and geographic distance. Start at
 * {@link io.unum.matchers.compare.Comparators} and
 * {@link io.unum.matchers.compare.MatchConditions}.
 *
 * <p>Every comparator follows the {@link io.unum.spi.FieldComparator} contract (range, symmetry,
 * identity, empty and {@code null} handling, thread-safety), looks at no more than the first
 * {@value io.unum.matchers.compare.Comparators#MAX_COMPARED_LENGTH} UTF-16 code units of a value,
 * and — except the phonetic ones — allocates nothing per call.
 */
package io.unum.matchers.compare;
