package io.unum.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A golden profile: one real person as far as the engine can tell. It holds a stable
 * {@link ProfileId}, the keys of its member records, the merged normalized identifiers, and
 * the surviving attribute values, each with {@link Provenance}.
 *
 * <p>A profile is an immutable snapshot; a live graph replaces it with a new snapshot (with a
 * higher {@link #version()}) whenever it changes. {@link #toString()} shows no personal values.
 */
public final class Profile {

    private final ProfileId id;
    private final long version;
    private final List<RecordKey> members;
    private final List<Identifier> identifiers;
    private final Map<String, List<GoldenValue>> attributes;
    private final Map<Purpose, ConsentStatus> consent;

    /**
     * Creates a snapshot. Members and identifiers are sorted; attribute names are sorted.
     *
     * @param id the profile's id
     * @param version the snapshot's version, at least 1
     * @param members the member record keys, non-empty
     * @param identifiers the merged normalized identifiers
     * @param attributes the golden values per attribute name, each list non-empty
     * @param consent the merged consent per purpose (purposes no member mentions are absent)
     */
    public Profile(ProfileId id, long version, List<RecordKey> members, List<Identifier> identifiers,
            Map<String, List<GoldenValue>> attributes, Map<Purpose, ConsentStatus> consent) {
        this.id = Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("profile version must be at least 1, was " + version);
        }
        this.version = version;
        List<RecordKey> sortedMembers = new ArrayList<>(Objects.requireNonNull(members, "members"));
        if (sortedMembers.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one member record");
        }
        Collections.sort(sortedMembers);
        this.members = List.copyOf(sortedMembers);
        List<Identifier> sortedIdentifiers = new ArrayList<>(Objects.requireNonNull(identifiers, "identifiers"));
        Collections.sort(sortedIdentifiers);
        this.identifiers = List.copyOf(sortedIdentifiers);
        Map<String, List<GoldenValue>> copy = new TreeMap<>();
        Objects.requireNonNull(attributes, "attributes").forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("attribute " + name + " has no golden value");
            }
            copy.put(name, List.copyOf(values));
        });
        this.attributes = SortedAttributes.copyOf(copy);
        this.consent = consent.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(Objects.requireNonNull(consent, "consent"))));
    }

    /** A snapshot without consent information. */
    public Profile(ProfileId id, long version, List<RecordKey> members, List<Identifier> identifiers,
            Map<String, List<GoldenValue>> attributes) {
        this(id, version, members, identifiers, attributes, Map.of());
    }

    /** The profile's id. */
    public ProfileId id() {
        return id;
    }

    /** The snapshot's version: 1 when created, one more at every change. */
    public long version() {
        return version;
    }

    /** The member record keys, sorted. */
    public List<RecordKey> members() {
        return members;
    }

    /** The merged normalized identifiers, sorted by type then value. */
    public List<Identifier> identifiers() {
        return identifiers;
    }

    /** The merged normalized identifiers of one type, sorted. */
    public List<Identifier> identifiers(IdentifierType type) {
        List<Identifier> result = new ArrayList<>();
        for (Identifier identifier : identifiers) {
            if (identifier.type().equals(type)) {
                result.add(identifier);
            }
        }
        return result;
    }

    /** The golden values per attribute name, names sorted. */
    public Map<String, List<GoldenValue>> attributes() {
        return attributes;
    }

    /** The first (winning) golden value of an attribute, if any member has one. */
    public Optional<GoldenValue> attribute(String name) {
        List<GoldenValue> values = attributes.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All golden values of an attribute (several only under collect-all), or an empty list. */
    public List<GoldenValue> attributeValues(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** The merged consent per purpose that any member mentions, purposes sorted. */
    public Map<Purpose, ConsentStatus> consent() {
        return consent;
    }

    /**
     * The merged consent for one purpose; a purpose no member mentions has no recorded state and
     * does not {@linkplain ConsentStatus#allows() allow} anything.
     */
    public ConsentStatus consent(Purpose purpose) {
        ConsentStatus status = consent.get(purpose);
        return status != null ? status : new ConsentStatus(purpose, null, List.of(), List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile other
                && id.equals(other.id)
                && version == other.version
                && members.equals(other.members)
                && identifiers.equals(other.identifiers)
                && attributes.equals(other.attributes)
                && consent.equals(other.consent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, members, identifiers, attributes, consent);
    }

    /** The id, version and sizes; no personal values. */
    @Override
    public String toString() {
        return "Profile[" + id + " v" + version + ", " + members.size() + " records, "
                + identifiers.size() + " identifiers, attributes=" + attributes.keySet() + "]";
    }
}
