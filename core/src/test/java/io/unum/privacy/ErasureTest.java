package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.ProfileChange;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.ConsentState;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Resolver.Builder builder(MutableClock clock) {
        return Resolver.newBuilder().rule(MatchRule.deterministic("contact", IdentifierType.EMAIL, IdentifierType.PHONE))
                .clock(clock);
    }

    private static SourceRecord record(String source, String id, String email, String phone) {
        return SourceRecord.builder(source, id).identifier(IdentifierType.EMAIL, email).identifier(IdentifierType.PHONE, phone)
                .attribute("first_name", "Jane").build();
    }

    @Test
    void forgettingARecordSplitsWhatItHeldTogetherAndAuditsWithoutValues() {
        IdentityGraph graph = builder(new MutableClock(T0)).build().newGraph();
        graph.upsert(record("crm", "1", "jane@x.com", null));
        graph.upsert(record("shop", "2", null, "+47 22 33 44 55"));
        graph.upsert(record("pos", "3", "jane@x.com", "+47 22 33 44 55"));
        assertEquals(1, graph.profileCount());
        List<ChangeSet> seen = new ArrayList<>();
        graph.addListener(seen::add);

        ErasureAudit audit = graph.forget(RecordKey.of("pos", "3"));
        assertEquals("record", audit.scope());
        assertEquals(1, audit.recordsErased());
        assertEquals(2, audit.identifiersSuppressed());
        assertEquals(List.of("pos"), audit.sources());
        assertEquals(1, audit.profilesChanged().size());
        assertFalse(audit.toString().contains("jane") || audit.toString().contains("22 33"));
        assertEquals(2, graph.profileCount(), "the bridge is gone");
        assertEquals(1, seen.get(0).ofKind(ProfileChange.Split.class).size());
        assertTrue(graph.record(RecordKey.of("pos", "3")).isEmpty());
        assertTrue(graph.profilesWith(Identifier.of(IdentifierType.EMAIL, "jane@x.com")).stream()
                .noneMatch(p -> p.members().contains(RecordKey.of("pos", "3"))));
    }

    @Test
    void forgettingAProfileOrAnIdentifierRemovesEveryRecord() {
        IdentityGraph graph = builder(new MutableClock(T0)).build().newGraph();
        graph.upsertAll(List.of(record("crm", "1", "a@x.com", null), record("shop", "2", "a@x.com", "+4799999999"),
                record("pos", "3", "b@x.com", "+4799999999"), record("pos", "4", "c@x.com", null)));
        Profile profile = graph.profileOf(RecordKey.of("crm", "1")).orElseThrow();
        ErasureAudit byProfile = graph.forget(profile.id());
        assertEquals(3, byProfile.recordsErased());
        assertEquals(List.of(profile.id()), byProfile.profilesDeleted());
        assertEquals(1, graph.size());
        ErasureAudit byIdentifier = graph.forget(Identifier.of(IdentifierType.EMAIL, "C@X.com"));
        assertEquals(1, byIdentifier.recordsErased());
        assertEquals(0, graph.size());
        assertEquals(0, graph.forget(RecordKey.of("none", "0")).recordsErased());
    }

    @Test
    void aForgottenPersonIsNotRecreatedByAReingest() {
        MutableClock clock = new MutableClock(T0);
        Resolver resolver = builder(clock).build();
        IdentityGraph graph = resolver.newGraph();
        graph.upsert(record("crm", "1", "jane@x.com", null));
        graph.forget(RecordKey.of("crm", "1"));
        clock.advance(Duration.ofDays(1));

        // the same person arrives again from another source, with the address in another case
        ChangeSet again = graph.upsert(record("newsletter", "9", "JANE@x.com", null));
        assertEquals(0, graph.size(), "suppressed");
        assertEquals("SUPPRESSED", again.privacy().get(0).reasonCode());
        // and a batch with the same resolver refuses it too
        Resolution batch = resolver.resolve(List.of(record("web", "5", "jane@x.com", null), record("web", "6", "ann@x.com", null)));
        assertEquals(1, batch.assignments().size());
        // other people are not affected
        graph.upsert(record("crm", "2", "ann@x.com", null));
        assertEquals(1, graph.size());
    }

    @Test
    void freshConsentReadmitsWhenConfigured() {
        MutableClock clock = new MutableClock(T0);
        IdentityGraph graph = builder(clock).suppressionPolicy(SuppressionPolicy.ADMIT_WITH_FRESH_CONSENT).build().newGraph();
        graph.upsert(record("crm", "1", "jane@x.com", null));
        graph.forget(RecordKey.of("crm", "1"));
        clock.advance(Duration.ofDays(1));
        SourceRecord stale = record("crm", "2", "jane@x.com", null).toBuilder()
                .consent(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, T0.minusSeconds(3600)).build();
        graph.upsert(stale);
        assertEquals(0, graph.size(), "consent given before the erasure does not count");
        SourceRecord fresh = record("crm", "3", "jane@x.com", null).toBuilder()
                .consent(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, T0.plusSeconds(3600)).build();
        graph.upsert(fresh);
        assertEquals(1, graph.size());
    }

    @Test
    void theSuppressionListSurvivesARestart() {
        byte[] secret = "suppression secret 0123456789".getBytes(StandardCharsets.UTF_8);
        SuppressionList first = SuppressionList.withSecret(secret);
        IdentityGraph graph = builder(new MutableClock(T0)).suppressionList(first).build().newGraph();
        graph.upsert(record("crm", "1", "jane@x.com", "+4722334455"));
        graph.forget(RecordKey.of("crm", "1"));
        List<SuppressionList.Entry> exported = first.export();
        assertEquals(2, exported.size());
        assertTrue(exported.stream().noneMatch(e -> e.hash().contains("jane")));

        SuppressionList restored = SuppressionList.withSecret(secret);
        restored.restore(exported);
        IdentityGraph after = builder(new MutableClock(T0.plusSeconds(60))).suppressionList(restored).build().newGraph();
        after.upsert(record("shop", "7", null, "+47 22 33 44 55"));
        assertEquals(0, after.size());
    }
}
