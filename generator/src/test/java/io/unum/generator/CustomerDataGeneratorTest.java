package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output format, determinism, truth consistency and per-source styles of the generator. */
class CustomerDataGeneratorTest {

    static GeneratedData data;

    @BeforeAll
    static void generate() throws IOException {
        data = GeneratedData.generate(5_000, 11);
    }

    @Test
    void headerIsTheDocumentedColumnsInOrder() {
        assertEquals(CustomerDataGenerator.RECORD_COLUMNS, data.header);
        assertEquals(24, data.header.size());
        assertTrue(data.recordsCsv.startsWith("record_id,source,observed_at,first_name,middle_name,last_name,"
                + "date_of_birth,gender,email,email_2,phone,phone_2,street_number,address_1,address_2,city,state,"
                + "postcode,customer_id,loyalty_id,device_id,cookie_id,social_x,social_instagram\n"));
        assertTrue(data.truthCsv.startsWith("record_id,person_id\n"));
        assertTrue(!data.recordsCsv.contains("\r"), "\\n line ends");
    }

    @Test
    void sameSeedGivesByteIdenticalOutputAndOtherSeedsDiffer() throws IOException {
        GeneratedData again = GeneratedData.generate(5_000, 11);
        assertEquals(data.recordsCsv, again.recordsCsv);
        assertEquals(data.truthCsv, again.truthCsv);
        assertEquals(data.summary, again.summary);
        GeneratedData other = GeneratedData.generate(5_000, 12);
        assertNotEquals(data.recordsCsv, other.recordsCsv);
    }

    @Test
    void filesEqualTheStreamedOutput(@TempDir Path dir) throws IOException {
        GenerationSummary summary = CustomerDataGenerator.newBuilder().people(5_000).seed(11).build().writeTo(dir);
        assertEquals(data.summary, summary);
        assertArrayEquals(data.recordsCsv.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(dir.resolve(CustomerDataGenerator.RECORDS_FILE)));
        assertArrayEquals(data.truthCsv.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(dir.resolve(CustomerDataGenerator.TRUTH_FILE)));
    }

