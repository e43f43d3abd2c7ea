package io.unum.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a golden value came from.
 *
 * @param record the member record that supplied the value
 * @param observedAt when that record was observed
 * @param rule the survivorship strategy that chose the value
 */
public record Provenance(RecordKey record, Instant observedAt, Survivorship rule) {

    public Provenance {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(rule, "rule");
    }

    /** The source system of the record. */
    public String source() {
        return record.source();
    }
}
