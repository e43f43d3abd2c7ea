package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Duplicate-free sources ({@link Resolver.Builder#duplicateFreeSource}): a profile holds at most
 * one record of such a source, however its records are linked; in batch and live alike.
 */
class DuplicateFreeSourceTest {

    private static Resolver.Builder base() {
        return TestFixtures.customerResolver().blockSizeCap(8).maxProfileSize(8).parallelism(1).blockingSecret(7, 8);
    }

    private static SourceRecord record(String source, String id, String first, String email) {
        return SourceRecord.builder(source, id).observedAt(Instant.ofEpochSecond(1_700_000_000L + id.hashCode() % 1000))
                .attribute(Attributes.FIRST_NAME, first).attribute(Attributes.LAST_NAME, "berg")
                .attribute(Attributes.DATE_OF_BIRTH, "19800101").identifier(IdentifierType.EMAIL, email).build();
    }

    @Test
    void aProfileHoldsAtMostOneRecordOfADuplicateFreeSource() {
        // two CRM rows that look alike (twins' shared e-mail), and a shop row that fits both
        List<SourceRecord> records = List.of(record("crm", "c1", "anna", "berg.twins@mail.example.org"),
                record("crm", "c2", "anna", "berg.twins@mail.example.org"),
                record("shop", "s1", "anna", "berg.twins@mail.example.org"));
        assertEquals(1, base().build().resolve(records).profiles().size(), "otherwise everything links");
        Resolution resolution = base().duplicateFreeSource("crm").build().resolve(records);
        assertEquals(2, resolution.profiles().size());
        for (Profile profile : resolution.profiles()) {
            assertTrue(profile.members().stream().filter(k -> k.source().equals("crm")).count() <= 1, profile.toString());
        }
        assertEquals(resolution.assignments().get(RecordKey.of("crm", "c1")),
                resolution.assignments().get(RecordKey.of("shop", "s1")), "the shop row joins the first CRM row by rank");
    }

    @Test
    void batchEqualsLiveAndTheSettingIsInTheSpec() {
        List<SourceRecord> records = TestFixtures.people(41, 150);
        Resolver resolver = base().duplicateFreeSource("crm").duplicateFreeSource("pos").build();
        Set<List<RecordKey>> partition = Partitions.of(resolver.resolve(records).profiles());
        assertNotEquals(Partitions.of(base().build().resolve(records).profiles()), partition,
                "the fixtures repeat people within a source, so the declaration must split some profiles");
        for (List<RecordKey> members : partition) {
            Set<String> seen = new HashSet<>();
            for (RecordKey key : members) {
                assertTrue(!(key.source().equals("crm") || key.source().equals("pos")) || seen.add(key.source()),
                        "two records of " + key.source() + " in " + members);
            }
        }
        Partitions.assertBatchEqualsLive(resolver, records, 10, 6);
        Resolver fixture = Resolver.newBuilder().ruleSet(new KernelTest.FixtureRules(0)).duplicateFreeSource("crm").build();
        String json = fixture.spec().toJson();
        assertTrue(json.contains("duplicateFreeSources"), json);
        Resolver again = Resolver.newBuilder(EngineSpec.fromJson(json, List.of(new KernelTest.FixtureProvider()))).build();
        assertEquals(fixture.spec().hash(), again.spec().hash());
        assertNotEquals(Resolver.newBuilder().ruleSet(new KernelTest.FixtureRules(0)).build().spec().hash(),
                fixture.spec().hash(), "the setting is in the hash");
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> base().duplicateFreeSource(" "));
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> base().duplicateFreeSource("crm").duplicateFreeSource("crm"));
        assertTrue(twice.getMessage().contains("crm"), twice.getMessage());
        assertThrows(NullPointerException.class, () -> base().duplicateFreeSource(null));
    }
}
