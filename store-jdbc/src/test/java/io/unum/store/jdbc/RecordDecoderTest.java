package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordDecoder} against Jackson's decoding ({@link Codec#record(byte[])}) as the oracle:
 * the usual rows are decoded here, to the same record with the same shared objects; other
 * shapes, damaged bytes and seeded random mutations give exactly Jackson's record or exception.
 */
class RecordDecoderTest {

    @Test
    void storedRecordsAreDecodedHereAsJacksonDecodesThem() {
        RecordDecoder decoder = new RecordDecoder();
        List<SourceRecord> records = new ArrayList<>(Fixtures.people(300, 5).records());
        records.add(SourceRecord.builder("web", "x/\u00e9\u4e2d\ud83d\ude00").observedAt(Instant.parse("2024-02-29T23:59:59.123Z"))
                .attribute("name", "Åse Ødegård \u4e2d\ud83d\ude00").attribute("\u00e9tat", "ok")
                .identifier(IdentifierType.EMAIL, "åse@example.com").identifier(IdentifierType.social("mastodon"), "@a")
                .identifier(IdentifierType.of("whatsapp"), "+47 1").identifier(IdentifierType.EMAIL.protectedVariant(), "h:ab")
                .build());
        records.add(SourceRecord.builder("crm", "empty").build());
        for (SourceRecord record : records) {
            byte[] utf8 = Codec.record(record).getBytes(StandardCharsets.UTF_8);
            SourceRecord here = decoder.decodedHere(utf8);
            assertNotNull(here, "decoded here: " + record);
            SourceRecord jackson = Codec.record(utf8);
            assertEquals(record, here);
            assertEquals(jackson, here);
            assertSame(jackson.key().source(), here.key().source(), "one source string");
            assertEquals(jackson.identifiers(), here.identifiers());
            for (int i = 0; i < here.identifiers().size(); i++) {
                assertSame(jackson.identifiers().get(i).type(), here.identifiers().get(i).type(), "one type object");
            }
            var names = here.attributes().keySet().iterator();
            for (String name : jackson.attributes().keySet()) {
                assertSame(name, names.next(), "attribute names interned as Jackson interns them");
            }
        }
    }

    @Test
    void aRepeatedShortValueIsOneStringAndOthersAreTheirOwn() {
        RecordDecoder decoder = new RecordDecoder();
        SourceRecord a = SourceRecord.builder("crm", "1").attribute("city", "Oslo").attribute("name", "Åse")
                .attribute("note", "x".repeat(40)).build();
        SourceRecord b = SourceRecord.builder("crm", "2").attribute("city", "Oslo").attribute("name", "Åse")
                .attribute("note", "x".repeat(40)).attribute("zip", "Oslp").build();
        SourceRecord da = decoder.decodedHere(bytes(Codec.record(a)));
        SourceRecord db = decoder.decodedHere(bytes(Codec.record(b)));
        assertEquals(a, da);
        assertEquals(b, db);
        assertSame(da.attribute("city"), db.attribute("city"), "a short ASCII value seen before");
        assertEquals("Oslp", db.attribute("zip"));
        assertTrue(da.attribute("note") != db.attribute("note"), "a long value is its own");
    }

