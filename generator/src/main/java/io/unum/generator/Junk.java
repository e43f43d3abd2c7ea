package io.unum.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Design: junk is laid over rows the Renderer has already made, never mixed into the person's
 * true values, and it draws only from its own random streams: one per household
 * (Rng.stream(seed ^ SALT, h)), one per shop and one per agency. So with junk off the output is
 * byte for byte that of revision 2, and with junk on the only cells that differ are junk
 * values; the truth is the same either way.
 *
 * The chain: a retailer with shops in the 40 cities, as many per city as its share of the
 * households, about sqrt(people) / 3 in all, so that both the number of shops and the customers
 * per shop grow with the data set (a chain with ten times the customers has about three times
 * the shops, each with about three times the customers). A household shops at one shop of its
 * city (a skewed draw: each city has a flagship store); its people's POS records come from that
 * shop and carry the shop's habits at the till. Agencies (about sqrt(people) / 10 of them,
 * skewed in size) register 1.5 % of the people. Everything that a shop or an agency writes is
 * decided by its own stream, so a shop's default card number does not depend on who shops there.
 */
/**
 * The junk model of revision 3 ({@link JunkKind}): the chain's shops and their habits, the
 * agencies, each household's plan and the junk laid over each rendered record, with the counts
 * for {@link GenerationSummary#junk()}. Internal; not thread-safe, one per run.
 */
final class Junk {

    private static final long SALT = 0x6a756e6b5f68L;
    private static final long SHOP_SALT = 0x6a756e6b5f73L;
    private static final long AGENCY_SALT = 0x6a756e6b5f61L;
    private static final long CHAIN_SALT = 0x6a756e6b5f63L;

    /** Share of shops that key a default loyalty card for customers without one. */
    static final double DEFAULT_CARD_SHOPS = 0.4;
    /** Of those, the share that use one of the two chain-wide defaults rather than their own. */
    static final double CHAIN_WIDE_CARD = 0.25;
    /** Chance a keying shop keys its default on a POS record with no card number. */
    static final double DEFAULT_CARD_KEYED = 0.6;
    /** Share of shops whose staff type the shop's phone for customers. */
    static final double SHOP_PHONE_SHOPS = 0.5;
    /** Chance of the shop's phone on a POS record of such a shop, and on a web shop record (kiosk orders). */
    static final double SHOP_PHONE_POS = 0.08;
    static final double SHOP_PHONE_WEB = 0.01;
    /** Share of shops whose staff type a made-up e-mail; of those, the share using the chain-wide one. */
    static final double FAKE_EMAIL_SHOPS = 0.4;
    static final double CHAIN_WIDE_EMAIL = 1.0 / 3;
    /** Chance of the made-up e-mail on a POS record of such a shop that has no e-mail. */
    static final double FAKE_EMAIL_KEYED = 0.08;
    /** Share of people registered by an agency, and the chance of its e-mail per record by source. */
    static final double AGENCY_CLIENTS = 0.015;
    static final double AGENCY_WEB = 0.7;
    static final double AGENCY_SUPPORT = 0.6;
    static final double AGENCY_NEWSLETTER = 0.3;
    /** Share of children whose parent registered them, and the chance of the parent's e-mail per record. */
    static final double REGISTERED_BY_PARENT = 0.15;
    static final double PARENT_WEB = 0.8;
    static final double PARENT_NEWSLETTER = 0.5;

    private static final String[] CHAIN_DOMAINS = {"brightmart.com", "shopwell.com", "hometowngoods.com",
        "cornermarket.com", "valueway-stores.com", "urbanbasket.com"};
    private static final String[] AGENCY_DESKS = {"bookings", "orders", "office", "frontdesk", "admin", "purchasing"};
    private static final String[] AGENCY_TRADES = {"travel.com", "concierge.com", "seniorliving.org", "services.net",
        "relocation.com", "group.com"};

    /** A shop and its habits at the till: phone always, the rest null where the shop has no such habit. */
    record Shop(int index, Tables.City city, String phone, boolean typesPhone, String defaultCard, String fakeEmail) {
    }

