package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.Feature;
import io.unum.rules.MatchRule;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerRulesTest {

    private static int ids;

    private static SourceRecord.Builder record(String... attributes) {
        SourceRecord.Builder b = SourceRecord.builder("crm", "r" + (ids++)).observedAt(Instant.parse("2024-01-01T00:00:00Z"));
        for (int i = 0; i < attributes.length; i += 2) {
            b.attribute(attributes[i], attributes[i + 1]);
        }
        return b;
    }

    private static Resolution resolve(CustomerRules rules, SourceRecord... records) {
        return rules.applyTo(Resolver.newBuilder()).parallelism(1).build().resolve(List.of(records));
    }

    private static boolean together(Resolution resolution, SourceRecord a, SourceRecord b) {
        return resolution.assignments().get(a.key()).equals(resolution.assignments().get(b.key()));
    }

    @Test
    void definesItsFeaturesRulesAndNormalizers() {
        CustomerRules rules = CustomerRules.standard();
        Set<String> names = new HashSet<>();
        for (Feature f : rules.features()) {
            assertTrue(names.add(f.name()), "unique feature " + f.name());
        }
        assertTrue(names.containsAll(Set.of(CustomerRules.Features.GIVEN_CANONICAL, CustomerRules.Features.FAMILY_DM,
                CustomerRules.Features.DOB, CustomerRules.Features.POSTCODE, CustomerRules.Features.EMAIL,
                CustomerRules.Features.PHONE, CustomerRules.Features.NATIONAL_ID)));
        List<MatchRule> all = rules.rules();
        assertEquals(8, all.size(), "seven deterministic rules (e-mail, phone, customer, loyalty, national id,"
                + " passport, driver's licence) and the person rule");
        MatchRule.Probabilistic person = rules.personRule();
        assertEquals(CustomerRules.PERSON_RULE, person.name());
        assertTrue(person.blockingKeys().size() >= 5);
        for (var key : person.blockingKeys()) {
            assertTrue(names.containsAll(key.features()), key.name());
        }
        for (var comparison : person.comparisons()) {
            assertTrue(names.contains(comparison.feature()), comparison.name());
            for (var level : comparison.levels()) {
                assertTrue(level.feature() == null || names.contains(level.feature()), level.label());
            }
        }
        assertEquals(Set.of(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.CUSTOMER_ID,
                IdentifierType.LOYALTY_ID, IdentifierType.NATIONAL_ID, IdentifierType.PASSPORT,
                IdentifierType.DRIVERS_LICENSE), rules.identifierNormalizers().keySet());
        assertEquals(Map.of(IdentifierType.NATIONAL_ID, Integer.MAX_VALUE), rules.limits());
        assertTrue(rules.toString().contains("TOLERANT"));
    }

    @Test
    void nicknamesAndFullNamesLink() {
        SourceRecord robert = record(Attributes.FIRST_NAME, "Robert", Attributes.LAST_NAME, "Smith",
                Attributes.DATE_OF_BIRTH, "1980-02-03", Attributes.POSTCODE, "2000").build();
        SourceRecord bob = record(Attributes.FIRST_NAME, "Bob", Attributes.LAST_NAME, "SMITH",
                Attributes.DATE_OF_BIRTH, "03/02/1980").build();
        SourceRecord full = record(Attributes.FULL_NAME, "Dr. Bobby Smith", Attributes.DATE_OF_BIRTH, "3 Feb 1980").build();
        SourceRecord jane = record(Attributes.FIRST_NAME, "Jane", Attributes.LAST_NAME, "Smith",
                Attributes.DATE_OF_BIRTH, "1983-07-09", Attributes.POSTCODE, "2000").build();
        Resolution resolution = resolve(CustomerRules.standard(), robert, bob, full, jane);
        assertTrue(together(resolution, robert, bob));
        assertTrue(together(resolution, robert, full));
        assertFalse(together(resolution, robert, jane), "same family and postcode, different person");
    }

    @Test
    void swappedNamesLink() {
        SourceRecord a = record(Attributes.FIRST_NAME, "Isla", Attributes.LAST_NAME, "Hall",
                Attributes.DATE_OF_BIRTH, "1985-02-07", Attributes.CITY, "London").build();
        SourceRecord b = record(Attributes.FIRST_NAME, "Hall", Attributes.LAST_NAME, "Isla",
                Attributes.DATE_OF_BIRTH, "1985-02-07", Attributes.CITY, "London").build();
        assertTrue(together(resolve(CustomerRules.standard(), a, b), a, b));
    }

    @Test
    void aSwapOfBothNamesWeighsWhatAgreeingNamesDoByHand() {
        Resolver resolver = CustomerRules.standard().applyTo(Resolver.newBuilder()).parallelism(1).build();
        SourceRecord a = record(Attributes.FIRST_NAME, "Jie", Attributes.LAST_NAME, "Wang",
                Attributes.DATE_OF_BIRTH, "1993-09-14").build();
        SourceRecord same = record(Attributes.FIRST_NAME, "Jie", Attributes.LAST_NAME, "Wang",
                Attributes.DATE_OF_BIRTH, "1993-09-14").build();
        SourceRecord swapped = record(Attributes.FULL_NAME, "Wang Jie", Attributes.DATE_OF_BIRTH, "1993-09-14").build();
        double agreeing = person(resolver.explain(a, same)).weight();
        double swap = person(resolver.explain(a, swapped)).weight();
        assertEquals(agreeing, swap, 0.1, "the name comparisons count a swap against; the swap level gives it back");
        SourceRecord typos = record(Attributes.FIRST_NAME, "Wamg", Attributes.LAST_NAME, "Jei",
                Attributes.DATE_OF_BIRTH, "1993-09-14").build();
        assertTrue(person(resolver.explain(a, typos)).weight() < swap, "a swap with typos weighs less");
    }

    /**
     * Birth dates a generation apart (years 15 or more apart, not alike) reach their own level,
     * which counts against more than any other disagreement of dates; dates one typo apart
     * (1970/1990) or within a year stay at their levels.
     */
    @Test
    void birthDatesAGenerationApartHaveTheirOwnLevel() {
        Resolver resolver = CustomerRules.standard().applyTo(Resolver.newBuilder()).parallelism(1).build();
        SourceRecord father = record(Attributes.FIRST_NAME, "John", Attributes.LAST_NAME, "Smith",
                Attributes.DATE_OF_BIRTH, "1962-03-04").build();
        assertEquals("a generation apart", dobLevel(resolver, father, "1990-11-21"));
        assertEquals("a generation apart", dobLevel(resolver, father, "1947-06-30"));
        assertEquals("one typo", dobLevel(resolver, father, "1992-03-04"));
        assertEquals("within a year", dobLevel(resolver, father, "1962-12-31"));
        assertEquals("else", dobLevel(resolver, father, "1970-08-15"));
        assertEquals("else", dobLevel(resolver, father, "1976-08-15"), "14 years apart is not a generation");
        double generation = dobStep(resolver, father, "1990-11-21").weight();
        double other = dobStep(resolver, father, "1970-08-15").weight();
        assertTrue(generation < other && generation < -5, "a generation apart " + generation + ", else " + other);
    }

    private static String dobLevel(Resolver resolver, SourceRecord a, String dob) {
        return dobStep(resolver, a, dob).level();
    }

    private static io.unum.Explanation.Step dobStep(Resolver resolver, SourceRecord a, String dob) {
        SourceRecord b = record(Attributes.FIRST_NAME, "John", Attributes.LAST_NAME, "Smith",
                Attributes.DATE_OF_BIRTH, dob).build();
        return person(resolver.explain(a, b)).steps().stream().filter(s -> s.comparison().equals("dob")).findFirst()
                .orElseThrow();
    }

    private static io.unum.Explanation.Probabilistic person(io.unum.Explanation explanation) {
        return explanation.rules().stream().filter(r -> r instanceof io.unum.Explanation.Probabilistic)
                .map(io.unum.Explanation.Probabilistic.class::cast).findFirst().orElseThrow();
    }

    @Test
    void deterministicIdentifiersWithProviderRules() {
        SourceRecord a = record(Attributes.FIRST_NAME, "Ann").identifier(IdentifierType.EMAIL, "Ann.Lee+shop@gmail.com").build();
        SourceRecord b = record(Attributes.FIRST_NAME, "Annie").identifier(IdentifierType.EMAIL, "annlee@googlemail.com").build();
        SourceRecord c = record(Attributes.LAST_NAME, "Lee").identifier(IdentifierType.PHONE, "+61 412 345 678").build();
        SourceRecord d = record(Attributes.LAST_NAME, "Lee").identifier(IdentifierType.PHONE, "0412 345 678").build();
        Resolution resolution = resolve(CustomerRules.builder().defaultRegion("AU").build(), a, b, c, d);
        assertTrue(together(resolution, a, b));
        assertTrue(together(resolution, c, d));
    }

    @Test
    void placeholdersNeverLink() {
        SourceRecord a = record(Attributes.FIRST_NAME, "Ann", Attributes.LAST_NAME, "Lee")
                .identifier(IdentifierType.EMAIL, "test@test.com").identifier(IdentifierType.PHONE, "+1 000-000-0000")
                .identifier(IdentifierType.CUSTOMER_ID, "0").identifier(IdentifierType.LOYALTY_ID, "N/A").build();
        SourceRecord b = record(Attributes.FIRST_NAME, "Tom", Attributes.LAST_NAME, "Ray")
                .identifier(IdentifierType.EMAIL, "TEST@test.com").identifier(IdentifierType.PHONE, "+1 (000) 000 0000")
                .identifier(IdentifierType.CUSTOMER_ID, "0").identifier(IdentifierType.LOYALTY_ID, "n/a").build();
        SourceRecord c = record(Attributes.FIRST_NAME, "Kim", Attributes.LAST_NAME, "Orr")
                .identifier(IdentifierType.EMAIL, "info@acme.io").identifier(IdentifierType.NATIONAL_ID, "123456789").build();
        SourceRecord d = record(Attributes.FIRST_NAME, "Joe", Attributes.LAST_NAME, "Fox")
                .identifier(IdentifierType.EMAIL, "info@acme.io").identifier(IdentifierType.NATIONAL_ID, "123-45-6789").build();
        Resolution resolution = resolve(CustomerRules.standard(), a, b, c, d);
        assertEquals(4, resolution.profiles().size(), resolution.toString());
        // kept, not malformed, and each reported as a value that does not link (no value in the report)
        assertEquals(12, resolution.issues().size(), resolution.issues().toString());
        assertTrue(resolution.issues().stream().allMatch(i -> i.problem() == io.unum.InputIssue.Problem.PLACEHOLDER_VALUE
                && i.action() == io.unum.InputIssue.Action.VALUE_NOT_LINKED), resolution.issues().toString());
        assertTrue(resolution.issues().stream().noneMatch(i -> i.describe().contains("test@") || i.describe().contains("info@")));
    }

    @Test
    void generationsStayApart() {
        SourceRecord senior = record(Attributes.FULL_NAME, "John Smith Sr.", Attributes.DATE_OF_BIRTH, "1950-04-01",
                Attributes.STREET_NUMBER, "12", Attributes.ADDRESS_1, "Oak Street", Attributes.POSTCODE, "2000",
                Attributes.CITY, "Sydney").build();
        SourceRecord junior = record(Attributes.FULL_NAME, "John Smith Jr.", Attributes.DATE_OF_BIRTH, "1978-09-23",
                Attributes.STREET_NUMBER, "12", Attributes.ADDRESS_1, "Oak St", Attributes.POSTCODE, "2000",
                Attributes.CITY, "Sydney").build();
        assertFalse(together(resolve(CustomerRules.standard(), senior, junior), senior, junior));
    }

    @Test
    void organisationsLinkOnTheirNameAndAddress() {
        SourceRecord reference = record(Attributes.ORGANIZATION_NAME, "Universal Exports India",
                Attributes.ADDRESS_1, "12 Mullanpara Road", Attributes.POSTCODE, "673576", Attributes.CITY, "Vythiri").build();
        SourceRecord customer = record(Attributes.ORGANIZATION_NAME, "India Exports Ltd",
                Attributes.ADDRESS_1, "12 Mullanpara Rd", Attributes.POSTCODE, "673576", Attributes.CITY, "Vythiri").build();
        SourceRecord typo = record(Attributes.ORGANIZATION_NAME, "Mullenkrants",
                Attributes.ADDRESS_1, "Hardenbergstrasse 87", Attributes.POSTCODE, "66879").build();
        SourceRecord umlaut = record(Attributes.ORGANIZATION_NAME, "Müllenkranz GmbH",
                Attributes.ADDRESS_1, "Hardenbergstraße 87", Attributes.POSTCODE, "66879").build();
        SourceRecord neighbour = record(Attributes.ORGANIZATION_NAME, "Universal Exports Singapore",
                Attributes.ADDRESS_1, "12 Mullanpara Road", Attributes.POSTCODE, "673576", Attributes.CITY, "Vythiri").build();
        Resolution resolution = resolve(CustomerRules.standard(), reference, customer, typo, umlaut, neighbour);
        assertTrue(together(resolution, reference, customer), "one name holds the other's words, one address");
        assertTrue(together(resolution, typo, umlaut), "a spelling of one name, one address");
        assertFalse(together(resolution, reference, neighbour), "another country's branch at the same address");
    }

    @Test
    void aNameInItsOwnScriptMeetsItsLatinForm() {
        SourceRecord nativeName = record(Attributes.NATIVE_NAME, "王伟", Attributes.DATE_OF_BIRTH, "1997-09-14",
                Attributes.ADDRESS_1, "169 3rd Ave", Attributes.CITY, "Camden", Attributes.POSTCODE, "08030").build();
        SourceRecord latin = record(Attributes.FIRST_NAME, "Wei", Attributes.LAST_NAME, "Wang",
                Attributes.DATE_OF_BIRTH, "1997-09-14", Attributes.ADDRESS_1, "169 3rd Ave", Attributes.CITY, "Camden",
                Attributes.POSTCODE, "08030").build();
        SourceRecord other = record(Attributes.FIRST_NAME, "Li", Attributes.LAST_NAME, "Na",
                Attributes.DATE_OF_BIRTH, "1997-09-14", Attributes.CITY, "Camden", Attributes.POSTCODE, "08030").build();
        Resolution resolution = resolve(CustomerRules.standard(), nativeName, latin, other);
        assertTrue(together(resolution, nativeName, latin), "王伟 is Wang Wei, family name first");
        assertFalse(together(resolution, nativeName, other));
        SourceRecord both = record(Attributes.FIRST_NAME, "Wei", Attributes.LAST_NAME, "Wang", Attributes.NATIVE_NAME,
                "李娜").build();
        assertEquals("wei", CustomerSources.GIVEN.extract(new io.unum.rules.RecordView() {
            @Override
            public io.unum.model.RecordKey key() {
                return both.key();
            }

            @Override
            public String attribute(String name) {
                return both.attribute(name);
            }

            @Override
            public List<String> identifiers(io.unum.model.IdentifierType type) {
                return List.of();
            }
        }).toLowerCase(java.util.Locale.ROOT), "the record's own name parts come before a native name");
    }

    @Test
    void householdMembersStayApart() {
        String[] address = {Attributes.STREET_NUMBER, "12", Attributes.ADDRESS_1, "Oak Street", Attributes.POSTCODE, "2000",
            Attributes.CITY, "Sydney", Attributes.STATE, "NSW"};
        SourceRecord mother = record(concat(address, Attributes.FIRST_NAME, "Karen", Attributes.LAST_NAME, "Nguyen",
                Attributes.DATE_OF_BIRTH, "1968-03-14")).build();
        SourceRecord father = record(concat(address, Attributes.FIRST_NAME, "Minh", Attributes.LAST_NAME, "Nguyen",
                Attributes.DATE_OF_BIRTH, "1965-10-02")).build();
        SourceRecord daughter = record(concat(address, Attributes.FIRST_NAME, "Linh", Attributes.LAST_NAME, "Nguyen",
                Attributes.DATE_OF_BIRTH, "1995-07-21")).build();
        SourceRecord motherAgain = record(concat(address, Attributes.FIRST_NAME, "Karen", Attributes.LAST_NAME, "Nguyen"))
                .build();
        Resolution resolution = resolve(CustomerRules.standard(), mother, father, daughter, motherAgain);
        assertEquals(3, resolution.profiles().size(), resolution.toString());
        assertTrue(together(resolution, mother, motherAgain), "same name at the same address, no birth date");
        PairExplainer explainer = new PairExplainer(CustomerRules.standard());
        assertTrue(explainer.weight(mother, father) < CustomerRules.standard().personRule().reviewWeightThreshold(),
                explainer.explain(mother, father));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void nationalIdPolicies() {
        SourceRecord a = record(Attributes.FIRST_NAME, "Mia", Attributes.LAST_NAME, "Novak", Attributes.DATE_OF_BIRTH,
                "1990-01-15", Attributes.POSTCODE, "3000").identifier(IdentifierType.NATIONAL_ID, "4831927").build();
        SourceRecord b = record(Attributes.FIRST_NAME, "Mia", Attributes.LAST_NAME, "Novak", Attributes.DATE_OF_BIRTH,
                "1990-01-15", Attributes.POSTCODE, "3000").identifier(IdentifierType.NATIONAL_ID, "4831972").build();
        assertTrue(together(resolve(CustomerRules.standard(), a, b), a, b), "tolerant: a typo does not split a person");
        CustomerRules strict = CustomerRules.builder().nationalIds(CustomerRules.NationalIdPolicy.STRICT).build();
        assertFalse(together(resolve(strict, a, b), a, b), "strict: one national id per profile");
        assertTrue(strict.limits().isEmpty());
        CustomerRules ignored = CustomerRules.builder().nationalIds(CustomerRules.NationalIdPolicy.IGNORED).build();
        assertFalse(ignored.identifierNormalizers().containsKey(IdentifierType.NATIONAL_ID));
        assertFalse(together(resolve(ignored, a, b), a, b), "ignored for matching, but the type's limit of one holds");
        SourceRecord c = record(Attributes.FIRST_NAME, "Max", Attributes.LAST_NAME, "Berg")
                .identifier(IdentifierType.NATIONAL_ID, "4831927").build();
        assertTrue(together(resolve(CustomerRules.standard(), a, c), a, c), "an equal national id links deterministically");
        assertFalse(together(resolve(ignored, a, c), a, c));
    }

    @Test
    void evidenceNeededForALink() {
        PairExplainer explainer = new PairExplainer(CustomerRules.standard());
        double threshold = CustomerRules.standard().personRule().matchWeightThreshold();
        SourceRecord a = record(Attributes.FIRST_NAME, "Olivia", Attributes.LAST_NAME, "Brown",
                Attributes.DATE_OF_BIRTH, "1991-05-30").build();
        SourceRecord sameNameAndBirth = record(Attributes.FIRST_NAME, "Liv", Attributes.LAST_NAME, "Browne",
                Attributes.DATE_OF_BIRTH, "1991-05-30").build();
        SourceRecord nameOnly = record(Attributes.FIRST_NAME, "Olivia", Attributes.LAST_NAME, "Brown").build();
        SourceRecord otherBirth = record(Attributes.FIRST_NAME, "Olivia", Attributes.LAST_NAME, "Brown",
                Attributes.DATE_OF_BIRTH, "1962-11-02").build();
        assertTrue(explainer.weight(a, sameNameAndBirth) >= threshold, explainer.explain(a, sameNameAndBirth));
        assertTrue(explainer.weight(a, nameOnly) < threshold, explainer.explain(a, nameOnly));
        assertTrue(explainer.weight(a, otherBirth) < explainer.weight(a, nameOnly), "a different birth date counts against");
    }

    @Test
    void configurationErrorsAreEarlyAndClear() {
        assertThrows(IllegalArgumentException.class, () -> CustomerRules.builder().defaultRegion("Narnia"));
        assertThrows(IllegalStateException.class, () -> CustomerRules.builder().defaultRegion("US").defaultRegion("AU"));
        assertThrows(IllegalArgumentException.class, () -> CustomerRules.builder().thresholds(0.5, 0.9));
        assertThrows(IllegalArgumentException.class, () -> CustomerRules.builder().prior(0));
        IdentifierType probabilisticOnly = IdentifierType.builder("crm_hint").deterministic(false).build();
        assertThrows(IllegalArgumentException.class, () -> CustomerRules.builder().deterministicTypes(probabilisticOnly));
        Resolver.Builder builder = CustomerRules.standard().applyTo(Resolver.newBuilder());
        assertThrows(IllegalStateException.class, () -> CustomerRules.standard().applyTo(builder),
                "identifier normalizers can be set once");
    }

    @Test
    void deterministicTypesCanBeNarrowed() {
        CustomerRules rules = CustomerRules.builder().deterministicTypes(IdentifierType.EMAIL).build();
        assertEquals(2, rules.rules().size());
        SourceRecord a = record(Attributes.FIRST_NAME, "Ann").identifier(IdentifierType.PHONE, "+61 412 345 678").build();
        SourceRecord b = record(Attributes.FIRST_NAME, "Tom").identifier(IdentifierType.PHONE, "+61 412 345 678").build();
        Resolution resolution = resolve(rules, a, b);
        assertNotEquals(resolution.assignments().get(a.key()), resolution.assignments().get(b.key()),
                "a shared landline alone does not link when phone is not deterministic");
        RecordKey key = a.key();
        assertTrue(resolution.profileOf(key).isPresent());
    }

    @Test
    void trainingOptionsUseTheTrainingPassesAndOtherwiseTheDefaults() {
        CustomerRules rules = CustomerRules.standard();
        io.unum.training.TrainingOptions options = rules.trainingOptions();
        io.unum.training.TrainingOptions defaults = io.unum.training.TrainingOptions.defaults();
        assertEquals(rules.trainingPasses(), options.passes());
        assertFalse(options.passes().isEmpty(), "EM passes are chosen, not every blocking key");
        assertEquals(defaults.randomPairs(), options.randomPairs());
        assertEquals(defaults.maxRecords(), options.maxRecords());
        assertEquals(defaults.prior(), options.prior());
    }
}