    @Test
    void otherShapesAreLeftToJacksonAndDecodeAsItDecodesThem() {
        RecordDecoder decoder = new RecordDecoder();
        String base = "{\"source\":\"crm\",\"id\":\"7\",\"observed_at\":\"2024-01-01T00:00:00Z\",\"attributes\":"
                + "{\"city\":\"Oslo\"},\"identifiers\":[[\"email\",\"a@example.com\"]]}";
        // decoded here: whitespace, another order, nulls and blanks (absent), an empty record
        for (String json : List.of(base, " {\n \"identifiers\" : [ [ \"email\" , \"a@example.com\" ] ] ,\t\"attributes\":{ \"city\""
                + " : \"Oslo\" , \"zip\": null, \"x\": \"  \"}, \"observed_at\":\"2024-01-01T00:00:00Z\",\"id\":\"7\",\"source\":\"crm\"} ",
                "{\"source\":\"crm\",\"id\":\"7\",\"observed_at\":\"2024-01-01T00:00:00Z\",\"attributes\":{},\"identifiers\":[]}",
                "{\"source\":\"crm\",\"id\":\"7\",\"observed_at\":\"2024-01-01T00:00:00Z\"} trailing")) {
            assertNotNull(decoder.decodedHere(bytes(json)), json);
            assertSame(outcome(() -> Codec.record(bytes(json))).getClass(), SourceRecord.class, json);
            assertEquals(outcome(() -> Codec.record(bytes(json))), outcome(() -> decoder.record(bytes(json))), json);
        }
        // left to Jackson: its record, or its exception
        for (String json : List.of("{\"source\":\"crm\",\"id\":\"7\",\"observed_at\":\"2024-01-01T00:00:00Z\",\"consent\":[]}",
                base.replace("Oslo", "Os\\u006co"), base.replace("\"7\"", "7"), base.replace("\"Oslo\"", "42"),
                base.replace("{\"city", "{\"extra\":[1],\"city"), base.replace("\"id\"", "\"other\""),
                base.replace("\"source\":\"crm\",", "\"source\":\"crm\",\"source\":\"web\","), base.substring(0, 40),
                base.replace("\"id\":\"7\"", "\"id\":\" \""), base.replace("email", "E-Mail"), base.replace("email", "social:x"),
                base.replace("2024-01-01T00:00:00Z", "yesterday"), base.replace("]]", "],]]"), base.replace("Oslo", "Os\tlo"),
                "\uFEFF" + base, "[]", "{}", "", base.replace("\"Oslo\"", "nul"), base.replace("[[\"email\",\"a@example.com\"]]",
                        "[[\"email\",\"a@example.com\",\"more\"]]"), base.replace("Oslo", "\uFFFD"))) {
            assertEquals(outcome(() -> Codec.record(bytes(json))), outcome(() -> decoder.record(bytes(json))), json);
        }
        byte[] malformed = bytes(base);
        malformed[base.indexOf("Oslo")] = (byte) 0xC3; // a lead byte without its continuation
        assertNull(decoder.decodedHere(malformed));
        assertEquals(outcome(() -> Codec.record(malformed)), outcome(() -> decoder.record(malformed)));
    }

    @Test
    void seededMutationsGiveJacksonsRecordOrException() {
        RecordDecoder decoder = new RecordDecoder();
        Random random = new Random(1301);
        List<SourceRecord> records = Fixtures.people(60, 9).records();
        byte[] alphabet = bytes(" \t\n{}[]:,\"\\nul0aZé\u0001");
        int decodedHere = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] utf8 = bytes(Codec.record(records.get(random.nextInt(records.size()))));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && utf8.length > 0; e++) {
                int at = random.nextInt(utf8.length);
                switch (random.nextInt(4)) {
                    case 0 -> utf8[at] = alphabet[random.nextInt(alphabet.length)];
                    case 1 -> utf8[at] = (byte) random.nextInt(256);
                    case 2 -> utf8 = Arrays.copyOf(utf8, at);
                    default -> {
                        byte[] longer = new byte[utf8.length + 1];
                        System.arraycopy(utf8, 0, longer, 0, at);
                        longer[at] = alphabet[random.nextInt(alphabet.length)];
                        System.arraycopy(utf8, at, longer, at + 1, utf8.length - at);
                        utf8 = longer;
                    }
                }
            }
            byte[] input = utf8;
            Object expected = outcome(() -> Codec.record(input));
            assertEquals(expected, outcome(() -> decoder.record(input)), () -> new String(input, StandardCharsets.UTF_8));
            decodedHere += decoder.decodedHere(input) != null ? 1 : 0;
        }
        assertTrue(decodedHere > 1_000, "mutations still decoded here: " + decodedHere);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The record, or the exception's class and message. */
    private static Object outcome(java.util.function.Supplier<SourceRecord> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            return Map.entry(e.getClass(), String.valueOf(e.getMessage()));
        }
    }
}
