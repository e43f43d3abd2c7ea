package io.unum;

import io.unum.model.RecordKey;
import java.util.Objects;

/**
 * A problem with one input record and what the engine did about it. Issues never contain the
 * offending value: {@link #field()} names where it was and {@link #expected()} says what a good
 * value looks like, so issues are safe to log and to show.
 *
 * <p>Outcomes, documented once here:
 * <ul>
 *   <li>{@link Problem#MALFORMED_IDENTIFIER}: the identifier is kept on the source record but
 *       not normalized, not linked on, and not shown on the profile
 *       ({@link Action#VALUE_IGNORED}).</li>
 *   <li>{@link Problem#VALUE_TOO_LONG}: a value over the resolver's {@code maxValueLength} is
 *       kept on the source record but ignored for matching and survivorship
 *       ({@link Action#VALUE_IGNORED}).</li>
 *   <li>{@link Problem#NORMALIZER_FAILED}: a normalizer threw; the value is ignored
 *       ({@link Action#VALUE_IGNORED}).</li>
 *   <li>{@link Problem#TOO_MANY_IDENTIFIERS}: the record alone holds more distinct values of a
 *       type than one profile may; the record is not resolved ({@link Action#RECORD_REJECTED}).</li>
 *   <li>{@link Problem#DUPLICATE_KEY}: a batch held the same key more than once; the last
 *       occurrence wins, as if the batch were upserted in order, and each earlier one is reported
 *       ({@link Action#RECORD_SUPERSEDED}).</li>
 *   <li>{@link Problem#PLACEHOLDER_VALUE}: an identifier its normalizer calls non-identifying
 *       (a placeholder or role value) is kept on the record and shown on the profile but never
 *       links two records ({@link Action#VALUE_NOT_LINKED}); {@link #expected()} holds the
 *       normalizer's value-free reason. For a feature's value (a placeholder birth date such as
 *       {@code 1900-01-01}) the feature is left empty: {@link Action#VALUE_IGNORED}.</li>
 *   <li>{@link Problem#MALFORMED_VALUE}: a feature's normalizer could not read the value (an
 *       impossible date); the feature is left empty ({@link Action#VALUE_IGNORED}). Both come
 *       from {@code Normalizer.rejection}, named after the feature.</li>
 * </ul>
 *
 * @param record the record's key
 * @param field the field: an attribute name, an identifier type's name, a feature name, or
 *     {@code "key"}
 * @param problem what was wrong
 * @param action what the engine did
 * @param expected what a good value looks like, without the value itself
 */
public record InputIssue(RecordKey record, String field, Problem problem, Action action, String expected) {

    public InputIssue {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(expected, "expected");
    }

    /** What was wrong with the input. */
    public enum Problem {
        /** An identifier did not have the shape its type expects. */
        MALFORMED_IDENTIFIER,
        /** An attribute's value was not one its feature's normalizer reads (an impossible date, say). */
        MALFORMED_VALUE,
        /** A value was longer than the resolver's {@code maxValueLength}. */
        VALUE_TOO_LONG,
        /** A normalizer threw an exception on the value. */
        NORMALIZER_FAILED,
        /** One record held more distinct values of a type than a profile may. */
        TOO_MANY_IDENTIFIERS,
        /** A batch held the same record key more than once. */
        DUPLICATE_KEY,
        /**
         * A well-formed identifier that does not identify one person: a placeholder
         * ({@code test@test.com}, {@code 000-000-0000}, {@code 0000000001}), a role address
         * ({@code info@…}) or another value its normalizer calls non-identifying; or a feature's
         * placeholder value (a birth date of {@code 1900-01-01}).
         */
        PLACEHOLDER_VALUE
    }

    /** What the engine did about it. */
    public enum Action {
        /** The record was not resolved. */
        RECORD_REJECTED,
        /** The record was resolved without the offending value. */
        VALUE_IGNORED,
        /** A later record with the same key replaced this one. */
        RECORD_SUPERSEDED,
        /** The value is kept on the record and its profile but never links two records. */
        VALUE_NOT_LINKED
    }

    /** Whether the record was left out of the resolution. */
    public boolean rejectsRecord() {
        return action == Action.RECORD_REJECTED;
    }

    /** A one-line, value-free description, e.g. for logs. */
    public String describe() {
        return record + " " + field + ": " + problem + " -> " + action + " (expected " + expected + ")";
    }
}