    private final Shop[] shops;
    private final int[][] shopsByCity;
    private final Map<Tables.City, Integer> cityIndex = new IdentityHashMap<>();
    private final String[] agencies;
    private final String chainDomain;
    private final String chainPrefix;

    private final long[] records = new long[JunkKind.values().length];
    private final Map<String, Set<Long>> owners = new HashMap<>();
    private final long[] values = new long[JunkKind.values().length];
    private final long[] mostPeople = new long[JunkKind.values().length];
    /** Children carrying each parent's e-mail in the household being generated, by parent index. */
    private final Map<Long, Set<Long>> familyCarriers = new HashMap<>();

    /** The junk stream of household {@code h}: independent of the stream that renders its records. */
    static Rng stream(long seed, long household) {
        return Rng.stream(seed ^ SALT, household);
    }

    /** The chain and agencies for a data set of {@code people} people. */
    Junk(long seed, long people) {
        Rng chain = Rng.stream(seed ^ CHAIN_SALT, 0);
        chainDomain = chain.pick(CHAIN_DOMAINS);
        chainPrefix = Integer.toString(chain.between(1000, 9999));
        for (int c = 0; c < Tables.CITIES.length; c++) {
            cityIndex.put(Tables.CITIES[c], c);
        }
        int target = targetShops(people);
        List<Shop> made = new ArrayList<>();
        shopsByCity = new int[Tables.CITIES.length][];
        for (int c = 0; c < Tables.CITIES.length; c++) {
            int count = (int) Math.max(1, Math.round(target * citySharePercent(c) / 100.0));
            shopsByCity[c] = new int[count];
            for (int i = 0; i < count; i++) {
                shopsByCity[c][i] = made.size();
                made.add(shop(seed, made.size(), Tables.CITIES[c]));
            }
        }
        shops = made.toArray(new Shop[0]);
        agencies = new String[agencyCount(people)];
        for (int a = 0; a < agencies.length; a++) {
            agencies[a] = agency(seed, a);
        }
    }

    /** The chain's target number of shops for a data set: {@code round(sqrt(people) / 3)}, at least 1. */
    static int targetShops(long people) {
        return (int) Math.max(1, Math.round(Math.sqrt(people) / 3));
    }

    /** The number of agencies for a data set: {@code round(sqrt(people) / 10)}, at least 2. */
    static int agencyCount(long people) {
        return (int) Math.max(2, Math.round(Math.sqrt(people) / 10));
    }

    /** A city's share of households in percent, as {@link Households} draws cities: 25 % over the first three, 75 % over all. */
    private static double citySharePercent(int city) {
        return (city < 3 ? 25.0 / 3 : 0) + 75.0 / Tables.CITIES.length;
    }

    int shopCount() {
        return shops.length;
    }

    Shop shop(int index) {
        return shops[index];
    }

    String agencyEmail(int index) {
        return agencies[index];
    }

    int agencyCount() {
        return agencies.length;
    }

    /** Every value of a shop or an agency this chain may write, canonical (card digits, phone digits, lower-case e-mail). */
    Set<String> chainValues(JunkKind kind) {
        Set<String> out = new HashSet<>();
        switch (kind) {
            case DEFAULT_LOYALTY_ID -> {
                for (Shop shop : shops) {
                    if (shop.defaultCard() != null) {
                        out.add(shop.defaultCard());
                    }
                }
            }
            case SHOP_PHONE -> {
                for (Shop shop : shops) {
                    if (shop.typesPhone()) {
                        out.add(shop.phone());
                    }
                }
            }
            case SHOP_EMAIL -> {
                for (Shop shop : shops) {
                    if (shop.fakeEmail() != null) {
                        out.add(shop.fakeEmail());
                    }
                }
            }
            case AGENCY_EMAIL -> out.addAll(List.of(agencies));
            default -> throw new IllegalArgumentException(kind + " is not a chain value");
        }
        return out;
    }

