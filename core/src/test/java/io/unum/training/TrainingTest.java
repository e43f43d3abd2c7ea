package io.unum.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * EM recovers the m and u the data was generated with.
 *
 * <p>Data: 3,000 people with two records each. Fields a, b, c take values uniformly from 50, 200
 * and 20 values, so two different people agree on them with u = 1/50, 1/200, 1/20. A person's
 * second record keeps each field with probability m = 0.90, 0.80, 0.95 and otherwise gets a
 * different value. Field "bucket" (300 values, the same on both records of a person) is the
 * blocking key and is not compared, so EM estimates all three comparisons in one pass.
 */
class TrainingTest {

    private static final double[] M = {0.90, 0.80, 0.95};
    private static final int[] VALUES = {50, 200, 20};
    private static final String[] FIELDS = {"a", "b", "c"};
    private static final int PEOPLE = 3000;

    static Resolver resolver() {
        return resolver(Resolver.newBuilder());
    }

    private static Resolver resolver(Resolver.Builder builder) {
        return resolver(builder, BlockingKey.on("bucket"));
    }

    private static Resolver resolver(Resolver.Builder builder, BlockingKey... keys) {
        MatchRule.ProbabilisticBuilder rule = MatchRule.probabilistic("fs");
        builder.feature(Feature.of("bucket", "bucket", Normalizers.trim()));
        for (String field : FIELDS) {
            builder.feature(Feature.of(field, field, Normalizers.trim()));
            rule.comparison(Comparison.of(field,
                    ComparisonLevel.of("exact", LevelCondition.exact(), 0.5, 0.5),
                    ComparisonLevel.of("else", LevelCondition.always(), 0.5, 0.5)));
        }
        for (BlockingKey key : keys) {
            rule.blockingKey(key);
        }
        return builder.rule(rule.prior(0.001).build()).build();
    }

