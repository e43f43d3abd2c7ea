package io.unum;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.FieldComparator;
import io.unum.spi.Normalizers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shared configuration and seeded data for the core tests (core cannot use unum-matchers). */
final class TestFixtures {

    private TestFixtures() {
    }

    /** A bigram Dice similarity: enough of a fuzzy comparator for core's tests. */
    static final FieldComparator DICE = new FieldComparator() {
        @Override
        public double compare(String a, String b) {
            if (a.equals(b)) {
                return 1.0;
            }
            if (a.length() < 2 || b.length() < 2) {
                return 0.0;
            }
            int shared = 0;
            boolean[] used = new boolean[b.length() - 1];
            for (int i = 0; i < a.length() - 1; i++) {
                for (int j = 0; j < b.length() - 1; j++) {
                    if (!used[j] && a.charAt(i) == b.charAt(j) && a.charAt(i + 1) == b.charAt(j + 1)) {
                        used[j] = true;
                        shared++;
                        break;
                    }
                }
            }
            return 2.0 * shared / (a.length() - 1 + b.length() - 1);
        }

        @Override
        public String toString() {
            return "dice";
        }
    };

    static Resolver.Builder customerResolver() {
        return customerResolver(0);
    }

    /**
     * The customer fixture's resolver with the full-name blocking key capped at {@code nameKeyCap}
     * records per block ({@code 0}: the resolver's cap).
     */
    static Resolver.Builder customerResolver(int nameKeyCap) {
        Resolver.Builder builder = Resolver.newBuilder();
        configure(builder, nameKeyCap);
        return builder;
    }

    /** Adds the customer fixture's features and rules to a builder. */
    static void configure(Resolver.Builder builder, int nameKeyCap) {
        BlockingKey name = BlockingKey.on(Attributes.LAST_NAME, Attributes.FIRST_NAME);
        builder
                .feature(Feature.of(Attributes.FIRST_NAME))
                .feature(Feature.of(Attributes.LAST_NAME))
                .feature(Feature.of("last_initial", Attributes.LAST_NAME, Normalizers.basic().andThen(Normalizers.prefix(1))))
                .feature(Feature.of("dob", Attributes.DATE_OF_BIRTH, Normalizers.digits()))
                .feature(Feature.of(Attributes.CITY))
                .rule(MatchRule.deterministic("email-or-phone", IdentifierType.EMAIL, IdentifierType.PHONE))
                .rule(MatchRule.deterministic("national-id", IdentifierType.NATIONAL_ID))
                .rule(MatchRule.probabilistic("person")
                        .comparison(Comparison.of(Attributes.FIRST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.85, 0.01),
                                ComparisonLevel.of("dice >= 0.6", LevelCondition.atLeast(DICE, 0.6), 0.1, 0.03),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.05, 0.96)))
                        .comparison(Comparison.of(Attributes.LAST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.85, 0.005),
                                ComparisonLevel.of("dice >= 0.6", LevelCondition.atLeast(DICE, 0.6), 0.1, 0.02),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.05, 0.975)))
                        .comparison(Comparison.of("dob",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.0005),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.9995)))
                        .comparison(Comparison.of(Attributes.CITY,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.8, 0.05),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.2, 0.95)))
                        .blockingKey(BlockingKey.on("dob"))
                        .blockingKey(nameKeyCap == 0 ? name : name.withMaxBlockSize(nameKeyCap))
                        .blockingKey(BlockingKey.on("last_initial", Attributes.CITY))
                        .prior(0.001)
                        .matchThreshold(0.95)
                        .reviewThreshold(0.5)
                        .build());
    }

    private static final String[] FIRST = {"anna", "ben", "carla", "david", "eva", "frank", "gina", "hugo",
        "ines", "jon", "kira", "liam", "mia", "noah", "olga", "paul", "rosa", "sam", "tina", "uwe"};
    private static final String[] LAST = {"smith", "meyer", "garcia", "rossi", "novak", "kim", "silva",
        "weber", "dubois", "berg", "jensen", "costa"};
    private static final String[] CITY = {"oslo", "lyon", "porto", "graz", "turin", "brno", "malmo"};
    private static final String[] SOURCES = {"crm", "shop", "newsletter", "pos"};

    /**
     * Seeded multi-source records for {@code people} people: each has 1–4 records with typos,
     * missing fields, shared household e-mails, a national id on some, and placeholder phones.
     */
    static List<SourceRecord> people(long seed, int people) {
        Random random = new Random(seed);
        List<SourceRecord> records = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < people; p++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String city = CITY[random.nextInt(CITY.length)];
            String dob = String.format("19%02d%02d%02d", 40 + random.nextInt(60), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String email = first + "." + last + p + "@example.com";
            String household = "family" + (p / 3) + "@example.org";
            String phone = String.format("+4930%07d", random.nextInt(10_000_000));
            String nationalId = "NI" + (100000 + p);
            int count = 1 + random.nextInt(4);
            for (int r = 0; r < count; r++) {
                String source = SOURCES[random.nextInt(SOURCES.length)];
                SourceRecord.Builder b = SourceRecord.builder(source, "r" + (id++))
                        .observedAt(Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000)));
                b.attribute(Attributes.FIRST_NAME, random.nextInt(6) == 0 ? typo(first, random) : first);
                b.attribute(Attributes.LAST_NAME, random.nextInt(8) == 0 ? typo(last, random) : last);
                if (random.nextInt(4) != 0) {
                    b.attribute(Attributes.DATE_OF_BIRTH, dob);
                }
                if (random.nextInt(3) != 0) {
                    b.attribute(Attributes.CITY, city);
                }
                if (random.nextInt(2) == 0) {
                    b.identifier(IdentifierType.EMAIL, random.nextInt(4) == 0 ? email.toUpperCase(java.util.Locale.ROOT) : email);
                }
                if (random.nextInt(5) == 0) {
                    b.identifier(IdentifierType.EMAIL, household);
                }
                if (random.nextInt(3) == 0) {
                    b.identifier(IdentifierType.PHONE, random.nextInt(10) == 0 ? "000-000-0000" : phone);
                }
                if (random.nextInt(3) == 0) {
                    b.identifier(IdentifierType.NATIONAL_ID, nationalId);
                }
                records.add(b.build());
            }
        }
        return records;
    }

    private static String typo(String s, Random random) {
        int i = random.nextInt(s.length());
        char c = (char) ('a' + random.nextInt(26));
        return s.substring(0, i) + c + s.substring(i + 1);
    }
}
