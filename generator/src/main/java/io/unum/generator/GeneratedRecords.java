package io.unum.generator;

import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generated records in memory ({@link CustomerDataGenerator#records()}): the records in the
 * order of {@code records.csv}, the ground truth of each and what was generated.
 *
 * @param records the records in file order; unmodifiable
 * @param truth each record's person id ({@code P<7+ digits>}) by record key, in file order;
 *        unmodifiable, one entry per record
 * @param summary what was generated, as {@link CustomerDataGenerator#writeTo(java.nio.file.Path)}
 *        reports it for the same settings
 */
public record GeneratedRecords(List<SourceRecord> records, Map<RecordKey, String> truth, GenerationSummary summary) {

    /**
     * @throws IllegalArgumentException if the truth does not hold exactly one entry per record
     */
    public GeneratedRecords {
        records = List.copyOf(records);
        Objects.requireNonNull(summary, "summary");
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
        if (truth.size() != records.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " entries for " + records.size() + " records");
        }
        for (SourceRecord record : records) {
            if (!truth.containsKey(record.key())) {
                throw new IllegalArgumentException("truth lacks record " + record.key());
            }
        }
    }

    /** The person id of a record. */
    public String personOf(RecordKey key) {
        String person = truth.get(key);
        if (person == null) {
            throw new IllegalArgumentException("no generated record " + key);
        }
        return person;
    }
}
