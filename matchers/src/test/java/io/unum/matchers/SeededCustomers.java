package io.unum.matchers;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Customer records made from a seeded {@link Random}: people with one to four records each in
 * three sources, with the variations that the settings of {@link CustomerRules} decide about —
 * nicknames, typos, swapped names, full names, day-first (crm) and month-first (web) dates,
 * Gmail dots and {@code +tags} on Gmail, Outlook and company domains, role and placeholder
 * addresses, local and international phone numbers, national ids with typos, and households
 * that share a surname, an address, a landline and an {@code info@} address.
 */
final class SeededCustomers {

    private static final String[][] GIVEN = {
        {"robert", "bob", "rob", "bobby"}, {"elizabeth", "liz", "beth", "betty"}, {"william", "bill", "will"},
        {"margaret", "peggy", "maggie"}, {"richard", "dick", "rick"}, {"alexander", "alex", "al"},
        {"catherine", "kate", "cathy"}, {"james", "jim", "jimmy"}, {"jennifer", "jen", "jenny"},
        {"michael", "mike", "mick"}, {"patricia", "pat", "trish"}, {"thomas", "tom", "tommy"},
        {"susan", "sue", "susie"}, {"joseph", "joe", "joey"}, {"christopher", "chris"}, {"daniel", "dan", "danny"},
        {"anthony", "tony"}, {"jessica", "jess"}, {"ximena", "mena"}, {"isla"}, {"noah"}, {"mia"}, {"liam"},
        {"olivia", "liv"}, {"amelia", "millie"}, {"oliver", "ollie"}, {"charlotte", "lottie"}, {"henry", "hank"},
        {"grace"}, {"lucas"}, {"zara"}, {"mateo", "teo"},
    };
    private static final String[] FAMILY = {"smith", "jones", "brown", "taylor", "wilson", "nguyen", "garcia", "miller",
        "davis", "martin", "lee", "walker", "hall", "young", "king", "wright", "lopez", "hill", "scott", "green"};
    private static final String[] SYLLABLES = {"ka", "ro", "vin", "del", "mar", "sto", "ber", "lin", "tan", "quo", "fer",
        "ash", "wel", "dor", "mi", "zen", "hol", "bri", "gan", "es"};
    private static final String[] STREETS = {"Main Street", "Oak Avenue", "High St", "Park Road", "George St",
        "Elm Drive", "King Street", "Victoria Rd", "Church Lane", "Station Road", "Beach Parade", "Hill Crescent"};
    private static final String[] CITIES = {"Springfield", "Riverton", "Lakeside", "Fairview", "Greenville",
        "Kingston", "Newport", "Ashford"};
    private static final String[] AREA_CODES = {"212", "312", "415", "617", "718", "503"};

    private SeededCustomers() {
    }

    /** About {@code people} × 1.9 records, the same for the same arguments. */
    static List<SourceRecord> records(long seed, int people) {
        Random random = new Random(seed);
        List<SourceRecord> records = new ArrayList<>();
        Person previous = null;
        for (int p = 0; p < people; p++) {
            Person person = previous != null && random.nextInt(6) == 0 ? householdMember(random, previous, p)
                    : person(random, p);
            int copies = 1 + (random.nextInt(3) == 0 ? 0 : random.nextInt(4));
            for (int c = 0; c < copies; c++) {
                records.add(record(random, person, records.size()));
            }
            previous = person;
        }
        return records;
    }

    private record Person(int number, String[] given, String family, String middle, LocalDate dob, String gender,
            int house, String street, String postcode, String city, String email, String workEmail, String mobile,
            String landline, String nationalId, String customerId) {
    }

    private static Person person(Random random, int number) {
        String[] given = GIVEN[random.nextInt(GIVEN.length)];
        String family = random.nextInt(3) == 0 ? FAMILY[random.nextInt(FAMILY.length)]
                : SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
                        + (random.nextBoolean() ? SYLLABLES[random.nextInt(SYLLABLES.length)] : "");
        return new Person(number, given, family, random.nextInt(3) == 0 ? GIVEN[random.nextInt(GIVEN.length)][0] : null,
                LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextBoolean() ? "F" : "M", 1 + random.nextInt(300), STREETS[random.nextInt(STREETS.length)],
                Integer.toString(10000 + random.nextInt(80) * 37), CITIES[random.nextInt(CITIES.length)],
                email(random, given[0], family), random.nextInt(5) == 0 ? "info@" + family + "-family.com" : null,
                phone(random), random.nextInt(3) == 0 ? phone(random) : null,
                random.nextInt(3) == 0 ? String.format(Locale.ROOT, "%09d", 100000000 + random.nextInt(800000000)) : null,
                random.nextInt(2) == 0 ? "C" + (100000 + number) : null);
    }

    /** Another person of the previous one's household: same surname, address, landline and family address. */
    private static Person householdMember(Random random, Person other, int number) {
        Person own = person(random, number);
        return new Person(number, own.given(), other.family(), own.middle(), own.dob(), own.gender(), other.house(),
                other.street(), other.postcode(), other.city(), own.email(),
                other.workEmail() != null ? other.workEmail() : "info@" + other.family() + "-family.com", own.mobile(),
                other.landline() != null ? other.landline() : phone(random), own.nationalId(), own.customerId());
    }

