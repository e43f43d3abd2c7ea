package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.ConsentState;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Links a record's consent refuses are never made, in batch or live, whatever the arrival order. */
class LinkingFilterTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static Resolver resolver(int parallelism) {
        return Resolver.newBuilder()
                .feature(Feature.of(Attributes.FIRST_NAME))
                .feature(Feature.of(Attributes.LAST_NAME))
                .rule(MatchRule.deterministic("ids", IdentifierType.EMAIL, IdentifierType.CUSTOMER_ID))
                .rule(MatchRule.probabilistic("names")
                        .comparison(Comparison.of(Attributes.FIRST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .comparison(Comparison.of(Attributes.LAST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .blockingKey(BlockingKey.on(Attributes.LAST_NAME))
                        .prior(0.05).matchThreshold(0.9).reviewThreshold(0.5).build())
                .linkingFilter(PrivacyFilters.linkOnlyWithConsent(Purpose.IDENTITY_RESOLUTION)
                        .exceptDeterministicOn(IdentifierType.CUSTOMER_ID))
                .clock(new MutableClock(NOW))
                .parallelism(parallelism)
                .build();
    }

    /** Records of 60 people; about a third refuse profiling, some share customer ids and e-mails. */
    private static List<SourceRecord> records(long seed) {
        Random random = new Random(seed);
        List<SourceRecord> records = new ArrayList<>();
        String[] first = {"ann", "bo", "cy", "di", "ed"};
        String[] last = {"lee", "ng", "roe", "fox"};
        for (int p = 0; p < 60; p++) {
            String f = first[random.nextInt(first.length)];
            String l = last[random.nextInt(last.length)];
            for (int r = 0; r < 1 + random.nextInt(3); r++) {
                SourceRecord.Builder b = SourceRecord.builder("src" + random.nextInt(3), p + "-" + r)
                        .attribute(Attributes.FIRST_NAME, f).attribute(Attributes.LAST_NAME, l);
                if (random.nextBoolean()) {
                    b.identifier(IdentifierType.EMAIL, "p" + p + "@x.com");
                }
                if (random.nextInt(3) == 0) {
                    b.identifier(IdentifierType.CUSTOMER_ID, "C" + p);
                }
                int consent = random.nextInt(3);
                if (consent == 0) {
                    b.consent(Purpose.IDENTITY_RESOLUTION, ConsentState.DENIED, NOW.minusSeconds(10));
                } else if (consent == 1) {
                    b.consent(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, NOW.minusSeconds(10));
                }
                records.add(b.build());
            }
        }
        return records;
    }

    private static boolean consents(SourceRecord record) {
        return new RecordConsent(record.consent(), NOW).allows(Purpose.IDENTITY_RESOLUTION);
    }

    /**
     * A record without consent may share a profile only with records linked to it through a
     * customer id; checked through the graph: every multi-record profile is connected by
     * allowed links alone.
     */
    private static void assertNoRefusedLinks(List<Profile> profiles, List<SourceRecord> records) {
        java.util.Map<RecordKey, SourceRecord> byKey = new java.util.HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        for (Profile profile : profiles) {
            if (profile.members().size() < 2) {
                continue;
            }
            for (RecordKey member : profile.members()) {
                SourceRecord record = byKey.get(member);
                if (!consents(record)) {
                    assertTrue(!record.identifiers(IdentifierType.CUSTOMER_ID).isEmpty(),
                            member + " refused profiling and has no customer id, yet shares " + profile);
                    String customerId = record.identifiers(IdentifierType.CUSTOMER_ID).get(0).value();
                    boolean sharesId = profile.members().stream().filter(k -> !k.equals(member))
                            .map(byKey::get).anyMatch(o -> o.identifiers(IdentifierType.CUSTOMER_ID).stream()
                                    .anyMatch(i -> i.value().equals(customerId)));
                    assertTrue(sharesId, member + " refused profiling and is linked without its customer id");
                }
            }
        }
    }

    @Test
    void refusedLinksNeverAppearForAnyArrivalOrder() {
        List<SourceRecord> records = records(5);
        Resolver resolver = resolver(1);
        Resolution batch = resolver.resolve(records);
        assertNoRefusedLinks(batch.profiles(), records);
        Set<List<RecordKey>> expected = partition(batch.profiles());
        Random random = new Random(99);
        for (int s = 0; s < 20; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            IdentityGraph graph = resolver.newGraph();
            shuffled.forEach(graph::upsert);
            assertNoRefusedLinks(graph.profiles(), records);
            assertEquals(expected, partition(graph.profiles()), "shuffle " + s);
            assertEquals(expected, partition(resolver(4).resolve(shuffled).profiles()), "batch shuffle " + s);
        }
    }

    @Test
    void theFilterReallyRemovesLinks() {
        List<SourceRecord> records = records(5);
        Resolver unfiltered = Resolver.newBuilder()
                .feature(Feature.of(Attributes.FIRST_NAME)).feature(Feature.of(Attributes.LAST_NAME))
                .rule(MatchRule.deterministic("ids", IdentifierType.EMAIL, IdentifierType.CUSTOMER_ID))
                .build();
        assertNotEquals(partition(unfiltered.resolve(records).profiles()), partition(resolver(1).resolve(records).profiles()),
                "the fixture must contain links the filter refuses");
    }

    @Test
    void withdrawingConsentSplitsTheProfile() {
        Resolver resolver = resolver(1);
        IdentityGraph graph = resolver.newGraph();
        SourceRecord a = SourceRecord.builder("crm", "a").identifier(IdentifierType.EMAIL, "s@x.com")
                .consent(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, NOW.minusSeconds(100)).build();
        SourceRecord b = SourceRecord.builder("shop", "b").identifier(IdentifierType.EMAIL, "s@x.com")
                .consent(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, NOW.minusSeconds(100)).build();
        graph.upsert(a);
        graph.upsert(b);
        assertEquals(1, graph.profileCount());
        graph.upsert(b.toBuilder().consent(Purpose.IDENTITY_RESOLUTION, ConsentState.WITHDRAWN, NOW.minusSeconds(1)).build());
        assertEquals(2, graph.profileCount(), "b withdrew: no longer linked");
    }

    private static Set<List<RecordKey>> partition(List<Profile> profiles) {
        Set<List<RecordKey>> set = new HashSet<>();
        profiles.forEach(p -> set.add(p.members()));
        return set;
    }
}
