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
 * Match quality of {@link CustomerRules#standard()} with its hand-set m/u values on the public
 * labelled data sets in {@code ../shared/data}. Skips, with a message, when they are absent.
 * The floors asserted here guard against regressions; the targets the project must reach after
 * EM training (FEBRL 3 ≥ 0.995, without national ids ≥ 0.97, fake_1000 ≥ 0.90) are another
 * issue's.
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

    static final double FEBRL3_FLOOR = 0.997;
    static final double FEBRL3_NO_ID_FLOOR = 0.96;
    static final double FAKE_1000_FLOOR = 0.85;
}
