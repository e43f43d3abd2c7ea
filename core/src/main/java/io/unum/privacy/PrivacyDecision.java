package io.unum.privacy;

import io.unum.model.RecordKey;
import java.util.Objects;

/**
 * A privacy stage's decision about one record, reported without values.
 *
 * @param record the record's key
 * @param stage the stage's name (a filter's name, {@code "retention"} or {@code "suppression"})
 * @param outcome what happened to the record
 * @param reasonCode why, e.g. {@code "dropped:date_of_birth"} or {@code "SUPPRESSED"}
 */
public record PrivacyDecision(RecordKey record, String stage, Outcome outcome, String reasonCode) {

    public PrivacyDecision {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }

    /** What happened to the record. */
    public enum Outcome {
        /** The record was admitted with changes (fields dropped, minimized or hashed). */
        CHANGED,
        /** The record was refused and not resolved; a resident version was removed. */
        REFUSED
    }
}
