package io.unum.spi;

import java.util.Objects;

/**
 * One stage of a normalization pipeline: turns a raw value into the form that features,
 * blocking keys and comparisons read.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@code normalize} receives a non-null string and returns either a non-null normalized
 *       value or {@code null} when the value carries no information (blank, or a placeholder
 *       the stage recognizes). A {@code null} feature never counts as evidence of a match or of
 *       a non-match.</li>
 *   <li>It is a pure function: the same input always gives the same output, independent of
 *       the default locale, time zone or any other global state. The engine relies on
 *       this: within one batch it may normalize each distinct value once and reuse the
 *       result.</li>
 *   <li>It is thread-safe and, ideally, stateless.</li>
 *   <li>It never logs or throws the value it was given.</li>
 * </ul>
 *
 * <p>Stages compose with {@link #andThen(Normalizer)}; a {@code null} from one stage ends the
 * pipeline. Ready-made stages live in {@link Normalizers} (basic ones) and in the
 * {@code unum-matchers} module (names, emails, phones, dates, addresses).
 */
@FunctionalInterface
public interface Normalizer {

    /**
     * Normalizes one value.
     *
     * @param value the raw value, never {@code null}
     * @return the normalized value, or {@code null} when the value carries no information
     */
    String normalize(String value);

    /**
     * Why {@link #normalize} gives {@code null} for a value that is not blank, when the engine
     * should report it (a placeholder, an impossible value), or {@code null} when it need not be
     * (the default). The engine asks only after {@code normalize} returned {@code null}, and
     * reports the answer as an {@link io.unum.InputIssue} of the record with the value left out.
     *
     * @param value the raw value, never {@code null}
     * @return the reason, or {@code null}
     */
    default Rejection rejection(String value) {
        return null;
    }

    /**
     * Why a normalizer left a value out.
     *
     * @param placeholder whether the value is a placeholder (a default that systems write for
     *        "unknown") rather than malformed
     * @param expected what was expected instead, never the value itself
     */
    record Rejection(boolean placeholder, String expected) {
        public Rejection {
            Objects.requireNonNull(expected, "expected");
        }
    }

    /**
     * Returns a normalizer that applies this stage and then {@code next}; a {@code null} from
     * this stage is returned without calling {@code next}.
     *
     * @param next the stage to apply after this one
     * @return the composed normalizer
     */
    default Normalizer andThen(Normalizer next) {
        Objects.requireNonNull(next, "next");
        return value -> {
            String first = normalize(value);
            return first == null ? null : next.normalize(first);
        };
    }
}
