package io.unum.matchers;

import io.unum.matchers.compare.Comparators;
import io.unum.matchers.compare.DateComparator;
import io.unum.matchers.compare.DateLevel;
import io.unum.matchers.compare.MatchConditions;
import io.unum.matchers.names.Nicknames;
import io.unum.matchers.phonetic.Phonetics;
import io.unum.rules.LevelCondition;
import io.unum.rules.RecordView;
import io.unum.spi.FieldComparator;
import io.unum.spi.Normalizer;

/**
 * What tells two people apart for {@link CustomerRules} ({@code Resolver.Builder.distinctPeople}):
 * the feature {@link CustomerRules.Features#IDENTITY} (the given name with its Double Metaphone
 * codes, the family name and the date of birth of a record that has a given name) and the test
 * whether two such values may be one person's. They may unless the given names conflict and the
 * birth dates do not agree. Two given names are compatible when they are equal, nicknames of one
 * name, within the person rule's lowest Jaro–Winkler level (0.8), an initial and a name it
 * starts, or alike in Double Metaphone, or when one record's given name is the other's family
 * name (Jaro–Winkler 0.9: a swap). Birth dates agree when they are within a year of each other,
 * have day and month swapped, differ by one typo or agree in part — any level of the person
 * rule's date comparison but its last. Compatible given names with birth dates a generation
 * apart ({@value #GENERATION} years or more, the dates not alike) are not one person's: a father
 * and a son of one name.
 *
 * <p>A value without a birth date is partial ({@link #withoutBirthDate}): it fits a father and a
 * son of its name alike, so the engine does not let such a record join them through its links.
 *
 * <p>So "Tyler" and "Sharon" who share a family's e-mail are distinct, and "Bob"/"Robert",
 * "Zara"/"Sarah", "Thomas Gabriel"/"Gabriel Thomas", "Freddie"/"Bradley Freddie" or "Leo"/"Oel"
 * born on one day are not. A record with swapped names is therefore never distinct from a member
 * of its family ("Vanderwick Ethan" and "Olivia Vanderwick"): asking the other part to agree too
 * cost a labelled data set whose swaps come with heavy typos more than it gained.
 *
 * <p>Pure functions; thread-safe.
 */
final class DistinctPeople {

    /** Separates the parts of a feature value (not a character names or ISO dates contain). */
    private static final char SEPARATOR = '\u001f';
    private static final String SPLIT = "\u001f";
    private static final Normalizer DM_PRIMARY = Phonetics.doubleMetaphone();
    private static final Normalizer DM_ALTERNATE = Phonetics.doubleMetaphoneAlternate();

    /** Given names at least this alike (Jaro–Winkler) may be one person's: the person rule's lowest level. */
    private static final double ALIKE = 0.8;

    /** Names at least this alike count as the same name in a swap. */
    private static final double SWAP = 0.9;

    /**
     * Birth years at least this far apart (and the dates not alike) are a parent and a child's,
     * even with one given name.
     */
    static final int GENERATION = 15;

    private DistinctPeople() {
    }

    /**
     * The feature value: {@code given␟family␟dob␟dm␟dm-alternate}, each part normalized (the last
     * two the given name's Double Metaphone codes, encoded once per record rather than once per
     * pair), every part but the first possibly empty; {@code null} without a given name.
     */
    static String identity(RecordView record, Normalizer given, Normalizer family, Normalizer birthDate) {
        String g = normalized(record, CustomerSources.GIVEN.extract(record), given);
        if (g == null) {
            return null;
        }
        String f = normalized(record, CustomerSources.FAMILY.extract(record), family);
        String d = normalized(record, record.attribute(io.unum.model.Attributes.DATE_OF_BIRTH), birthDate);
        String primary = normalized(record, g, DM_PRIMARY);
        String alternate = normalized(record, g, DM_ALTERNATE);
        return g + SEPARATOR + (f == null ? "" : f) + SEPARATOR + (d == null ? "" : d) + SEPARATOR
                + (primary == null ? "" : primary) + SEPARATOR + (alternate == null ? "" : alternate);
    }

    /** Equal primary or alternate Double Metaphone codes, in any combination. */
    private static boolean soundAlike(String primaryA, String alternateA, String primaryB, String alternateB) {
        return !primaryA.isEmpty() && (primaryA.equals(primaryB) || primaryA.equals(alternateB))
                || !alternateA.isEmpty() && (alternateA.equals(primaryB) || alternateA.equals(alternateB));
    }

