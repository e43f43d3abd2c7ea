package io.unum.rules;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
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
}