    private static String email(Random random, String given, String family) {
        return switch (random.nextInt(5)) {
            case 0 -> given + "." + family + "@gmail.com";
            case 1 -> given + family + "@outlook.com";
            case 2 -> given.charAt(0) + family + "@acme.io";
            case 3 -> family + given.charAt(0) + "@shop.example.io";
            default -> null;
        };
    }

    private static String phone(Random random) {
        return AREA_CODES[random.nextInt(AREA_CODES.length)] + (200 + random.nextInt(700))
                + String.format(Locale.ROOT, "%04d", 1000 + random.nextInt(9000));
    }

    private static SourceRecord record(Random random, Person person, int index) {
        String source = switch (random.nextInt(3)) {
            case 0 -> "crm";
            case 1 -> "web";
            default -> "pos";
        };
        SourceRecord.Builder b = SourceRecord.builder(source, source + "-" + index)
                .observedAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * index));
        String given = person.given()[random.nextInt(4) == 0 ? random.nextInt(person.given().length) : 0];
        String family = random.nextInt(8) == 0 ? typo(random, person.family()) : person.family();
        if (random.nextInt(25) == 0) {
            String swap = given;
            given = family;
            family = swap;
        }
        if (random.nextInt(6) == 0) {
            b.attribute(Attributes.FULL_NAME, capital(given) + " " + (person.middle() != null ? capital(person.middle()) + " " : "")
                    + capital(family));
        } else {
            b.attribute(Attributes.FIRST_NAME, random.nextBoolean() ? capital(given) : given.toUpperCase(Locale.ROOT));
            b.attribute(Attributes.LAST_NAME, capital(family));
            if (person.middle() != null && random.nextBoolean()) {
                b.attribute(Attributes.MIDDLE_NAME, random.nextBoolean() ? person.middle() : person.middle().substring(0, 1));
            }
        }
        if (random.nextInt(6) != 0) {
            LocalDate dob = random.nextInt(15) == 0 ? person.dob().plusYears(1) : person.dob();
            String date = switch (source) {
                case "crm" -> String.format(Locale.ROOT, "%02d/%02d/%d", dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear());
                case "web" -> String.format(Locale.ROOT, "%02d/%02d/%d", dob.getMonthValue(), dob.getDayOfMonth(), dob.getYear());
                default -> dob.toString();
            };
            b.attribute(Attributes.DATE_OF_BIRTH, date);
        }
        if (random.nextBoolean()) {
            b.attribute(Attributes.GENDER, person.gender());
        }
        if (random.nextInt(4) != 0) {
            b.attribute(Attributes.STREET_NUMBER, Integer.toString(person.house()));
            b.attribute(Attributes.ADDRESS_1, random.nextInt(10) == 0 ? typo(random, person.street()) : person.street());
            b.attribute(Attributes.POSTCODE, person.postcode());
            if (random.nextBoolean()) {
                b.attribute(Attributes.CITY, person.city());
            }
        }
        if (person.email() != null && random.nextInt(3) != 0) {
            b.identifier(IdentifierType.EMAIL, emailVariant(random, person.email()));
        }
        if (person.workEmail() != null && random.nextInt(3) == 0) {
            b.identifier(IdentifierType.EMAIL, person.workEmail());
        }
        if (random.nextInt(20) == 0) {
            b.identifier(IdentifierType.EMAIL, "none@" + (random.nextBoolean() ? "shop.example.io" : "nomail.com"));
        }
        if (random.nextInt(3) != 0) {
            b.identifier(IdentifierType.PHONE, phoneVariant(random, person.mobile()));
        }
        if (person.landline() != null && random.nextInt(3) == 0) {
            b.identifier(IdentifierType.PHONE, phoneVariant(random, person.landline()));
        }
        if (person.nationalId() != null && random.nextInt(3) != 0) {
            String id = random.nextInt(12) == 0 ? typo(random, person.nationalId()) : person.nationalId();
            b.identifier(IdentifierType.NATIONAL_ID, id.substring(0, 3) + "-" + id.substring(3, 5) + "-" + id.substring(5));
        }
        if (person.customerId() != null && source.equals("crm")) {
            b.identifier(IdentifierType.CUSTOMER_ID, person.customerId());
        }
        return b.build();
    }

    private static String emailVariant(Random random, String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at);
        return switch (random.nextInt(5)) {
            case 0 -> local + "+shop" + domain;
            case 1 -> local.replace(".", "") + domain;
            case 2 -> email.toUpperCase(Locale.ROOT);
            default -> email;
        };
    }

    private static String phoneVariant(Random random, String digits) {
        String area = digits.substring(0, 3);
        String exchange = digits.substring(3, 6);
        String line = digits.substring(6);
        return switch (random.nextInt(4)) {
            case 0 -> "+1 " + area + " " + exchange + " " + line;
            case 1 -> "(" + area + ") " + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            default -> "+1" + digits;
        };
    }

    /** One substituted letter or digit (not the first character). */
    private static String typo(Random random, String value) {
        int i = 1 + random.nextInt(value.length() - 1);
        char c = value.charAt(i);
        char replacement = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1 + random.nextInt(8)) % 10)
                : Character.isLetter(c) ? (char) ('a' + (Character.toLowerCase(c) - 'a' + 1 + random.nextInt(24)) % 26) : c;
        return value.substring(0, i) + replacement + value.substring(i + 1);
    }

    private static String capital(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