    private Shop shop(long seed, int index, Tables.City city) {
        Rng rng = Rng.stream(seed ^ SHOP_SALT, index);
        int area = city.areaCodes()[rng.nextInt(city.areaCodes().length)];
        String phone = area + Integer.toString(rng.between(2_000_000, 9_999_999));
        boolean typesPhone = rng.chance(SHOP_PHONE_SHOPS);
        String card = null;
        if (rng.chance(DEFAULT_CARD_SHOPS)) {
            if (rng.chance(CHAIN_WIDE_CARD)) {
                card = rng.chance(0.5) ? "0000000001" : chainPrefix + "000000";
            } else if (rng.chance(0.7)) {
                card = chainPrefix + Person.pad(index % 1000, 3) + Person.pad(rng.nextInt(1000), 3);
            } else {
                card = Person.pad(1_000_000_000L + (rng.nextLong() >>> 1) % 9_000_000_000L, 10);
            }
        }
        String email = null;
        if (rng.chance(FAKE_EMAIL_SHOPS)) {
            if (rng.chance(CHAIN_WIDE_EMAIL)) {
                email = "noemail@" + chainDomain;
            } else {
                email = switch (rng.nextInt(3)) {
                    case 0 -> "store" + Person.pad(index + 1, 4);
                    case 1 -> Text.handle(city.name()) + "store" + (index + 1);
                    default -> "receipts." + Person.pad(index + 1, 4);
                } + "@" + chainDomain;
            }
        }
        return new Shop(index, city, phone, typesPhone, card, email);
    }

    private static String agency(long seed, int index) {
        Rng rng = Rng.stream(seed ^ AGENCY_SALT, index);
        String name = Text.handle(Tables.surname(rng));
        String trade = rng.pick(AGENCY_TRADES);
        switch (rng.nextInt(3)) {
            case 0 -> {
                // a personal assistant who registers employer, family and friends with one address
                String first = Text.handle(rng.chance(0.5) ? rng.pick(Tables.FEMALE_FIRST) : rng.pick(Tables.MALE_FIRST));
                return first + "." + name + ".pa" + (index + 1) + "@" + rng.pick(Tables.FREE_MAIL);
            }
            case 1 -> {
                // a small agency on a free mailbox: its name and trade, no role word
                return name + trade.substring(0, trade.indexOf('.')).replace("-", "") + (index + 1) + "@"
                        + rng.pick(Tables.FREE_MAIL);
            }
            default -> {
                // a desk at the agency's own domain
                return rng.pick(AGENCY_DESKS) + "@" + name + trade;
            }
        }
    }

    /**
     * Plans a household's junk, drawing from its own stream: each person's shop (one shop of
     * the household's city, skewed towards the city's first), whether an agency registers the
     * person and, for a child, whether a parent registered the child's accounts.
     */
    void plan(List<Person> members, Rng rng) {
        familyCarriers.clear();
        Integer city = cityIndex.get(members.get(0).address.city());
        int[] local = shopsByCity[city];
        int shop = local[rng.skewed(local.length)];
        for (Person person : members) {
            person.shop = shop;
            person.agency = rng.chance(AGENCY_CLIENTS) ? rng.skewed(agencies.length) : -1;
            person.registeredByParent = person.parent != null && rng.chance(REGISTERED_BY_PARENT);
        }
    }

