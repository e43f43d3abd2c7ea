package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unum.IdentityGraph;
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
import io.unum.store.GraphStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stored JSON: the streaming decoder gives back what was encoded, and the same objects as
 * the tree-model decoder it replaced (kept here as the oracle), on generated records and profiles
 * with consent, every survivorship rule, and hand-made oddities (fields in another order, unknown
 * fields); the hand-written instant parser agrees with {@link Instant#parse}.
 */
class CodecTest {

    private static final Purpose MARKETING = Purpose.of("marketing");
    private static final Purpose SMS = Purpose.of("sms");

    @Test
    void generatedRecordsAndTheirProfilesDecodeAsTheTreeModelDecodedThem() {
        Random random = new Random(7);
        List<SourceRecord> records = new ArrayList<>();
        for (SourceRecord record : Fixtures.people(400, 11).records()) {
            records.add(random.nextInt(5) == 0 ? withConsent(record, random) : record);
        }
        GraphStore store = GraphStore.inMemory();
        IdentityGraph graph = Fixtures.resolver().newGraph(store);
        graph.upsertAll(records);
        int consented = 0;
        for (SourceRecord record : records) {
            String json = Codec.record(record);
            assertEquals(record, Codec.record(json));
            assertEquals(Oracle.record(json), Codec.record(json));
        }
        Map<RecordKey, SourceRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        for (Profile profile : graph.profiles()) {
            String json = Codec.profile(profile);
            Profile decoded = Codec.profile(json);
            assertEquals(profile, decoded);
            assertEquals(Oracle.profile(json), decoded);
            Profile shared = Codec.profile(json, new Codec.Sharing() {
                @Override
                public SourceRecord resident(String source, String id) {
                    return byKey.get(RecordKey.of(source, id));
                }
            });
            assertEquals(profile, shared);
            for (RecordKey member : shared.members()) {
                assertSame(byKey.get(member).key(), member, "a shared key is the resident record's");
            }
            shared.attributes().forEach((name, values) -> values.forEach(v -> {
                SourceRecord source = byKey.get(v.provenance().record());
                assertSame(source.key(), v.provenance().record());
                assertSame(source.observedAt(), v.provenance().observedAt());
                if (source.attribute(name) != null && source.attribute(name).equals(v.value())) {
                    assertSame(source.attribute(name), v.value(), "a golden value is the record's string");
                }
            }));
            consented += profile.consent().isEmpty() ? 0 : 1;
        }
        assertTrue(consented > 10, "profiles with consent: " + consented);
    }

    @Test
    void everySurvivorshipRuleAndConsentWithoutStateRoundTrip() {
        RecordKey a = RecordKey.of("crm", "1");
        RecordKey b = RecordKey.of("web", "x\"\\/\u00e9\u4e2d");
        Instant t1 = Instant.parse("2024-02-29T23:59:59.123456789Z");
        Instant t2 = Instant.parse("1969-12-31T23:59:59.5Z");
        Map<String, List<GoldenValue>> attributes = new LinkedHashMap<>();
        attributes.put("city", List.of(new GoldenValue("Oslo", new Provenance(a, t1,
                new Survivorship.SourcePriority(List.of("crm", "web"))))));
        attributes.put("email_seen", List.of(new GoldenValue("a", new Provenance(a, t1, new Survivorship.CollectAll())),
                new GoldenValue("b", new Provenance(b, t2, new Survivorship.CollectAll()))));
        attributes.put("name", List.of(new GoldenValue("Åse \"Q\" Ødegård", new Provenance(b, t2, new Survivorship.MostComplete()))));
        attributes.put("phone", List.of(new GoldenValue("+4712345678", new Provenance(a, t1, new Survivorship.MostFrequent()))));
        attributes.put("zip", List.of(new GoldenValue("0150", new Provenance(b, t2, new Survivorship.MostRecent()))));
        Map<Purpose, ConsentStatus> consent = new LinkedHashMap<>();
        consent.put(MARKETING, new ConsentStatus(MARKETING, ConsentState.GRANTED, List.of(a), List.of(b)));
        consent.put(SMS, new ConsentStatus(SMS, null, List.of(), List.of()));
        Profile profile = new Profile(ProfileId.of("p-1"), 3, List.of(b, a),
                List.of(new Identifier(IdentifierType.EMAIL, "a@example.com"), new Identifier(IdentifierType.PHONE, "+4712345678")),
                attributes, consent);
        String json = Codec.profile(profile);
        assertEquals(profile, Codec.profile(json));
        assertEquals(Oracle.profile(json), Codec.profile(json));
    }

    @Test
    void fieldsInAnotherOrderAndUnknownFieldsAreRead() {
        String record = "{\"extra\":{\"a\":[1,{\"b\":2}]},\"identifiers\":[[\"email\",\"a@example.com\",\"more\"]],"
                + "\"attributes\":{\"zip\":\"0150\",\"age\":42,\"nested\":{\"x\":1}},\"observed_at\":\"2024-01-01T00:00:00Z\","
                + "\"id\":\"7\",\"source\":\"crm\",\"consent\":[{\"state\":\"DENIED\",\"purpose\":\"sms\",\"source\":\"crm\","
                + "\"at\":\"2024-01-02T03:04:05.006Z\",\"identifier\":null,\"expires_at\":null,\"why\":\"?\"}]}";
        assertEquals(Oracle.record(record), Codec.record(record));
        String profile = "{\"version\":\"2\",\"attributes\":{\"zip\":[{\"rule\":\"most_recent\",\"observed_at\":"
                + "\"2024-01-01T00:00:00Z\",\"record\":[\"crm\",\"7\"],\"value\":\"0150\",\"score\":1}]},\"members\":"
                + "[[\"crm\",\"7\"]],\"id\":\"p-9\",\"identifiers\":[],\"unknown\":[[[]]]}";
        assertEquals(Oracle.profile(profile), Codec.profile(profile));
    }

    @Test
    void aDamagedValueIsRefusedWithoutItsContent() {
        IllegalStateException invalid = assertThrows(IllegalStateException.class,
                () -> Codec.record("{\"source\":\"crm\",\"id\":\"secret-value\""));
        assertTrue(invalid.getMessage().contains("not valid JSON") && !invalid.getMessage().contains("secret"),
                invalid.getMessage());
        IllegalStateException lacking = assertThrows(IllegalStateException.class,
                () -> Codec.record("{\"source\":\"crm\",\"id\":\"7\"}"));
        assertTrue(lacking.getMessage().contains("\"observed_at\""), lacking.getMessage());
        assertThrows(IllegalStateException.class, () -> Codec.profile("[]"));
    }

    @Test
    void instantsParseAsInstantParseParsesThem() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong() % 253_402_300_799L; // years 1 to 9999 around the epoch
            if (seconds < -62_135_596_800L) {
                seconds = -seconds;
            }
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant, Codec.instant(instant.toString()));
        }
        for (String text : List.of("2024-01-01T10:15:30.5Z", "2024-01-01T10:15:30.12Z", "0000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "-0001-06-30T12:00:00Z", "2016-12-31T23:59:60Z", "2024-02-29T00:00:00Z",
                "2024-01-01T24:00:00Z", "2024-01-01T10:15:30.Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-01-01T10:15:30.1234567890Z", "2024-01-01T10:15:3aZ", "2024-04-31T00:00:00Z", "2024-01-01T10:60:00Z",
                "2024-00-10T10:00:00Z", "2024-01-00T10:00:00Z")) {
            Object expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                expected = DateTimeParseException.class;
            }
            Object actual;
            try {
                actual = Codec.instant(text);
            } catch (DateTimeParseException e) {
                actual = DateTimeParseException.class;
            }
            assertEquals(expected, actual, text);
        }
    }

    private static SourceRecord withConsent(SourceRecord record, Random random) {
        SourceRecord.Builder builder = record.toBuilder();
        Instant at = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000), random.nextInt(3) * 1_000_000);
        builder.consent(new ConsentEntry(MARKETING, random.nextBoolean() ? ConsentState.GRANTED : ConsentState.DENIED, at,
                record.key().source()));
        if (random.nextBoolean() && !record.identifiers().isEmpty()) {
            builder.consent(new ConsentEntry(SMS, ConsentState.GRANTED, at, record.key().source(),
                    record.identifiers().get(0), at.plusSeconds(86_400)));
        }
        return builder.build();
    }

    /** The tree-model decoder the store used before the streaming one: the oracle. */
    private static final class Oracle {
        private static final ObjectMapper JSON = new ObjectMapper();

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
                    Survivorship rule = switch (text(v, "rule")) {
                        case "most_recent" -> new Survivorship.MostRecent();
                        case "most_frequent" -> new Survivorship.MostFrequent();
                        case "most_complete" -> new Survivorship.MostComplete();
                        case "collect_all" -> new Survivorship.CollectAll();
                        default -> new Survivorship.SourcePriority(sources);
                    };
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

        private static Identifier identifier(JsonNode pair) {
            return new Identifier(IdentifierType.named(pair.get(0).asText()), pair.get(1).asText());
        }

        private static RecordKey key(JsonNode pair) {
            return RecordKey.of(pair.get(0).asText(), pair.get(1).asText());
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new IllegalStateException("lacks " + field);
            }
            return value.asText();
        }

        private static JsonNode read(String json) {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
