package io.unum.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.ConsentStatus;
import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.Provenance;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.model.Survivorship;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the store keeps records and profiles in: a record as it was given (the source of
 * truth), a profile with its golden values and their provenance, so that other systems can read
 * both from SQL. Decoding gives back an equal object. Thread-safe.
 *
 * <pre>
 * record:  {"source", "id", "observed_at", "attributes": {name: value},
 *           "identifiers": [[type, value], …], "consent": [{"purpose", "state", "at", "source",
 *           "identifier": [type, value], "expires_at"}, …]}
 * profile: {"id", "version", "members": [[source, id], …], "identifiers": [[type, value], …],
 *           "attributes": {name: [{"value", "record": [source, id], "observed_at", "rule",
 *           "sources": […]}, …]}, "consent": {purpose: {"state", "granting": [[source, id], …],
 *           "refusing": […]}}}
 * </pre>
 */
final class Codec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Codec() {
    }

    static String record(SourceRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", record.key().source());
        root.put("id", record.key().id());
        root.put("observed_at", record.observedAt().toString());
        ObjectNode attributes = root.putObject("attributes");
        record.attributes().forEach(attributes::put);
        ArrayNode identifiers = root.putArray("identifiers");
        for (Identifier identifier : record.identifiers()) {
            identifiers.add(identifier(identifier));
        }
        if (!record.consent().isEmpty()) {
            ArrayNode consent = root.putArray("consent");
            for (ConsentEntry entry : record.consent()) {
                ObjectNode e = consent.addObject();
                e.put("purpose", entry.purpose().name());
                e.put("state", entry.state().name());
                e.put("at", entry.at().toString());
                e.put("source", entry.source());
                if (entry.identifier() != null) {
                    e.set("identifier", identifier(entry.identifier()));
                }
                if (entry.expiresAt() != null) {
                    e.put("expires_at", entry.expiresAt().toString());
                }
            }
        }
        return write(root);
    }

    static SourceRecord record(String json) {
        JsonNode root = read(json);
        SourceRecord.Builder builder = SourceRecord.builder(text(root, "source"), text(root, "id"))
                .observedAt(Instant.parse(text(root, "observed_at")));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("attributes").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> attribute = it.next();
            builder.attribute(attribute.getKey(), attribute.getValue().asText());
        }
        for (JsonNode identifier : root.path("identifiers")) {
            builder.identifier(identifier(identifier));
        }
        for (JsonNode e : root.path("consent")) {
            Identifier identifier = e.hasNonNull("identifier") ? identifier(e.get("identifier")) : null;
            Instant expires = e.hasNonNull("expires_at") ? Instant.parse(text(e, "expires_at")) : null;
            builder.consent(new ConsentEntry(Purpose.of(text(e, "purpose")), ConsentState.valueOf(text(e, "state")),
                    Instant.parse(text(e, "at")), text(e, "source"), identifier, expires));
        }
        return builder.build();
    }

    static String profile(Profile profile) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", profile.id().value());
        root.put("version", profile.version());
        ArrayNode members = root.putArray("members");
        profile.members().forEach(key -> members.add(key(key)));
        ArrayNode identifiers = root.putArray("identifiers");
        profile.identifiers().forEach(identifier -> identifiers.add(identifier(identifier)));
        ObjectNode attributes = root.putObject("attributes");
        profile.attributes().forEach((name, values) -> {
            ArrayNode list = attributes.putArray(name);
            for (GoldenValue value : values) {
                ObjectNode v = list.addObject();
                v.put("value", value.value());
                v.set("record", key(value.provenance().record()));
                v.put("observed_at", value.provenance().observedAt().toString());
                Survivorship rule = value.provenance().rule();
                v.put("rule", rule.name());
                if (rule instanceof Survivorship.SourcePriority priority) {
                    ArrayNode sources = v.putArray("sources");
                    priority.sources().forEach(sources::add);
                }
            }
        });
        if (!profile.consent().isEmpty()) {
            ObjectNode consent = root.putObject("consent");
            profile.consent().forEach((purpose, status) -> {
                ObjectNode s = consent.putObject(purpose.name());
                if (status.state().isPresent()) {
                    s.put("state", status.state().get().name());
                }
                ArrayNode granting = s.putArray("granting");
                status.granting().forEach(key -> granting.add(key(key)));
                ArrayNode refusing = s.putArray("refusing");
                status.refusing().forEach(key -> refusing.add(key(key)));
            });
        }
        return write(root);
    }

    static Profile profile(String json) {
        JsonNode root = read(json);
        List<RecordKey> members = new ArrayList<>();
        root.path("members").forEach(m -> members.add(key(m)));
        List<Identifier> identifiers = new ArrayList<>();
        root.path("identifiers").forEach(i -> identifiers.add(identifier(i)));
        Map<String, List<GoldenValue>> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("attributes").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> attribute = it.next();
            List<GoldenValue> values = new ArrayList<>();
            for (JsonNode v : attribute.getValue()) {
                List<String> sources = new ArrayList<>();
                v.path("sources").forEach(s -> sources.add(s.asText()));
                Survivorship rule = Survivorship.named(text(v, "rule"), sources);
                values.add(new GoldenValue(text(v, "value"),
                        new Provenance(key(v.get("record")), Instant.parse(text(v, "observed_at")), rule)));
            }
            attributes.put(attribute.getKey(), values);
        }
        Map<Purpose, ConsentStatus> consent = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("consent").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode s = entry.getValue();
            List<RecordKey> granting = new ArrayList<>();
            s.path("granting").forEach(k -> granting.add(key(k)));
            List<RecordKey> refusing = new ArrayList<>();
            s.path("refusing").forEach(k -> refusing.add(key(k)));
            Purpose purpose = Purpose.of(entry.getKey());
            consent.put(purpose, new ConsentStatus(purpose,
                    s.hasNonNull("state") ? ConsentState.valueOf(text(s, "state")) : null, granting, refusing));
        }
        return new Profile(ProfileId.of(text(root, "id")), root.path("version").asLong(), members, identifiers,
                attributes, consent);
    }

    private static ArrayNode identifier(Identifier identifier) {
        return JSON.createArrayNode().add(identifier.type().name()).add(identifier.value());
    }

    private static Identifier identifier(JsonNode pair) {
        return new Identifier(IdentifierType.named(pair.get(0).asText()), pair.get(1).asText());
    }

    private static ArrayNode key(RecordKey key) {
        return JSON.createArrayNode().add(key.source()).add(key.id());
    }

    private static RecordKey key(JsonNode pair) {
        return RecordKey.of(pair.get(0).asText(), pair.get(1).asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("a stored value lacks its \"" + field + "\"");
        }
        return value.asText();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stored value", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored value is not valid JSON (at character "
                    + e.getLocation().getCharOffset() + ")");
        }
    }
}
