package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generic values and deterministic links as evidence ({@link Resolver.Builder#genericValues}):
 * a value shared by different people stops linking, in batch and live alike, whatever the order.
 */
class GenericValuesTest {

    private static final int SHUFFLES = 10;

    private static Resolver.Builder base() {
        return TestFixtures.customerResolver().blockSizeCap(8).maxProfileSize(8).maxContradiction(12)
                .parallelism(1).blockingSecret(3, 4);
    }

    private static Resolver generic() {
        return base().genericValues(2, 8).build();
    }

    private static SourceRecord person(String id, String first, String last, String dob, String email) {
        SourceRecord.Builder b = SourceRecord.builder("crm", id).observedAt(Instant.ofEpochSecond(1_700_000_000L))
                .attribute(Attributes.FIRST_NAME, first).attribute(Attributes.LAST_NAME, last)
                .attribute(Attributes.CITY, "graz");
        if (dob != null) {
            b.attribute(Attributes.DATE_OF_BIRTH, dob);
        }
        return b.identifier(IdentifierType.EMAIL, email).build();
    }

    /** Two records of Anna, one of Ben and one of Carla, all with the family's e-mail. */
    private static List<SourceRecord> family() {
        return List.of(
                person("a1", "anna", "berg", "19800101", "berg.family@mail.test"),
                person("a2", "anna", "berg", "19800101", "berg.family@mail.test"),
                person("b1", "ben", "berg", "19750505", "berg.family@mail.test"),
                person("c1", "carla", "kim", "20010909", "berg.family@mail.test"));
    }

    @Test
    void aValueSharedByDifferentPeopleStopsLinking() {
        Resolution without = base().build().resolve(family());
        assertEquals(1, without.profiles().size(), "without generic values the shared e-mail links everybody");
        Resolution with = generic().resolve(family());
        assertEquals(Set.of(List.of(RecordKey.of("crm", "a1"), RecordKey.of("crm", "a2")),
                List.of(RecordKey.of("crm", "b1")), List.of(RecordKey.of("crm", "c1"))), Partitions.of(with.profiles()));
    }

    @Test
    void explainSaysWhyAGenericValueDoesNotLink() {
        IdentityGraph graph = generic().newGraph();
        graph.upsertAll(family());
        Explanation explanation = graph.explain(RecordKey.of("crm", "a1"), RecordKey.of("crm", "b1")).orElseThrow();
        Explanation.Deterministic email = explanation.rules().stream()
                .filter(r -> r instanceof Explanation.Deterministic d && d.rule().equals("email-or-phone"))
                .map(Explanation.Deterministic.class::cast).findFirst().orElseThrow();
        assertEquals(Explanation.Outcome.NO_LINK, email.outcome());
        assertTrue(email.reason().contains("generic"), email.reason());
        Explanation same = graph.explain(RecordKey.of("crm", "a1"), RecordKey.of("crm", "a2")).orElseThrow();
        assertTrue(same.rules().stream().anyMatch(r -> r.outcome() == Explanation.Outcome.LINK));
    }

    @Test
    void aDeterministicLinkBetweenContradictingRecordsIsRefused() {
        // one value, two people: not generic at three people, but the link between them is refused
        List<SourceRecord> two = List.of(
                person("a1", "anna", "berg", "19800101", "shared@mail.test"),
                person("c1", "carla", "kim", "20010909", "shared@mail.test"));
        assertEquals(1, base().genericValues(3, 1000).build().resolve(two).profiles().size(),
                "a refusal threshold nobody reaches links them");
        assertEquals(2, base().genericValues(3, 8).build().resolve(two).profiles().size());
        assertEquals(1, base().genericValues(3, 8).absoluteIdentifier(IdentifierType.EMAIL).build()
                .resolve(two).profiles().size(), "an absolute identifier type is never refused");
    }

    @Test
    void aValueBecomingGenericSplitsWhatItJoinedAndDeletingTheStrangerJoinsItAgain() {
        Resolver resolver = generic();
        IdentityGraph graph = resolver.newGraph();
        List<SourceRecord> records = family();
        graph.upsert(records.get(0));
        graph.upsert(records.get(1));
        // Anna's e-mail is hers alone so far: a record with only a name and the e-mail joins her
        SourceRecord bare = SourceRecord.builder("pos", "p1").observedAt(Instant.ofEpochSecond(1_700_000_000L))
                .attribute(Attributes.LAST_NAME, "berg").identifier(IdentifierType.EMAIL, "berg.family@mail.test").build();
        graph.upsert(bare);
        assertEquals(1, graph.profiles().size());
        graph.upsert(records.get(3)); // Carla: the e-mail becomes generic
        List<SourceRecord> all = new ArrayList<>(records.subList(0, 2));
        all.add(bare);
        all.add(records.get(3));
        assertEquals(Partitions.of(resolver.resolve(all).profiles()), Partitions.of(graph.profiles()));
        assertTrue(graph.profiles().stream().noneMatch(p -> p.members().contains(RecordKey.of("pos", "p1"))
                && p.members().size() > 1), "the bare record no longer joins anybody through the generic e-mail");
        graph.delete(RecordKey.of("crm", "c1"));
        assertEquals(1, graph.profiles().size(), "without Carla the e-mail links again");
    }

    private static SourceRecord till(String id, String last) {
        return SourceRecord.builder("pos", id).observedAt(Instant.ofEpochSecond(1_700_000_000L))
                .attribute(Attributes.LAST_NAME, last).identifier(IdentifierType.EMAIL, "till@store.test").build();
    }

    /**
     * Rows with a surname alone never contradict each other by the full bits (a different surname
     * weighs about 4.6 against), but four of them with four surnames on one value are as sure a
     * sign of a shop's default value as two that contradict fully.
     */
    @Test
    void manyHoldersContradictingByHalfTheBitsMakeAValueGeneric() {
        List<SourceRecord> three = List.of(till("1", "berg"), till("2", "kim"), till("3", "lopez"));
        assertEquals(1, generic().resolve(three).profiles().size(), "three surnames: not generic, linked");
        List<SourceRecord> four = new ArrayList<>(three);
        four.add(till("4", "novak"));
        assertEquals(4, generic().resolve(four).profiles().size(), "four surnames: generic, nobody linked");
        List<SourceRecord> family = new ArrayList<>(three);
        family.add(till("4", "berg"));
        assertEquals(1, generic().resolve(family).profiles().size(), "a second berg is no fourth person");
        four.add(till("5", "berg"));
        List<SourceRecord> mixed = new ArrayList<>(TestFixtures.people(23, 20));
        mixed.addAll(four);
        Partitions.assertBatchEqualsLive(generic(), mixed, 2, SHUFFLES);
    }

    @Test
    void genericValuesDoNotDependOnArrivalOrder() {
        List<SourceRecord> records = TestFixtures.people(21, 150);
        Resolver resolver = generic();
        Set<List<RecordKey>> expected = Partitions.of(resolver.resolve(records).profiles());
        assertNotEquals(Partitions.of(base().build().resolve(records).profiles()), expected,
                "the fixtures' household e-mails must make some values generic");
        Random random = new Random(7);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, Partitions.of(resolver.resolve(shuffled).profiles()), "shuffle " + s);
        }
    }

    @Test
    void batchEqualsLiveWithGenericValues() {
        Partitions.assertBatchEqualsLive(generic(), TestFixtures.people(22, 120), 8, SHUFFLES);
    }

    @Test
    void settingsAreValidatedAndKeptInTheSpec() {
        assertThrows(IllegalArgumentException.class, () -> base().genericValues(1, 8));
        assertThrows(IllegalArgumentException.class, () -> base().genericValues(2, 0));
        assertThrows(IllegalStateException.class, () -> base().genericValues(2, 8).genericValues(3, 8));
        Resolver resolver = Resolver.newBuilder().ruleSet(new KernelTest.FixtureRules(0)).blockSizeCap(8)
                .maxContradiction(12).genericValues(2, 8).absoluteIdentifier(IdentifierType.NATIONAL_ID).build();
        String json = resolver.spec().toJson();
        assertTrue(json.contains("genericValues") && json.contains("absoluteIdentifiers"), json);
        Resolver again = Resolver.newBuilder(EngineSpec.fromJson(json, List.of(new KernelTest.FixtureProvider())))
                .build();
        assertNotEquals(Resolver.newBuilder().ruleSet(new KernelTest.FixtureRules(0)).blockSizeCap(8)
                .maxContradiction(12).build().spec().hash(), resolver.spec().hash(), "the settings are in the hash");
        assertEquals(Partitions.of(resolver.resolve(family()).profiles()), Partitions.of(again.resolve(family()).profiles()));
        assertNull(new Explanation.Deterministic("r", List.of(), Explanation.Outcome.LINK).reason());
    }
}
