package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Explanation;
import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.matchers.names.Nicknames;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.RecordView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DistinctPeople}: what tells two people apart under {@link CustomerRules}. */
class DistinctPeopleTest {

    private static final LevelCondition SAME = DistinctPeople.samePerson(Nicknames.bundled());

    /** The identity feature of a record with these attributes, as {@link CustomerRules} defines it. */
    private static String identity(String... attributes) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            values.put(attributes[i], attributes[i + 1]);
        }
        Feature feature = CustomerRules.standard().features().stream()
                .filter(f -> f.name().equals(CustomerRules.Features.IDENTITY)).findFirst().orElseThrow();
        RecordView view = new RecordView() {
            @Override
            public RecordKey key() {
                return RecordKey.of("t", "1");
            }

            @Override
            public String attribute(String name) {
                return values.get(name);
            }

            @Override
            public List<String> identifiers(IdentifierType type) {
                return List.of();
            }
        };
        String raw = feature.source().extract(view);
        return raw == null ? null : feature.normalizer().normalize(raw);
    }

    private static String person(String first, String last, String dob) {
        return dob == null
                ? identity(Attributes.FIRST_NAME, first, Attributes.LAST_NAME, last)
                : identity(Attributes.FIRST_NAME, first, Attributes.LAST_NAME, last, Attributes.DATE_OF_BIRTH, dob);
    }

    private static boolean same(String a, String b) {
        boolean answer = SAME.test(a, b);
        assertEquals(answer, SAME.test(b, a), "symmetric");
        return answer;
    }

    @Test
    void aRecordWithoutAGivenNameCannotTellPeopleApart() {
        assertNull(identity(Attributes.LAST_NAME, "walker", Attributes.DATE_OF_BIRTH, "1970-11-13"));
        assertNull(identity(Attributes.FIRST_NAME, "  ", Attributes.LAST_NAME, "walker"));
        assertTrue(identity(Attributes.FULL_NAME, "Rebecca Walker") != null, "a full name gives the given name");
    }

    @Test
    void differentGivenNamesWithoutAgreeingBirthDatesAreTwoPeople() {
        assertFalse(same(person("Tyler", "Kinanstone", null), person("Sharon", "Kinanstone", null)));
        assertFalse(same(person("Christopher", "Walker", "1970-11-13"), person("Rebecca", "Walker", "2003-04-21")));
        assertFalse(same(person("Stephanie", "Gonzalez", null), person("Jeffrey", "Walson", null)));
    }

    @Test
    void nicknamesTyposInitialsPhoneticsAndSwapsMayBeOnePerson() {
        assertTrue(same(person("Bob", "Smith", null), person("Robert", "Smith", null)), "nickname");
        assertTrue(same(person("Kimberly", "Ng", null), person("Kim", "Ng", null)), "short form");
        assertTrue(same(person("Jonathon", "Ng", null), person("Jonathan", "Ng", null)), "typo");
        assertTrue(same(person("J", "Ng", null), person("Jonathan", "Ng", null)), "initial");
        assertTrue(same(person("Zara", "Thompson", null), person("Sarah", "Tompson", null)), "sounds alike");
        assertTrue(same(person("Thomas", "Gabriel", null), person("Gabriel", "Thomas", null)), "swapped");
        assertTrue(same(identity(Attributes.FIRST_NAME, "Freddie"), person("Bradley", "Freddie", null)),
                "swapped where one record has no family name");
        assertTrue(same(person("Vanderwick", "Ethan", null), person("Olivia", "Vanderwick", null)),
                "a swap is not asked to agree on the other name (heavy typos), so it may be anyone in the family");
    }

    @Test
    void birthDatesThatAgreeKeepTwoGivenNamesOnePersonsPossibly() {
        assertTrue(same(person("Leo", "Bradley", "1992-03-26"), person("Oel", "Bradley", "1992-03-26")), "same date");
        assertTrue(same(person("Leo", "Bradley", "1992-03-26"), person("Oel", "Bradley", "1993-03-27")), "within a year");
        assertTrue(same(person("Leo", "Bradley", "1992-03-26"), person("Oel", "Bradley", "1992-06-23")),
                "one typo in the date");
        assertFalse(same(person("Leo", "Bradley", "1992-03-26"), person("Oel", "Bradley", "1961-08-02")));
        assertFalse(same(person("Leo", "Bradley", "1992-03-26"), person("Oel", "Bradley", null)),
                "one birth date alone does not agree");
    }

    @Test
    void oneGivenNameWithBirthDatesAGenerationApartIsTwoPeople() {
        assertFalse(same(person("John", "Smith", "1970-10-10"), person("John", "Smith", "1990-03-15")), "father and son");
        assertFalse(same(person("Jon", "Smith", "1962-01-30"), person("John", "Smith", "1990-03-15")),
                "alike names a generation apart");
        assertTrue(same(person("John", "Smith", "1970-10-10"), person("John", "Smith", "1990-10-10")),
                "one typo in the year is one person's date");
        assertTrue(same(person("John", "Smith", "1970-10-10"), person("John", "Smith", "1982-05-05")),
                "fewer than " + DistinctPeople.GENERATION + " years apart: a wrong date, maybe");
        assertTrue(same(person("John", "Smith", "1970-10-10"), person("John", "Smith", null)), "no date to tell");
        assertTrue(same(person("John", "Smith", "1970-10-10"), person("John", "Smith", "1970-10-10")));
    }

    @Test
    void aGivenNameWithoutABirthDateIsPartial() {
        assertTrue(DistinctPeople.withoutBirthDate(person("John", "Smith", null)));
        assertTrue(DistinctPeople.withoutBirthDate(identity(Attributes.FIRST_NAME, "John")));
        assertFalse(DistinctPeople.withoutBirthDate(person("John", "Smith", "1970-10-10")));
        assertFalse(DistinctPeople.withoutBirthDate(identity(Attributes.FIRST_NAME, "John", Attributes.DATE_OF_BIRTH,
                "1970-10-10")));
        assertEquals(1970, DistinctPeople.year("1970-10-10"));
        assertEquals(0, DistinctPeople.year("70"));
    }

    @Test
    void aFatherAndASonOfOneNameStayTwoWhenARecordWithoutABirthDateFitsBoth() {
        List<SourceRecord> family = List.of(
                record("f1", "John", "Smith", "1960-05-01", "smiths@mail.test", null),
                record("s1", "John", "Smith", "1990-08-12", "smiths@mail.test", null),
                record("b1", "John", "Smith", null, "smiths@mail.test", null));
        Resolver resolver = CustomerRules.standard().applyTo(Resolver.newBuilder()).parallelism(1)
                .blockingSecret(1, 2).build();
        Map<RecordKey, ProfileId> profile = resolver.resolve(family).assignments();
        assertNotEquals(profile.get(RecordKey.of("crm", "f1")), profile.get(RecordKey.of("crm", "s1")),
                "the record without a birth date fits both and joins one of them");
        assertTrue(profile.get(RecordKey.of("crm", "b1")).equals(profile.get(RecordKey.of("crm", "f1")))
                || profile.get(RecordKey.of("crm", "b1")).equals(profile.get(RecordKey.of("crm", "s1"))));
    }

    private static SourceRecord record(String id, String first, String last, String dob, String email, String phone) {
        SourceRecord.Builder b = SourceRecord.builder("crm", id).observedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .attribute(Attributes.LAST_NAME, last).attribute(Attributes.CITY, "Boston")
                .attribute(Attributes.POSTCODE, "02108");
        if (first != null) {
            b.attribute(Attributes.FIRST_NAME, first);
        }
        if (dob != null) {
            b.attribute(Attributes.DATE_OF_BIRTH, dob);
        }
        if (email != null) {
            b.identifier(IdentifierType.EMAIL, email);
        }
        if (phone != null) {
            b.identifier(IdentifierType.PHONE, phone);
        }
        return b.build();
    }

    @Test
    void aHouseholdsEmailAndPhoneLinkEachMemberOnlyToThemselves() {
        List<SourceRecord> household = List.of(
                record("s1", "Sharon", "Kinanstone", null, "thekinanstones76@hotmail.com", "+1 503 685 8644"),
                record("s2", "Sharon", null, null, "thekinanstones76@hotmail.com", null),
                record("t1", "Tyler", null, null, "tyler.k.1960@gmail.com", null),
                record("t2", "Tyler", "Kinanstone", "1960-11-28", "tyler.k.1960@gmail.com", "+1 503 685 8644"),
                record("n1", null, null, null, "thekinanstones76@hotmail.com", null),
                record("n2", null, "Kinanstone", null, null, "+1 503 685 8644"));
        Resolver resolver = CustomerRules.standard().applyTo(Resolver.newBuilder()).parallelism(1)
                .blockingSecret(1, 2).build();
        Resolution resolution = resolver.resolve(household);
        Map<RecordKey, ProfileId> profile = resolution.assignments();
        assertEquals(profile.get(RecordKey.of("crm", "s1")), profile.get(RecordKey.of("crm", "s2")));
        assertEquals(profile.get(RecordKey.of("crm", "t1")), profile.get(RecordKey.of("crm", "t2")));
        assertNotEquals(profile.get(RecordKey.of("crm", "s1")), profile.get(RecordKey.of("crm", "t1")),
                "Sharon and Tyler share an e-mail and a phone, not a profile");
        IdentityGraph graph = resolver.newGraph();
        graph.upsertAll(household);
        Explanation why = graph.explain(RecordKey.of("crm", "s1"), RecordKey.of("crm", "t2")).orElseThrow();
        assertFalse(why.linked(), why.toText());
        assertTrue(why.toText().contains("distinct people"), why.toText());
        assertEquals(resolution.profiles().size(), graph.profiles().size(), "live as batch");
    }
}
