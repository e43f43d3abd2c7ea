package io.unum.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unum.Resolution;
import io.unum.Resolver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Match quality of {@link CustomerRules#standard()} on the public labelled data sets in
 * {@code ../shared/data}, as the CLI runs it: trained without labels on the data itself
 * (u from random pairs, m by EM, the prior from expected matches), held to the project's targets
 * (FEBRL 3 ≥ 0.995, without national ids ≥ 0.97, fake_1000 ≥ 0.90); and with the hand-set m/u
 * values, held to regression floors. Skips, with a message, when the data sets are absent.
 */
class CustomerRulesQualityTest {

    private static Path dataset(String relative) {
        Path file = LabelledData.dataDirectory().resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "labelled data set not found, skipping: " + file
                + " (set -Dunum.data=<dir> to point at ../shared/data)");
        return file;
    }

    private static Resolution resolve(CustomerRules rules, LabelledData.Data data) {
        Resolver resolver = rules.applyTo(Resolver.newBuilder()).blockingSecret(1, 2).build();
        return resolver.resolve(data.records());
    }

    private static Resolution resolveTrained(CustomerRules rules, LabelledData.Data data) {
        Resolver resolver = rules.applyTo(Resolver.newBuilder()).blockingSecret(1, 2).build();
        return resolver.withModel(resolver.train(data.records(), rules.trainingOptions()))
                .resolve(data.records());
    }

    @Test
    void trainedModelsMeetTheTargets() throws Exception {
        LabelledData.Data febrl = LabelledData.febrl(dataset("febrl3/dataset3.csv"), true);
        LabelledData.Scores withIds = LabelledData.score(resolveTrained(CustomerRules.standard(), febrl), febrl.truth());
        LabelledData.Data febrlNoIds = LabelledData.febrl(dataset("febrl3/dataset3.csv"), false);
        LabelledData.Scores withoutIds = LabelledData.score(resolveTrained(CustomerRules.standard(), febrlNoIds),
                febrlNoIds.truth());
        LabelledData.Data fake = LabelledData.fake1000(dataset("splink_fake_1000/fake_1000.csv"));
        LabelledData.Scores fakeScores = LabelledData.score(resolveTrained(CustomerRules.standard(), fake), fake.truth());
        System.out.println("trained: FEBRL3 " + withIds + "; without soc_sec_id " + withoutIds + "; fake_1000 " + fakeScores);
        assertTrue(withIds.f1() >= 0.995, () -> "FEBRL3 " + withIds);
        assertTrue(withoutIds.f1() >= 0.97, () -> "FEBRL3 without soc_sec_id " + withoutIds);
        assertTrue(fakeScores.f1() >= 0.90, () -> "fake_1000 " + fakeScores);
    }

    @Test
    void febrl3WithNationalIds() throws Exception {
        LabelledData.Data data = LabelledData.febrl(dataset("febrl3/dataset3.csv"), true);
        Resolution resolution = resolve(CustomerRules.standard(), data);
        LabelledData.Scores scores = LabelledData.score(resolution, data.truth());
        System.out.println("FEBRL3 with soc_sec_id: " + scores + "; " + resolution.statistics().candidatePairs()
                + " candidate pairs");
        assertEquals(5000, resolution.assignments().size());
        assertTrue(scores.f1() >= FEBRL3_FLOOR, scores::toString);
    }

    @Test
    void febrl3WithoutNationalIds() throws Exception {
        LabelledData.Data data = LabelledData.febrl(dataset("febrl3/dataset3.csv"), false);
        Resolution resolution = resolve(CustomerRules.standard(), data);
        LabelledData.Scores scores = LabelledData.score(resolution, data.truth());
        System.out.println("FEBRL3 without soc_sec_id: " + scores + "; " + resolution.statistics().candidatePairs()
                + " candidate pairs");
        assertTrue(scores.f1() >= FEBRL3_NO_ID_FLOOR, scores::toString);
    }

    @Test
    void splinkFake1000() throws Exception {
        LabelledData.Data data = LabelledData.fake1000(dataset("splink_fake_1000/fake_1000.csv"));
        Resolution resolution = resolve(CustomerRules.standard(), data);
        LabelledData.Scores scores = LabelledData.score(resolution, data.truth());
        System.out.println("splink fake_1000: " + scores + "; " + resolution.statistics().candidatePairs()
                + " candidate pairs");
        assertTrue(scores.f1() >= FAKE_1000_FLOOR, scores::toString);
    }

    // hand-set values (no training), measured 0.9934 / 0.9544 / 0.8294; the trained model is the default.
    // Generic values (issue 16) cost fake_1000's hand-set run 0.013 (0.8154): its duplicates differ in
    // given name, family name and a date of birth a decade apart while sharing an e-mail, which the
    // hand-set weights read as two people; the trained model (the default from 1,000 records) is
    // unchanged at 0.9188 (docs/quality.md)
    static final double FEBRL3_FLOOR = 0.99;
    static final double FEBRL3_NO_ID_FLOOR = 0.95;
    static final double FAKE_1000_FLOOR = 0.81;
}
