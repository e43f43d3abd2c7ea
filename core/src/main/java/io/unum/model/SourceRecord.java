package io.unum.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable observation of a person from one source: its {@link RecordKey}, when it was
 * observed, the identifiers and attributes it carries, and the consent it records.
 *
 * <p>A record keeps the full detail it was given; the engine derives normalized features from
 * it and never stores them in its place.
 *
 * <p><b>Absent values.</b> A {@code null} or blank attribute or identifier value means "absent":
 * the builder does not store it. This lets CSV readers pass empty cells through unchanged.
 * Keys, type names and attribute names, in contrast, must be present: a {@code null} or blank
 * one is a programming error and throws at once, naming the field.
 *
 * <p>{@link #toString()} shows the key and the field names only, never values. Instances are
 * immutable and thread-safe; {@link #equals(Object)} compares every component.
 */
public final class SourceRecord {

    private final RecordKey key;
    private final Instant observedAt;
    private final List<Identifier> identifiers;
    private final Map<String, String> attributes;
    private final List<ConsentEntry> consent;

    private SourceRecord(Builder builder) {
        this.key = builder.key;
        this.observedAt = builder.observedAt;
        this.identifiers = List.copyOf(builder.identifiers);
        this.attributes = builder.attributes.build();
        this.consent = List.copyOf(builder.consent);
    }

    /**
     * Starts a record.
     *
     * @param source the source system, non-blank
     * @param id the record's id within the source, non-blank
     * @return a builder
     */
    public static Builder builder(String source, String id) {
        return new Builder(RecordKey.of(source, id));
    }

    /**
     * Starts a record.
     *
     * @param key the record's key
     * @return a builder
     */
    public static Builder builder(RecordKey key) {
        return new Builder(Objects.requireNonNull(key, "record key"));
    }

    /** The record's key. */
    public RecordKey key() {
        return key;
    }

    /** When the source observed this record; {@link Instant#EPOCH} if the source did not say. */
    public Instant observedAt() {
        return observedAt;
    }

    /** The identifiers, as given, in the order given. */
    public List<Identifier> identifiers() {
        return identifiers;
    }

    /** The identifiers of one type, as given, in the order given. */
    public List<Identifier> identifiers(IdentifierType type) {
        List<Identifier> result = new ArrayList<>(2);
        for (Identifier identifier : identifiers) {
            if (identifier.type().equals(type)) {
                result.add(identifier);
            }
        }
        return result;
    }

    /** The attributes, as given, sorted by name. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** One attribute's value as given, or {@code null} if absent. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The consent entries this record carries, in the order given. */
    public List<ConsentEntry> consent() {
        return consent;
    }

    /** Returns a builder initialised with this record's content, for corrections. */
    public Builder toBuilder() {
        Builder builder = new Builder(key);
        builder.observedAt = observedAt;
        builder.identifiers.addAll(identifiers);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            builder.attributes.put(e.getKey(), e.getValue());
        }
        builder.consent.addAll(consent);
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRecord other
                && key.equals(other.key)
                && observedAt.equals(other.observedAt)
                && identifiers.equals(other.identifiers)
                && attributes.equals(other.attributes)
                && consent.equals(other.consent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, observedAt, identifiers, attributes, consent);
    }

    /** The key, the time and the field names; no values. */
    @Override
    public String toString() {
        List<String> types = new ArrayList<>();
        for (Identifier identifier : identifiers) {
            types.add(identifier.type().name());
        }
        return "SourceRecord[" + key + ", observedAt=" + observedAt + ", identifiers=" + types
                + ", attributes=" + attributes.keySet() + ", consent=" + consent.size() + " entries]";
    }

    /**
     * Builds a {@link SourceRecord}. Not thread-safe; the built record is immutable.
     */
    public static final class Builder {
        private final RecordKey key;
        private Instant observedAt = Instant.EPOCH;
        private final List<Identifier> identifiers = new ArrayList<>();
        private final SortedAttributes.Builder<String> attributes = new SortedAttributes.Builder<>();
        private final List<ConsentEntry> consent = new ArrayList<>();

        private Builder(RecordKey key) {
            this.key = key;
        }

        /** When the source observed the record (default {@link Instant#EPOCH}). */
        public Builder observedAt(Instant value) {
            this.observedAt = Objects.requireNonNull(value, "observedAt");
            return this;
        }

        /**
         * Adds an identifier; a {@code null} or blank value is absent and not stored. The same
         * type and value given twice is stored once.
         */
        public Builder identifier(IdentifierType type, String value) {
            Objects.requireNonNull(type, "identifier type");
            if (value != null && !value.isBlank()) {
                Identifier identifier = new Identifier(type, value);
                if (!identifiers.contains(identifier)) {
                    identifiers.add(identifier);
                }
            }
            return this;
        }

        /** Adds an identifier (the object itself: its value is non-blank); the same one given twice is stored once. */
        public Builder identifier(Identifier identifier) {
            Objects.requireNonNull(identifier, "identifier");
            if (!identifiers.contains(identifier)) {
                identifiers.add(identifier);
            }
            return this;
        }

        /**
         * Sets an attribute; a {@code null} or blank value is absent (and removes an earlier
         * value of the same name).
         *
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder attribute(String name, String value) {
            Objects.requireNonNull(name, "attribute name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("attribute name must not be blank");
            }
            if (value == null || value.isBlank()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /** Adds a consent entry. */
        public Builder consent(ConsentEntry entry) {
            consent.add(Objects.requireNonNull(entry, "consent entry"));
            return this;
        }

        /** Adds a consent entry. */
        public Builder consent(Purpose purpose, ConsentState state, Instant at) {
            return consent(new ConsentEntry(purpose, state, at, key.source()));
        }

        /** Returns the immutable record. */
        public SourceRecord build() {
            return new SourceRecord(this);
        }
    }
}
