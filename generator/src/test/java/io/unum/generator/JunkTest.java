package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The junk of revision 3 ({@link JunkKind}): it leaves the truth and every other cell alone (so
 * that without it the files are those of revision 2), the summary counts what is in the files,
 * one value links many different people, and the sharing grows with the data set while the share
 * of records with junk does not.
 */
class JunkTest {

    private static final long PEOPLE = 20_000;
    private static final long SEED = 31;

    static GeneratedData junk;
    static GeneratedData clean;
    static Junk chain;

    @BeforeAll
    static void generate() throws IOException {
        junk = GeneratedData.generate(PEOPLE, SEED, true);
        clean = GeneratedData.generate(PEOPLE, SEED, false);
        chain = new Junk(SEED, PEOPLE);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutJunkTheFilesAreThoseOfRevisionTwo() throws IOException {
        // SHA-256 of records.csv and truth.csv for 2,000 people, seed 7, written by revision 2
        // (commit f4da2d8, before junk existed).
        GeneratedData revisionTwo = GeneratedData.generate(2_000, 7, false);
        assertEquals("88e14d73ccd571ba8a19d34347aeac3a4e306b4bd7dfe512e01f20fe5f8e9f9a", sha256(revisionTwo.recordsCsv));
        assertEquals("5657f174acfbed039d932a73c69809ae36fc3dcdfb486ed4384ec175ca531301", sha256(revisionTwo.truthCsv));
        GeneratedData withJunk = GeneratedData.generate(2_000, 7, true);
        assertNotEquals(revisionTwo.recordsCsv, withJunk.recordsCsv, "junk is on by default");
        assertEquals(revisionTwo.truthCsv, withJunk.truthCsv);
        for (JunkKind kind : JunkKind.values()) {
            assertEquals(JunkStatistics.NONE, revisionTwo.summary.junk().get(kind), kind.name());
        }
        assertEquals(3, CustomerDataGenerator.REVISION);
    }

    @Test
    void sameSettingsGiveByteIdenticalJunk() throws IOException {
        GeneratedData again = GeneratedData.generate(PEOPLE, SEED, true);
        assertEquals(junk.recordsCsv, again.recordsCsv);
        assertEquals(junk.truthCsv, again.truthCsv);
        assertEquals(junk.summary, again.summary);
        assertNotEquals(junk.recordsCsv, GeneratedData.generate(PEOPLE, SEED + 1, true).recordsCsv);
    }

    /** The kind of a cell that differs from the junk-free file: by column and by the chain's values. */
    private static JunkKind kindOf(String column, String value, Set<String> ownEmails) {
        switch (column) {
            case "loyalty_id" -> {
                assertTrue(chain.chainValues(JunkKind.DEFAULT_LOYALTY_ID).contains(value.replaceFirst("^LY", "")), value);
                return JunkKind.DEFAULT_LOYALTY_ID;
            }
            case "phone" -> {
                assertTrue(chain.chainValues(JunkKind.SHOP_PHONE).contains(GeneratedData.phoneDigits(value)), value);
                return JunkKind.SHOP_PHONE;
            }
            case "email" -> {
                String email = value.toLowerCase(Locale.ROOT);
                if (chain.chainValues(JunkKind.SHOP_EMAIL).contains(email)) {
                    return JunkKind.SHOP_EMAIL;
                }
                if (chain.chainValues(JunkKind.AGENCY_EMAIL).contains(email)) {
                    return JunkKind.AGENCY_EMAIL;
                }
                assertFalse(ownEmails.contains(email), "a parent's e-mail is not the child's own: " + value);
                return JunkKind.FAMILY_EMAIL;
            }
            default -> throw new AssertionError("junk in column " + column + ": " + value);
        }
    }

    @Test
    void junkChangesOnlyItsOwnCellsNeverTheTruthAndIsCountedAsWritten() {
        assertEquals(clean.truthCsv, junk.truthCsv, "junk never changes whose record it is");
        assertEquals(clean.size(), junk.size());
        assertEquals(clean.summary.records(), junk.summary.records());
        assertEquals(clean.summary.errors(), junk.summary.errors());
        assertEquals(clean.summary.hardNegatives(), junk.summary.hardNegatives());
        // every person's own e-mails as the junk-free file shows them
        Map<String, Set<String>> ownEmails = new HashMap<>();
        for (int i = 0; i < clean.size(); i++) {
            for (String column : List.of("email", "email_2")) {
                String email = clean.get(i, column);
                if (email != null) {
                    ownEmails.computeIfAbsent(clean.persons.get(i), p -> new HashSet<>()).add(email.toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<JunkKind, Long> records = new EnumMap<>(JunkKind.class);
        Map<JunkKind, Map<String, Set<String>>> sharing = new EnumMap<>(JunkKind.class);
        for (int i = 0; i < junk.size(); i++) {
            Set<JunkKind> kinds = new HashSet<>();
            for (String column : CustomerDataGenerator.RECORD_COLUMNS) {
                String before = clean.get(i, column);
                String after = junk.get(i, column);
                if (!java.util.Objects.equals(before, after)) {
                    JunkKind kind = kindOf(column, after, ownEmails.getOrDefault(junk.persons.get(i), Set.of()));
                    kinds.add(kind);
                    String key = kind == JunkKind.SHOP_PHONE ? GeneratedData.phoneDigits(after)
                            : after.replaceFirst("^LY", "").toLowerCase(Locale.ROOT);
                    sharing.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(key, k -> new HashSet<>())
                            .add(junk.persons.get(i));
                }
            }
            kinds.forEach(kind -> records.merge(kind, 1L, Long::sum));
        }
        for (JunkKind kind : JunkKind.values()) {
            JunkStatistics counted = junk.summary.junk().get(kind);
            assertTrue(counted.records() > 20, kind + " is in the data: " + counted);
            assertEquals(counted.records(), records.getOrDefault(kind, 0L), kind + " records");
            assertEquals(counted.values(), sharing.get(kind).size(), kind + " values");
            long most = sharing.get(kind).values().stream().mapToLong(Set::size).max().orElse(0);
            // a parent's e-mail: the summary counts the parent with the children who carry it
            assertEquals(counted.mostPeople(), kind == JunkKind.FAMILY_EMAIL ? most + 1 : most, kind + " most people");
        }
    }

    @Test
    void oneJunkValueLinksManyDifferentPeople() {
        // The largest default card, shop phone and agency e-mail are each carried by people with
        // different surnames and dates of birth: strangers, not one person seen many times.
        for (String column : List.of("loyalty_id", "phone", "email")) {
            Map<String, Set<String>> people = new HashMap<>();
            for (int i = 0; i < junk.size(); i++) {
                String value = junk.get(i, column);
                if (value != null && !java.util.Objects.equals(value, clean.get(i, column))) {
                    String key = column.equals("phone") ? GeneratedData.phoneDigits(value)
                            : value.replaceFirst("^LY", "").toLowerCase(Locale.ROOT);
                    people.computeIfAbsent(key, k -> new HashSet<>()).add(junk.persons.get(i));
                }
            }
            String largest = people.entrySet().stream().max(Map.Entry.comparingByValue(
                    java.util.Comparator.comparingInt(Set::size))).orElseThrow().getKey();
            Set<String> carriers = people.get(largest);
            assertTrue(carriers.size() >= 20, column + ": " + carriers.size() + " people on the largest value");
            Set<String> surnames = new HashSet<>();
            Set<LocalDate> births = new HashSet<>();
            for (int i = 0; i < clean.size(); i++) {
                if (carriers.contains(clean.persons.get(i))) {
                    String last = clean.get(i, "last_name");
                    if (last != null) {
                        surnames.add(GeneratedData.name(last));
                    }
                    LocalDate dob = clean.dob(i);
                    if (dob != null) {
                        births.add(dob);
                    }
                }
            }
            assertTrue(surnames.size() >= carriers.size() / 2, column + " surnames: " + surnames.size());
            assertTrue(births.size() >= carriers.size() / 2, column + " birth dates: " + births.size());
        }
    }

    @Test
    void theChainGrowsWithTheDataSetAsDocumented() {
        assertEquals(33, Junk.targetShops(10_000));
        assertEquals(105, Junk.targetShops(100_000));
        assertEquals(194, Junk.targetShops(340_000));
        assertEquals(1, Junk.targetShops(1));
        assertEquals(10, Junk.agencyCount(10_000));
        assertEquals(32, Junk.agencyCount(100_000));
        assertEquals(100, Junk.agencyCount(1_000_000));
        assertEquals(2, Junk.agencyCount(1));
        // at least one shop per city, more in the three crowded ones
        Junk small = new Junk(1, 10_000);
        Junk large = new Junk(1, 1_000_000);
        assertTrue(small.shopCount() >= Tables.CITIES.length, "shops: " + small.shopCount());
        // a hundred times the people: about ten times the target, seven times the shops made, as
        // the small chain has one shop in each of the 40 cities whatever its target
        assertTrue(large.shopCount() > 5 * small.shopCount() && large.shopCount() < 12 * small.shopCount(),
                small.shopCount() + " and " + large.shopCount() + " shops");
        Map<Tables.City, Integer> perCity = new HashMap<>();
        for (int s = 0; s < large.shopCount(); s++) {
            perCity.merge(large.shop(s).city(), 1, Integer::sum);
        }
        assertTrue(perCity.get(Tables.CITIES[0]) > 4 * perCity.get(Tables.CITIES[10]), perCity.toString());
    }

    private static GenerationSummary summary(long people) throws IOException {
        Appendable nowhere = new Appendable() {
            @Override
            public Appendable append(CharSequence s) {
                return this;
            }

            @Override
            public Appendable append(CharSequence s, int start, int end) {
                return this;
            }

            @Override
            public Appendable append(char c) {
                return this;
            }
        };
        return CustomerDataGenerator.newBuilder().people(people).seed(5).build().writeTo(nowhere, nowhere);
    }

    @Test
    void sharingGrowsWithTheDataSetWhileTheShareOfRecordsStays() throws IOException {
        // Sixteen times the people: a shop's or an agency's value is shared by about four times
        // (sqrt 16) the people, a chain-wide default by about sixteen times; the share of records
        // with each kind stays within a factor of two, and a family's sharing within a household.
        GenerationSummary small = summary(4_000);
        GenerationSummary large = summary(64_000);
        for (JunkKind kind : JunkKind.values()) {
            JunkStatistics a = small.junk().get(kind);
            JunkStatistics b = large.junk().get(kind);
            double shareA = a.records() / (double) small.records();
            double shareB = b.records() / (double) large.records();
            assertTrue(shareB > shareA / 2 && shareB < shareA * 2, kind + " share of records " + shareA + " then " + shareB);
            assertTrue(b.values() > a.values(), kind + " values " + a.values() + " then " + b.values());
            double growth = b.mostPeople() / (double) a.mostPeople();
            switch (kind) {
                case SHOP_PHONE, AGENCY_EMAIL -> assertTrue(growth > 2 && growth < 8, kind + " most people "
                        + a.mostPeople() + " then " + b.mostPeople());
                case DEFAULT_LOYALTY_ID, SHOP_EMAIL -> assertTrue(growth > 6 && growth < 30, kind + " most people "
                        + a.mostPeople() + " then " + b.mostPeople());
                case FAMILY_EMAIL -> assertTrue(b.mostPeople() <= 8 && a.mostPeople() >= 2, kind + " most people "
                        + a.mostPeople() + " then " + b.mostPeople());
                default -> throw new AssertionError(kind);
            }
        }
    }

    @Test
    void builderSetsJunkOnceAndDefaultsToOn() {
        assertTrue(CustomerDataGenerator.newBuilder().build().junk());
        assertFalse(CustomerDataGenerator.newBuilder().junk(false).build().junk());
        assertThrows(IllegalStateException.class, () -> CustomerDataGenerator.newBuilder().junk(true).junk(false));
    }

    @Test
    void statisticsRejectImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> new JunkStatistics(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new JunkStatistics(0, 1, 0));
        assertEquals(new JunkStatistics(0, 0, 0), JunkStatistics.NONE);
    }
}
