package io.unum.privacy;

import io.unum.model.ConsentStatus;
import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.Provenance;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one purpose may see of a golden profile: identifiers and attribute values that the
 * purpose may use in clear, the others masked (for example {@code j***@example.com}) or
 * withheld. Built by the engine and shaped by {@link OutputFilter}s. Immutable; {@code with…}
 * methods return changed copies.
 */
public final class ProfileView {

    /**
     * One identifier in a view.
     *
     * @param type its type
     * @param value the normalized value, or its masked form
     * @param masked whether {@code value} is masked
     */
    public record Identifier(IdentifierType type, String value, boolean masked) {
        public Identifier {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        /** The same identifier, masked. */
        public Identifier mask() {
            return masked ? this : new Identifier(type, Masks.mask(type, value), true);
        }

        @Override
        public String toString() {
            return "ViewIdentifier[" + type + (masked ? " masked" : " clear") + "]";
        }
    }

    /**
     * One attribute value in a view.
     *
     * @param value the value, or its masked form
     * @param provenance where it came from
     * @param masked whether {@code value} is masked
     */
    public record Value(String value, Provenance provenance, boolean masked) {
        public Value {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(provenance, "provenance");
        }

        /** The same value, masked. */
        public Value mask() {
            return masked ? this : new Value(Masks.mask(null, value), provenance, true);
        }

        @Override
        public String toString() {
            return "ViewValue[" + (masked ? "masked" : "clear") + " from " + provenance.record() + "]";
        }
    }

    private final ProfileId id;
    private final Purpose purpose;
    private final List<RecordKey> members;
    private final ConsentStatus consent;
    private final List<Identifier> identifiers;
    private final Map<String, List<Value>> attributes;

    /**
     * @param id the profile's id
     * @param purpose the purpose the view is for
     * @param members the member records
     * @param consent the profile's consent for the purpose, evaluated when the view was made
     * @param identifiers the identifiers
     * @param attributes the attribute values, by name
     */
    public ProfileView(ProfileId id, Purpose purpose, List<RecordKey> members, ConsentStatus consent,
            List<Identifier> identifiers, Map<String, List<Value>> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.members = List.copyOf(members);
        this.consent = Objects.requireNonNull(consent, "consent");
        this.identifiers = List.copyOf(identifiers);
        Map<String, List<Value>> copy = new TreeMap<>();
        attributes.forEach((name, values) -> {
            if (!values.isEmpty()) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(copy));
    }

    /** The profile's id. */
    public ProfileId id() {
        return id;
    }

    /** The purpose. */
    public Purpose purpose() {
        return purpose;
    }

    /** The member records. */
    public List<RecordKey> members() {
        return members;
    }

    /** The profile's consent for the purpose. */
    public ConsentStatus consent() {
        return consent;
    }

    /** The identifiers, clear or masked. */
    public List<Identifier> identifiers() {
        return identifiers;
    }

    /** The attribute values by name, clear or masked; withheld attributes are absent. */
    public Map<String, List<Value>> attributes() {
        return attributes;
    }

    /** The first value of an attribute, or {@code null}. */
    public Value attribute(String name) {
        List<Value> values = attributes.get(name);
        return values == null ? null : values.get(0);
    }

    /** A copy with other identifiers. */
    public ProfileView withIdentifiers(List<Identifier> values) {
        return new ProfileView(id, purpose, members, consent, values, attributes);
    }

    /** A copy with other attributes. */
    public ProfileView withAttributes(Map<String, List<Value>> values) {
        return new ProfileView(id, purpose, members, consent, identifiers, values);
    }

    @Override
    public String toString() {
        long masked = identifiers.stream().filter(Identifier::masked).count();
        return "ProfileView[" + id + " for " + purpose + ", " + identifiers.size() + " identifiers (" + masked
                + " masked), attributes=" + attributes.keySet() + "]";
    }
}