    /**
     * Lays junk over one rendered record of {@code person} from {@code source}, drawing from the
     * household's junk stream, and counts it.
     */
    void apply(String[] row, Person person, Source source, Rng rng) {
        Shop shop = shops[person.shop];
        int kinds = 0;
        switch (source) {
            case POS -> {
                if (row[Renderer.LOYALTY_ID] == null && shop.defaultCard() != null && rng.chance(DEFAULT_CARD_KEYED)) {
                    row[Renderer.LOYALTY_ID] = rng.chance(0.7) ? "LY" + shop.defaultCard() : shop.defaultCard();
                    kinds |= carry(JunkKind.DEFAULT_LOYALTY_ID, shop.defaultCard(), person);
                }
                if (shop.typesPhone() && rng.chance(SHOP_PHONE_POS)) {
                    row[Renderer.PHONE] = Renderer.formatPhone(shop.phone(), rng.chance(0.7) ? 3 : 4);
                    kinds |= carry(JunkKind.SHOP_PHONE, shop.phone(), person);
                }
                if (row[Renderer.EMAIL] == null && shop.fakeEmail() != null && rng.chance(FAKE_EMAIL_KEYED)) {
                    row[Renderer.EMAIL] = rng.chance(0.5) ? Text.upper(shop.fakeEmail()) : shop.fakeEmail();
                    kinds |= carry(JunkKind.SHOP_EMAIL, shop.fakeEmail(), person);
                }
            }
            case WEBSHOP -> {
                kinds |= registeredEmail(row, person, rng, AGENCY_WEB, PARENT_WEB);
                if (shop.typesPhone() && rng.chance(SHOP_PHONE_WEB)) {
                    row[Renderer.PHONE] = Renderer.formatPhone(shop.phone(), rng.nextInt(10));
                    kinds |= carry(JunkKind.SHOP_PHONE, shop.phone(), person);
                }
            }
            case NEWSLETTER -> kinds |= registeredEmail(row, person, rng, AGENCY_NEWSLETTER, PARENT_NEWSLETTER);
            case SUPPORT -> kinds |= registeredEmail(row, person, rng, AGENCY_SUPPORT, 0.0);
            default -> {
                // CRM records are the customer's own account; social records the customer's own profile
            }
        }
        for (JunkKind kind : JunkKind.values()) {
            if ((kinds & (1 << kind.ordinal())) != 0) {
                records[kind.ordinal()]++;
            }
        }
    }

    /** The agency's e-mail, or a parent's, as the account e-mail of a record; the bit of the kind written, or 0. */
    private int registeredEmail(String[] row, Person person, Rng rng, double agency, double parent) {
        if (person.agency >= 0 && rng.chance(agency)) {
            row[Renderer.EMAIL] = agencies[person.agency];
            return carry(JunkKind.AGENCY_EMAIL, agencies[person.agency], person);
        }
        if (person.registeredByParent && parent > 0 && rng.chance(parent)) {
            row[Renderer.EMAIL] = person.parent.emails[0];
            Set<Long> carriers = familyCarriers.get(person.parent.index);
            if (carriers == null) {
                carriers = new HashSet<>();
                familyCarriers.put(person.parent.index, carriers);
                values[JunkKind.FAMILY_EMAIL.ordinal()]++;
            }
            carriers.add(person.index);
            mostPeople[JunkKind.FAMILY_EMAIL.ordinal()] = Math.max(mostPeople[JunkKind.FAMILY_EMAIL.ordinal()],
                    carriers.size() + 1L);
            return 1 << JunkKind.FAMILY_EMAIL.ordinal();
        }
        return 0;
    }

    /** Counts {@code person} among the people sharing a chain value; the kind's bit. */
    private int carry(JunkKind kind, String value, Person person) {
        Set<Long> people = owners.get(kind.ordinal() + ":" + value);
        if (people == null) {
            people = new HashSet<>();
            owners.put(kind.ordinal() + ":" + value, people);
            values[kind.ordinal()]++;
        }
        people.add(person.index);
        mostPeople[kind.ordinal()] = Math.max(mostPeople[kind.ordinal()], people.size());
        return 1 << kind.ordinal();
    }

    /** What was laid over the records so far, every kind present. */
    Map<JunkKind, JunkStatistics> statistics() {
        Map<JunkKind, JunkStatistics> map = new EnumMap<>(JunkKind.class);
        for (JunkKind kind : JunkKind.values()) {
            int k = kind.ordinal();
            map.put(kind, new JunkStatistics(records[k], values[k], mostPeople[k]));
        }
        return map;
    }

    /** No junk: every kind with zero counts. */
    static Map<JunkKind, JunkStatistics> none() {
        Map<JunkKind, JunkStatistics> map = new EnumMap<>(JunkKind.class);
        for (JunkKind kind : JunkKind.values()) {
            map.put(kind, JunkStatistics.NONE);
        }
        return map;
    }
}
