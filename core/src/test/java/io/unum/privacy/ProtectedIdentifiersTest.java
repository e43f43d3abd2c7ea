package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.ConsentState;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedIdentifiersTest {

    private static final byte[] SECRET = "a secret of at least 16 bytes".getBytes(StandardCharsets.UTF_8);

    private static Resolver resolver() {
        return Resolver.newBuilder()
                .rule(MatchRule.deterministic("contact", IdentifierType.EMAIL, IdentifierType.PHONE))
                .ingestFilter(PrivacyFilters.hashIdentifiers(SECRET, IdentifierType.EMAIL, IdentifierType.PHONE))
                .build();
    }

    @Test
    void deterministicMatchingWorksOnHashesAndNoPlaintextIsStored() {
        Resolution resolution = resolver().resolve(List.of(
                SourceRecord.builder("crm", "1").identifier(IdentifierType.EMAIL, "Jane.Doe@Example.com").build(),
                SourceRecord.builder("shop", "2").identifier(IdentifierType.EMAIL, " jane.doe@example.COM").build(),
                SourceRecord.builder("pos", "3").identifier(IdentifierType.PHONE, "000-000-0000").build(),
                SourceRecord.builder("pos", "4").identifier(IdentifierType.PHONE, "000 000 0000").build()));
        assertEquals(3, resolution.profiles().size(), "the e-mails link; the placeholder phones do not");
        Profile jane = resolution.profileOf(RecordKey.of("crm", "1")).orElseThrow();
        assertEquals(2, jane.members().size());
        Identifier stored = jane.identifiers().get(0);
        assertEquals(IdentifierType.EMAIL.protectedVariant(), stored.type());
        assertTrue(stored.value().startsWith("h:") && stored.value().length() == 66, stored.value().length() + "");
        assertFalse(stored.value().contains("jane"));
        Identifier placeholder = resolution.profileOf(RecordKey.of("pos", "3")).orElseThrow().identifiers().get(0);
        assertTrue(placeholder.value().startsWith("n:"), "a hashed placeholder stays non-identifying");
        assertEquals("hashed:email", resolution.privacyDecisions().get(0).reasonCode());
    }

    @Test
    void lookUpAndErasureTakePlaintext() {
        IdentityGraph graph = resolver().newGraph();
        graph.upsert(SourceRecord.builder("crm", "1").identifier(IdentifierType.EMAIL, "jane@example.com").build());
        assertEquals(1, graph.profilesWith(Identifier.of(IdentifierType.EMAIL, "JANE@example.com")).size());
        ErasureAudit audit = graph.forget(Identifier.of(IdentifierType.EMAIL, "jane@example.com"));
        assertEquals(1, audit.recordsErased());
        assertEquals(0, graph.size());
    }

    @Test
    void differentSecretsGiveUnrelatedHashes() {
        IngestContext context = new IngestContext() {
            @Override
            public Instant now() {
                return Instant.EPOCH;
            }

            @Override
            public io.unum.spi.NormalizedValue normalize(Identifier identifier) {
                return identifier.type().normalizer().normalize(identifier.value());
            }
        };
        Identifier email = Identifier.of(IdentifierType.EMAIL, "a@x.com");
        Identifier one = PrivacyFilters.hashIdentifiers(SECRET, IdentifierType.EMAIL).protect(email, context).orElseThrow();
        Identifier two = PrivacyFilters.hashIdentifiers("another secret, 16+ bytes".getBytes(StandardCharsets.UTF_8),
                IdentifierType.EMAIL).protect(email, context).orElseThrow();
        assertNotEquals(one, two);
        assertThrows(IllegalArgumentException.class, () -> PrivacyFilters.hashIdentifiers(new byte[8], IdentifierType.EMAIL));
        assertThrows(IllegalArgumentException.class, () -> IdentifierType.of("email.hmac"), "the suffix is reserved");
    }

    @Test
    void identifierScopedConsentFollowsTheHash() {
        Identifier email = Identifier.of(IdentifierType.EMAIL, "jane@example.com");
        Resolver resolver = Resolver.newBuilder()
                .rule(MatchRule.deterministic("contact", IdentifierType.EMAIL))
                .ingestFilter(PrivacyFilters.hashIdentifiers(SECRET, IdentifierType.EMAIL))
                .build();
        SourceRecord record = SourceRecord.builder("crm", "1").identifier(email)
                .consent(io.unum.model.ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED,
                        Instant.parse("2024-01-01T00:00:00Z"), "crm"))
                .consent(io.unum.model.ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.DENIED,
                        Instant.parse("2024-02-01T00:00:00Z"), "crm").forIdentifier(email))
                .build();
        Resolution resolution = resolver.resolve(List.of(record));
        ProfileView view = resolution.view(Purpose.EMAIL_MARKETING).get(0);
        assertTrue(view.consent().allows());
        assertTrue(view.identifiers().get(0).masked(), "the denial scoped to the (hashed) address still applies");
    }

    @Test
    void bloomEncodedNamesMatchFuzzilyWithoutPlaintext() {
        Resolver resolver = protectedNames(PrivacyFilters.bloomEncode(SECRET, Attributes.LAST_NAME));
        Resolution resolution = resolver.resolve(List.of(
                SourceRecord.builder("a", "1").attribute(Attributes.LAST_NAME, "Schwarzenegger").attribute(Attributes.DATE_OF_BIRTH, "19470730").build(),
                SourceRecord.builder("b", "2").attribute(Attributes.LAST_NAME, "Schwarzeneger").attribute(Attributes.DATE_OF_BIRTH, "19470730").build(),
                SourceRecord.builder("c", "3").attribute(Attributes.LAST_NAME, "Lopez").attribute(Attributes.DATE_OF_BIRTH, "19470730").build()));
        assertEquals(2, resolution.profiles().size());
        Profile linked = resolution.profileOf(RecordKey.of("a", "1")).orElseThrow();
        assertEquals(2, linked.members().size());
        assertTrue(linked.attribute(Attributes.LAST_NAME).orElseThrow().value().startsWith(BloomFilters.PREFIX));
    }

    @Test
    void hardenedSaltedEncodingsLinkWithinTheSaltOnly() {
        Resolver resolver = protectedNames(PrivacyFilters.bloomEncode(
                BloomFilters.encoder(SECRET, 512, 20, BloomFilters.Hardening.BALANCE), Attributes.DATE_OF_BIRTH,
                Attributes.LAST_NAME));
        Resolution resolution = resolver.resolve(List.of(
                SourceRecord.builder("a", "1").attribute(Attributes.LAST_NAME, "Schwarzenegger").attribute(Attributes.DATE_OF_BIRTH, "19470730").build(),
                SourceRecord.builder("b", "2").attribute(Attributes.LAST_NAME, "Schwarzeneger").attribute(Attributes.DATE_OF_BIRTH, "19470730").build(),
                SourceRecord.builder("c", "3").attribute(Attributes.LAST_NAME, "Lopez").attribute(Attributes.DATE_OF_BIRTH, "19470730").build()));
        assertEquals(2, resolution.profiles().size(), "the two spellings link, Lopez does not");
        assertEquals(2, resolution.profileOf(RecordKey.of("a", "1")).orElseThrow().members().size());
        assertEquals(resolution.profileOf(RecordKey.of("a", "1")), resolution.profileOf(RecordKey.of("b", "2")));
    }

    /** A rule over a protected family name (Dice of Bloom filters) and the birth date. */
    private static Resolver protectedNames(IngestFilter encoding) {
        return Resolver.newBuilder()
                .feature(Feature.of(Attributes.LAST_NAME, Attributes.LAST_NAME, Normalizers.identity()))
                .feature(Feature.of("dob", Attributes.DATE_OF_BIRTH, Normalizers.digits()))
                .rule(MatchRule.probabilistic("protected-names")
                        .comparison(Comparison.of(Attributes.LAST_NAME,
                                ComparisonLevel.of("dice >= 0.7", LevelCondition.atLeast(BloomFilters.dice(), 0.7), 0.95, 0.02),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.05, 0.98)))
                        .comparison(Comparison.of("dob",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.95, 0.001),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.05, 0.999)))
                        .blockingKey(BlockingKey.on("dob"))
                        .prior(0.01).build())
                .ingestFilter(encoding)
                .build();
    }
}
