package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewsTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Resolver.Builder builder(MutableClock clock) {
        return Resolver.newBuilder().rule(MatchRule.deterministic("customer", IdentifierType.CUSTOMER_ID)).clock(clock);
    }

    /** crm granted e-mail marketing; the shop record of the same person denied it for one address. */
    private static List<SourceRecord> records() {
        Identifier work = Identifier.of(IdentifierType.EMAIL, "jane.work@example.com");
        return List.of(
                SourceRecord.builder("crm", "1").observedAt(T0)
                        .identifier(IdentifierType.CUSTOMER_ID, "C1")
                        .identifier(IdentifierType.EMAIL, "jane@example.com")
                        .attribute(Attributes.FIRST_NAME, "Jane")
                        .consent(ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED, T0, "crm"))
                        .consent(ConsentEntry.of(Purpose.ANALYTICS, ConsentState.GRANTED, T0, "crm")
                                .expiringAt(T0.plus(Duration.ofDays(30))))
                        .build(),
                SourceRecord.builder("shop", "2").observedAt(T0.plusSeconds(10))
                        .identifier(IdentifierType.CUSTOMER_ID, "C1")
                        .identifier(work)
                        .attribute(Attributes.CITY, "Oslo")
                        .consent(ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.DENIED, T0, "shop").forIdentifier(work))
                        .build());
    }

    @Test
    void aPurposeSeesOnlyWhatItMayUse() {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1)));
        Resolution resolution = builder(clock).build().resolve(records());
        ProfileId id = resolution.profiles().get(0).id();

        ProfileView marketing = resolution.profile(id, Purpose.EMAIL_MARKETING).orElseThrow();
        assertTrue(marketing.consent().allows());
        ProfileView.Identifier home = find(marketing, "jane@");
        assertFalse(home.masked());
        ProfileView.Identifier work = find(marketing, "j***@example.com");
        assertTrue(work.masked(), "the shop denied marketing to this address");
        assertEquals("Jane", marketing.attribute(Attributes.FIRST_NAME).value());

        ProfileView sms = resolution.profile(id, Purpose.SMS).orElseThrow();
        assertTrue(sms.identifiers().stream().allMatch(ProfileView.Identifier::masked), "no SMS consent at all");
        assertEquals("J***", sms.attribute(Attributes.FIRST_NAME).value());
        assertEquals("C***", find(sms, "C***").value());

        // consent is evaluated when the view is made: analytics expires after 30 days
        assertTrue(resolution.profile(id, Purpose.ANALYTICS).orElseThrow().consent().allows());
        clock.advance(Duration.ofDays(40));
        assertFalse(resolution.profile(id, Purpose.ANALYTICS).orElseThrow().consent().allows());
    }

    @Test
    void outputFiltersRunAfterConsent() {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1)));
        IdentityGraph graph = builder(clock)
                .outputFilter(PrivacyFilters.withhold(Attributes.CITY))
                .outputFilter(PrivacyFilters.maskIdentifiers(IdentifierType.CUSTOMER_ID))
                .build().newGraph();
        graph.upsertAll(records());
        ProfileId id = graph.profileOf(RecordKey.of("crm", "1")).orElseThrow().id();
        ProfileView view = graph.profile(id, Purpose.EMAIL_MARKETING).orElseThrow();
        assertNull(view.attribute(Attributes.CITY));
        assertTrue(find(view, "C***").masked());
        assertFalse(find(view, "jane@").masked());
        assertFalse(view.toString().contains("jane"));
        assertEquals(1, graph.snapshot().view(Purpose.EMAIL_MARKETING).size());
    }

    @Test
    void masksKeepOnlyAHint() {
        assertEquals("j***@example.com", Masks.mask(IdentifierType.EMAIL, "jane@example.com"));
        assertEquals("***34", Masks.mask(IdentifierType.PHONE, "+4722334434"));
        assertEquals("J***", Masks.mask(null, "Jane"));
        assertEquals("***", Masks.mask(null, ""));
    }

    private static ProfileView.Identifier find(ProfileView view, String prefix) {
        return view.identifiers().stream().filter(i -> i.value().startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no identifier starting with " + prefix + " in " + view));
    }
}
