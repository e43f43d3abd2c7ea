package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverSmokeTest {

    @Test
    void linksByEmailAndByName() {
        Resolver resolver = TestFixtures.customerResolver().build();
        List<SourceRecord> records = List.of(
                SourceRecord.builder("crm", "1").observedAt(Instant.parse("2024-01-01T00:00:00Z"))
                        .attribute(Attributes.FIRST_NAME, "Robert").attribute(Attributes.LAST_NAME, "Smith")
                        .attribute(Attributes.DATE_OF_BIRTH, "1980-02-03")
                        .identifier(IdentifierType.EMAIL, "bob@example.com").build(),
                SourceRecord.builder("shop", "a").observedAt(Instant.parse("2024-03-01T00:00:00Z"))
                        .attribute(Attributes.FIRST_NAME, "Bob").identifier(IdentifierType.EMAIL, " BOB@example.com ").build(),
                SourceRecord.builder("pos", "x").attribute(Attributes.FIRST_NAME, "robert")
                        .attribute(Attributes.LAST_NAME, "smith").attribute(Attributes.DATE_OF_BIRTH, "19800203")
                        .attribute(Attributes.CITY, "Oslo").build(),
                SourceRecord.builder("pos", "y").attribute(Attributes.FIRST_NAME, "Jane")
                        .attribute(Attributes.LAST_NAME, "Doe").build());
        Resolution resolution = resolver.resolve(records);
        assertEquals(2, resolution.profiles().size(), resolution.toString());
        Profile bob = resolution.profileOf(RecordKey.of("crm", "1")).orElseThrow();
        assertEquals(3, bob.members().size());
        assertEquals("Bob", bob.attribute(Attributes.FIRST_NAME).orElseThrow().value(), "most recent wins");
        assertEquals(RecordKey.of("shop", "a"), bob.attribute(Attributes.FIRST_NAME).orElseThrow().provenance().record());
        assertEquals(1, bob.identifiers(IdentifierType.EMAIL).size());
        assertTrue(resolution.issues().isEmpty());
    }

    @Test
    void reportsProgressPerStage() {
        java.util.Map<String, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, Long> totals = new java.util.concurrent.ConcurrentHashMap<>();
        List<SourceRecord> records = TestFixtures.people(9, 1500);
        Resolution resolution = TestFixtures.customerResolver().parallelism(2).build().resolve(records, (stage, done, total) -> {
            last.merge(stage, done, Math::max);
            totals.put(stage, total);
        });
        assertEquals(java.util.Set.of("features", "scoring", "clustering", "profiles"), last.keySet());
        assertEquals((long) records.size(), last.get("features"));
        assertEquals((long) records.size(), totals.get("features"));
        assertEquals((long) resolution.profiles().size(), last.get("profiles"));
        last.forEach((stage, done) -> assertEquals(totals.get(stage), done, stage + " reports completion"));
    }
}
