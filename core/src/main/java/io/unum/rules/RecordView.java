package io.unum.rules;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.spi.Normalizer;
import java.util.List;

/**
 * What a {@link FeatureSource} may read of a record while features are computed: the raw
 * attributes and the normalized, linkable identifiers. Implementations are provided by the
 * engine and are valid only during the call.
 */
public interface RecordView {

    /** The record's key. */
    RecordKey key();

    /** One attribute's raw value, or {@code null} if absent. */
    String attribute(String name);

    /**
     * The normalized values of one identifier type that are valid for linking (placeholders
     * and malformed values excluded), in the order the record gave them.
     */
    List<String> identifiers(IdentifierType type);

    /**
     * {@code normalizer.normalize(raw)}, which the engine may answer from what it already
     * computed: the same normalizer on the same value for an earlier feature of this record, or
     * for an earlier record of the same batch. A source that combines values other features
     * normalize too (a name pair from the given and family names, say) should normalize them
     * here rather than calling the normalizer itself; the result is the same either way, because
     * normalizers are pure functions (see {@link Normalizer}), and normalizers equal by
     * {@code equals} are taken to be the same function.
     *
     * @param normalizer the normalizer to apply
     * @param raw a non-blank value
     * @return what {@code normalizer.normalize(raw)} returns
     */
    default String normalized(Normalizer normalizer, String raw) {
        return normalizer.normalize(raw);
    }
}
