package io.unum.generator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/*
 * Design: people are made a household at a time, so that the hard negatives that live in
 * households (shared address, landline, family e-mail and device; twins; junior/senior) come
 * out of one place. Each household draws from its own random stream, Rng.stream(seed, h), so
 * the households are independent of one another and of the order of rendering.
 *
 * Identifiers that must be unique per person (customer and loyalty ids, the numeric token in
 * personal e-mails and handles, phone subscriber numbers) are not random: they are an affine
 * bijection of the person's (or household's) index, x -> (a x + b) mod m with gcd(a, m) = 1,
 * so they look scattered yet never collide by accident; only the deliberate hard negatives
 * share values.
 */
/** Builds households of people with their true values and planned record counts. */
final class Households {

    /** Records are observed between these instants (epoch seconds, UTC). */
    static final long START = LocalDate.of(2016, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    static final long END = LocalDate.of(2025, 7, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;

    private static final long MULTIPLIER = 7_654_321L;
    private static final int SUBSCRIBERS = 8_000_000;

    private final long seed;

    Households(long seed) {
        this.seed = seed;
    }

    /** {@code (a x + b) mod m}: a bijection of {@code [0, m)} (a is odd and not a multiple of 5). */
    long permute(long x, long modulus, long salt) {
        long offset = Math.floorMod(Rng.mix(seed ^ salt), modulus);
        return Math.floorMod(Math.floorMod(x, modulus) * MULTIPLIER + offset, modulus);
    }

    /**
     * Builds household {@code h}.
     *
     * @param firstIndex the global index of its first person
     * @param max the most people it may hold (the last household is cut to fit)
     */
    List<Person> build(long h, long firstIndex, int max, Rng rng) {
        List<Person> people = new ArrayList<>(4);
        Tables.City city = rng.chance(0.25) ? Tables.CITIES[rng.nextInt(3)] : rng.pick(Tables.CITIES);
        Person.Address address = address(rng, city);
        String surname = Tables.surname(rng);
        double kind = rng.nextDouble();
        long next = firstIndex;
        if (kind < 0.44) {
            Person single = adult(next, rng, rng.chance(0.5), surname, 1945, 2004);
            if (rng.chance(0.07)) {
                String[] name = Tables.COMMON_FULL_NAMES[rng.nextInt(Tables.COMMON_FULL_NAMES.length)];
                single.first = name[0];
                single.last = name[1];
                single.female = isFemale(name[0]);
                address = address(rng, Tables.CITIES[rng.nextInt(3)]);
                single.mark(HardNegative.COMMON_NAME_STRANGER);
            }
            people.add(single);
        } else if (kind < 0.68) {
            couple(people, next, rng, surname, 1945, 2000);
        } else if (kind < 0.92) {
            family(people, next, rng, surname);
        } else {
            int roommates = rng.between(2, 3);
            for (int i = 0; i < roommates; i++) {
                people.add(adult(next + i, rng, rng.chance(0.5),
                        Tables.surname(rng), 1975, 2004));
            }
        }
        if (people.size() > max) {
            people.subList(max, people.size()).clear();
            unpair(people, HardNegative.TWINS);
            unpair(people, HardNegative.JUNIOR_SENIOR);
        }

        boolean moved = rng.chance(0.15);
        Person.Address previous = moved ? address(rng, rng.chance(0.6) ? city : rng.pick(Tables.CITIES)) : null;
        long movedAt = between(rng, START + 86_400L * 200, END - 86_400L * 200);
        String home = people.size() > 1 ? (rng.chance(0.5) ? phone(h, 2, city, rng) : null)
                : (rng.chance(0.15) ? phone(h, 2, city, rng) : null);
        String device = people.size() > 1 && rng.chance(0.12) ? uuid(rng) : null;
        for (Person person : people) {
            person.address = address;
            person.previousAddress = previous;
            person.movedAt = movedAt;
            if (people.size() > 1) {
                person.mark(HardNegative.HOUSEHOLD);
            }
            if (home != null) {
                person.homePhone = home;
                if (people.size() > 1) {
                    person.mark(HardNegative.SHARED_HOME_PHONE);
                }
            }
            if (device != null) {
                person.devices = append(person.devices, device);
                person.mark(HardNegative.SHARED_DEVICE);
            }
        }
        for (Person person : people) {
            emails(person, rng);
        }
        familyEmail(people, h, rng);
        for (Person person : people) {
            plan(person, city, rng);
        }
        return people;
    }

    /** Clears a pair kind when cutting the household left one of the pair alone. */
    private static void unpair(List<Person> people, HardNegative kind) {
        if (people.stream().filter(p -> p.is(kind)).count() < 2) {
            people.forEach(p -> p.unmark(kind));
        }
    }

    private void couple(List<Person> people, long next, Rng rng, String surname, int from, int to) {
        boolean sameSex = rng.chance(0.08);
        Person a = adult(next, rng, true, surname, from, to);
        Person b = adult(next + 1, rng, sameSex, surname, Math.max(from, a.birthYear - 6),
                Math.min(to, a.birthYear + 6));
        if (rng.chance(0.3)) {
            a.last = Tables.surname(rng);
        } else if (rng.chance(0.55)) {
            // took the partner's surname at marriage, during the observed period
            a.previousLast = Tables.surname(rng);
            if (a.previousLast.equals(a.last)) {
                a.previousLast = null;
            } else {
                a.renamedAt = between(rng, START + 86_400L * 200, END - 86_400L * 200);
            }
        }
        people.add(a);
        people.add(b);
    }

    private void family(List<Person> people, long next, Rng rng, String surname) {
        couple(people, next, rng, surname, 1950, 1978);
        Person mother = people.get(0);
        Person father = people.get(1);
        boolean junior = !father.female && rng.chance(0.25);
        boolean twins = rng.chance(0.12);
        int kids = rng.between(1, 3);
        int youngest = Math.min(father.birthYear, mother.birthYear);
        for (int i = 0; i < kids; i++) {
            int year = Math.min(2006, youngest + rng.between(22, 38));
            Person kid = adult(next + people.size(), rng, rng.chance(0.5), surname, year, year);
            kid.parent = mother;
            if (i == 0 && junior) {
                kid.female = false;
                kid.first = father.first;
                kid.middle = father.middle;
                kid.birthYear = Math.min(2006, father.birthYear + rng.between(25, 30));
                father.birthYear = Math.min(father.birthYear, kid.birthYear - 25);
                kid.suffix = "Jr.";
                father.suffix = "Sr.";
                kid.mark(HardNegative.JUNIOR_SENIOR);
                father.mark(HardNegative.JUNIOR_SENIOR);
            }
            people.add(kid);
            if (i == kids - 1 && twins) {
                Person twin = adult(next + people.size(), rng, rng.chance(0.6) == kid.female, surname, year, year);
                twin.birthYear = kid.birthYear;
                twin.birthMonth = kid.birthMonth;
                twin.birthDay = kid.birthDay;
                while (twin.first.equals(kid.first)) {
                    twin.first = firstName(rng, twin.female);
                }
                twin.mark(HardNegative.TWINS);
                twin.parent = mother;
                kid.mark(HardNegative.TWINS);
                people.add(twin);
            }
        }
    }

    private void familyEmail(List<Person> people, long h, Rng rng) {
        if (people.size() < 2) {
            return;
        }
        boolean twins = people.stream().anyMatch(p -> p.is(HardNegative.TWINS));
        boolean family = twins || people.size() > 2 || people.get(0).last.equals(people.get(1).last);
        if (!family || !(twins || rng.chance(0.45))) {
            return;
        }
        String name = Text.handle(people.get(people.size() - 1).last);
        String token = Long.toString(permute(h * 8 + 7, 100_000_000L, 0x5eed1L));
        String local = switch (rng.nextInt(3)) {
            case 0 -> "the" + name + (name.endsWith("s") ? "es" : "s") + token;
            case 1 -> name + "family" + token;
            default -> name + "." + "home" + token;
        };
        String email = local + "@" + Tables.FREE_MAIL[rng.nextInt(4)];
        int holders = 0;
        for (Person person : people) {
            if (person.is(HardNegative.TWINS) || rng.chance(0.6)) {
                person.familyEmail = email;
                holders++;
            }
        }
        for (Person person : people) {
            if (person.familyEmail != null) {
                if (holders > 1) {
                    person.mark(HardNegative.SHARED_FAMILY_EMAIL);
                }
            }
        }
    }

    /** A person with name, birth date and phones; e-mails, address, ids and records come later. */
    private Person adult(long index, Rng rng, boolean female, String surname, int fromYear, int toYear) {
        Person p = new Person(index);
        p.female = female;
        p.first = firstName(rng, female);
        if (rng.chance(0.55)) {
            p.middle = firstName(rng, female);
        }
        p.last = surname;
        p.birthYear = rng.between(fromYear, toYear);
        p.birthMonth = rng.between(1, 12);
        p.birthDay = rng.between(1, 28);
        Tables.City home = Tables.CITIES[rng.nextInt(Tables.CITIES.length)];
        p.mobile = rng.chance(0.95) ? phone(index, 0, home, rng) : null;
        p.workPhone = rng.chance(0.25) ? phone(index, 1, home, rng) : null;
        return p;
    }

    /** 1 to 5 personal e-mails (mean 2.7), made once the person's name is final. */
    private void emails(Person p, Rng rng) {
        double draw = rng.nextDouble();
        int count = draw < 0.20 ? 1 : draw < 0.45 ? 2 : draw < 0.75 ? 3 : draw < 0.90 ? 4 : 5;
        p.emails = new String[count];
        for (int slot = 0; slot < count; slot++) {
            p.emails[slot] = email(p, slot, rng);
        }
    }

    private static String firstName(Rng rng, boolean female) {
        String[] names = female ? Tables.FEMALE_FIRST : Tables.MALE_FIRST;
        return names[rng.skewed(names.length)];
    }

    private static boolean isFemale(String first) {
        for (String name : Tables.FEMALE_FIRST) {
            if (name.equals(first)) {
                return true;
            }
        }
        return false;
    }

    private String email(Person p, int slot, Rng rng) {
        String first = Text.handle(p.first);
        String last = Text.handle(p.last);
        String token = Long.toString(permute(p.index * 8 + slot, 100_000_000L, 0xe3a11L));
        String local = switch (rng.nextInt(6)) {
            case 0 -> first + "." + last + token;
            case 1 -> first.charAt(0) + last + token;
            case 2 -> first + last.charAt(0) + token;
            case 3 -> first + "_" + last + "." + token;
            case 4 -> last + "." + first + token;
            default -> first + token;
        };
        String domain = slot == 3 ? Tables.WORK_MAIL[rng.nextInt(Tables.WORK_MAIL.length)]
                : rng.chance(0.45) ? "gmail.com" : Tables.FREE_MAIL[rng.nextInt(Tables.FREE_MAIL.length)];
        return local + "@" + domain;
    }

    /** A ten-digit US number; lane 0 mobile, 1 work (person index), 2 home (household index). */
    private String phone(long index, int lane, Tables.City city, Rng rng) {
        int area = city.areaCodes()[rng.nextInt(city.areaCodes().length)];
        long subscriber = 2_000_000 + permute(index * 3 + lane, SUBSCRIBERS, 0x9a0e1L);
        return area + Long.toString(subscriber);
    }

    private static Person.Address address(Rng rng, Tables.City city) {
        int number = rng.chance(0.7) ? rng.between(1, 9999) : rng.between(10, 99_999);
        String street = Tables.STREET_NAMES[rng.nextInt(Tables.STREET_NAMES.length)];
        int suffix = rng.nextInt(Tables.STREET_SUFFIXES.length);
        String unit = rng.chance(0.22) ? Integer.toString(rng.between(1, 40)) + (rng.chance(0.3)
                ? String.valueOf((char) ('A' + rng.nextInt(6))) : "") : null;
        String zip = Person.pad(city.zip3() * 100L + rng.nextInt(100), 5);
        return new Person.Address(number, street, suffix, unit, city, zip);
    }

    /** Decides how many records each source holds about the person, and the ids that go with them. */
    private void plan(Person p, Tables.City city, Rng rng) {
        int[] r = p.records;
        if (rng.chance(0.50)) {
            r[Source.CRM.ordinal()] = rng.chance(0.06) ? 2 : 1;
        }
        if (rng.chance(0.62)) {
            double d = rng.nextDouble();
            r[Source.WEBSHOP.ordinal()] = d < 0.55 ? 1 : d < 0.85 ? 2 : 3;
        }
        if (rng.chance(0.42)) {
            r[Source.POS.ordinal()] = rng.chance(0.7) ? 1 : 2;
        }
        if (rng.chance(0.36)) {
            r[Source.NEWSLETTER.ordinal()] = rng.chance(0.9) ? 1 : 2;
        }
        if (rng.chance(0.18)) {
            r[Source.SUPPORT.ordinal()] = rng.chance(0.75) ? 1 : 2;
        }
        if (rng.chance(0.22)) {
            r[Source.SOCIAL.ordinal()] = 1;
        }
        if (p.recordCount() == 0) {
            r[Source.WEBSHOP.ordinal()] = 1;
        }
        p.shopEmail = rng.chance(0.6) ? 0 : rng.nextInt(p.emails.length);
        p.newsletterEmail = rng.chance(0.6) ? 0 : rng.nextInt(p.emails.length);
        if (r[Source.CRM.ordinal()] > 0) {
            p.customerId = "C" + Person.pad(permute(p.index, 100_000_000L, 0xc0571L), 8);
        }
        if ((r[Source.POS.ordinal()] > 0 && rng.chance(0.85)) || (r[Source.CRM.ordinal()] > 0 && rng.chance(0.1))) {
            p.loyaltyId = "LY" + Person.pad(permute(p.index, 10_000_000_000L, 0x10ca1L), 10);
        }
        if (r[Source.WEBSHOP.ordinal()] + r[Source.NEWSLETTER.ordinal()] > 0) {
            String[] cookies = new String[rng.between(1, 4)];
            for (int i = 0; i < cookies.length; i++) {
                cookies[i] = rng.hex(32);
            }
            p.cookies = cookies;
        }
        int devices = rng.nextInt(3);
        for (int i = 0; i < devices; i++) {
            p.devices = append(p.devices, uuid(rng));
        }
        if (r[Source.SOCIAL.ordinal()] > 0 || rng.chance(0.1)) {
            String token = Long.toString(permute(p.index * 8 + 6, 100_000_000L, 0x50c1aL));
            String first = Text.handle(p.first);
            String last = Text.handle(p.last);
            boolean x = rng.chance(0.6);
            if (x) {
                p.socialX = "@" + (rng.chance(0.5) ? first + "_" + last : first.charAt(0) + last) + token;
            }
            if (!x || rng.chance(0.6)) {
                p.socialInstagram = (rng.chance(0.5) ? first + "." + last : last + first) + "." + token;
            }
        }
    }

    private static String uuid(Rng rng) {
        String hex = rng.hex(32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
                + "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3) + hex.substring(17, 20) + "-"
                + hex.substring(20);
    }

    private static String[] append(String[] values, String value) {
        String[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = value;
        return out;
    }

    static long between(Rng rng, long from, long to) {
        return from + (long) (rng.nextDouble() * (to - from + 1));
    }
}