    @Test
    void everyRecordHasOneTruthRowAndIdsAreWellFormed() {
        Pattern recordId = Pattern.compile("(crm|webshop|pos|newsletter|support|social)-\\d{7,}");
        Pattern personId = Pattern.compile("P\\d{7,}");
        Set<String> ids = new HashSet<>();
        Map<String, Long> bySource = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String id = data.get(i, "record_id");
            assertTrue(recordId.matcher(id).matches(), id);
            assertTrue(id.startsWith(data.get(i, "source") + "-"), id);
            assertTrue(ids.add(id), "duplicate record id " + id);
            assertTrue(personId.matcher(data.persons.get(i)).matches(), data.persons.get(i));
            assertNotNull(Instant.parse(data.get(i, "observed_at")));
            bySource.merge(data.get(i, "source"), 1L, Long::sum);
        }
        assertEquals(data.summary.records(), data.size());
        assertEquals(data.summary.people(), new HashSet<>(data.persons).size(), "every person has a record");
        for (Source source : Source.values()) {
            assertEquals(data.summary.recordsBySource().get(source), bySource.get(source.id()), source.id());
        }
    }

    @Test
    void personalIdentifiersBelongToOnePersonEach() {
        // Customer ids, loyalty cards, cookies and social handles are personal: one person each,
        // except the shops' default loyalty cards (junk), which many people share.
        Set<String> defaultCards = new Junk(11, 5_000).chainValues(JunkKind.DEFAULT_LOYALTY_ID);
        for (String column : List.of("customer_id", "cookie_id", "social_x", "social_instagram", "loyalty_id")) {
            Map<String, Set<String>> owners = new HashMap<>();
            for (int i = 0; i < data.size(); i++) {
                String value = data.get(i, column);
                if (value != null) {
                    String key = value.replaceFirst("^@", "").replaceFirst("^LY", "");
                    owners.computeIfAbsent(key, k -> new HashSet<>()).add(data.persons.get(i));
                }
            }
            assertTrue(owners.size() > 100, column + " is filled");
            owners.forEach((value, people) -> {
                if (column.equals("loyalty_id") && defaultCards.contains(value)) {
                    assertTrue(people.size() > 1, "a default card is shared: " + value);
                } else {
                    assertEquals(1, people.size(), column + " shared: " + people);
                }
            });
        }
        // CRM: every record has a customer id; web shop and support reference some.
        long crmWithoutId = 0;
        long webshopWithId = 0;
        for (int i = 0; i < data.size(); i++) {
            String source = data.get(i, "source");
            if (source.equals("crm") && data.get(i, "customer_id") == null) {
                crmWithoutId++;
            }
            if (source.equals("webshop") && data.get(i, "customer_id") != null) {
                webshopWithId++;
            }
            if (source.equals("pos") || source.equals("newsletter") || source.equals("social")) {
                assertEquals(null, data.get(i, "customer_id"), "customer ids come from CRM, web shop, support");
            }
        }
        assertEquals(0, crmWithoutId);
        assertTrue(webshopWithId > 100, "web shop records reference CRM ids: " + webshopWithId);
    }

    @Test
    void datesOfBirthFollowEachSourcesStyle() {
        Map<String, Integer> dated = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String text = data.get(i, "date_of_birth");
            String source = data.get(i, "source");
            if (text != null) {
                assertNotNull(GeneratedData.parseDate(source, text), source + " date in its own style: " + text);
                dated.merge(source, 1, Integer::sum);
            }
        }
        for (String source : List.of("crm", "webshop", "pos", "newsletter", "support")) {
            assertTrue(dated.getOrDefault(source, 0) > 20, source + " has dates of birth: " + dated);
        }
        assertEquals(null, dated.get("social"), "social records carry no date of birth");
    }

    @Test
    void phonesComeInManyUsFormatsSomeWithExtensions() {
        Set<String> shapes = new HashSet<>();
        int extensions = 0;
        int phones = 0;
        for (int i = 0; i < data.size(); i++) {
            for (String column : List.of("phone", "phone_2")) {
                String phone = data.get(i, column);
                if (phone != null) {
                    phones++;
                    assertNotNull(GeneratedData.phoneDigits(phone), "ten US digits in " + phone);
                    shapes.add(phone.replaceAll("\\d", "9").replaceAll(" (x|ext\\.?) ?9+$", ""));
                    extensions += phone.matches(".*(x|ext\\.? )\\d+$") ? 1 : 0;
                }
            }
        }
        assertEquals(10, shapes.size(), "the ten styles: " + shapes);
        assertTrue(extensions > 20 && extensions < phones / 10, "some extensions: " + extensions);
    }

    @Test
    void sourcesFillTheirOwnColumns() {
        Map<String, Map<String, Integer>> filled = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String source = data.get(i, "source");
            rows.merge(source, 1, Integer::sum);
            for (String column : data.header) {
                if (data.get(i, column) != null) {
                    filled.computeIfAbsent(source, s -> new HashMap<>()).merge(column, 1, Integer::sum);
                }
            }
        }
        // rate of filled cells per source and column
        java.util.function.BiFunction<String, String, Double> rate = (source, column) ->
                filled.get(source).getOrDefault(column, 0) / (double) rows.get(source);
        assertEquals(0.0, rate.apply("newsletter", "phone"));
        assertEquals(1.0, rate.apply("newsletter", "email"));
        assertEquals(0.0, rate.apply("pos", "address_1"));
        assertEquals(0.0, rate.apply("crm", "cookie_id"));
        assertEquals(0.0, rate.apply("crm", "social_x"));
        assertTrue(rate.apply("social", "social_x") + rate.apply("social", "social_instagram") >= 1.0);
        assertTrue(rate.apply("pos", "loyalty_id") > 0.6, "POS has loyalty ids");
        assertTrue(rate.apply("webshop", "cookie_id") > 0.7, "web shop has cookies");
        double crmFirst = rate.apply("crm", "first_name");
        assertTrue(crmFirst > 0.95 && crmFirst < 1.0, "CRM first names sometimes missing: " + crmFirst);
    }

    @Test
    void recordsAndEmailsPerPersonAreAsDocumented() {
        double records = data.summary.recordsPerPerson();
        assertTrue(records > 2.5 && records < 3.5, "records per person " + records);
        double emails = data.summary.emailsPerPerson();
        assertTrue(emails > 2.5 && emails < 2.9, "e-mails per person " + emails);
    }

    @Test
    void reportsProgressUpToTheTotal() throws IOException {
        List<long[]> reports = new ArrayList<>();
        ProgressListener listener = (stage, done, total) -> {
            assertEquals("people", stage);
            reports.add(new long[] {done, total});
        };
        CustomerDataGenerator.newBuilder().people(3_000).progressListener(listener).build()
                .writeTo(new StringBuilder(), new StringBuilder());
        assertTrue(reports.size() > 10 && reports.size() < 300, "reports: " + reports.size());
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0], "monotone");
            assertEquals(3_000, reports.get(i)[1]);
        }
        assertArrayEquals(new long[] {3_000, 3_000}, reports.get(reports.size() - 1));
    }

    @Test
    void generatesExactlyTheRequestedPeople() throws IOException {
        for (long people : new long[] {1, 2, 7, 100}) {
            GenerationSummary summary = CustomerDataGenerator.newBuilder().people(people).seed(people).build()
                    .writeTo(new StringBuilder(), new StringBuilder());
            assertEquals(people, summary.people());
            assertTrue(summary.records() >= people);
        }
    }

    @Test
    void builderChecksItsSettings() {
        assertThrows(IllegalArgumentException.class, () -> CustomerDataGenerator.newBuilder().people(0));
        assertThrows(IllegalStateException.class, () -> CustomerDataGenerator.newBuilder().seed(1).seed(2));
        assertThrows(IllegalStateException.class, () -> CustomerDataGenerator.newBuilder().people(1).people(2));
        assertThrows(NullPointerException.class, () -> CustomerDataGenerator.newBuilder().progressListener(null));
        CustomerDataGenerator defaults = CustomerDataGenerator.newBuilder().build();
        assertEquals(1_000, defaults.people());
        assertEquals(0, defaults.seed());
    }

    @Test
    void streamsTwoHundredThousandRecordsToDisk(@TempDir Path dir) throws IOException {
        GenerationSummary summary = CustomerDataGenerator.newBuilder().people(70_000).seed(3).build().writeTo(dir);
        assertTrue(summary.records() > 200_000, "records: " + summary.records());
        long lines;
        try (var stream = Files.lines(dir.resolve(CustomerDataGenerator.TRUTH_FILE))) {
            lines = stream.count();
        }
        assertEquals(summary.records() + 1, lines);
    }
}
