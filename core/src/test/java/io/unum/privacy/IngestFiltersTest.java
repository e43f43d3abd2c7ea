package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.ConsentState;
import io.unum.model.IdentifierType;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestFiltersTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static Resolver.Builder resolver() {
        return Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .clock(new MutableClock(NOW));
    }

    private static SourceRecord record(String id, boolean consent) {
        SourceRecord.Builder b = SourceRecord.builder("shop", id)
                .identifier(IdentifierType.EMAIL, "jane.private@example.com")
                .attribute(Attributes.FIRST_NAME, "Jane")
                .attribute(Attributes.DATE_OF_BIRTH, "03/07/1984")
                .attribute("loyalty_notes", "prefers tea");
        if (consent) {
            b.consent(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, NOW.minusSeconds(60));
        }
        return b.build();
    }

    @Test
    void minimizationDropsAndGeneralizesAndReportsWithoutValues() {
        Resolution resolution = resolver()
                .ingestFilter(PrivacyFilters.dropAttributes("loyalty_notes"))
                .ingestFilter(PrivacyFilters.keepYearOnly(Attributes.DATE_OF_BIRTH))
                .build().resolve(List.of(record("1", true)));
        var profile = resolution.profiles().get(0);
        assertTrue(profile.attribute("loyalty_notes").isEmpty());
        assertEquals("1984", profile.attribute(Attributes.DATE_OF_BIRTH).orElseThrow().value());
        List<PrivacyDecision> decisions = resolution.privacyDecisions();
        assertEquals(2, decisions.size());
        assertEquals(new PrivacyDecision(RecordKey.of("shop", "1"), "drop-attributes", PrivacyDecision.Outcome.CHANGED,
                "dropped:loyalty_notes"), decisions.get(0));
        assertEquals("generalized:date_of_birth", decisions.get(1).reasonCode());
        assertFalse(decisions.toString().contains("tea") || decisions.toString().contains("1984"));
    }

    @Test
    void recordsWithoutLawfulBasisAreRefused() {
        Resolution resolution = resolver().ingestFilter(PrivacyFilters.requireConsent(Purpose.IDENTITY_RESOLUTION))
                .build().resolve(List.of(record("1", true), record("2", false)));
        assertEquals(1, resolution.assignments().size());
        assertEquals(List.of(new PrivacyDecision(RecordKey.of("shop", "2"), "require-consent",
                PrivacyDecision.Outcome.REFUSED, "NO_LAWFUL_BASIS:identity_resolution")), resolution.privacyDecisions());
        assertEquals(1, resolution.statistics().rejectedRecords());
    }

    @Test
    void aRefusedUpdateRemovesTheResidentRecord() {
        IdentityGraph graph = resolver().ingestFilter(PrivacyFilters.requireConsent(Purpose.IDENTITY_RESOLUTION))
                .build().newGraph();
        graph.upsert(record("1", true));
        graph.upsert(record("2", true));
        assertEquals(1, graph.profileCount());
        SourceRecord withdrawn = record("2", false).toBuilder()
                .consent(Purpose.IDENTITY_RESOLUTION, ConsentState.WITHDRAWN, NOW.minusSeconds(1)).build();
        ChangeSet changes = graph.upsert(withdrawn);
        assertEquals(1, changes.privacy().size());
        assertTrue(graph.record(RecordKey.of("shop", "2")).isEmpty(), "the withdrawn record is gone");
        assertEquals(1, graph.profileOf(RecordKey.of("shop", "1")).orElseThrow().members().size());
    }

    @Test
    void aThrowingFilterRefusesTheRecordAndSaysWhichFilter() {
        IngestFilter broken = new IngestFilter() {
            @Override
            public IngestDecision apply(SourceRecord record, IngestContext context) {
                throw new IllegalStateException("bug with " + record.attribute(Attributes.FIRST_NAME));
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        Resolution resolution = resolver().ingestFilter(broken).build().resolve(List.of(record("1", true)));
        assertTrue(resolution.profiles().isEmpty());
        assertEquals("broken", resolution.privacyDecisions().get(0).stage());
        assertEquals("FILTER_FAILED", resolution.privacyDecisions().get(0).reasonCode());
    }

    @Test
    void retentionRefusesOldRecordsAndPurgesResidentOnes() {
        MutableClock clock = new MutableClock(NOW);
        Resolver resolver = Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .clock(clock).retention("newsletter", java.time.Duration.ofDays(365)).build();
        SourceRecord old = SourceRecord.builder("newsletter", "n1").observedAt(NOW.minus(java.time.Duration.ofDays(400)))
                .identifier(IdentifierType.EMAIL, "a@x.com").build();
        SourceRecord recent = SourceRecord.builder("newsletter", "n2").observedAt(NOW.minus(java.time.Duration.ofDays(10)))
                .identifier(IdentifierType.EMAIL, "a@x.com").build();
        SourceRecord crm = SourceRecord.builder("crm", "c1").observedAt(NOW.minus(java.time.Duration.ofDays(4000)))
                .identifier(IdentifierType.EMAIL, "a@x.com").build();
        Resolution resolution = resolver.resolve(List.of(old, recent, crm));
        assertEquals(2, resolution.assignments().size());
        assertEquals("RETENTION_EXPIRED", resolution.privacyDecisions().get(0).reasonCode());

        IdentityGraph graph = resolver.newGraph();
        graph.upsertAll(List.of(recent, crm));
        clock.advance(java.time.Duration.ofDays(400));
        ErasureAudit audit = graph.purgeExpired();
        assertEquals("retention", audit.scope());
        assertEquals(1, audit.recordsErased());
        assertEquals(0, audit.identifiersSuppressed(), "retention does not suppress");
        assertEquals(List.of("newsletter"), audit.sources());
        assertTrue(graph.record(RecordKey.of("newsletter", "n2")).isEmpty());
        assertEquals(1, graph.size());
    }
}
