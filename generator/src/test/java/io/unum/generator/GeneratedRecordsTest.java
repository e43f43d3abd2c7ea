package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerDataGenerator#records()} and {@link CustomerDataGenerator#toRecord}: the records
 * in memory are the rows of {@code records.csv} read back with commons-csv, mapped column by
 * column as the benchmarks and {@code unum resolve} map them (an independent oracle below), in
 * file order, with the truth of {@code truth.csv}.
 */
class GeneratedRecordsTest {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** The mapping written out again, column by column: the oracle. */
    private static SourceRecord oracle(Map<String, String> row) {
        Map<String, String> attributes = new TreeMap<>();
        for (String column : List.of("first_name", "middle_name", "last_name", "date_of_birth", "gender",
                "street_number", "address_1", "address_2", "city", "state", "postcode")) {
            String v = trimmed(row.get(column));
            if (v != null) {
                attributes.put(column, v);
            }
        }
        List<Identifier> identifiers = new ArrayList<>();
        String[][] columns = {{"email", "email"}, {"email_2", "email"}, {"phone", "phone"}, {"phone_2", "phone"},
            {"customer_id", "customer_id"}, {"loyalty_id", "loyalty_id"}, {"device_id", "device_id"},
            {"cookie_id", "cookie_id"}, {"social_x", IdentifierType.SOCIAL_X.name()},
            {"social_instagram", IdentifierType.SOCIAL_INSTAGRAM.name()}};
        for (String[] column : columns) {
            String v = trimmed(row.get(column[0]));
            Identifier identifier = v == null ? null : new Identifier(IdentifierType.named(column[1]), v);
            if (identifier != null && !identifiers.contains(identifier)) {
                identifiers.add(identifier);
            }
        }
        SourceRecord.Builder builder = SourceRecord.builder(trimmed(row.get("source")), trimmed(row.get("record_id")));
        String observed = trimmed(row.get("observed_at"));
        try {
            builder.observedAt(observed == null ? Instant.EPOCH : Instant.parse(observed));
        } catch (java.time.format.DateTimeParseException e) {
            builder.observedAt(Instant.EPOCH);
        }
        attributes.forEach(builder::attribute);
        identifiers.forEach(builder::identifier);
        return builder.build();
    }

    private static String trimmed(String v) {
        return v == null || v.strip().isEmpty() ? null : v.strip();
    }

    @Test
    void recordsInMemoryAreTheCsvRowsMappedAsTheBenchmarksMapThem() throws IOException {
        CustomerDataGenerator generator = CustomerDataGenerator.newBuilder().people(2_000).seed(7).build();
        StringBuilder recordsCsv = new StringBuilder();
        StringBuilder truthCsv = new StringBuilder();
        GenerationSummary written = generator.writeTo(recordsCsv, truthCsv);

        GeneratedRecords generated = generator.records();
        assertEquals(written, generated.summary());
        assertEquals(written.records(), generated.records().size());

        List<SourceRecord> read = new ArrayList<>();
        List<SourceRecord> oracle = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(recordsCsv.toString()), FORMAT)) {
            for (CSVRecord row : parser) {
                read.add(CustomerDataGenerator.toRecord(row::get));
                oracle.add(oracle(row.toMap()));
            }
        }
        assertEquals(oracle, read, "toRecord maps the columns as documented");
        assertEquals(read, generated.records(), "records() gives the rows of records.csv, in order");

        Map<RecordKey, String> truth = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(truthCsv.toString()), FORMAT)) {
            for (CSVRecord row : parser) {
                String id = row.get("record_id");
                truth.put(RecordKey.of(id.substring(0, id.indexOf('-')), id), row.get("person_id"));
            }
        }
        assertEquals(truth, generated.truth());
        assertEquals(new ArrayList<>(truth.keySet()), generated.records().stream().map(SourceRecord::key).toList(),
                "truth in file order");
        SourceRecord first = generated.records().get(0);
        assertEquals(truth.get(first.key()), generated.personOf(first.key()));

        // The mapping uses every column the generator fills: each attribute and identifier column is
        // somewhere present.
        Map<String, Integer> filled = new HashMap<>();
        for (SourceRecord record : generated.records()) {
            record.attributes().keySet().forEach(name -> filled.merge(name, 1, Integer::sum));
            record.identifiers().forEach(i -> filled.merge(i.type().name(), 1, Integer::sum));
        }
        for (String column : CustomerDataGenerator.ATTRIBUTE_COLUMNS) {
            assertTrue(filled.containsKey(column), column);
        }
        for (IdentifierType type : CustomerDataGenerator.IDENTIFIER_COLUMNS.values()) {
            assertTrue(filled.containsKey(type.name()), type.name());
        }
    }

    @Test
    void recordsAreDeterministicAndReportProgressAsWriteToDoes() throws IOException {
        List<String> writeReports = new ArrayList<>();
        CustomerDataGenerator.newBuilder().people(900).seed(3)
                .progressListener((stage, done, total) -> writeReports.add(stage + " " + done + "/" + total)).build()
                .writeTo(new StringBuilder(), new StringBuilder());
        List<String> memoryReports = new ArrayList<>();
        GeneratedRecords a = CustomerDataGenerator.newBuilder().people(900).seed(3)
                .progressListener((stage, done, total) -> memoryReports.add(stage + " " + done + "/" + total)).build()
                .records();
        assertEquals(writeReports, memoryReports);
        assertEquals("people 900/900", memoryReports.get(memoryReports.size() - 1));
        GeneratedRecords b = CustomerDataGenerator.newBuilder().people(900).seed(3).build().records();
        assertEquals(a, b);
        assertTrue(!a.records().equals(CustomerDataGenerator.newBuilder().people(900).seed(4).build().records().records()));
    }

    @Test
    void oneRowTrimsValuesDropsEmptyCellsAndToleratesABadInstant() {
        Map<String, String> row = new HashMap<>();
        row.put("record_id", " crm-0000001 ");
        row.put("source", "crm");
        row.put("observed_at", "yesterday");
        row.put("first_name", "  Ann ");
        row.put("last_name", "");
        row.put("middle_name", "   ");
        row.put("email", " ann@example.com");
        row.put("email_2", "ann@example.com");
        row.put("phone_2", "555-0100 ");
        row.put("social_x", "@ann");
        SourceRecord record = CustomerDataGenerator.toRecord(row::get);
        assertEquals(RecordKey.of("crm", "crm-0000001"), record.key());
        assertEquals(Instant.EPOCH, record.observedAt());
        assertEquals(Map.of("first_name", "Ann"), record.attributes());
        assertEquals(List.of(new Identifier(IdentifierType.EMAIL, "ann@example.com"),
                new Identifier(IdentifierType.PHONE, "555-0100"), new Identifier(IdentifierType.SOCIAL_X, "@ann")),
                record.identifiers());
        assertEquals(oracle(row), record);

        row.put("observed_at", "2021-03-04T05:06:07Z");
        assertEquals(Instant.parse("2021-03-04T05:06:07Z"), CustomerDataGenerator.toRecord(row::get).observedAt());
        row.put("source", " ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomerDataGenerator.toRecord(row::get));
        assertTrue(e.getMessage().contains("source"), e.getMessage());
    }

    @Test
    void theTruthMustCoverTheRecords() {
        GeneratedRecords small = CustomerDataGenerator.newBuilder().people(5).seed(1).build().records();
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratedRecords(small.records(), Map.of(), small.summary()));
        assertThrows(IllegalArgumentException.class, () -> small.personOf(RecordKey.of("crm", "nobody")));
        assertThrows(UnsupportedOperationException.class, () -> small.records().clear());
    }
}
