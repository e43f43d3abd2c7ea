package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unum.model.GoldenValue;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.model.Survivorship;
import io.unum.rules.MatchRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each survivorship strategy, its tie-break, and its independence of member order. */
class SurvivorshipTest {

    private static SourceRecord record(String source, String id, int day, String city) {
        return SourceRecord.builder(source, id)
                .observedAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day))
                .identifier(IdentifierType.EMAIL, "same@example.com")
                .attribute("city", city)
                .build();
    }

    /** crm/1 day 1 "Oslo"; shop/2 day 5 "Bergen"; shop/3 day 3 "Oslo"; pos/4 day 5 "Trondheim Sentrum". */
    private static List<SourceRecord> records() {
        return List.of(record("crm", "1", 1, "Oslo"), record("shop", "2", 5, "Bergen"), record("shop", "3", 3, " Oslo "),
                record("pos", "4", 5, "Trondheim Sentrum"));
    }

    private static Profile resolve(Survivorship rule, List<SourceRecord> records) {
        Resolution resolution = Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .survivorship("city", rule).build().resolve(records);
        assertEquals(1, resolution.profiles().size());
        return resolution.profiles().get(0);
    }

    private static GoldenValue city(Survivorship rule) {
        return resolve(rule, records()).attribute("city").orElseThrow();
    }

    @Test
    void mostRecentBreaksTiesBySmallestKey() {
        // shop/2 and pos/4 are both from day 5; pos/4 has the smaller key
        GoldenValue value = city(Survivorship.mostRecent());
        assertEquals("Trondheim Sentrum", value.value());
        assertEquals(RecordKey.of("pos", "4"), value.provenance().record());
        assertEquals("most_recent", value.provenance().rule().name());
    }

    @Test
    void mostFrequentComparesTrimmedValuesAndCitesTheLatestSupplier() {
        GoldenValue value = city(Survivorship.mostFrequent());
        assertEquals("Oslo", value.value());
        assertEquals(RecordKey.of("shop", "3"), value.provenance().record(), "the most recent record with Oslo");
    }

    @Test
    void sourcePriorityRanksUnlistedSourcesLast() {
        assertEquals("Bergen", city(Survivorship.sourcePriority("shop", "crm")).value(), "shop first, then most recent");
        assertEquals(RecordKey.of("crm", "1"), city(Survivorship.sourcePriority("crm")).provenance().record());
        assertEquals("Trondheim Sentrum", city(Survivorship.sourcePriority("nowhere")).value(), "falls back to recency");
    }

    @Test
    void mostCompleteTakesTheLongestValue() {
        assertEquals("Trondheim Sentrum", city(Survivorship.mostComplete()).value());
    }

    @Test
    void collectAllListsDistinctValuesMostFrequentFirst() {
        List<GoldenValue> values = resolve(Survivorship.collectAll(), records()).attributeValues("city");
        assertEquals(List.of("Oslo", "Trondheim Sentrum", "Bergen"), values.stream().map(GoldenValue::value).toList());
        assertEquals(RecordKey.of("shop", "3"), values.get(0).provenance().record());
    }

    @Test
    void goldenValuesDoNotDependOnMemberOrder() {
        List<Survivorship> rules = List.of(Survivorship.mostRecent(), Survivorship.mostFrequent(),
                Survivorship.sourcePriority("shop"), Survivorship.mostComplete(), Survivorship.collectAll());
        Random random = new Random(7);
        for (Survivorship rule : rules) {
            Profile expected = resolve(rule, records());
            for (int s = 0; s < 20; s++) {
                List<SourceRecord> shuffled = new ArrayList<>(records());
                Collections.shuffle(shuffled, random);
                assertEquals(expected.attributes(), resolve(rule, shuffled).attributes(), rule.name());
            }
        }
    }

    @Test
    void defaultIsMostRecentAndIdentifiersAreCollected() {
        Profile profile = Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL)).build()
                .resolve(List.of(record("crm", "1", 1, "Oslo"),
                        record("shop", "2", 2, "Bergen").toBuilder().identifier(IdentifierType.PHONE, "+47 22 33 44 55").build()))
                .profiles().get(0);
        assertEquals("Bergen", profile.attribute("city").orElseThrow().value());
        assertEquals(2, profile.identifiers().size());
        assertEquals("+4722334455", profile.identifiers(IdentifierType.PHONE).get(0).value());
    }
}