    static List<SourceRecord> records(long seed, Map<RecordKey, String> truth) {
        Random random = new Random(seed);
        List<SourceRecord> records = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            int[] values = new int[FIELDS.length];
            for (int f = 0; f < FIELDS.length; f++) {
                values[f] = random.nextInt(VALUES[f]);
            }
            String bucket = "k" + random.nextInt(300);
            for (int r = 0; r < 2; r++) {
                SourceRecord.Builder b = SourceRecord.builder("s", p + "-" + r).attribute("bucket", bucket)
                        .attribute("person", "p" + p);
                for (int f = 0; f < FIELDS.length; f++) {
                    int value = values[f];
                    if (r == 1 && random.nextDouble() >= M[f]) {
                        value = (value + 1 + random.nextInt(VALUES[f] - 1)) % VALUES[f]; // a different value
                    }
                    b.attribute(FIELDS[f], FIELDS[f] + value);
                }
                SourceRecord record = b.build();
                records.add(record);
                truth.put(record.key(), "p" + p);
            }
        }
        return records;
    }

    private static void assertRecovers(TrainedModel model) {
        TrainedModel.Rule rule = model.rules().get("fs");
        for (int f = 0; f < FIELDS.length; f++) {
            TrainedModel.Level exact = rule.comparisons().get(FIELDS[f]).levels().get("exact");
            assertEquals(M[f], exact.m(), 0.03, FIELDS[f] + " m");
            assertEquals(1.0 / VALUES[f], exact.u(), 0.25 / VALUES[f], FIELDS[f] + " u");
        }
        double truePrior = PEOPLE / (2.0 * PEOPLE * (2.0 * PEOPLE - 1) / 2);
        assertEquals(truePrior, rule.prior(), truePrior * 0.3, "prior");
    }

    @Test
    void emRecoversKnownParameters() {
        Map<RecordKey, String> truth = new HashMap<>();
        TrainedModel model = resolver().train(records(1, truth),
                TrainingOptions.newBuilder().randomPairs(300_000).build());
        assertRecovers(model);
        assertTrue(model.rules().get("fs").notes().stream().anyMatch(n -> n.contains("converged")),
                model.rules().get("fs").notes().toString());
    }

    /**
     * A pass whose blocks hold only one person's records calls every pair a match: EM cannot tell
     * m from u there, but the levels of its pairs are m, which serve the comparisons that no pass
     * with two classes estimates — and only those.
     */
    @Test
    void aPassOfOnlyMatchesEstimatesMWhereNoOtherPassDoes() {
        Map<RecordKey, String> truth = new HashMap<>();
        List<SourceRecord> records = records(7, truth);
        Resolver resolver = resolver(Resolver.newBuilder().feature(Feature.of("person", "person", Normalizers.trim())));
        TrainedModel onlyMatches = resolver.train(records, TrainingOptions.newBuilder().randomPairs(300_000)
                .pass(BlockingKey.on("person")).build());
        TrainedModel.Rule rule = onlyMatches.rules().get("fs");
        assertTrue(rule.notes().stream().anyMatch(n -> n.startsWith("pass person:") && n.contains("(almost) every pair a match")),
                rule.notes().toString());
        for (int f = 0; f < FIELDS.length; f++) {
            assertEquals(M[f], rule.comparisons().get(FIELDS[f]).levels().get("exact").m(), 0.03, FIELDS[f] + " m");
            String field = FIELDS[f];
            assertTrue(rule.notes().stream().anyMatch(n -> n.startsWith("comparison " + field + ": m from ") && n.contains("passes that call (almost) every pair a match")),
                    rule.notes().toString());
        }

        TrainedModel both = resolver.train(records, TrainingOptions.newBuilder().randomPairs(300_000)
                .pass(BlockingKey.on("person")).pass(BlockingKey.on("bucket")).build());
        List<String> notes = both.rules().get("fs").notes();
        assertTrue(notes.stream().noneMatch(n -> n.contains("every pair a match") && n.startsWith("comparison")), notes.toString());
        assertRecovers(both);
    }

    /** Passes and the prior on a uniform sample of the candidate pairs (here ~60,000) still recover the parameters. */
    @Test
    void sampledPairsRecoverKnownParameters() {
        Map<RecordKey, String> truth = new HashMap<>();
        TrainedModel model = resolver().train(records(8, truth),
                TrainingOptions.newBuilder().randomPairs(300_000).maxPairsPerPass(15_000).build());
        assertRecovers(model);
        assertTrue(model.rules().get("fs").notes().stream().anyMatch(n -> n.matches("prior from .* among \\d+ candidate pairs")
                && Long.parseLong(n.replaceAll(".* among (\\d+) candidate pairs", "$1")) > 30_000),
                model.rules().get("fs").notes().toString());
    }

    /**
     * A blocking key on a compared field (c: 20 values, so ~900,000 candidate pairs of strangers
     * who agree on it) adds no matches to the prior: the agreement that makes a pair a candidate
     * is in its pattern, so its match probability is taken at the prior of a random pair. At the
     * candidates' own match rate, the strangers agreeing on c counted as matches and the prior
     * came out several times too high.
     */
    @Test
    void aBlockingKeyOnAComparedFieldAddsNoMatchesToThePrior() {
        Map<RecordKey, String> truth = new HashMap<>();
        Resolver resolver = resolver(Resolver.newBuilder(), BlockingKey.on("bucket"), BlockingKey.on("c"));
        TrainedModel model = resolver.train(records(9, truth), TrainingOptions.newBuilder().randomPairs(300_000)
                .pass(BlockingKey.on("bucket")).build());
        assertRecovers(model);
    }

    /**
     * Training packs a pair's levels into 64 bits by what each comparison needs: 17 comparisons
     * of two levels fit (before, four bits each allowed 16). The comparisons repeat three fields,
     * so their m are not the fields' own: only that the rule trains is asserted.
     */
    @Test
    void seventeenComparisonsTrain() {
        MatchRule.ProbabilisticBuilder rule = MatchRule.probabilistic("fs");
        Resolver.Builder builder = Resolver.newBuilder().feature(Feature.of("bucket", "bucket", Normalizers.trim()));
        for (String field : FIELDS) {
            builder.feature(Feature.of(field, field, Normalizers.trim()));
        }
        for (int c = 0; c < 17; c++) {
            rule.comparison(new Comparison("comparison " + c, FIELDS[c % FIELDS.length], List.of(
                    ComparisonLevel.of("exact", LevelCondition.exact(), 0.5, 0.5),
                    ComparisonLevel.of("else", LevelCondition.always(), 0.5, 0.5))));
        }
        Resolver resolver = builder.rule(rule.blockingKey(BlockingKey.on("bucket")).prior(0.001).build()).build();
        Map<RecordKey, String> truth = new HashMap<>();
        TrainedModel model = resolver.train(records(10, truth), TrainingOptions.newBuilder().randomPairs(50_000).build());
        assertEquals(17, model.rules().get("fs").comparisons().size());
        assertTrue(model.rules().get("fs").notes().stream().anyMatch(n -> n.startsWith("pass bucket:")),
                model.rules().get("fs").notes().toString());
    }

    /** A rule whose levels need more than 64 bits is refused by training, with the count. */
    @Test
    void levelsBeyondSixtyFourBitsAreRefused() {
        MatchRule.ProbabilisticBuilder rule = MatchRule.probabilistic("fs");
        Resolver.Builder builder = Resolver.newBuilder().feature(Feature.of("bucket", "bucket", Normalizers.trim()))
                .feature(Feature.of("a", "a", Normalizers.trim()));
        for (int c = 0; c < 33; c++) {
            rule.comparison(new Comparison("comparison " + c, "a", List.of(
                    ComparisonLevel.of("exact", LevelCondition.exact(), 0.5, 0.5),
                    ComparisonLevel.of("close", LevelCondition.exact(), 0.2, 0.2),
                    ComparisonLevel.of("else", LevelCondition.always(), 0.3, 0.3))));
        }
        Resolver resolver = builder.rule(rule.blockingKey(BlockingKey.on("bucket")).prior(0.001).build()).build();
        Map<RecordKey, String> truth = new HashMap<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolver.train(records(11, truth), TrainingOptions.defaults()));
        assertTrue(e.getMessage().contains("33 comparisons whose levels take 66 bits"), e.getMessage());
    }

    @Test
    void labelsRecoverKnownParameters() {
        Map<RecordKey, String> truth = new HashMap<>();
        List<SourceRecord> records = records(2, truth);
        assertRecovers(resolver().trainWithLabels(records, truth, TrainingOptions.newBuilder().randomPairs(300_000).build()));
    }

    @Test
    void theTrainedModelResolvesWell() {
        Map<RecordKey, String> truth = new HashMap<>();
        List<SourceRecord> records = records(3, truth);
        Resolver trained = resolver().withModel(resolver().train(records, TrainingOptions.defaults()));
        Resolution resolution = trained.resolve(records);
        long correct = 0;
        for (int p = 0; p < PEOPLE; p++) {
            if (resolution.profileOf(RecordKey.of("s", p + "-0")).equals(resolution.profileOf(RecordKey.of("s", p + "-1")))) {
                correct++;
            }
        }
        // a pair agreeing on all three fields has weight ~ log2(prior odds) + 5.5 + 7.3 + 4.2; most pairs link
        assertTrue(correct > PEOPLE * 0.6, "linked " + correct + " of " + PEOPLE);
        long wrong = resolution.profiles().stream().filter(pr -> pr.members().size() > 2).count();
        assertTrue(wrong < PEOPLE * 0.01, "over-merged profiles: " + wrong);
    }

    @Test
    void trainingDoesNotDependOnInputOrder() {
        Map<RecordKey, String> truth = new HashMap<>();
        List<SourceRecord> records = records(4, truth);
        TrainingOptions options = TrainingOptions.newBuilder().randomPairs(20_000).maxRecords(4000).build();
        TrainedModel one = resolver().train(records, options);
        List<SourceRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(5));
        TrainedModel two = resolver().train(shuffled, options);
        assertEquals(one.rules(), two.rules());
    }

    @Test
    void modelsRoundTripThroughJsonAndApply() {
        Map<RecordKey, String> truth = new HashMap<>();
        List<SourceRecord> records = records(6, truth);
        TrainedModel model = resolver().train(records, TrainingOptions.newBuilder().randomPairs(20_000).build());
        String json = model.toJson();
        assertTrue(json.startsWith("{\n  \"format\": \"unum-model\",\n  \"version\": 1,"), json.substring(0, 60));
        assertEquals(model, TrainedModel.fromJson(json));
        Resolver applied = resolver().withModel(TrainedModel.fromJson(json));
        MatchRule.Probabilistic rule = (MatchRule.Probabilistic) applied.rules().get(0);
        assertEquals(model.rules().get("fs").prior(), rule.prior());
        assertEquals(model.rules().get("fs").comparisons().get("a").levels().get("exact").m(),
                rule.comparisons().get(0).levels().get(0).m());
        assertEquals(model, applied.model().orElseThrow());
    }

    @Test
    void badModelsAreRejectedWithClearMessages() {
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> TrainedModel.fromJson(
                "{\"format\": \"unum-model\", \"version\": 9, \"trained_at\": \"2025-01-01T00:00:00Z\", \"records\": 1, \"rules\": {}}"));
        assertEquals("model format version 9 is not supported; this Unum reads 1", version.getMessage());
        IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class, () -> TrainedModel.fromJson("{\"format\": "));
        assertTrue(syntax.getMessage().startsWith("malformed JSON at offset"), syntax.getMessage());
        TrainedModel wrongRule = new TrainedModel(java.time.Instant.EPOCH, 1, Map.of("other",
                new TrainedModel.Rule(0.01, Map.of(), List.of())));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> resolver().withModel(wrongRule));
        assertTrue(unknown.getMessage().contains("rule other"), unknown.getMessage());
        TrainedModel wrongLevel = new TrainedModel(java.time.Instant.EPOCH, 1, Map.of("fs",
                new TrainedModel.Rule(0.01, Map.of("a", new TrainedModel.Comparison(
                        Map.of("fuzzy", new TrainedModel.Level(0.5, 0.5)), null)), List.of())));
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> resolver().withModel(wrongLevel));
        assertTrue(level.getMessage().contains("level fuzzy in comparison a"), level.getMessage());
    }
}
