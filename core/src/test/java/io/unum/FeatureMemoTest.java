package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A batch normalizes each distinct feature value about once (normalizers are pure), gives the
 * same profiles as one upsert at a time (which normalizes every value), and keeps a normalizer's
 * {@code null} ("no information") as an absent feature.
 */
class FeatureMemoTest {

    private static final int RECORDS = 20_000;
    private static final int FAMILIES = 50;

    /** Counts its calls; lower-cases; "none" carries no information. */
    private static final class Counting implements Normalizer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String normalize(String value) {
            calls.incrementAndGet();
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.equals("none") ? null : v;
        }
    }

    private static Resolver resolver(Counting family, Counting code, int threads) {
        return Resolver.newBuilder()
                .parallelism(threads)
                .feature(Feature.of("family", "family", family))
                .feature(Feature.of("code", "code", code))
                .rule(MatchRule.probabilistic("people")
                        .comparison(Comparison.of("family",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.95, 0.02),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.05, 0.98)))
                        .comparison(Comparison.of("code",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.0001),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.9999)))
                        .blockingKey(BlockingKey.on("code"))
                        .blockingKey(BlockingKey.on("family"))
                        .prior(0.01).matchThreshold(0.9).build())
                .build();
    }

    /**
     * Records in pairs (a shared code, the same family name spelled in two cases); a quarter of
     * the pairs have the family name "None", which the normalizer turns into "no information";
     * the second half of the records have unique codes. 50 family names, about 10,000 distinct
     * codes: the family memo stays far below its bound, the codes fill a good part of it.
     */
    private static List<SourceRecord> records() {
        List<SourceRecord> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            int pair = i / 2;
            String family = pair % 4 == 0 ? "None" : (i % 2 == 0 ? "family" : "FAMILY") + (pair % FAMILIES);
            String code = i < RECORDS / 2 ? "c" + pair : "u" + i;
            records.add(SourceRecord.builder("s", "r" + i).attribute("family", family).attribute("code", code).build());
        }
        return records;
    }

    @Test
    void batchNormalizesRepeatedValuesOnceAndResolvesLikeSingleUpserts() {
        Counting batchFamily = new Counting();
        Counting batchCode = new Counting();
        Resolution batch = resolver(batchFamily, batchCode, 2).resolve(records());

        // distinct raw family values: "None" + 50 × two spellings (lower and upper case)
        int distinctFamilies = 1 + 2 * FAMILIES;
        assertTrue(batchFamily.calls.get() <= 2 * distinctFamilies,
                "each distinct value normalized about once per batch (at most once per thread), was "
                        + batchFamily.calls.get());
        assertTrue(batchCode.calls.get() >= RECORDS / 2 + RECORDS / 4,
                "every distinct code is normalized, was " + batchCode.calls.get());

        Counting liveFamily = new Counting();
        Counting liveCode = new Counting();
        IdentityGraph graph = resolver(liveFamily, liveCode, 1).newGraph();
        for (SourceRecord record : records()) {
            graph.upsert(record);
        }
        assertEquals(RECORDS, liveFamily.calls.get(), "single upserts normalize every value");
        assertEquals(Partitions.of(batch.profiles()), Partitions.of(graph.profiles()),
                "same profiles with and without the memo");
        assertTrue(batch.statistics().oversizedBlocks().isEmpty(),
                "'None' is no family name: 5,000 records do not share one family block");
        assertEquals(RECORDS / 2 + RECORDS / 4, batch.profiles().size(),
                "pairs sharing a code link; the family name 'None' is absent, not a shared value");
    }
}
