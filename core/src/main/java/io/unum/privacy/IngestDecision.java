package io.unum.privacy;

import io.unum.model.SourceRecord;
import java.util.List;
import java.util.Objects;

/** What an {@link IngestFilter} decided about one record. */
public sealed interface IngestDecision {

    /**
     * The record goes on, possibly changed.
     *
     * @param record the record to continue with (the same key)
     * @param notes value-free codes for what was changed, e.g. {@code "dropped:date_of_birth"};
     *     empty if nothing was
     */
    record Accept(SourceRecord record, List<String> notes) implements IngestDecision {
        public Accept {
            Objects.requireNonNull(record, "record");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The record is refused and not resolved; a resident record with its key is removed.
     *
     * @param reasonCode a value-free reason, e.g. {@code "NO_LAWFUL_BASIS:identity_resolution"}
     */
    record Refuse(String reasonCode) implements IngestDecision {
        public Refuse {
            Objects.requireNonNull(reasonCode, "reasonCode");
        }
    }

    /** The record goes on unchanged. */
    static IngestDecision accept(SourceRecord record) {
        return new Accept(record, List.of());
    }

    /** The record goes on, changed as the notes say. */
    static IngestDecision accept(SourceRecord record, List<String> notes) {
        return new Accept(record, notes);
    }

    /** The record is refused. */
    static IngestDecision refuse(String reasonCode) {
        return new Refuse(reasonCode);
    }
}
