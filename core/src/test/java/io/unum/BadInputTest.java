package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import io.unum.spi.NormalizedValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad input has a clear, documented outcome and never leaks the value. */
class BadInputTest {

    private static final String SECRET = "jane.secret.doe@example.com";

    @Test
    void nullOrBlankKeysThrowNamingTheField() {
        NullPointerException nullSource = assertThrows(NullPointerException.class, () -> SourceRecord.builder(null, "1"));
        assertEquals("record source", nullSource.getMessage());
        IllegalArgumentException blankId = assertThrows(IllegalArgumentException.class, () -> SourceRecord.builder("crm", "  "));
        assertEquals("record id must not be blank", blankId.getMessage());
        IllegalArgumentException longId = assertThrows(IllegalArgumentException.class,
                () -> SourceRecord.builder("crm", "x".repeat(300)));
        assertTrue(longId.getMessage().contains("at most 256"));
        assertThrows(IllegalArgumentException.class, () -> SourceRecord.builder("crm", "1").attribute(" ", "v"));
        assertThrows(NullPointerException.class, () -> SourceRecord.builder("crm", "1").identifier(null, "v"));
    }

    @Test
    void nullOrBlankValuesAreAbsent() {
        SourceRecord record = SourceRecord.builder("crm", "1")
                .attribute(Attributes.FIRST_NAME, null)
                .attribute(Attributes.LAST_NAME, "   ")
                .identifier(IdentifierType.EMAIL, "")
                .identifier(IdentifierType.PHONE, null)
                .build();
        assertTrue(record.attributes().isEmpty());
        assertTrue(record.identifiers().isEmpty());
        Resolution resolution = TestFixtures.customerResolver().build().resolve(List.of(record));
        assertEquals(1, resolution.profiles().size());
        assertTrue(resolution.issues().isEmpty());
    }

    @Test
    void duplicateKeysInABatchKeepTheLastAndReportTheRest() {
        SourceRecord first = SourceRecord.builder("crm", "1").identifier(IdentifierType.EMAIL, "a@x.com").build();
        SourceRecord second = SourceRecord.builder("crm", "1").identifier(IdentifierType.EMAIL, "b@x.com").build();
        Resolution resolution = TestFixtures.customerResolver().build().resolve(List.of(first, second));
        assertEquals(1, resolution.assignments().size());
        assertEquals("b@x.com", resolution.profiles().get(0).identifiers().get(0).value());
        assertEquals(1, resolution.issues().size());
        InputIssue issue = resolution.issues().get(0);
        assertEquals(InputIssue.Problem.DUPLICATE_KEY, issue.problem());
        assertEquals(InputIssue.Action.RECORD_SUPERSEDED, issue.action());
        assertEquals(RecordKey.of("crm", "1"), issue.record());
        assertTrue(resolution.rejected().isEmpty());
    }

    @Test
    void malformedIdentifiersAreIgnoredAndReportedWithoutTheirValue() {
        SourceRecord record = SourceRecord.builder("crm", "1")
                .identifier(IdentifierType.EMAIL, "jane.secret.doe-at-example.com")
                .identifier(IdentifierType.PHONE, "call me maybe")
                .attribute(Attributes.FIRST_NAME, "Jane").build();
        Resolution resolution = TestFixtures.customerResolver().build().resolve(List.of(record));
        assertEquals(1, resolution.profiles().size(), "the record is still resolved");
        assertTrue(resolution.profiles().get(0).identifiers().isEmpty());
        assertEquals(2, resolution.issues().size());
        for (InputIssue issue : resolution.issues()) {
            assertEquals(InputIssue.Problem.MALFORMED_IDENTIFIER, issue.problem());
            assertEquals(InputIssue.Action.VALUE_IGNORED, issue.action());
            assertFalse(issue.describe().contains("jane"), issue.describe());
            assertFalse(issue.describe().contains("maybe"), issue.describe());
        }
        assertEquals("email", resolution.issues().get(0).field());
    }

