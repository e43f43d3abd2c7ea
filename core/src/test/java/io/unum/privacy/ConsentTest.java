package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolver;
import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.ConsentStatus;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Identifier EMAIL = Identifier.of(IdentifierType.EMAIL, "a@x.com");

    @Test
    void latestEffectiveEntryWins() {
        RecordConsent consent = new RecordConsent(List.of(
                ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED, T0, "web"),
                ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.WITHDRAWN, T0.plusSeconds(60), "support"),
                ConsentEntry.of(Purpose.ANALYTICS, ConsentState.GRANTED, T0, "web")), T0.plusSeconds(120));
        assertEquals(ConsentState.WITHDRAWN, consent.state(Purpose.EMAIL_MARKETING).orElseThrow());
        assertFalse(consent.allows(Purpose.EMAIL_MARKETING));
        assertTrue(consent.allows(Purpose.ANALYTICS));
        assertTrue(consent.state(Purpose.SMS).isEmpty(), "nothing recorded");
        assertFalse(consent.allows(Purpose.SMS));
        // evaluated before the withdrawal, the grant is in force
        assertTrue(consent.at(T0.plusSeconds(30)).allows(Purpose.EMAIL_MARKETING));
        // before anything was given, nothing is in force
        assertTrue(consent.at(T0.minusSeconds(1)).state(Purpose.ANALYTICS).isEmpty());
    }

    @Test
    void expiryAndTiesAndIdentifierScope() {
        ConsentEntry grant = ConsentEntry.of(Purpose.SMS, ConsentState.GRANTED, T0, "web").expiringAt(T0.plus(Duration.ofDays(30)));
        RecordConsent consent = new RecordConsent(List.of(grant), T0.plus(Duration.ofDays(31)));
        assertTrue(consent.state(Purpose.SMS).isEmpty(), "an expired grant is not in force");
        assertThrows(IllegalArgumentException.class, () -> grant.expiringAt(T0.minusSeconds(1)));

        RecordConsent tie = new RecordConsent(List.of(
                ConsentEntry.of(Purpose.SMS, ConsentState.GRANTED, T0, "a"),
                ConsentEntry.of(Purpose.SMS, ConsentState.DENIED, T0, "b")), T0);
        assertEquals(ConsentState.DENIED, tie.state(Purpose.SMS).orElseThrow(), "on a tie a refusal wins");

        RecordConsent scoped = new RecordConsent(List.of(
                ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED, T0, "web"),
                ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.DENIED, T0.plusSeconds(5), "web").forIdentifier(EMAIL)),
                T0.plusSeconds(10));
        assertTrue(scoped.allows(Purpose.EMAIL_MARKETING), "record-wide grant");
        assertTrue(scoped.refuses(Purpose.EMAIL_MARKETING, EMAIL), "but not for this address");
        assertTrue(scoped.allows(Purpose.EMAIL_MARKETING, Identifier.of(IdentifierType.EMAIL, "b@x.com")));
    }

    private static SourceRecord person(String id, ConsentEntry... consent) {
        SourceRecord.Builder b = SourceRecord.builder("crm", id).identifier(IdentifierType.EMAIL, "p@x.com");
        for (ConsentEntry entry : consent) {
            b.consent(entry);
        }
        return b.build();
    }

    private static Profile resolve(ConsentPolicy policy, SourceRecord... records) {
        Resolver.Builder builder = Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .clock(new MutableClock(T0.plus(Duration.ofDays(1))));
        if (policy != null) {
            builder.consentPolicy(policy);
        }
        return builder.build().resolve(List.of(records)).profiles().get(0);
    }

    @Test
    void mostRestrictiveIsTheDefaultAndConflictsAreReported() {
        Profile profile = resolve(null,
                person("1", ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED, T0.plusSeconds(100), "web")),
                person("2", ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.DENIED, T0, "shop")),
                person("3"));
        ConsentStatus status = profile.consent(Purpose.EMAIL_MARKETING);
        assertEquals(ConsentState.DENIED, status.state().orElseThrow());
        assertFalse(status.allows());
        assertTrue(status.conflict());
        assertEquals(List.of(RecordKey.of("crm", "1")), status.granting());
        assertEquals(List.of(RecordKey.of("crm", "2")), status.refusing());
        assertTrue(profile.consent(Purpose.SMS).state().isEmpty(), "no member mentioned SMS");
    }

    @Test
    void mostRecentLetsTheLatestEntryWinButStillReportsTheConflict() {
        Profile profile = resolve(ConsentPolicy.MOST_RECENT,
                person("1", ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED, T0.plusSeconds(100), "web")),
                person("2", ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.DENIED, T0, "shop")));
        assertTrue(profile.consent(Purpose.EMAIL_MARKETING).allows());
        assertTrue(profile.consent(Purpose.EMAIL_MARKETING).conflict());
    }
}
