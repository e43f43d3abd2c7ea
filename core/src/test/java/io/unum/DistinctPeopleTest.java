package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.LevelCondition;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Distinct people ({@link Resolver.Builder#distinctPeople}): records whose given names cannot be
 * one person's are never linked, whatever they share, and a record that cannot tell them apart
 * does not join them; in batch and live alike, whatever the order.
 */
class DistinctPeopleTest {

    private static final int SHUFFLES = 10;

    /** Given names may be one person's when they are alike (Dice ≥ 0.6: typos, not other names). */
    private static final LevelCondition ALIKE = LevelCondition.atLeast(TestFixtures.DICE, 0.6);

    private static Resolver.Builder base() {
        return TestFixtures.customerResolver().blockSizeCap(8).maxProfileSize(8).maxContradiction(12)
                .parallelism(1).blockingSecret(5, 6);
    }

    private static Resolver distinct() {
        return base().distinctPeople(Attributes.FIRST_NAME, ALIKE).build();
    }

    private static SourceRecord record(String source, String id, String first, String last, String dob, String email) {
        SourceRecord.Builder b = SourceRecord.builder(source, id).observedAt(Instant.ofEpochSecond(1_700_000_000L))
                .attribute(Attributes.LAST_NAME, last).attribute(Attributes.CITY, "graz");
        if (first != null) {
            b.attribute(Attributes.FIRST_NAME, first);
        }
        if (dob != null) {
            b.attribute(Attributes.DATE_OF_BIRTH, dob);
        }
        return b.identifier(IdentifierType.EMAIL, email).build();
    }

    /** Anna twice and Ben, with the family's e-mail, and a record with the surname and the e-mail only. */
    private static List<SourceRecord> household() {
        return List.of(
                record("crm", "a1", "anna", "berg", "19800101", "berg.family@mail.test"),
                record("crm", "a2", "anna", "berg", null, "berg.family@mail.test"),
                record("crm", "b1", "ben", "berg", null, "berg.family@mail.test"),
                record("pos", "n1", null, "berg", null, "berg.family@mail.test"));
    }

    @Test
    void aSharedValueLinksEachPersonOnlyToThemselvesAndARecordThatCannotTellThemApartJoinsOne() {
        assertEquals(1, base().build().resolve(household()).profiles().size(),
                "without the test the family's e-mail links everybody");
        Set<List<RecordKey>> partition = Partitions.of(distinct().resolve(household()).profiles());
        assertEquals(Set.of(List.of(RecordKey.of("crm", "a1"), RecordKey.of("crm", "a2"), RecordKey.of("pos", "n1")),
                List.of(RecordKey.of("crm", "b1"))), partition);
    }

    @Test
    void aProbabilisticLinkBetweenDistinctPeopleIsRefusedToo() {
        // same surname, city and birth date: the person rule links them, but their names are two people's
        List<SourceRecord> twins = List.of(
                record("crm", "t1", "anna", "berg", "19900202", "anna@mail.test"),
                record("shop", "t2", "ben", "berg", "19900202", "ben@mail.test"));
        assertEquals(1, base().build().resolve(twins).profiles().size(), "the rule alone links them");
        Resolver strict = base().distinctPeople(Attributes.FIRST_NAME, ALIKE).build();
        assertEquals(1, strict.resolve(twins).profiles().size(),
                "their own evidence links them: not distinct");
        List<SourceRecord> strangers = List.of(
                record("crm", "s1", "anna", "berg", null, "shared@mail.test"),
                record("shop", "s2", "ben", "berg", null, "shared@mail.test"));
        assertEquals(2, strict.resolve(strangers).profiles().size());
        assertEquals(1, base().distinctPeople(Attributes.FIRST_NAME, (a, b) -> true).build().resolve(strangers)
                .profiles().size(), "names that may always be one person's change nothing");
    }

    @Test
    void anAbsoluteIdentifierIsAVerdict() {
        List<SourceRecord> two = List.of(
                SourceRecord.builder("crm", "x1").attribute(Attributes.FIRST_NAME, "anna")
                        .attribute(Attributes.LAST_NAME, "berg").identifier(IdentifierType.NATIONAL_ID, "NI1").build(),
                SourceRecord.builder("crm", "x2").attribute(Attributes.FIRST_NAME, "ben")
                        .attribute(Attributes.LAST_NAME, "berg").identifier(IdentifierType.NATIONAL_ID, "NI1").build());
        assertEquals(2, distinct().resolve(two).profiles().size());
        assertEquals(1, base().distinctPeople(Attributes.FIRST_NAME, ALIKE).absoluteIdentifier(IdentifierType.NATIONAL_ID)
                .build().resolve(two).profiles().size());
    }

    @Test
    void explainSaysTheyAreDistinctPeople() {
        IdentityGraph graph = distinct().newGraph();
        graph.upsertAll(household());
        Explanation explanation = graph.explain(RecordKey.of("crm", "a1"), RecordKey.of("crm", "b1")).orElseThrow();
        assertTrue(!explanation.linked(), explanation.toText());
        Explanation.Deterministic email = explanation.rules().stream()
                .filter(r -> r instanceof Explanation.Deterministic d && d.rule().equals("email-or-phone"))
                .map(Explanation.Deterministic.class::cast).findFirst().orElseThrow();
        assertEquals(Explanation.Outcome.NO_LINK, email.outcome());
        assertTrue(email.reason().startsWith("distinct people"), email.reason());
        assertTrue(explanation.toText().contains("distinct people"), explanation.toText());
        assertTrue(graph.explain(RecordKey.of("crm", "a1"), RecordKey.of("crm", "a2")).orElseThrow().linked());
    }

    @Test
    void distinctPeopleDoNotDependOnArrivalOrderAndBatchEqualsLive() {
        List<SourceRecord> records = TestFixtures.people(31, 150);
        Resolver resolver = distinct();
        Set<List<RecordKey>> expected = Partitions.of(resolver.resolve(records).profiles());
        assertNotEquals(Partitions.of(base().build().resolve(records).profiles()), expected,
                "the fixtures' household e-mails must keep some people apart");
        Partitions.assertBatchEqualsLive(resolver, records, 9, SHUFFLES);
    }

    /** Names are one person's when equal or one starts the other; a name of three letters or fewer is partial. */
    private static Resolver withPartialNames() {
        LevelCondition prefix = (a, b) -> a.startsWith(b) || b.startsWith(a);
        return base().distinctPeople(Attributes.FIRST_NAME, prefix, value -> value.length() <= 3).build();
    }

    @Test
    void aRecordWithAPartialValueDoesNotJoinTwoPeopleItFitsBoth() {
        List<SourceRecord> household = List.of(
                record("crm", "p1", "patrick", "berg", null, "berg.family@mail.test"),
                record("crm", "p2", "patricia", "berg", null, "berg.family@mail.test"),
                record("pos", "p3", "pat", "berg", null, "berg.family@mail.test"));
        LevelCondition prefix = (a, b) -> a.startsWith(b) || b.startsWith(a);
        assertEquals(1, base().distinctPeople(Attributes.FIRST_NAME, prefix).build().resolve(household).profiles().size(),
                "a complete value joins what its links join: 'pat' fits Patrick and Patricia, and joins them");
        Set<List<RecordKey>> partition = Partitions.of(withPartialNames().resolve(household).profiles());
        assertEquals(Set.of(List.of(RecordKey.of("crm", "p1"), RecordKey.of("pos", "p3")), List.of(RecordKey.of("crm", "p2"))),
                partition, "'pat' is partial: it joins one of them (the first link in the total order), not both");

        List<SourceRecord> notBoth = List.of(household.get(0), household.get(1),
                record("pos", "p4", "ann", "berg", null, "berg.family@mail.test"));
        assertEquals(3, withPartialNames().resolve(notBoth).profiles().size(),
                "a partial value that fits neither is distinct from both");
    }

    @Test
    void partialValuesDoNotDependOnArrivalOrderAndBatchEqualsLive() {
        // the fixtures, and households of a Patrick, a Patricia and one to three records of a "Pat"
        List<SourceRecord> records = new java.util.ArrayList<>(TestFixtures.people(31, 150));
        for (int h = 0; h < 12; h++) {
            String family = "fam" + h;
            String email = family + "@mail.test";
            records.add(record("crm", family + "-a", "patrick", family, null, email));
            records.add(record("crm", family + "-b", "patricia", family, h % 2 == 0 ? "19700101" : null, email));
            for (int p = 0; p <= h % 3; p++) {
                records.add(record("pos", family + "-p" + p, "pat", family, null, email));
            }
        }
        Resolver resolver = withPartialNames();
        LevelCondition prefix = (a, b) -> a.startsWith(b) || b.startsWith(a);
        assertNotEquals(Partitions.of(base().distinctPeople(Attributes.FIRST_NAME, prefix).build().resolve(records)
                .profiles()), Partitions.of(resolver.resolve(records).profiles()), "the Pats join one person each");
        Partitions.assertBatchEqualsLive(resolver, records, 9, SHUFFLES);
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> base().distinctPeople("given_name", ALIKE).build());
        assertTrue(unknown.getMessage().contains("given_name") && unknown.getMessage().contains("not defined"),
                unknown.getMessage());
        assertThrows(IllegalStateException.class,
                () -> base().distinctPeople(Attributes.FIRST_NAME, ALIKE).distinctPeople(Attributes.LAST_NAME, ALIKE));
        assertThrows(NullPointerException.class, () -> base().distinctPeople(Attributes.FIRST_NAME, null));
        assertThrows(NullPointerException.class, () -> base().distinctPeople(Attributes.FIRST_NAME, ALIKE, null));
    }
}
