package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.QualityReport;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hard negatives and the error kinds, found in the generated data itself (not only in the
 * summary's counts), at plausible rates, for one fixed seed.
 */
class ErrorModelTest {

    private static final Set<String> JUNK_EMAILS = Set.of(Tables.JUNK_EMAILS);
    private static final Set<String> JUNK_PHONES = Set.of(Tables.JUNK_PHONES);

    static GeneratedData data;
    static Map<String, List<Integer>> byPerson;

    @BeforeAll
    static void generate() throws IOException {
        data = GeneratedData.generate(20_000, 2024);
        byPerson = data.byPerson();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** Groups of rows sharing a key in which at least two people appear. */
    private static List<Map<String, List<Integer>>> shared(java.util.function.Function<Integer, String> key) {
        List<Map<String, List<Integer>>> groups = new ArrayList<>();
        for (Map<String, List<Integer>> group : data.groupByKey(key).values()) {
            if (group.size() >= 2) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static String address(int row) {
        String number = data.get(row, "street_number");
        String zip = data.get(row, "postcode");
        String street = data.get(row, "address_1");
        if (number == null || zip == null || street == null) {
            return null;
        }
        return number + "|" + zip.substring(0, 5) + "|" + lower(street.split(" ")[0]);
    }

    @Test
    void summaryRatesArePlausible() {
        GenerationSummary s = data.summary;
        double people = s.people();
        double records = s.records();
        assertRate(s.hardNegatives().get(HardNegative.HOUSEHOLD) / people, 0.6, 0.9, "household members");
        assertRate(s.hardNegatives().get(HardNegative.TWINS) / people, 0.01, 0.05, "twins");
        assertRate(s.hardNegatives().get(HardNegative.JUNIOR_SENIOR) / people, 0.02, 0.08, "junior/senior");
        assertRate(s.hardNegatives().get(HardNegative.COMMON_NAME_STRANGER) / people, 0.005, 0.03, "common names");
        assertRate(s.hardNegatives().get(HardNegative.SHARED_FAMILY_EMAIL) / people, 0.1, 0.3, "family e-mails");
        assertRate(s.hardNegatives().get(HardNegative.SHARED_HOME_PHONE) / people, 0.2, 0.5, "home phones");
        assertRate(s.hardNegatives().get(HardNegative.SHARED_DEVICE) / people, 0.04, 0.15, "shared devices");
        assertRate(s.hardNegatives().get(HardNegative.PLACEHOLDER_VALUE) / records, 0.01, 0.06, "placeholders");
        assertRate(s.errors().get(ErrorKind.NAME_TYPO) / records, 0.02, 0.08, "name typos");
        assertRate(s.errors().get(ErrorKind.NICKNAME) / records, 0.03, 0.12, "nicknames");
        assertRate(s.errors().get(ErrorKind.SWAPPED_NAMES) / records, 0.004, 0.02, "swapped names");
        assertRate(s.errors().get(ErrorKind.DIACRITICS_DROPPED) / records, 0.02, 0.08, "diacritics");
        assertRate(s.errors().get(ErrorKind.DATE_VARIANT) / records, 0.004, 0.02, "date variants");
        assertRate(s.errors().get(ErrorKind.MOVED_ADDRESS) / records, 0.03, 0.12, "moved");
        assertRate(s.errors().get(ErrorKind.NAME_CHANGE) / records, 0.02, 0.08, "name changes");
        assertRate(s.errors().get(ErrorKind.EMAIL_VARIANT) / records, 0.04, 0.15, "e-mail variants");
        assertRate(s.errors().get(ErrorKind.EMAIL_TYPO) / records, 0.005, 0.03, "e-mail typos");
        assertRate(s.errors().get(ErrorKind.PHONE_TYPO) / records, 0.002, 0.015, "phone typos");
        assertRate(s.errors().get(ErrorKind.MISSING_VALUE) / records, 0.25, 0.6, "missing values");
    }

    private static void assertRate(double rate, double low, double high, String what) {
        assertTrue(rate >= low && rate <= high, what + " rate " + rate + " outside [" + low + ", " + high + "]");
    }

    @Test
    void twinsShareSurnameBirthDateAndAddressButNotFirstName() {
        int pairs = 0;
        for (Map<String, List<Integer>> group : shared(i -> {
            LocalDate dob = data.dob(i);
            String address = address(i);
            String last = data.get(i, "last_name");
            return dob == null || address == null || last == null ? null : GeneratedData.name(last) + "|" + dob + "|" + address;
        })) {
            Set<String> firsts = new HashSet<>();
            for (List<Integer> rows : group.values()) {
                firsts.add(GeneratedData.name(String.valueOf(data.get(rows.get(0), "first_name"))));
            }
            pairs += firsts.size() >= 2 ? 1 : 0;
        }
        assertTrue(pairs >= 10, "twin pairs visible in the data: " + pairs);
    }

    @Test
    void juniorAndSeniorShareNameAndAddressWithBirthYearsApart() {
        int pairs = 0;
        for (Map<String, List<Integer>> group : shared(i -> {
            String first = data.get(i, "first_name");
            String last = data.get(i, "last_name");
            String address = address(i);
            return first == null || last == null || address == null ? null
                    : GeneratedData.name(first) + "|" + GeneratedData.name(last) + "|" + address;
        })) {
            Set<Integer> years = new HashSet<>();
            group.values().forEach(rows -> rows.forEach(r -> {
                LocalDate dob = data.dob(r);
                if (dob != null) {
                    years.add(dob.getYear());
                }
            }));
            int min = years.stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = years.stream().mapToInt(Integer::intValue).max().orElse(0);
            pairs += max - min >= 20 && max - min <= 35 ? 1 : 0;
        }
        assertTrue(pairs >= 10, "junior/senior pairs visible in the data: " + pairs);
    }

    @Test
    void householdsShareAddressesPhonesAndFamilyEmails() {
        assertTrue(shared(ErrorModelTest::address).size() > 1_000, "shared addresses");
        Map<String, Set<String>> phoneOwners = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            for (String column : List.of("phone", "phone_2")) {
                String phone = data.get(i, column);
                String digits = phone == null ? null : GeneratedData.phoneDigits(phone);
                if (digits != null && !JUNK_PHONES.contains(digits)) {
                    phoneOwners.computeIfAbsent(digits, k -> new HashSet<>()).add(data.persons.get(i));
                }
            }
        }
        long phones = phoneOwners.values().stream().filter(owners -> owners.size() >= 2).count();
        assertTrue(phones > 300, "phones shared by household members: " + phones);
        int emails = shared(i -> {
            String email = lower(data.get(i, "email"));
            return email == null || JUNK_EMAILS.contains(email) ? null : email;
        }).size();
        assertTrue(emails > 300, "family e-mails shared by people: " + emails);
    }

    @Test
    void commonNameStrangersMeetInOneCity() {
        Set<String> common = new HashSet<>();
        for (String[] name : Tables.COMMON_FULL_NAMES) {
            common.add(lower(name[0]) + " " + lower(name[1]));
        }
        int crowds = 0;
        for (Map<String, List<Integer>> group : shared(i -> {
            String first = data.get(i, "first_name");
            String last = data.get(i, "last_name");
            String city = data.get(i, "city");
            if (first == null || last == null || city == null) {
                return null;
            }
            String name = GeneratedData.name(first) + " " + GeneratedData.name(last);
            return common.contains(name) ? name + "|" + lower(city) : null;
        })) {
            crowds += group.size() >= 3 ? 1 : 0;
        }
        assertTrue(crowds >= 5, "cities where three or more strangers share a common full name: " + crowds);
    }

    @Test
    void placeholderJunkIsSharedByManyStrangers() {
        Map<String, Set<String>> owners = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String email = lower(data.get(i, "email"));
            if (email != null && JUNK_EMAILS.contains(email)) {
                owners.computeIfAbsent(email, k -> new HashSet<>()).add(data.persons.get(i));
            }
            String phone = data.get(i, "phone");
            String digits = phone == null ? null : GeneratedData.phoneDigits(phone);
            if (digits != null && JUNK_PHONES.contains(digits)) {
                owners.computeIfAbsent(digits, k -> new HashSet<>()).add(data.persons.get(i));
            }
            String dob = data.get(i, "date_of_birth");
            LocalDate date = dob == null ? null : GeneratedData.parseDate(data.get(i, "source"), dob);
            if (date != null && date.getYear() < 1920) {
                owners.computeIfAbsent(date.toString(), k -> new HashSet<>()).add(data.persons.get(i));
            }
        }
        assertTrue(owners.getOrDefault("test@test.com", Set.of()).size() >= 20, "test@test.com");
        assertTrue(owners.getOrDefault("0000000000", Set.of()).size() >= 20, "000-000-0000");
        assertTrue(owners.getOrDefault("1900-01-01", Set.of()).size() >= 10, "1900-01-01");
    }

    /** People for whom some pair of their own records satisfies a condition on two values of a column. */
    private static int peopleWithPair(String column, java.util.function.BiPredicate<String, String> condition) {
        int people = 0;
        for (List<Integer> rows : byPerson.values()) {
            List<String> values = new ArrayList<>(data.values(rows, column, v -> v));
            boolean found = false;
            for (int a = 0; a < values.size() && !found; a++) {
                for (int b = 0; b < values.size() && !found; b++) {
                    found = a != b && condition.test(values.get(a), values.get(b));
                }
            }
            people += found ? 1 : 0;
        }
        return people;
    }

    @Test
    void nicknamesDiacriticsAndTyposVaryNames() {
        int nicknames = peopleWithPair("first_name", (a, b) -> {
            String[] nicks = Tables.NICKNAMES.get(a);
            return nicks != null && List.of(nicks).contains(b);
        });
        assertTrue(nicknames > 300, "people seen under a formal name and a nickname: " + nicknames);
        int diacritics = peopleWithPair("last_name",
                (a, b) -> !Text.isAscii(a) && (Text.stripDiacritics(a).equalsIgnoreCase(b)
                        || Text.transliterate(a).equalsIgnoreCase(b)));
        assertTrue(diacritics > 30, "people seen with and without diacritics: " + diacritics);
        int typos = peopleWithPair("last_name", (a, b) -> Text.isAscii(a) && Text.isAscii(b)
                && GeneratedData.distance(lower(a), lower(b)) == 1);
        assertTrue(typos > 200, "people with a one-letter surname difference: " + typos);
    }

    @Test
    void swappedNamesNameChangesAndMovesAppearWithinPeople() {
        int swapped = 0;
        int renamed = 0;
        int moved = 0;
        for (List<Integer> rows : byPerson.values()) {
            boolean swap = false;
            for (int a : rows) {
                for (int b : rows) {
                    String firstA = data.get(a, "first_name");
                    String lastB = data.get(b, "last_name");
                    swap |= firstA != null && lastB != null && a != b
                            && GeneratedData.name(firstA).equals(GeneratedData.name(lastB));
                }
            }
            swapped += swap ? 1 : 0;
            Set<String> lasts = data.values(rows, "last_name", GeneratedData::name);
            boolean rename = false;
            for (String a : lasts) {
                for (String b : lasts) {
                    rename |= GeneratedData.distance(a, b) > 3 && !a.contains(b) && !b.contains(a);
                }
            }
            renamed += rename ? 1 : 0;
            moved += data.values(rows, "postcode", zip -> zip.substring(0, 5)).size() >= 2 ? 1 : 0;
        }
        assertTrue(swapped > 50, "people with swapped names: " + swapped);
        assertTrue(renamed > 300, "people seen under two surnames: " + renamed);
        assertTrue(moved > 300, "people seen at two postcodes: " + moved);
    }

    @Test
    void datesEmailsAndPhonesVaryWithinPeople() {
        int dates = 0;
        int emailVariants = 0;
        int emailTypos = 0;
        Set<String> typoDomains = new HashSet<>();
        Tables.DOMAIN_TYPOS.values().forEach(domains -> typoDomains.addAll(List.of(domains)));
        for (List<Integer> rows : byPerson.values()) {
            Set<LocalDate> dobs = new HashSet<>();
            for (int r : rows) {
                LocalDate dob = data.dob(r);
                if (dob != null) {
                    dobs.add(dob);
                }
            }
            dates += dobs.size() >= 2 ? 1 : 0;
            Set<String> raw = data.values(rows, "email", e -> e);
            Set<String> canonical = data.values(rows, "email", ErrorModelTest::canonicalEmail);
            emailVariants += raw.size() > canonical.size() ? 1 : 0;
            emailTypos += raw.stream().anyMatch(e -> typoDomains.contains(lower(e.substring(e.indexOf('@') + 1))))
                    ? 1 : 0;
        }
        assertTrue(dates > 100, "people with two dates of birth: " + dates);
        assertTrue(emailVariants > 500, "people with e-mail variants: " + emailVariants);
        assertTrue(emailTypos > 50, "people with a misspelt e-mail domain: " + emailTypos);
        int phoneTypos = peopleWithPair("phone", (a, b) -> {
            String x = GeneratedData.phoneDigits(a);
            String y = GeneratedData.phoneDigits(b);
            if (x == null || y == null) {
                return false;
            }
            int differences = 0;
            for (int i = 0; i < 10; i++) {
                differences += x.charAt(i) != y.charAt(i) ? 1 : 0;
            }
            return differences == 1;
        });
        assertTrue(phoneTypos > 20, "people with a one-digit phone difference: " + phoneTypos);
    }

    /** Lower case; for gmail, dots and +tags dropped; for others, +tags dropped. */
    private static String canonicalEmail(String email) {
        String e = lower(email);
        int at = e.indexOf('@');
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    @Test
    void exactEmailMatchingIsNeitherPreciseNorComplete() {
        // A naive resolver: records with equal lower-cased e-mails are one person; others stand alone.
        Map<String, String> predicted = new HashMap<>();
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String id = data.get(i, "record_id");
            String email = lower(data.get(i, "email"));
            predicted.put(id, email == null ? id : email);
            truth.put(id, data.persons.get(i));
        }
        QualityReport<String> naive = ClusteringEvaluator.defaults().evaluate(predicted, truth);
        // Family e-mails and placeholder junk merge strangers; people use several addresses.
        assertTrue(naive.pairwise().precision() < 0.5, "junk e-mails merge many strangers: " + naive);
        assertTrue(naive.pairwise().recall() < 0.5, "several e-mails per person: " + naive);
        assertTrue(naive.falseMergeCount() > 100, naive.toString());
        assertEquals(data.summary.people(), naive.trueClusters());

        QualityReport<String> perfect = ClusteringEvaluator.defaults().evaluate(truth, truth);
        assertEquals(1.0, perfect.pairwise().f1());
    }
}
