package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolver;
import io.unum.matchers.CustomerRules.NationalIdPolicy;
import io.unum.matchers.CustomerRules.Parameters;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.matchers.email.EmailNormalizer;
import io.unum.matchers.names.Nicknames;
import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rule-set contract of {@link CustomerRules}: {@code provider.create(rules.parameters())}
 * makes an equal configuration that resolves records alike; parameters are deterministic; bad
 * parameters are rejected with messages that name them.
 */
class CustomerRulesProviderTest {

    private static final CustomerRulesProvider PROVIDER = new CustomerRulesProvider();

    /** A custom nickname table: a few names, one ambiguous diminutive, {@code ximena → mena} added. */
    static Nicknames customNicknames() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("robert", List.of("bob", "rob"));
        table.put("roberta", List.of("bobbie", "rob"));
        table.put("ximena", List.of("mena"));
        table.put("william", List.of("bill"));
        return Nicknames.of(table);
    }

    /** The configurations the contract is checked on, by a description. */
    static Map<String, CustomerRules> configurations() {
        Map<String, CustomerRules> all = new LinkedHashMap<>();
        all.put("standard", CustomerRules.standard());
        all.put("region US", CustomerRules.builder().defaultRegion("US").build());
        all.put("region us, month first", CustomerRules.builder().defaultRegion("us")
                .dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST).build());
        all.put("reject ambiguous dates", CustomerRules.builder().dateOrder(DateNormalizer.DayMonthOrder.REJECT_AMBIGUOUS).build());
        all.put("strict national ids", CustomerRules.builder().nationalIds(NationalIdPolicy.STRICT).build());
        all.put("ignored national ids", CustomerRules.builder().nationalIds(NationalIdPolicy.IGNORED).build());
        all.put("deterministic customer id, e-mail", CustomerRules.builder()
                .deterministicTypes(IdentifierType.CUSTOMER_ID, IdentifierType.EMAIL).build());
        all.put("no deterministic types", CustomerRules.builder().deterministicTypes().defaultRegion("US").build());
        all.put("ignored national ids, deterministic e-mail", CustomerRules.builder().nationalIds(NationalIdPolicy.IGNORED)
                .deterministicTypes(IdentifierType.EMAIL, IdentifierType.NATIONAL_ID).build());
        all.put("thresholds", CustomerRules.builder().thresholds(0.999, 0.3).build());
        all.put("low thresholds", CustomerRules.builder().thresholds(0.5, 0.5).defaultRegion("US").build());
        all.put("prior", CustomerRules.builder().prior(0.1 + 0.2 - 0.3 + 1e-3).build());
        all.put("max contradiction", CustomerRules.builder().maxContradiction(4.25).build());
        all.put("no max contradiction", CustomerRules.builder().maxContradiction(Double.POSITIVE_INFINITY).build());
        all.put("custom e-mail normalizer", CustomerRules.builder().defaultRegion("US")
                .emails(EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.ALL).gmailRules(false)
                        .roleAddressesIdentify(true).placeholderLocalParts("None", "anon")
                        .placeholderDomains("shop.example.io").build())
                .build());
        all.put("e-mail without plus tags", CustomerRules.builder()
                .emails(EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.NONE).build()).build());
        all.put("custom nicknames", CustomerRules.builder().nicknames(customNicknames()).build());
        all.put("everything", CustomerRules.builder().defaultRegion("CA").dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST)
                .nationalIds(NationalIdPolicy.STRICT).deterministicTypes(IdentifierType.PHONE, IdentifierType.social("x"))
                .thresholds(0.97, 0.6).prior(2.5e-5).maxContradiction(12)
                .emails(EmailNormalizer.builder().roleAddressesIdentify(true).build()).nicknames(customNicknames()).build());
        return all;
    }

    @Test
    void providerMakesEqualRulesFromTheParameters() {
        for (Map.Entry<String, CustomerRules> configuration : configurations().entrySet()) {
            String what = configuration.getKey();
            CustomerRules rules = configuration.getValue();
            Map<String, String> parameters = rules.parameters();
            assertEquals(new ArrayList<>(new TreeMap<>(parameters).keySet()), new ArrayList<>(parameters.keySet()),
                    what + ": sorted by name");
            assertTrue(Parameters.ALL.containsAll(parameters.keySet()), what + ": " + parameters.keySet());
            CustomerRules made = PROVIDER.create(parameters);
            assertEquals(rules, made, what);
            assertEquals(rules.hashCode(), made.hashCode(), what);
            assertEquals(parameters, made.parameters(), what);
            assertEquals(rules.toString(), made.toString(), what);
            assertEquals(CustomerRules.NAME, made.name());
            assertEquals(rules.rules().stream().map(MatchRule::name).toList(),
                    made.rules().stream().map(MatchRule::name).toList(), what);
            assertEquals(rules.identifierNormalizers().keySet(), made.identifierNormalizers().keySet(), what);
            assertEquals(rules.limits(), made.limits(), what);
            assertEquals(rules.personRule().toString(), made.personRule().toString(), what);
            assertEquals(rules.parameters(), configurations().get(what).parameters(), what + ": deterministic");
        }
        assertEquals(CustomerRules.NAME, PROVIDER.name());
    }

    @Test
    void resolversFromTheParametersResolveAlike() {
        List<SourceRecord> records = SeededCustomers.records(7L, 300);
        Map<RecordKey, ProfileId> standard = null;
        Set<Map<RecordKey, ProfileId>> distinct = new HashSet<>();
        for (Map.Entry<String, CustomerRules> configuration : configurations().entrySet()) {
            CustomerRules rules = configuration.getValue();
            Map<RecordKey, ProfileId> original = rules.applyTo(Resolver.newBuilder()).blockingSecret(1, 2).parallelism(1)
                    .build().resolve(records).assignments();
            Map<RecordKey, ProfileId> remade = Resolver.newBuilder().ruleSet(PROVIDER.create(rules.parameters()))
                    .blockingSecret(3, 4).parallelism(2).build().resolve(records).assignments();
            assertEquals(records.size(), original.size());
            assertEquals(original, remade, configuration.getKey());
            if (standard == null) {
                standard = original;
            }
            distinct.add(original);
        }
        long profiles = new HashSet<>(standard.values()).size();
        assertTrue(profiles > 100 && profiles < records.size() - 100, "the records link and stay apart: " + profiles
                + " profiles of " + records.size() + " records");
        assertTrue(distinct.size() >= configurations().size() - 4,
                "the settings make a difference on these records: " + distinct.size() + " distinct partitions of "
                        + configurations().size());
    }

    @Test
    void defaultsAreNotParameters() {
        assertEquals(Map.of(), CustomerRules.standard().parameters());
        CustomerRules explicit = CustomerRules.builder().dateOrder(DateNormalizer.DayMonthOrder.DAY_FIRST)
                .nationalIds(NationalIdPolicy.TOLERANT)
                .deterministicTypes(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.CUSTOMER_ID,
                        IdentifierType.LOYALTY_ID, IdentifierType.NATIONAL_ID, IdentifierType.PASSPORT,
                        IdentifierType.DRIVERS_LICENSE)
                .thresholds(0.85, 0.5).prior(1e-4).maxContradiction(10)
                .emails(EmailNormalizer.builder().build()).nicknames(Nicknames.parse(Nicknames.bundled().toText()))
                .build();
        assertEquals(Map.of(), explicit.parameters());
        assertEquals(CustomerRules.standard(), explicit);
        assertEquals(CustomerRules.standard(), PROVIDER.create(Map.of()));
        assertEquals(CustomerRules.builder().nationalIds(NationalIdPolicy.IGNORED).build(),
                CustomerRules.builder().nationalIds(NationalIdPolicy.IGNORED).deterministicTypes(IdentifierType.EMAIL,
                        IdentifierType.PHONE, IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID,
                        IdentifierType.NATIONAL_ID, IdentifierType.PASSPORT, IdentifierType.DRIVERS_LICENSE).build(),
                "national id is not deterministic when ignored");
    }

    @Test
    void parameterFormats() {
        Map<String, String> expected = new TreeMap<>();
        expected.put("dateOrder", "MONTH_FIRST");
        expected.put("defaultRegion", "CA");
        expected.put("deterministicTypes", "phone,social:x");
        expected.put("email.roleAddressesIdentify", "true");
        expected.put("matchThreshold", "0.97");
        expected.put("maxContradiction", "12.0");
        expected.put("nationalIds", "STRICT");
        expected.put("nicknames", "robert:bob,rob;roberta:bobbie,rob;william:bill;ximena:mena");
        expected.put("prior", "2.5E-5");
        expected.put("reviewThreshold", "0.6");
        assertEquals(expected, configurations().get("everything").parameters());
        assertEquals(Map.of("email.gmailRules", "false", "email.placeholderDomains", "shop.example.io",
                "email.placeholderLocalParts", "anon,none", "email.plusTags", "ALL", "email.roleAddressesIdentify", "true",
                "defaultRegion", "US"), configurations().get("custom e-mail normalizer").parameters());
        assertEquals(Map.of("maxContradiction", "Infinity"), configurations().get("no max contradiction").parameters());
        assertEquals(Map.of("deterministicTypes", "", "defaultRegion", "US"),
                configurations().get("no deterministic types").parameters());
        assertEquals(Map.of("deterministicTypes", "email", "nationalIds", "IGNORED"),
                configurations().get("ignored national ids, deterministic e-mail").parameters());
        assertEquals(Parameters.ALL.stream().sorted().toList(), Parameters.ALL, "the known names, sorted");
    }

    /** Numbers read back exactly, including the extremes. */
    @Test
    void seededRandomConfigurationsRoundTrip() {
        Random random = new Random(42L);
        IdentifierType[] types = {IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.CUSTOMER_ID,
            IdentifierType.LOYALTY_ID, IdentifierType.NATIONAL_ID, IdentifierType.DEVICE_ID, IdentifierType.of("member_no"),
            IdentifierType.social("mastodon"), IdentifierType.EMAIL.protectedVariant()};
        double[] extremes = {Double.MIN_VALUE, Math.nextDown(1.0), Math.nextUp(0.0), 0.5, 1e-300, 0.1 + 0.2};
        for (int round = 0; round < 300; round++) {
            CustomerRules.Builder b = CustomerRules.builder();
            if (random.nextBoolean()) {
                b.defaultRegion(List.of("US", "au", "DE", "gb", "IN").get(random.nextInt(5)));
            }
            if (random.nextBoolean()) {
                b.dateOrder(DateNormalizer.DayMonthOrder.values()[random.nextInt(3)]);
            }
            if (random.nextBoolean()) {
                b.nationalIds(NationalIdPolicy.values()[random.nextInt(3)]);
            }
            if (random.nextBoolean()) {
                List<IdentifierType> chosen = new ArrayList<>(List.of(types));
                java.util.Collections.shuffle(chosen, random);
                b.deterministicTypes(chosen.subList(0, random.nextInt(chosen.size() + 1)).toArray(new IdentifierType[0]));
            }
            if (random.nextBoolean()) {
                double match = random.nextInt(4) == 0 ? extremes[random.nextInt(extremes.length)] : random.nextDouble();
                match = match == 0 ? 0.5 : match;
                double review = random.nextBoolean() ? match : match * random.nextDouble();
                b.thresholds(match, review == 0 ? match : review);
            }
            if (random.nextBoolean()) {
                double prior = random.nextInt(4) == 0 ? extremes[random.nextInt(extremes.length)] : random.nextDouble() / 1000;
                b.prior(prior == 0 ? 1e-6 : prior);
            }
            if (random.nextBoolean()) {
                b.maxContradiction(random.nextInt(5) == 0 ? Double.POSITIVE_INFINITY
                        : random.nextInt(5) == 0 ? Double.MIN_VALUE : random.nextDouble() * 40 + Double.MIN_VALUE);
            }
            if (random.nextBoolean()) {
                EmailNormalizer.Builder e = EmailNormalizer.builder();
                if (random.nextBoolean()) {
                    e.plusTags(EmailNormalizer.PlusTags.values()[random.nextInt(3)]);
                }
                if (random.nextBoolean()) {
                    e.gmailRules(random.nextBoolean());
                }
                if (random.nextBoolean()) {
                    e.roleAddressesIdentify(random.nextBoolean());
                }
                for (int i = random.nextInt(3); i > 0; i--) {
                    e.placeholderLocalParts(List.of("none", "x.y", "n/a", "zz_top", "jos\u00e9", "o'neil").get(random.nextInt(6)));
                }
                for (int i = random.nextInt(3); i > 0; i--) {
                    e.placeholderDomains(List.of("shop.example.io", "ACME.io", "b\u00fccher.de", "x-y.co.uk").get(random.nextInt(4)));
                }
                b.emails(e.build());
            }
            if (random.nextInt(4) == 0) {
                b.nicknames(random.nextBoolean() ? customNicknames() : Nicknames.of(Map.of()));
            }
            CustomerRules rules = b.build();
            Map<String, String> parameters = rules.parameters();
            CustomerRules made = PROVIDER.create(parameters);
            assertEquals(rules, made, parameters.toString());
            assertEquals(parameters, made.parameters());
            assertEquals(parameters, PROVIDER.create(new HashMap<>(parameters)).parameters(), "any map");
        }
    }

    @Test
    void parametersDistinguishConfigurations() {
        Map<Map<String, String>, String> seen = new HashMap<>();
        for (Map.Entry<String, CustomerRules> configuration : configurations().entrySet()) {
            String before = seen.put(configuration.getValue().parameters(), configuration.getKey());
            assertEquals(null, before, configuration.getKey() + " and " + before);
        }
        assertNotEquals(CustomerRules.builder().deterministicTypes(IdentifierType.EMAIL, IdentifierType.PHONE).build(),
                CustomerRules.builder().deterministicTypes(IdentifierType.PHONE, IdentifierType.EMAIL).build(),
                "rule order is part of the configuration");
        assertNotEquals(CustomerRules.standard(), CustomerRules.builder().nicknames(customNicknames()).build());
        assertFalse(CustomerRules.standard().equals(null));
    }

    @Test
    void registeredForTheClassPathAndTheModulePath() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = CustomerRulesProvider.class.getResourceAsStream("/META-INF/services/io.unum.spi.RuleSetProvider")) {
            assertTrue(in != null, "META-INF/services/io.unum.spi.RuleSetProvider");
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(lines::add);
        }
        assertEquals(List.of(CustomerRulesProvider.class.getName()), lines);
        Module module = CustomerRulesProvider.class.getModule();
        if (module.isNamed()) {
            assertTrue(module.getDescriptor().provides().stream().anyMatch(p -> p.service().equals("io.unum.spi.RuleSetProvider")
                    && p.providers().equals(List.of(CustomerRulesProvider.class.getName()))), module.getDescriptor().toString());
        }
    }

    // ------------------------------------------------------------------------------------------
    // bad parameters

    private static IllegalArgumentException rejected(String parameter, String value) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(parameter, value);
        return rejected(parameter, () -> PROVIDER.create(parameters));
    }

    private static IllegalArgumentException rejected(String parameter, Supplier<CustomerRules> create) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, create::get, parameter);
        String message = e.getMessage();
        assertTrue(message.contains("\"" + parameter + "\""), "names the parameter: " + message);
        assertTrue(message.contains("expected") || message.contains("known parameters") || message.contains("twice"),
                "says what was expected: " + message);
        for (String leak : List.of("java.", "io.unum", "Exception", "For input string", "DayMonthOrder", "NationalIdPolicy")) {
            assertFalse(message.contains(leak), "no class names: " + message);
        }
        return e;
    }

    @Test
    void badParametersNameTheParameterAndWhatWasExpected() {
        IllegalArgumentException unknown = rejected("region", "US");
        assertTrue(unknown.getMessage().contains("known parameters: dateOrder, defaultRegion, deterministicTypes"),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("rule set \"customer\""), unknown.getMessage());
        rejected("email.plusTag", "ALL");

        assertTrue(rejected("defaultRegion", "XX").getMessage().contains("ISO 3166-1 alpha-2"));
        rejected("defaultRegion", "");
        assertTrue(rejected("dateOrder", "day_first").getMessage()
                .contains("one of DAY_FIRST, MONTH_FIRST, REJECT_AMBIGUOUS, was \"day_first\""));
        assertTrue(rejected("nationalIds", "LENIENT").getMessage().contains("TOLERANT, STRICT, IGNORED"));
        assertTrue(rejected("deterministicTypes", "email,,phone").getMessage().contains("entry 2 of 3"));
        rejected("deterministicTypes", "Email");
        rejected("deterministicTypes", "email.hmac.hmac,phone");
        rejected("deterministicTypes", "email,phone,email");
        rejected("deterministicTypes", "email, phone");

        assertTrue(rejected("matchThreshold", "1.5").getMessage().contains("greater than 0 and less than 1"));
        rejected("matchThreshold", "abc");
        rejected("matchThreshold", "0.9f");
        rejected("matchThreshold", "0x1p-1");
        rejected("matchThreshold", " 0.9");
        rejected("reviewThreshold", "0");
        rejected("reviewThreshold", "NaN");
        assertTrue(rejected("reviewThreshold", () -> PROVIDER.create(Map.of("matchThreshold", "0.8", "reviewThreshold", "0.9")))
                .getMessage().contains("at most matchThreshold (0.8)"));
        assertTrue(rejected("matchThreshold", () -> PROVIDER.create(Map.of("matchThreshold", "0.4"))).getMessage()
                .contains("at least reviewThreshold (default 0.5)"));
        rejected("prior", "1");
        rejected("prior", "-1e-4");
        rejected("prior", "Infinity");
        rejected("prior", "1e-4 ");
        rejected("maxContradiction", "0");
        rejected("maxContradiction", "-3");
        rejected("maxContradiction", "-Infinity");
        rejected("maxContradiction", "NaN");
        rejected("maxContradiction", "ten");

        rejected("email.plusTags", "all");
        rejected("email.gmailRules", "yes");
        rejected("email.roleAddressesIdentify", "TRUE");
        assertTrue(rejected("email.placeholderLocalParts", "none,a..b").getMessage().contains("entry 2 of 2"));
        rejected("email.placeholderLocalParts", "none,");
        assertTrue(rejected("email.placeholderDomains", "localhost").getMessage().contains("entry 1 of 1"));
        assertTrue(rejected("nicknames", "robert:bob;william").getMessage().contains("entry 2 of 2"));
        rejected("nicknames", "robert:Bob");
        rejected("nicknames", "robert:bob;robert:rob");

        rejected("prior", (String) null);
        String longValue = "x".repeat(500);
        assertTrue(rejected("dateOrder", longValue).getMessage().contains("(500 characters)"), "long values are cut");
        assertThrows(NullPointerException.class, () -> PROVIDER.create(null));
        Map<String, String> nullName = new HashMap<>();
        nullName.put(null, "x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PROVIDER.create(nullName)).getMessage()
                .contains("known parameters"));
    }

    @Test
    void emptyListsAreAccepted() {
        assertEquals(CustomerRules.builder().deterministicTypes().build(), PROVIDER.create(Map.of("deterministicTypes", "")));
        assertEquals(CustomerRules.standard(), PROVIDER.create(Map.of("email.placeholderLocalParts", "")));
        assertEquals(CustomerRules.builder().nicknames(Nicknames.of(Map.of())).build(), PROVIDER.create(Map.of("nicknames", "")));
        assertEquals(Map.of("nicknames", ""), PROVIDER.create(Map.of("nicknames", "")).parameters());
    }
}
