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

    /**
     * The first linkable normalized identifier of a type. A comparison over a feature with this
     * source (and no other) is an <em>identifier comparison</em>: when the two records agree only
     * on values the engine found generic (shared by several different people, see
     * {@code Resolver.Builder.genericValues}), it counts as the null level.
     */
    static FeatureSource identifier(IdentifierType type) {
        return new IdentifierValue(type);
    }

    /**
     * The source {@link #identifier(IdentifierType)} returns: the first linkable normalized
     * identifier of {@code type}.
     *
     * @param type the identifier type
     */
    record IdentifierValue(IdentifierType type) implements FeatureSource {
        public IdentifierValue {
            Objects.requireNonNull(type, "identifier type");
        }

        @Override
        public String extract(RecordView record) {
            List<String> values = record.identifiers(type);
            return values.isEmpty() ? null : values.get(0);
        }
    }
}
