package io.unum.privacy;

import io.unum.model.ConsentEntry;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import io.unum.spi.NormalizedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ready-made privacy stages for the three points where filters act.
 *
 * <ul>
 *   <li><b>Ingest</b> ({@link IngestFilter}): {@link #dropAttributes}, {@link #keepYearOnly},
 *       {@link #requireConsent}, {@link #hashIdentifiers}, {@link #bloomEncode}.</li>
 *   <li><b>Linking</b> ({@link LinkingFilter}): {@link #linkOnlyWithConsent}.</li>
 *   <li><b>Output</b> ({@link OutputFilter}): {@link #consentMasking} (always first),
 *       {@link #withhold}, {@link #maskIdentifiers}.</li>
 * </ul>
 * Every stage is stateless and thread-safe and reports only value-free reason codes.
 */
public final class PrivacyFilters {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d\\d|20\\d\\d)(?!\\d)");

    private PrivacyFilters() {
    }

    // ------------------------------------------------------------------------------------------
    // ingest

    /** Removes attributes (data minimization); notes {@code dropped:<name>}. */
    public static IngestFilter dropAttributes(String... names) {
        Set<String> drop = Set.of(names);
        return named("drop-attributes", (record, context) -> {
            List<String> notes = new ArrayList<>();
            SourceRecord.Builder builder = null;
            for (String name : drop) {
                if (record.attribute(name) != null) {
                    builder = builder == null ? record.toBuilder() : builder;
                    builder.attribute(name, null);
                    notes.add("dropped:" + name);
                }
            }
            return builder == null ? IngestDecision.accept(record) : IngestDecision.accept(builder.build(), sorted(notes));
        });
    }

    /**
     * Keeps only the year of a date attribute (e.g. date of birth): the first four-digit year
     * from 1800 to 2099 in the value; a value without one is dropped. Notes
     * {@code generalized:<name>} or {@code dropped:<name>}.
     */
    public static IngestFilter keepYearOnly(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        return named("keep-year-only", (record, context) -> {
            String value = record.attribute(attribute);
            if (value == null) {
                return IngestDecision.accept(record);
            }
            Matcher m = YEAR.matcher(value);
            String year = m.find() ? m.group(1) : null;
            if (value.strip().equals(year)) {
                return IngestDecision.accept(record);
            }
            return IngestDecision.accept(record.toBuilder().attribute(attribute, year).build(),
                    List.of((year == null ? "dropped:" : "generalized:") + attribute));
        });
    }

    /**
     * Refuses records that do not carry a granted, effective record-wide consent for the purpose
     * (no lawful basis). Reason code {@code NO_LAWFUL_BASIS:<purpose>}.
     */
    public static IngestFilter requireConsent(Purpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return named("require-consent", (record, context) -> {
            RecordConsent consent = new RecordConsent(record.consent(), context.now());
            return consent.allows(purpose) ? IngestDecision.accept(record)
                    : IngestDecision.refuse("NO_LAWFUL_BASIS:" + purpose.name());
        });
    }

    /**
     * Replaces identifiers of the given types by keyed hashes (HMAC-SHA-256 of the normalized
     * value under {@code secret}) of the types' {@linkplain IdentifierType#protectedVariant()
     * protected variants}, so that deterministic matching works on hashed values and plaintext
     * never enters the engine. Identifier-scoped consent entries are rewritten to match.
     * Placeholders stay non-identifying; malformed values are dropped. Notes
     * {@code hashed:<type>} and {@code dropped-malformed:<type>}.
     *
     * @param secret at least 16 bytes; the same secret must be used wherever hashes must match
     * @param types the types to protect
     */
    public static IdentifierProtection hashIdentifiers(byte[] secret, IdentifierType... types) {
        KeyedHash hash = new KeyedHash(secret);
        Set<IdentifierType> protectedTypes = Set.of(types);
        return new IdentifierProtection() {
            @Override
            public Optional<Identifier> protect(Identifier identifier, IngestContext context) {
                if (!protectedTypes.contains(identifier.type())) {
                    return Optional.empty();
                }
                NormalizedValue normalized = context.normalize(identifier);
                String value;
                boolean identifying;
                if (normalized instanceof NormalizedValue.Valid v) {
                    value = v.value();
                    identifying = true;
                } else if (normalized instanceof NormalizedValue.NonIdentifying n) {
                    value = n.value();
                    identifying = false;
                } else {
                    return Optional.empty();
                }
                return Optional.of(new Identifier(identifier.type().protectedVariant(),
                        IdentifierType.protectedValue(hash.hex(identifier.type().name(), value), identifying)));
            }

            @Override
            public IngestDecision apply(SourceRecord record, IngestContext context) {
                boolean touched = false;
                for (Identifier identifier : record.identifiers()) {
                    touched |= protectedTypes.contains(identifier.type());
                }
                for (ConsentEntry entry : record.consent()) {
                    touched |= entry.identifier() != null && protectedTypes.contains(entry.identifier().type());
                }
                if (!touched) {
                    return IngestDecision.accept(record);
                }
                SourceRecord.Builder builder = SourceRecord.builder(record.key()).observedAt(record.observedAt());
                record.attributes().forEach(builder::attribute);
                List<String> notes = new ArrayList<>();
                for (Identifier identifier : record.identifiers()) {
                    if (!protectedTypes.contains(identifier.type())) {
                        builder.identifier(identifier);
                        continue;
                    }
                    Optional<Identifier> hashed = protect(identifier, context);
                    if (hashed.isPresent()) {
                        builder.identifier(hashed.get());
                        notes.add("hashed:" + identifier.type().name());
                    } else {
                        notes.add("dropped-malformed:" + identifier.type().name());
                    }
                }
                for (ConsentEntry entry : record.consent()) {
                    if (entry.identifier() != null && protectedTypes.contains(entry.identifier().type())) {
                        Optional<Identifier> hashed = protect(entry.identifier(), context);
                        if (hashed.isPresent()) {
                            builder.consent(entry.forIdentifier(hashed.get()));
                        }
                    } else {
                        builder.consent(entry);
                    }
                }
                return IngestDecision.accept(builder.build(), sorted(notes).stream().distinct().toList());
            }

            @Override
            public String name() {
                return "hash-identifiers";
            }
        };
    }

    /**
     * Replaces attribute values by keyed Bloom-filter encodings ({@link BloomFilters#encoder}),
     * for fuzzy matching of names without plaintext: compare the encoded attributes with
     * {@link BloomFilters#dice()} over a feature normalized by
     * {@link io.unum.spi.Normalizers#identity()}. Notes {@code encoded:<name>}.
     */
    public static IngestFilter bloomEncode(byte[] secret, String... attributes) {
        return bloomEncode(BloomFilters.encoder(secret), null, attributes);
    }

    /**
     * As {@link #bloomEncode(byte[], String...)} with a configured encoder (length, hashes,
     * hardening) and optional record-level salting: the value of attribute
     * {@code saltAttribute} (for example the year of birth; it is left in place) keys the
     * encodings too, so only records with equal salts can match; {@code null} for no salt. A
     * record without the salt attribute is encoded without a salt.
     */
    public static IngestFilter bloomEncode(BloomFilters.Encoder encoder, String saltAttribute, String... attributes) {
        Objects.requireNonNull(encoder, "encoder");
        List<String> names = List.of(attributes);
        return named("bloom-encode", (record, context) -> {
            SourceRecord.Builder builder = null;
            List<String> notes = new ArrayList<>();
            String salt = saltAttribute == null ? null : record.attribute(saltAttribute);
            for (String name : names) {
                String value = record.attribute(name);
                if (value != null && !value.startsWith(BloomFilters.PREFIX)) {
                    builder = builder == null ? record.toBuilder() : builder;
                    builder.attribute(name, encoder.encode(value, salt));
                    notes.add("encoded:" + name);
                }
            }
            return builder == null ? IngestDecision.accept(record) : IngestDecision.accept(builder.build(), notes);
        });
    }

    // ------------------------------------------------------------------------------------------
    // linking

    /**
     * A linking filter that lets a record be linked only if it granted {@code purpose}
     * (typically {@link Purpose#IDENTITY_RESOLUTION}); for deterministic links the consent may be
     * scoped to the identifier. Use {@link ConsentLinking#exceptDeterministicOn} to allow
     * deterministic links on some types without consent (e.g. a customer id the person gave
     * under contract).
     */
    public static ConsentLinking linkOnlyWithConsent(Purpose purpose) {
        return new ConsentLinking(Objects.requireNonNull(purpose, "purpose"), Set.of());
    }

    /** See {@link #linkOnlyWithConsent(Purpose)}. Immutable and thread-safe. */
    public static final class ConsentLinking implements LinkingFilter {
        private final Purpose purpose;
        private final Set<IdentifierType> withoutConsent;

        private ConsentLinking(Purpose purpose, Set<IdentifierType> withoutConsent) {
            this.purpose = purpose;
            this.withoutConsent = withoutConsent;
        }

        /** Also allows deterministic links on these types (and their protected variants) without consent. */
        public ConsentLinking exceptDeterministicOn(IdentifierType... types) {
            Set<IdentifierType> all = new java.util.HashSet<>(withoutConsent);
            for (IdentifierType type : types) {
                all.add(type.base());
            }
            return new ConsentLinking(purpose, Set.copyOf(all));
        }

        @Override
        public boolean allows(RecordConsent consent, MatchRule rule, Identifier identifier) {
            if (identifier != null) {
                return withoutConsent.contains(identifier.type().base()) || consent.allows(purpose, identifier);
            }
            return consent.allows(purpose);
        }

        @Override
        public String toString() {
            return "link-only-with-consent[" + purpose + ", except " + withoutConsent + "]";
        }
    }

    // ------------------------------------------------------------------------------------------
    // output

    /**
     * The consent stage, always first: when the profile's merged consent does not allow the
     * purpose, every value is masked; otherwise an identifier is masked when a member carrying it
     * refused the purpose for it, and an attribute value is masked when its source record
     * refused the purpose.
     */
    public static OutputFilter consentMasking() {
        return (view, context) -> {
            Purpose purpose = view.purpose();
            boolean profileAllows = view.consent().allows();
            List<ProfileView.Identifier> identifiers = new ArrayList<>();
            for (ProfileView.Identifier id : view.identifiers()) {
                boolean clear = profileAllows && !id.masked();
                if (clear) {
                    Identifier identifier = new Identifier(id.type(), id.value());
                    for (RecordKey carrier : context.carriersOf(identifier)) {
                        if (context.consentOf(carrier).refuses(purpose, identifier)) {
                            clear = false;
                            break;
                        }
                    }
                }
                identifiers.add(clear ? id : id.mask());
            }
            Map<String, List<ProfileView.Value>> attributes = new LinkedHashMap<>();
            view.attributes().forEach((name, values) -> {
                List<ProfileView.Value> shown = new ArrayList<>();
                for (ProfileView.Value value : values) {
                    boolean clear = profileAllows
                            && !context.consentOf(value.provenance().record()).refuses(purpose, null);
                    shown.add(clear ? value : value.mask());
                }
                attributes.put(name, shown);
            });
            return view.withIdentifiers(identifiers).withAttributes(attributes);
        };
    }

    /** Removes attributes from views entirely. */
    public static OutputFilter withhold(String... attributes) {
        Set<String> names = Set.of(attributes);
        return (view, context) -> {
            Map<String, List<ProfileView.Value>> kept = new LinkedHashMap<>(view.attributes());
            kept.keySet().removeAll(names);
            return view.withAttributes(kept);
        };
    }

    /** Always masks identifiers of these types. */
    public static OutputFilter maskIdentifiers(IdentifierType... types) {
        Set<IdentifierType> masked = Set.of(types);
        return (view, context) -> view.withIdentifiers(view.identifiers().stream()
                .map(id -> masked.contains(id.type()) || masked.contains(id.type().base()) ? id.mask() : id)
                .toList());
    }

    // ------------------------------------------------------------------------------------------

    private static IngestFilter named(String name, IngestFilter filter) {
        return new IngestFilter() {
            @Override
            public IngestDecision apply(SourceRecord record, IngestContext context) {
                return filter.apply(record, context);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static List<String> sorted(List<String> notes) {
        List<String> copy = new ArrayList<>(notes);
        copy.sort(null);
        return copy;
    }
}
