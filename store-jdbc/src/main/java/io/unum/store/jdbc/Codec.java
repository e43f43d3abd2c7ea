package io.unum.store.jdbc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.ConsentStatus;
import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.Provenance;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.model.Survivorship;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            return record(p);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** A record from its JSON in UTF-8 (as SQLite stores the text): no string of the whole row is made. */
    static SourceRecord record(byte[] utf8) {
        try (JsonParser p = JSON.getFactory().createParser(utf8)) {
            return record(p);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** A record, read with the streaming parser: fields in any order, unknown ones skipped. */
    private static SourceRecord record(JsonParser p) throws IOException {
        start(p, JsonToken.START_OBJECT);
        String source = null;
        String id = null;
        Instant observedAt = null;
        List<String> attributes = new ArrayList<>(32);
        List<Identifier> identifiers = new ArrayList<>(4);
        List<ConsentEntry> consent = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "source" -> source = StoredNames.source(scalar(p, t));
                case "id" -> id = scalar(p, t);
                case "observed_at" -> observedAt = t == JsonToken.VALUE_NULL ? null : instant(scalar(p, t));
                case "attributes" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            attributes.add(name);
                            attributes.add(scalar(p, p.nextToken()));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "identifiers" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            identifiers.add(identifier(p));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "consent" -> {
                    if (t == JsonToken.START_ARRAY) {
                        consent = new ArrayList<>(2);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            consent.add(consentEntry(p));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        SourceRecord.Builder builder = SourceRecord.builder(required(source, "source"), required(id, "id"))
                .observedAt(required(observedAt, "observed_at"));
        for (int i = 0; i < attributes.size(); i += 2) {
            builder.attribute(attributes.get(i), attributes.get(i + 1));
        }
        for (Identifier identifier : identifiers) {
            builder.identifier(identifier);
        }
        for (ConsentEntry entry : consent) {
            builder.consent(entry);
        }
        return builder.build();
    }

    /** One consent entry; the parser is on its {@code START_OBJECT}. */
    private static ConsentEntry consentEntry(JsonParser p) throws IOException {
        String purpose = null;
        String state = null;
        Instant at = null;
        String source = null;
        Identifier identifier = null;
        Instant expires = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "purpose" -> purpose = scalar(p, t);
                case "state" -> state = scalar(p, t);
                case "at" -> at = instant(scalar(p, t));
                case "source" -> source = scalar(p, t);
                case "identifier" -> identifier = identifier(p);
                case "expires_at" -> expires = instant(scalar(p, t));
                default -> p.skipChildren();
            }
        }
        return new ConsentEntry(Purpose.of(required(purpose, "purpose")), ConsentState.valueOf(required(state, "state")),
                required(at, "at"), required(source, "source"), identifier, expires);
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
        return profile(json, Sharing.NONE);
    }

    /**
     * Decodes a profile, taking its record keys, golden values and ids from {@code sharing} where
     * they equal objects already in memory (so that the decoded profile holds no second copy).
     */
    static Profile profile(String json, Sharing sharing) {
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            return profile(p, sharing);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    private static Profile profile(JsonParser p, Sharing sharing) throws IOException {
        start(p, JsonToken.START_OBJECT);
        String id = null;
        long version = 0;
        List<RecordKey> members = new ArrayList<>();
        List<Identifier> identifiers = new ArrayList<>();
        Map<String, List<GoldenValue>> attributes = new LinkedHashMap<>();
        Map<Purpose, ConsentStatus> consent = Map.of();
        List<Provenance> provenances = new ArrayList<>(4);
        Map<String, Survivorship> rules = new HashMap<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = scalar(p, t);
                case "version" -> version = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                        : t == JsonToken.VALUE_STRING ? Long.parseLong(p.getText().strip()) : 0;
                case "members" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            members.add(key(p, sharing));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "identifiers" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            identifiers.add(identifier(p));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "attributes" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            List<GoldenValue> values = new ArrayList<>(1);
                            if (p.nextToken() == JsonToken.START_ARRAY) {
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    values.add(goldenValue(p, name, sharing, provenances, rules));
                                }
                            } else {
                                p.skipChildren();
                            }
                            attributes.put(name, values);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "consent" -> {
                    if (t == JsonToken.START_OBJECT) {
                        consent = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            Purpose purpose = Purpose.of(p.currentName());
                            p.nextToken();
                            consent.put(purpose, consentStatus(p, purpose, sharing));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Profile(sharing.profileId(required(id, "id")), version, members, identifiers, attributes, consent);
    }

    /** One golden value of attribute {@code name}; the parser is on its {@code START_OBJECT}. */
    private static GoldenValue goldenValue(JsonParser p, String name, Sharing sharing, List<Provenance> provenances,
            Map<String, Survivorship> rules) throws IOException {
        String value = null;
        RecordKey record = null;
        SourceRecord resident = null;
        String observedAt = null;
        String rule = null;
        List<String> sources = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "value" -> value = scalar(p, t);
                case "record" -> {
                    String[] pair = pair(p, "record key");
                    resident = sharing.resident(pair[0], pair[1]);
                    record = resident != null ? resident.key() : RecordKey.of(pair[0], pair[1]);
                }
                case "observed_at" -> observedAt = scalar(p, t);
                case "rule" -> rule = scalar(p, t);
                case "sources" -> {
                    sources = new ArrayList<>(4);
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            sources.add(p.getText());
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        required(value, "value");
        required(record, "record");
        required(observedAt, "observed_at");
        required(rule, "rule");
        Survivorship survivorship;
        if (sources == null) {
            survivorship = rules.get(rule);
            if (survivorship == null) {
                survivorship = Survivorship.named(rule, List.of());
                rules.put(rule, survivorship);
            }
        } else {
            survivorship = Survivorship.named(rule, sources);
        }
        Instant at = instant(observedAt);
        if (resident != null) {
            if (resident.observedAt().equals(at)) {
                at = resident.observedAt();
            }
            String raw = resident.attribute(name);
            if (raw != null) {
                String stripped = raw.strip(); // survivorship strips: the same object if nothing to strip
                if (stripped.equals(value)) {
                    value = stripped;
                }
            }
        }
        // one provenance per record, time and rule within a profile, as survivorship builds them
        Provenance provenance = null;
        for (Provenance known : provenances) {
            if (known.record().equals(record) && known.observedAt().equals(at) && known.rule().equals(survivorship)) {
                provenance = known;
                break;
            }
        }
        if (provenance == null) {
            provenance = new Provenance(record, at, survivorship);
            provenances.add(provenance);
        }
        return new GoldenValue(value, provenance);
    }

    /** One purpose's consent status; the parser is on its {@code START_OBJECT}. */
    private static ConsentStatus consentStatus(JsonParser p, Purpose purpose, Sharing sharing) throws IOException {
        String state = null;
        List<RecordKey> granting = new ArrayList<>();
        List<RecordKey> refusing = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new ConsentStatus(purpose, null, granting, refusing);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "state" -> state = t == JsonToken.VALUE_NULL ? null : scalar(p, t);
                case "granting", "refusing" -> {
                    List<RecordKey> keys = field.equals("granting") ? granting : refusing;
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            keys.add(key(p, sharing));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new ConsentStatus(purpose, state == null ? null : ConsentState.valueOf(state), granting, refusing);
    }

    /**
     * The records a decoded profile may share objects with: their keys, golden values equal to
     * the record's attribute, observation times, and profile ids. The default shares nothing.
     */
    interface Sharing {
        Sharing NONE = new Sharing() { };

        /** The resident record with this key, or {@code null}. */
        default SourceRecord resident(String source, String id) {
            return null;
        }

        /** A profile id: the object the records already hold, or a new one. */
        default ProfileId profileId(String id) {
            return ProfileId.of(id);
        }
    }

    private static ArrayNode identifier(Identifier identifier) {
        return JSON.createArrayNode().add(identifier.type().name()).add(identifier.value());
    }

    /** An identifier {@code [type, value]}; the parser is on its {@code START_ARRAY}. */
    private static Identifier identifier(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException("a stored identifier is not a [type, value] pair");
        }
        String type = scalar(p, p.nextToken());
        String value = scalar(p, p.nextToken());
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return new Identifier(StoredNames.type(type), value);
    }


    private static ArrayNode key(RecordKey key) {
        return JSON.createArrayNode().add(key.source()).add(key.id());
    }

    /** A record key {@code [source, id]}, the resident record's own if there is one; the parser is on its {@code START_ARRAY}. */
    private static RecordKey key(JsonParser p, Sharing sharing) throws IOException {
        String[] pair = pair(p, "record key");
        SourceRecord resident = sharing.resident(pair[0], pair[1]);
        return resident != null ? resident.key() : RecordKey.of(pair[0], pair[1]);
    }

    /** A pair {@code [a, b]} of strings; the parser is on its {@code START_ARRAY}. */
    private static String[] pair(JsonParser p, String what) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException("a stored " + what + " is not a pair");
        }
        String a = scalar(p, p.nextToken());
        String b = scalar(p, p.nextToken());
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return new String[] {required(a, what), required(b, what)};
    }

    private static void start(JsonParser p, JsonToken expected) throws IOException {
        if (p.nextToken() != expected) {
            throw new IllegalStateException("a stored value is not a JSON object");
        }
    }

    /** The text of a scalar token (as {@code JsonNode.asText()} gives it: a number's digits, a boolean's name). */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == null || t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalStateException("a stored value lacks its \"" + field + "\"");
        }
        return value;
    }

    /**
     * An instant as {@link Instant#toString()} writes it ({@code 2024-05-01T10:15:30Z}, with 3, 6 or
     * 9 fraction digits if any), parsed by hand; anything else goes to {@link Instant#parse}. (JDK
     * 17's {@code Instant.parse} builds a formatter on every call: it was 16 % of an open.)
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
            if (ok && n > 20) {
                int fraction = n - 21;
                ok = text.charAt(19) == '.' && fraction >= 1 && fraction <= 9;
                if (ok) {
                    nanos = digits(text, 20, n - 1);
                    ok = nanos >= 0;
                    for (int i = fraction; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            }
            if (ok && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stored value", e);
        }
    }

    private static IllegalStateException invalid(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            return new IllegalStateException("a stored value is not valid JSON (at character "
                    + j.getLocation().getCharOffset() + ")");
        }
        return new IllegalStateException("a stored value cannot be read: " + e.getClass().getSimpleName());
    }
}
