package io.unum.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Explanation;
import io.unum.Resolver;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Dependence;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between comparisons ({@link Dependence}): validation, scoring, explanation,
 * the model's JSON, and training that finds a dependence where the data has one and none where
 * it has not.
 *
 * <p>Data: 2,000 households of one to three people, two records per person. With households,
 * the members share the household's surname and address but not given name, birth date or
 * e-mail; without, every person has a surname from the same pool and an address of their own.
 * A person's second record keeps each field with probability 0.95.
 */
class DependenceTest {

    private static final String[] FIELDS = {"given", "surname", "dob", "email", "address"};

    private static MatchRule.ProbabilisticBuilder rule() {
        MatchRule.ProbabilisticBuilder rule = MatchRule.probabilistic("person");
        for (String field : FIELDS) {
            rule.comparison(Comparison.of(field,
                    ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                    ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)));
        }
        return rule.blockingKey(BlockingKey.on("surname")).blockingKey(BlockingKey.on("dob")).prior(0.0002);
    }

    private static Resolver resolver(MatchRule.Probabilistic rule) {
        Resolver.Builder builder = Resolver.newBuilder().parallelism(1);
        for (String field : FIELDS) {
            builder.feature(Feature.of(field, field, Normalizers.trim()));
        }
        return builder.rule(rule).build();
    }

    private static List<SourceRecord> records(boolean households, long seed) {
        Random random = new Random(seed);
        List<SourceRecord> records = new ArrayList<>();
        int person = 0;
        for (int h = 0; h < 2000; h++) {
            String surname = "s" + random.nextInt(400);
            int size = 1 + random.nextInt(3);
            for (int p = 0; p < size; p++, person++) {
                String[] values = {"g" + random.nextInt(300), households ? surname : "s" + random.nextInt(400),
                    "d" + random.nextInt(20_000), "e" + person, households ? "a" + h : "a" + person};
                for (int r = 0; r < 2; r++) {
                    SourceRecord.Builder b = SourceRecord.builder("s", person + "-" + r);
                    for (int f = 0; f < FIELDS.length; f++) {
                        String value = r == 1 && random.nextDouble() >= 0.95 ? values[f] + "x" : values[f];
                        b.attribute(FIELDS[f], value);
                    }
                    records.add(b.build());
                }
            }
        }
        return records;
    }

    private static SourceRecord record(String id, String given, String surname, String dob, String address) {
        return SourceRecord.builder("s", id).attribute("given", given).attribute("surname", surname)
                .attribute("dob", dob).attribute("address", address).build();
    }

    @Test
    void trainingFindsTheDependenceOnlyWhereTheDataHasIt() {
        MatchRule.Probabilistic declared = rule().dependence("surname", "address").build();
        Resolver resolver = resolver(declared);
        // EM on the birth-date blocks, where pairs are mostly matches (in surname blocks a household
        // would pass for a person)
        TrainingOptions options = TrainingOptions.newBuilder().randomPairs(200_000).pass(BlockingKey.on("dob")).build();

        TrainedModel withHouseholds = resolver.train(records(true, 1), options);
        Map<String, Double> corrections = withHouseholds.rules().get("person").dependencies().get("address");
        assertTrue(corrections.getOrDefault("exact", 0.0) < -4, "households: a shared surname makes a shared address likely: "
                + corrections + " " + withHouseholds.rules().get("person").notes());
        assertTrue(!corrections.containsKey("else"), "only agreeing levels are corrected");

        TrainedModel without = resolver.train(records(false, 2), options);
        assertEquals(Map.of(), without.rules().get("person").dependencies().get("address"),
                () -> "no households, no correction: " + without.rules().get("person").notes());
    }

    @Test
    void aCorrectionLowersTheWeightOnlyWhenBothComparisonsAgreeAndIsExplained() {
        Dependence dependence = new Dependence("surname", "address", Map.of("exact", -5.0));
        Resolver plain = resolver(rule().build());
        Resolver corrected = resolver(rule().dependence(dependence).build());
        SourceRecord a = record("1", "ann", "smith", "d1", "a1");
        SourceRecord sameSurname = record("2", "bob", "smith", "d2", "a1");
        SourceRecord otherSurname = record("3", "bob", "jones", "d2", "a1");

        assertEquals(weight(plain.explain(a, sameSurname)) - 5.0, weight(corrected.explain(a, sameSurname)), 1e-9);
        assertEquals(weight(plain.explain(a, otherSurname)), weight(corrected.explain(a, otherSurname)), 1e-9);
        Explanation.Probabilistic explained = person(corrected.explain(a, sameSurname));
        Explanation.Step step = explained.steps().stream().filter(s -> s.comparison().equals("surname & address"))
                .findFirst().orElseThrow(() -> new AssertionError(explained.toString()));
        assertEquals(-5.0, step.weight(), 1e-12);
        assertEquals(explained.weight(), explained.steps().get(explained.steps().size() - 1).total(), 1e-9,
                "the running total includes the correction");
    }

    @Test
    void aDependenceOnTwoLevelsCorrectsASurnameOneTypoApartToo() {
        // the surname with a middle level: the same first three letters (a typo further on)
        io.unum.spi.FieldComparator prefix = (x, y) -> x.length() >= 3 && y.length() >= 3
                && x.regionMatches(0, y, 0, 3) ? 1.0 : 0.0;
        java.util.function.Function<Dependence, Resolver> resolverOf = dependence -> {
            MatchRule.ProbabilisticBuilder rule = MatchRule.probabilistic("person");
            for (String field : FIELDS) {
                rule.comparison(field.equals("surname")
                        ? Comparison.of(field, ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("prefix", LevelCondition.atLeast(prefix, 1.0), 0.05, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.05, 0.98))
                        : Comparison.of(field, ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)));
            }
            if (dependence != null) {
                rule.dependence(dependence);
            }
            return resolver(rule.blockingKey(BlockingKey.on("surname")).prior(0.0002).build());
        };
        Map<String, Double> corrections = Map.of("exact", -5.0);
        Resolver plain = resolverOf.apply(null);
        Resolver firstLevel = resolverOf.apply(new Dependence("surname", "address", corrections));
        Resolver twoLevels = resolverOf.apply(new Dependence("surname", "address", corrections, 2));
        SourceRecord a = record("1", "ann", "smith", "d1", "a1");
        SourceRecord exact = record("2", "bob", "smith", "d2", "a1");
        SourceRecord typo = record("3", "bob", "smitt", "d2", "a1");
        SourceRecord other = record("4", "bob", "jones", "d2", "a1");

        assertEquals(weight(plain.explain(a, exact)) - 5.0, weight(firstLevel.explain(a, exact)), 1e-9);
        assertEquals(weight(plain.explain(a, typo)), weight(firstLevel.explain(a, typo)), 1e-9,
                "one level: a surname one typo apart is not corrected");
        assertEquals(weight(plain.explain(a, exact)) - 5.0, weight(twoLevels.explain(a, exact)), 1e-9);
        assertEquals(weight(plain.explain(a, typo)) - 5.0, weight(twoLevels.explain(a, typo)), 1e-9,
                "two levels: the surname one typo apart is corrected as an exact one");
        assertEquals(weight(plain.explain(a, other)), weight(twoLevels.explain(a, other)), 1e-9,
                "a different surname is not");
        assertEquals(2, Dependence.of("surname", 2, "address").withCorrections(corrections).conditioningLevels(),
                "trained corrections keep the levels");
        assertMessage("conditioned on 4 levels of surname, which has 3", () -> resolverOf.apply(
                Dependence.of("surname", 4, "address")));
    }

    @Test
    void theModelCarriesTheCorrectionsThroughJson() {
        Resolver resolver = resolver(rule().dependence("surname", "address").build());
        TrainedModel model = resolver.train(records(true, 3),
                TrainingOptions.newBuilder().randomPairs(100_000).pass(BlockingKey.on("dob")).build());
        TrainedModel read = TrainedModel.fromJson(model.toJson());
        assertEquals(model.rules().get("person").dependencies(), read.rules().get("person").dependencies());
        Resolver withModel = resolver.withModel(read);
        SourceRecord a = record("1", "ann", "smith", "d1", "a1");
        SourceRecord b = record("2", "bob", "smith", "d2", "a1");
        double expected = model.rules().get("person").dependencies().get("address").get("exact");
        assertEquals(expected, person(withModel.explain(a, b)).steps().stream()
                .filter(s -> s.comparison().equals("surname & address")).findFirst().orElseThrow().weight(), 1e-12);

        IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class,
                () -> resolver(rule().build()).withModel(read));
        assertTrue(undeclared.getMessage().contains("does not declare"), undeclared.getMessage());
    }

    @Test
    void invalidDependenciesAreRefusedWithTheirReason() {
        assertMessage("names a comparison the rule does not have", () -> rule().dependence("surname", "phone").build());
        assertMessage("must come before", () -> rule().dependence("address", "surname").build());
        assertMessage("dependent in two", () -> rule().dependence("surname", "address").dependence("given", "address").build());
        assertMessage("does not have; levels", () -> rule().dependence(
                new Dependence("surname", "address", Map.of("nearby", -1.0))).build());
        assertMessage("at most 0", () -> new Dependence("surname", "address", Map.of("exact", 1.0)));
        assertMessage("itself", () -> Dependence.of("address", "address"));
        assertMessage("at least 1, was 0", () -> Dependence.of("surname", 0, "address"));
        assertMessage("different numbers of levels (1 and 2)", () -> rule().dependence("surname", "address")
                .dependence("surname", 2, "dob").build());
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static Explanation.Probabilistic person(Explanation explanation) {
        return explanation.rules().stream().filter(r -> r instanceof Explanation.Probabilistic)
                .map(r -> (Explanation.Probabilistic) r).findFirst().orElseThrow();
    }

    private static double weight(Explanation explanation) {
        return person(explanation).weight();
    }
}
