package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.unum.ProgressListener;
import io.unum.model.Attributes;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesInputTest {

    private static InputFile file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new InputFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static Inputs.Batch read(String content) {
        return Inputs.read(List.of(file("shop.jsonl", content)), ReadOptions.DEFAULTS, ProgressListener.NONE);
    }

    @Test
    void flatObjectsReadLikeCsvRows() {
        Inputs.Batch batch = read("""
                {"record_id": "w1", "first_name": " Ann ", "last_name": "Lee", "email": "ann@example.com", "age": 41, \
                "vip": true, "score": 1.50, "note": null, "observed_at": "2024-05-01"}

                {"record_id": "w2", "phone": "555-0100"}
                """);
        assertEquals(2, batch.rows().size(), "the blank line is skipped");
        SourceRecord first = batch.rows().get(0).record();
        assertEquals(RecordKey.of("shop", "w1"), first.key());
        assertEquals("Ann", first.attribute(Attributes.FIRST_NAME));
        assertEquals("41", first.attribute("age"));
        assertEquals("true", first.attribute("vip"));
        assertEquals("1.50", first.attribute("score"));
        assertFalse(first.attributes().containsKey("note"));
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), first.observedAt());
        assertEquals(List.of(Identifier.of(IdentifierType.EMAIL, "ann@example.com")), first.identifiers());
        assertEquals(3, batch.rows().get(1).number(), "rows are numbered by line");
        assertTrue(batch.warnings().isEmpty(), batch.warnings().toString());
    }

    @Test
    void senzingFeaturesMergeIntoOneRecordAndRepeatedIdentifiersAddUp() {
        Inputs.Batch batch = read("{\"DATA_SOURCE\": \"CUSTOMERS\", \"RECORD_ID\": \"1001\", \"FEATURES\": ["
                + "{\"RECORD_TYPE\": \"PERSON\"}, {\"NAME_FIRST\": \"Robert\", \"NAME_LAST\": \"Smith\"},"
                + "{\"PHONE_TYPE\": \"HOME\", \"PHONE_NUMBER\": \"555-0100\"}, {\"PHONE_NUMBER\": \"555-0199\"},"
                + "{\"EMAIL_ADDRESS\": \"bob@example.com\"}, {\"NAME_ORG\": \"Acme\"}, {\"NAME_ORG\": \"Acme Corp\"},"
                + "{\"ADDR_LINE1\": \"1 Main St\", \"ADDR_CITY\": \"Springfield\"}], \"AMOUNT\": \"100\"}\n");
        SourceRecord record = batch.rows().get(0).record();
        assertEquals(RecordKey.of("CUSTOMERS", "1001"), record.key());
        assertEquals("Robert", record.attribute(Attributes.FIRST_NAME));
        assertEquals("Smith", record.attribute(Attributes.LAST_NAME));
        assertEquals("1 Main St", record.attribute(Attributes.ADDRESS_1));
        assertEquals("Springfield", record.attribute(Attributes.CITY));
        assertEquals("Acme", record.attribute(ColumnMapping.ORGANIZATION_NAME));
        assertEquals("Acme Corp", record.attribute(ColumnMapping.ORGANIZATION_NAME + "_2"), "a second value is kept");
        assertEquals("100", record.attribute("amount"));
        assertEquals(List.of(Identifier.of(IdentifierType.PHONE, "555-0100"), Identifier.of(IdentifierType.PHONE, "555-0199")),
                record.identifiers(IdentifierType.PHONE));
        assertEquals(1, record.identifiers(IdentifierType.EMAIL).size());
    }

    @Test
    void nestedObjectsArePrefixedAndScalarArraysRepeatTheirKey() throws Exception {
        List<JsonLinesInput.Field> fields = new ArrayList<>();
        JsonLinesInput.flatten("", new ObjectMapper().readTree("{\"id\": \"x\", \"name\": {\"first\": \"A\", \"last\": \"B\"},"
                + " \"email\": [\"a@x.org\", \"b@x.org\"], \"deep\": [[\"1\"], {\"k\": {\"v\": 2}}]}"), fields);
        assertEquals(List.of(new JsonLinesInput.Field("id", "x"), new JsonLinesInput.Field("name_first", "A"),
                new JsonLinesInput.Field("name_last", "B"), new JsonLinesInput.Field("email", "a@x.org"),
                new JsonLinesInput.Field("email", "b@x.org"), new JsonLinesInput.Field("deep", "1"),
                new JsonLinesInput.Field("k_v", "2")), fields);

        SourceRecord record = read("{\"id\": \"x\", \"name\": {\"first\": \"A\", \"last\": \"B\"},"
                + " \"email\": [\"a@example.com\", \"b@example.com\"]}\n").rows().get(0).record();
        assertEquals("A", record.attribute(Attributes.FIRST_NAME), "name_first is a recognized header");
        assertEquals("B", record.attribute(Attributes.LAST_NAME));
        assertEquals(2, record.identifiers(IdentifierType.EMAIL).size());
    }

    @Test
    void linesWithoutAnIdAreNumberedAndReportedOnce() {
        Inputs.Batch batch = read("{\"email\": \"a@example.com\"}\n{\"email\": \"b@example.com\"}\n");
        assertEquals(RecordKey.of("shop", "row-2"), batch.rows().get(1).record().key());
        assertEquals(List.of("shop.jsonl: 2 line(s) without a record id; numbered row-N by line number"), batch.warnings());
    }

    @Test
    void badLinesAreErrorsNamingTheLineButNotTheContent() {
        String invalid = assertThrows(InputException.class, () -> read("{\"id\": \"1\"}\n{\"id\": secretvalue}\n"))
                .getMessage();
        assertTrue(invalid.startsWith("shop.jsonl line 2: not valid JSON"), invalid);
        assertFalse(invalid.contains("secretvalue"), invalid);
        String notObject = assertThrows(InputException.class, () -> read("[1, 2]\n")).getMessage();
        assertEquals("shop.jsonl line 1: expected a JSON object, was array", notObject);
        String twoObjects = assertThrows(InputException.class, () -> read("{\"id\": \"1\"} {\"id\": \"2\"}\n")).getMessage();
        assertTrue(twoObjects.startsWith("shop.jsonl line 1: not valid JSON"), twoObjects);
    }

    @Test
    void theTruthKeyIsCapturedAndNeverRead() {
        Inputs.Batch batch = Inputs.read(List.of(file("f.jsonl", "{\"id\": \"1\", \"cluster\": 7, \"email\": \"a@example.com\"}\n"
                + "{\"id\": \"2\"}\n")), new ReadOptions(Set.of(), InputMapping.NONE, "cluster", null), ProgressListener.NONE);
        assertEquals("7", batch.rows().get(0).truthLabel());
        assertNull(batch.rows().get(1).truthLabel());
        assertFalse(batch.rows().get(0).record().attributes().containsKey("cluster"));
        String missing = assertThrows(InputException.class, () -> Inputs.read(List.of(file("f.jsonl", "{\"id\": \"1\"}\n")),
                new ReadOptions(Set.of(), InputMapping.NONE, "cluster", null), ProgressListener.NONE)).getMessage();
        assertTrue(missing.startsWith("f.jsonl has no key cluster (--truth-column)"), missing);
    }

    @Test
    void theFormatFollowsTheExtensionUnlessGiven(@TempDir Path dir) throws Exception {
        assertEquals(InputFormat.JSONL, InputFormat.of("a.JSONL"));
        assertEquals(InputFormat.JSONL, InputFormat.of("a.ndjson"));
        assertEquals(InputFormat.CSV, InputFormat.of("a.csv"));
        assertEquals(InputFormat.CSV, InputFormat.of("a.txt"));
        Path input = dir.resolve("export.txt");
        Files.writeString(input, "{\"id\": \"1\", \"email\": \"a@example.com\"}\n{\"id\": \"2\", \"email\": \"a@example.com\"}\n");
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--format", "jsonl", "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.lastLine().startsWith("records=2 profiles="), run.lastLine());
        List<String> clusters = Files.readAllLines(dir.resolve("out/clusters.csv"));
        assertEquals(3, clusters.size());
    }
}
