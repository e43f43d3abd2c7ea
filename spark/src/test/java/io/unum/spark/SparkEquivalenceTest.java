package io.unum.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.DistributedStages;
import io.unum.EngineSpec;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.generator.CustomerDataGenerator;
import io.unum.matchers.CustomerRules;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The property the Spark module exists for: for the same records and the same {@link EngineSpec},
 * the Spark job gives the in-memory engine's partition and profile ids, whatever the number of
 * input partitions and the input order. Seeded generated data with households, placeholder junk
 * and (with a low block cap) oversized blocks.
 */
class SparkEquivalenceTest {

    private static final SparkSession SPARK = TestSpark.session();

    /** The command line's configuration (US phones, month-first dates; generic values on) with a block-size cap. */
    private static EngineSpec spec(int blockSizeCap) {
        CustomerRules rules = CustomerRules.builder().defaultRegion("US")
                .dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST).build();
        return Resolver.newBuilder().ruleSet(rules).blockSizeCap(blockSizeCap).build().spec();
    }

    @Test
    void sameProfilesAsInMemoryAcrossSeedsPartitionsAndOrder() {
        // revision 3 lays junk over the records (shared loyalty numbers, shop phones, family
        // e-mails): the generic values this test needs
        assertEquals(3, CustomerDataGenerator.REVISION, "generator revision");
        // ~20,000 records in all; the low cap of the second seed makes many oversized blocks
        check(7_000, 11L, spec(1000), new int[] {4, 1}, 0);
        check(3_500, 12L, spec(12), new int[] {4}, 1);
    }

    private static void check(long people, long seed, EngineSpec spec, int[] partitionCounts, int minOversized) {
        GeneratedInput input = GeneratedInput.of(people, seed);
        Resolution expected = Resolver.newBuilder(spec).build().resolve(input.records());
        Map<RecordKey, ProfileId> want = expected.assignments();
        assertTrue(want.size() > 5_000, "records: " + want.size());
        // the data has generic values that matter: ignoring them resolves the records otherwise
        Map<RecordKey, ProfileId> ignoring = DistributedStages.of(spec).knowingGenericValues(v -> false)
                .resolve(input.records()).assignments();
        long changed = want.keySet().stream().filter(k -> !want.get(k).equals(ignoring.get(k))).count();
        assertTrue(changed > 0, "records whose profile depends on generic values (seed " + seed + ")");
        for (int p = 0; p < partitionCounts.length; p++) {
            Random shuffle = p == 0 ? null : new Random(seed * 31 + p);
            SparkResolution got = UnumSpark.resolve(input.dataset(SPARK, partitionCounts[p], shuffle), spec);
            Map<RecordKey, ProfileId> have = new HashMap<>();
            for (Row row : got.clusters().collectAsList()) {
                assertEquals(null, have.put(RecordKey.of(row.getString(0), row.getString(1)), ProfileId.of(row.getString(2))),
                        "one cluster row per record");
            }
            assertEquals(want.size(), have.size(), "records resolved");
            int differ = 0;
            for (Map.Entry<RecordKey, ProfileId> e : want.entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    differ++;
                }
            }
            assertEquals(0, differ, "records whose profile id differs (seed " + seed + ", " + partitionCounts[p]
                    + " partitions)");
            SparkStatistics stats = got.statistics();
            System.out.println("seed " + seed + ", " + partitionCounts[p] + " partitions: " + want.size() + " records, "
                    + changed + " of them resolved otherwise without generic values, " + stats);
            assertEquals(expected.statistics().profiles(), stats.profiles(), "profiles");
            assertEquals(expected.statistics().candidatePairs(), stats.candidatePairs(), "candidate pairs");
            assertEquals(expected.statistics().oversizedBlocks(), stats.oversizedBlocks(), "oversized blocks");
            assertTrue(stats.genericValues() > 0, "generic values: " + stats.genericValues());
            assertTrue(stats.oversizedBlocks().size() >= minOversized, "oversized blocks: " + stats.oversizedBlocks().size());
            // the golden values too: the same members and the same survivors
            Set<String> members = new HashSet<>();
            for (Row row : got.profiles().select("profile_id", "records").collectAsList()) {
                members.add(row.getString(0) + "=" + row.getList(1).size());
            }
            Set<String> wantMembers = new HashSet<>();
            for (Profile profile : expected.profiles()) {
                wantMembers.add(profile.id().value() + "=" + profile.members().size());
            }
            assertEquals(wantMembers, members, "profile sizes");
            assertFalse(got.issues().collectAsList().isEmpty() && !expected.issues().isEmpty(), "issues reported");
        }
    }
}
