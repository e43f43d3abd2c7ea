package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ProgressListener;
import io.unum.model.Attributes;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputMappingTest {

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> InputMapping.parse(json, "m.json")).getMessage();
    }

    private static InputFile csv(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new InputFile(name, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    @Test
    void parsesEveryKey() {
        InputMapping mapping = InputMapping.parse("""
                {"columns": {"Cust No": "customer_id", "fname": "first_name", "e-mail": "email",
                             "wa": "identifier:whatsapp", "fav": "attribute:favourite_colour", "tt": "social:tiktok",
                             "when": "observed_at", "sys": "ignore"},
                 "id": "ref", "ignore": ["cluster"], "unmapped": "ignore"}
                """, "m.json");
        assertEquals(new ColumnTarget.Identifier(IdentifierType.CUSTOMER_ID), mapping.columns().get("cust_no"));
        assertEquals(new ColumnTarget.Attribute(Attributes.FIRST_NAME), mapping.columns().get("fname"));
        assertEquals(new ColumnTarget.Identifier(IdentifierType.EMAIL), mapping.columns().get("e_mail"));
        assertEquals(new ColumnTarget.Identifier(IdentifierType.of("whatsapp")), mapping.columns().get("wa"));
        assertEquals(new ColumnTarget.Attribute("favourite_colour"), mapping.columns().get("fav"));
        assertEquals(new ColumnTarget.Identifier(IdentifierType.SOCIAL_TIKTOK), mapping.columns().get("tt"));
        assertEquals(new ColumnTarget.ObservedAt(), mapping.columns().get("when"));
        assertEquals(new ColumnTarget.Ignored(), mapping.columns().get("sys"));
        assertEquals(new ColumnTarget.Id(), mapping.columns().get("ref"));
        assertEquals(new ColumnTarget.Ignored(), mapping.columns().get("cluster"));
        assertNull(mapping.source());
        assertFalse(mapping.autoDetect());
        assertTrue(mapping.mapsId());
    }

    @Test
    void builtInIdentifierNamesKeepTheirNormalizers() {
        InputMapping mapping = InputMapping.parse("{\"columns\": {\"x\": \"identifier:email\"}, \"source\": \"crm\"}", "m");
        ColumnTarget.Identifier target = (ColumnTarget.Identifier) mapping.columns().get("x");
        assertTrue(target.type() == IdentifierType.EMAIL, "the built-in e-mail type, not a plain one of that name");
        assertEquals("crm", mapping.source());
        assertTrue(mapping.autoDetect());
    }

    @Test
    void errorsNameTheFileAndTheKeyAtFault() {
        assertTrue(error("{\"colums\": {}}").contains("mapping file m.json: unknown key \"colums\"; expected one of columns"),
                error("{\"colums\": {}}"));
        String unknownField = error("{\"columns\": {\"fname\": \"frist_name\"}}");
        assertTrue(unknownField.contains("\"columns.fname\": unknown field \"frist_name\"; expected one of record_id"),
                unknownField);
        assertTrue(error("{\"columns\": [\"a\"]}").contains("\"columns\" must be an object"), error("{\"columns\": []}"));
        assertTrue(error("{\"columns\": {\"a\": 3}}").contains("\"columns.a\" must be a field name (a string), was a number"));
        assertTrue(error("{\"id\": [\"a\"]}").contains("\"id\" must be a column name (a string), was an array"));
        assertTrue(error("{\"ignore\": \"a\"}").contains("\"ignore\" must be an array of column names, was a string"));
        assertTrue(error("{\"ignore\": [\"a\", 1]}").contains("\"ignore[1]\" must be a column name"));
        assertTrue(error("{\"source\": \" \"}").contains("\"source\" must be a non-blank source name"));
        assertTrue(error("{\"unmapped\": \"drop\"}").contains("\"unmapped\" must be \"auto\" or \"ignore\", was \"drop\""));
        assertTrue(error("{\"columns\": {\"x\": \"identifier:Bad Name\"}}").startsWith("mapping file m.json: \"columns.x\": "),
                error("{\"columns\": {\"x\": \"identifier:Bad Name\"}}"));
        assertTrue(error("[1]").contains("must hold a JSON object"));
        assertTrue(error("").contains("must hold a JSON object"), error(""));
    }

    @Test
    void conflictsAreRefused() {
        assertTrue(error("{\"columns\": {\"a\": \"record_id\", \"b\": \"record_id\"}}")
                .contains("\"columns.b\" maps a second column to \"record_id\" (\"columns.a\" maps one already)"));
        assertTrue(error("{\"columns\": {\"a\": \"email\"}, \"id\": \"a\"}")
                .contains("\"id\" names column \"a\", which \"columns.a\" already maps to another field"));
        assertTrue(error("{\"columns\": {\"a\": \"email\"}, \"ignore\": [\"A \"]}")
                .contains("\"ignore[0]\" ignores column \"A \", which \"columns.a\" maps to a field"));
        assertTrue(error("{\"columns\": {\"First Name\": \"first_name\", \"first_name\": \"last_name\"}}")
                .contains("\"columns.first_name\" maps column \"first_name\" again"));
        assertTrue(error("{\"columns\": {\"s\": \"source\"}, \"source\": \"crm\"}").contains("\"source\" fixes the source"));
        String duplicate = error("{\"columns\": {\"a\": \"email\", \"a\": \"phone\"}}");
        assertTrue(duplicate.startsWith("mapping file m.json is not valid JSON (line 1, column "), duplicate);
        assertTrue(duplicate.contains("Duplicate field 'a'"), duplicate);
    }

    @Test
    void invalidJsonIsReportedWithItsPosition() {
        String message = error("{\n  \"columns\": {\"a\": \"email\",}\n}");
        assertTrue(message.startsWith("mapping file m.json is not valid JSON (line 2, column "), message);
    }

    @Test
    void readsAMappingFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mapping.json");
        Files.writeString(file, "{\"columns\": {\"fname\": \"first_name\"}}");
        assertEquals(new ColumnTarget.Attribute("first_name"), InputMapping.read(file).columns().get("fname"));
        Path missing = dir.resolve("missing.json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InputMapping.read(missing)).getMessage()
                .startsWith("cannot read mapping file"));
    }

    @Test
    void aMappingDecidesWhatColumnsMean() {
        InputMapping mapping = InputMapping.parse("""
                {"columns": {"cust_no": "customer_id", "fname": "first_name", "e_mail": "email", "tel2": "phone"},
                 "id": "ref", "source": "legacy", "ignore": ["notes"]}
                """, "m.json");
        InputFile input = csv("export.csv", "id,ref,cust_no,fname,e_mail,tel2,phone,notes,data_source,surname\n"
                + "1,R-1,C9,Ann,ann@example.com,555 0100,555 0199,private,web,Lee\n");
        Inputs.Batch batch = Inputs.read(List.of(input), new ReadOptions(Set.of(), mapping, null, null),
                ProgressListener.NONE);
        SourceRecord record = batch.rows().get(0).record();
        assertEquals(RecordKey.of("legacy", "R-1"), record.key(), "mapped id and fixed source win");
        assertEquals("1", record.attributes().get("id"), "the auto-detected id column is kept as an attribute");
        assertEquals("web", record.attributes().get("data_source"), "so is the auto-detected source column");
        assertEquals("Ann", record.attributes().get(Attributes.FIRST_NAME));
        assertEquals("Lee", record.attributes().get(Attributes.LAST_NAME), "unmapped columns are recognized by header");
        assertFalse(record.attributes().containsKey("notes"));
        assertTrue(record.identifiers().contains(Identifier.of(IdentifierType.CUSTOMER_ID, "C9")));
        assertTrue(record.identifiers().contains(Identifier.of(IdentifierType.EMAIL, "ann@example.com")));
        assertEquals(2, record.identifiers().stream().filter(i -> i.type().equals(IdentifierType.PHONE)).count(),
                "two columns mapped to phone give two phones");
    }

    @Test
    void unmappedIgnoreReadsOnlyTheMappedColumns() {
        InputMapping mapping = InputMapping.parse("{\"columns\": {\"k\": \"record_id\", \"n\": \"last_name\"},"
                + " \"unmapped\": \"ignore\"}", "m.json");
        Inputs.Batch batch = Inputs.read(List.of(csv("f.csv", "k,n,email,city\nx1,Lee,a@example.com,Oslo\n")),
                new ReadOptions(Set.of(), mapping, null, null), ProgressListener.NONE);
        SourceRecord record = batch.rows().get(0).record();
        assertEquals(RecordKey.of("f", "x1"), record.key());
        assertEquals(java.util.Map.of(Attributes.LAST_NAME, "Lee"), record.attributes());
        assertTrue(record.identifiers().isEmpty());
    }

    @Test
    void theCommandLineReportsABadMappingClearly(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "id,x\n1,2\n");
        Path mapping = dir.resolve("bad.json");
        Files.writeString(mapping, "{\"columns\": {\"x\": \"emial\"}}");
        CliRun run = CliRun.run("resolve", "--input", input.toString(), "--mapping", mapping.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("unum: mapping file bad.json: \"columns.x\": unknown field \"emial\""), run.err());
        CliRun missing = CliRun.run("resolve", "--input", input.toString(), "--mapping", dir.resolve("nope.json").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("mapping file not found"), missing.err());
    }
}
