package io.unum.rules;

import io.unum.model.IdentifierType;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link Feature} reads its raw value from. Must be a pure, thread-safe function of the
 * record.
 */
@FunctionalInterface
public interface FeatureSource {

    /**
     * Extracts the raw value.
     *
     * @param record the record being featurized
     * @return the raw value, or {@code null} if the record has none
     */
    String extract(RecordView record);

    /** One attribute's raw value. */
    static FeatureSource attribute(String name) {
        Objects.requireNonNull(name, "attribute name");
        return record -> record.attribute(name);
    }

    /**
     * Several attributes joined by one space, skipping absent ones (for example street number
     * and street); {@code null} when all are absent.
     */
    static FeatureSource attributes(String... names) {
        List<String> list = List.of(names);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("at least one attribute name is needed");
        }
        return record -> {
            StringBuilder joined = new StringBuilder();
            for (String name : list) {
                String value = record.attribute(name);
                if (value != null && !value.isBlank()) {
                    if (joined.length() > 0) {
                        joined.append(' ');
                    }
                    joined.append(value.strip());
                }
            }
            return joined.length() == 0 ? null : joined.toString();
        };
    }

    /** The first linkable normalized identifier of a type. */
    static FeatureSource identifier(IdentifierType type) {
        Objects.requireNonNull(type, "identifier type");
        return record -> {
            List<String> values = record.identifiers(type);
            return values.isEmpty() ? null : values.get(0);
        };
    }
}