    private static String normalized(RecordView record, String raw, Normalizer normalizer) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = record.normalized(normalizer, raw);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Whether two identity values with the same given name (ending at {@code end}) have the same
     * birth date or one of them none.
     */
    private static boolean sameOrNoBirthDate(String a, String b, int end) {
        int fa = a.indexOf(SEPARATOR, end + 1);
        int fb = b.indexOf(SEPARATOR, end + 1);
        int da = a.indexOf(SEPARATOR, fa + 1);
        int db = b.indexOf(SEPARATOR, fb + 1);
        return da == fa + 1 || db == fb + 1 || (da - fa == db - fb && a.regionMatches(fa + 1, b, fb + 1, da - fa - 1));
    }

    /** Whether two normalized birth dates both have a year and the years are {@value #GENERATION} or more apart. */
    static boolean yearsAGenerationApart(String a, String b) {
        int ya = year(a);
        int yb = year(b);
        return ya > 0 && yb > 0 && Math.abs(ya - yb) >= GENERATION;
    }

    /** The year of a normalized birth date ({@code yyyy-mm-dd} or {@code yyyy…}), or 0 when it has none. */
    static int year(String date) {
        if (date.length() < 4) {
            return 0;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = date.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            year = year * 10 + (c - '0');
        }
        return year;
    }

    /**
     * Whether an identity value tells only some people apart: it has no birth date, so it fits a
     * father and a son of one name alike ({@code Resolver.Builder.distinctPeople}'s {@code partial}).
     */
    static boolean withoutBirthDate(String identity) {
        int first = identity.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : identity.indexOf(SEPARATOR, first + 1);
        return second < 0 || second + 1 >= identity.length() || identity.charAt(second + 1) == SEPARATOR;
    }

    /** Whether two feature values may belong to one person (see the class description). */
    static LevelCondition samePerson(Nicknames nicknames) {
        FieldComparator jw = Comparators.jaroWinkler();
        LevelCondition initial = MatchConditions.initialMatch();
        DateComparator dates = Comparators.date(366);
        LevelCondition agreeingLevels = dates.condition(DateLevel.EXACT, DateLevel.DAY_MONTH_SWAPPED,
                DateLevel.YEAR_OFF_BY_ONE, DateLevel.WITHIN_DAYS, DateLevel.PARTIAL_AGREEMENT);
        LevelCondition oneTypo = MatchConditions.damerauLevenshteinAtMost(1);
        return new LevelCondition() {
            @Override
            public boolean test(String a, String b) {
                int end = a.indexOf(SEPARATOR);
                if (end == b.indexOf(SEPARATOR) && a.regionMatches(0, b, 0, end) && sameOrNoBirthDate(a, b, end)) {
                    return true; // the same given name and birth date (or one missing), the usual case: no parsing
                }
                String[] x = a.split(SPLIT, -1);
                String[] y = b.split(SPLIT, -1);
                String ga = x[0];
                String gb = y[0];
                if (ga.equals(gb) || nicknames.compatible(ga, gb) || jw.compare(ga, gb) >= ALIKE
                        || initial.test(ga, gb) || soundAlike(x[3], x[4], y[3], y[4])) {
                    return !generationApart(x[2], y[2]);
                }
                String fa = x[1];
                String fb = y[1];
                if ((!fb.isEmpty() && jw.compare(ga, fb) >= SWAP) || (!fa.isEmpty() && jw.compare(fa, gb) >= SWAP)) {
                    return true; // swapped given and family names, the other part as it may be (typos, or missing)
                }
                return alike(x[2], y[2]);
            }

            /** Both dates present and alike: any level of the date comparison but its last, or one typo. */
            private boolean alike(String da, String db) {
                return !da.isEmpty() && !db.isEmpty() && (agreeingLevels.test(da, db) || oneTypo.test(da, db));
            }

            /**
             * Both dates present, their years at least {@value #GENERATION} apart and the dates not
             * alike: a parent and a child of one name.
             */
            private boolean generationApart(String da, String db) {
                return yearsAGenerationApart(da, db) && !alike(da, db);
            }

            @Override
            public String toString() {
                return "may be one person";
            }
        };
    }
}
