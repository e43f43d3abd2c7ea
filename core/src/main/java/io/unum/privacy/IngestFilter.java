package io.unum.privacy;

import io.unum.model.SourceRecord;

/**
 * A privacy stage applied to every record before the engine sees it: it may pass the record
 * on, drop or minimize fields, hash identifiers, or refuse the record (no lawful basis, a
 * suppressed person). Stages run in the order configured; each decision that changes or refuses
 * a record is reported as a {@link PrivacyDecision} with a value-free reason code.
 *
 * <p>Contract: a pure, thread-safe function of the record and the context; it keeps the record's
 * key; it never logs or reports values. Ready-made stages are in {@link PrivacyFilters}.
 */
@FunctionalInterface
public interface IngestFilter {

    /**
     * Decides about one record.
     *
     * @param record the record, as given or as changed by earlier stages
     * @param context the time and the resolver's normalizers
     * @return the decision
     */
    IngestDecision apply(SourceRecord record, IngestContext context);

    /** The stage's name in reports; defaults to the class name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
