package io.unum.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Explanation;
import io.unum.IdentityGraph;
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
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Agreement on a rare value weighs more than agreement on a common one. */
class TermFrequencyTest {

    private static Resolver resolver() {
        return Resolver.newBuilder()
                .feature(Feature.of("surname", "surname", Normalizers.basic()))
                .feature(Feature.of("city", "city", Normalizers.basic()))
                .rule(MatchRule.probabilistic("names")
                        .comparison(Comparison.of("surname",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)).withTermFrequencies())
                        .comparison(Comparison.of("city",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.1),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.9)))
                        .blockingKey(BlockingKey.on("city"))
                        .prior(0.01).matchThreshold(0.9).build())
                .build();
    }

    /** 40% smith, the rest spread over 300 rare surnames; 10 cities. */
    private static List<SourceRecord> records(long seed) {
        Random random = new Random(seed);
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String surname = random.nextInt(10) < 4 ? "smith" : "rare" + random.nextInt(300);
            records.add(SourceRecord.builder("s", "r" + i).attribute("surname", surname)
                    .attribute("city", "city" + random.nextInt(10)).build());
        }
        return records;
    }

    private static SourceRecord person(String id, String surname) {
        return SourceRecord.builder("t", id).attribute("surname", surname).attribute("city", "city1").build();
    }

    @Test
    void rareAgreementWeighsMore() {
        List<SourceRecord> records = records(1);
        // the records are 2,000 different people, so the estimated prior is tiny (no pair should
        // link); the caller's prior isolates the term-frequency weights
        TrainedModel estimated = resolver().train(records, TrainingOptions.newBuilder().randomPairs(50_000).build());
        assertTrue(estimated.rules().get("names").prior() < 1e-4, "prior " + estimated.rules().get("names").prior());
        TrainedModel model = resolver().train(records, TrainingOptions.newBuilder().randomPairs(50_000)
                .prior(new PriorEstimate.Fixed(0.02)).build());
        TermFrequencies tf = model.rules().get("names").comparisons().get("surname").termFrequencies();
        assertEquals(0.4, tf.frequency("smith"), 0.03);
        assertTrue(tf.frequency("never-seen") == tf.floor());
        Resolver trained = resolver().withModel(model);

        Explanation common = trained.explain(person("a", "Smith"), person("b", "smith"));
        Explanation rare = trained.explain(person("c", "rare7"), person("d", "RARE7"));
        Explanation.Step smith = surnameStep(common);
        Explanation.Step rare7 = surnameStep(rare);
        assertEquals("exact", smith.level());
        assertTrue(rare7.weight() > smith.weight() + 5, rare7 + " vs " + smith);
        assertTrue(smith.termFrequencyAdjustment() < 0, "a common value weighs less than the average agreement");
        assertTrue(rare7.termFrequencyAdjustment() > 0, "a rare value weighs more");
        assertEquals(Explanation.Outcome.LINK, rare.rules().get(0).outcome());
        assertEquals(Explanation.Outcome.NO_LINK, common.rules().get(0).outcome());
        assertTrue(common.toText().contains("term frequency"), common.toText());
    }

    @Test
    void termFrequenciesKeepBatchAndIncrementalIdentical() {
        List<SourceRecord> records = records(2);
        Resolver trained = resolver().withModel(resolver().train(records, TrainingOptions.newBuilder().randomPairs(20_000).build()));
        Set<List<RecordKey>> batch = partition(trained.resolve(records).profiles());
        List<SourceRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(3));
        IdentityGraph graph = trained.newGraph();
        shuffled.forEach(graph::upsert);
        assertEquals(batch, partition(graph.profiles()));
    }

    private static Set<List<RecordKey>> partition(List<io.unum.model.Profile> profiles) {
        Set<List<RecordKey>> set = new HashSet<>();
        profiles.forEach(p -> set.add(p.members()));
        return set;
    }

    private static Explanation.Step surnameStep(Explanation explanation) {
        Explanation.Probabilistic rule = (Explanation.Probabilistic) explanation.rules().get(0);
        return rule.steps().stream().filter(s -> s.comparison().equals("surname")).findFirst().orElseThrow();
    }
}