    @Test
    void extremelyLongValuesAreIgnoredAndReported() {
        String megabyte = "a".repeat(1 << 20);
        SourceRecord record = SourceRecord.builder("crm", "1")
                .attribute(Attributes.LAST_NAME, megabyte)
                .attribute(Attributes.FIRST_NAME, "Jane")
                .identifier(IdentifierType.EMAIL, megabyte + "@x.com").build();
        Resolution resolution = TestFixtures.customerResolver().build().resolve(List.of(record));
        assertEquals(1, resolution.profiles().size());
        assertTrue(resolution.profiles().get(0).attribute(Attributes.LAST_NAME).isEmpty());
        assertEquals("Jane", resolution.profiles().get(0).attribute(Attributes.FIRST_NAME).orElseThrow().value());
        assertEquals(2, resolution.issues().size());
        for (InputIssue issue : resolution.issues()) {
            assertEquals(InputIssue.Problem.VALUE_TOO_LONG, issue.problem());
            assertTrue(issue.describe().length() < 300);
        }
        assertEquals(megabyte, record.attribute(Attributes.LAST_NAME), "the source record keeps what it was given");
    }

    @Test
    void aRecordOverAnIdentifierLimitIsRejectedAndUpsertThrows() {
        SourceRecord record = SourceRecord.builder("crm", "1")
                .identifier(IdentifierType.NATIONAL_ID, "AB123456")
                .identifier(IdentifierType.NATIONAL_ID, "CD987654").build();
        Resolution resolution = TestFixtures.customerResolver().build().resolve(List.of(record));
        assertTrue(resolution.profiles().isEmpty());
        assertEquals(1, resolution.rejected().size());
        assertEquals(InputIssue.Problem.TOO_MANY_IDENTIFIERS, resolution.rejected().get(0).problem());
        assertEquals(1, resolution.statistics().rejectedRecords());

        IdentityGraph graph = TestFixtures.customerResolver().build().newGraph();
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> graph.upsert(record));
        assertTrue(e.getMessage().contains("crm/1 national_id: TOO_MANY_IDENTIFIERS"), e.getMessage());
        assertFalse(e.getMessage().contains("AB123456"));
        assertEquals(0, graph.size(), "a rejected upsert changes nothing");
    }

    @Test
    void rejectedUpsertLeavesTheResidentVersion() {
        IdentityGraph graph = TestFixtures.customerResolver().build().newGraph();
        SourceRecord good = SourceRecord.builder("crm", "1").identifier(IdentifierType.NATIONAL_ID, "AB1").build();
        graph.upsert(good);
        SourceRecord bad = good.toBuilder().identifier(IdentifierType.NATIONAL_ID, "CD2").build();
        assertThrows(InvalidRecordException.class, () -> graph.upsert(bad));
        assertEquals(good, graph.record(RecordKey.of("crm", "1")).orElseThrow());
    }

    @Test
    void aHundredThousandRecordsSharingOnePlaceholderDoNotFormOneProfile() {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            records.add(SourceRecord.builder("shop", "o" + i)
                    .identifier(IdentifierType.EMAIL, "test@test.com")
                    .identifier(IdentifierType.PHONE, "000-000-0000").build());
        }
        Resolution resolution = TestFixtures.customerResolver().build().resolve(records);
        assertEquals(100_000, resolution.profiles().size(), "a shared placeholder links nobody");
        assertEquals(0, resolution.statistics().links());
        assertEquals(1, resolution.statistics().oversizedBlocks().size(), "the e-mail block is reported");
        OversizedBlock block = resolution.statistics().oversizedBlocks().get(0);
        assertEquals(100_000, block.size());
        assertEquals("email", block.key());
        assertFalse(block.toString().contains("test@test.com"));

        IdentityGraph graph = TestFixtures.customerResolver().build().newGraph();
        for (SourceRecord record : records) {
            graph.upsert(record);
        }
        assertEquals(100_000, graph.profileCount());
    }

    /** A feature value its normalizer rejects (a placeholder, an impossible value) is reported, named by the feature. */
    @Test
    void featureValuesANormalizerRejectsAreReported() {
        io.unum.spi.Normalizer year = new io.unum.spi.Normalizer() {
            @Override
            public String normalize(String value) {
                return value.matches("(19|20)\\d\\d") && !value.equals("1900") ? value : null;
            }

            @Override
            public Rejection rejection(String value) {
                return value.equals("1900") ? new Rejection(true, "a real year (this is a default)")
                        : new Rejection(false, "a year from 1900 to 2099");
            }
        };
        Resolver resolver = Resolver.newBuilder()
                .feature(io.unum.rules.Feature.of("year", "year", year))
                .rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .build();
        Resolution resolution = resolver.resolve(List.of(
                SourceRecord.builder("crm", "1").attribute("year", "1900").build(),
                SourceRecord.builder("crm", "2").attribute("year", SECRET).build(),
                SourceRecord.builder("crm", "3").attribute("year", "1984").build(),
                SourceRecord.builder("crm", "4").attribute("year", "  ").build()));
        assertEquals(4, resolution.profiles().size(), "no record is lost");
        assertEquals(2, resolution.issues().size(), resolution.issues().toString());
        InputIssue placeholder = resolution.issues().get(0);
        assertEquals(RecordKey.of("crm", "1"), placeholder.record());
        assertEquals("year", placeholder.field());
        assertEquals(InputIssue.Problem.PLACEHOLDER_VALUE, placeholder.problem());
        assertEquals(InputIssue.Action.VALUE_IGNORED, placeholder.action());
        InputIssue malformed = resolution.issues().get(1);
        assertEquals(InputIssue.Problem.MALFORMED_VALUE, malformed.problem());
        assertEquals("a year from 1900 to 2099", malformed.expected());
        assertFalse(resolution.issues().toString().contains(SECRET), "no value in the issues");
    }

    @Test
    void aThrowingNormalizerIsReportedAndLoggedWithoutTheValue() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Resolver resolver = Resolver.newBuilder()
                    .rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                    .identifierNormalizer(IdentifierType.EMAIL, raw -> {
                        throw new IllegalStateException("cannot parse " + raw);
                    })
                    .build();
            Resolution resolution = resolver.resolve(List.of(
                    SourceRecord.builder("crm", "1").identifier(IdentifierType.EMAIL, SECRET).build()));
            assertEquals(1, resolution.profiles().size());
            assertEquals(InputIssue.Problem.NORMALIZER_FAILED, resolution.issues().get(0).problem());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("identifier normalizer for type email threw java.lang.IllegalStateException"), log);
        assertFalse(log.contains(SECRET), "no personal value in logs");
    }

    @Test
    void toStringNeverShowsValues() {
        SourceRecord record = SourceRecord.builder("crm", "1").identifier(IdentifierType.EMAIL, SECRET)
                .attribute(Attributes.FIRST_NAME, "Jane").build();
        assertFalse(record.toString().contains(SECRET));
        assertFalse(record.toString().contains("Jane"));
        assertFalse(record.identifiers().get(0).toString().contains(SECRET));
        Resolution resolution = TestFixtures.customerResolver().build().resolve(List.of(record));
        assertFalse(resolution.profiles().get(0).toString().contains("Jane"));
        assertFalse(resolution.profiles().get(0).attribute(Attributes.FIRST_NAME).orElseThrow().toString().contains("Jane"));
    }

    @Test
    void normalizerOutcomesNeverCarryTheValueInReasons() {
        NormalizedValue invalid = IdentifierType.EMAIL.normalizer().normalize(SECRET.replace("@", " "));
        assertTrue(invalid instanceof NormalizedValue.Invalid);
        assertFalse(invalid.toString().contains("secret"));
        NormalizedValue valid = IdentifierType.EMAIL.normalizer().normalize(SECRET);
        assertFalse(valid.toString().contains("secret"));
    }
}
