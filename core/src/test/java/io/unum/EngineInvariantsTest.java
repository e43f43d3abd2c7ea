package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of the engine's invariants: the partition is a function of the set of
 * records, whatever the arrival order, batch or incremental, and thread count.
 */
class EngineInvariantsTest {

    private static final int SHUFFLES = 20;
    private static final int CAP = 6;
    private static final int MAX_PROFILE = 6;

    /** Small enough caps that blocks cross them and merge protection is exercised. */
    private static Resolver resolver(int parallelism) {
        return TestFixtures.customerResolver()
                .blockSizeCap(CAP)
                .maxProfileSize(MAX_PROFILE)
                .parallelism(parallelism)
                .blockingSecret(1, 2)
                .build();
    }

    /** Guards against vacuous property tests: the fixtures must hit every mechanism. */
    @Test
    void fixturesExerciseOversizedBlocksAndMergeProtection() {
        List<SourceRecord> records = TestFixtures.people(11, 150);
        Resolution capped = resolver(1).resolve(records);
        assertTrue(!capped.statistics().oversizedBlocks().isEmpty(), "some blocks must exceed the cap");
        assertTrue(!capped.possibleMatches().isEmpty(), "some pairs must fall in the review band");
        Resolution looseSize = TestFixtures.customerResolver().blockSizeCap(CAP).parallelism(1).build().resolve(records);
        assertTrue(looseSize.profiles().stream().anyMatch(p -> p.members().size() > MAX_PROFILE),
                "without the size limit some profile must be larger");
        Resolution looseIds = TestFixtures.customerResolver().blockSizeCap(CAP).maxProfileSize(MAX_PROFILE)
                .limit(IdentifierType.NATIONAL_ID, 100).parallelism(1).build().resolve(records);
        assertTrue(looseIds.profiles().stream().anyMatch(p -> p.identifiers(IdentifierType.NATIONAL_ID).size() > 1),
                "without the national id limit some profile must hold two national ids");
        // and the incremental path must see blocks cross the cap in both directions
        IdentityGraph graph = resolver(1).newGraph();
        for (SourceRecord record : records) {
            graph.upsert(record);
        }
        assertEquals(capped.statistics().oversizedBlocks().size(), graph.snapshot().statistics().oversizedBlocks().size());
    }

    private static Set<List<RecordKey>> batch(Resolver resolver, List<SourceRecord> records) {
        return Partitions.of(resolver.resolve(records).profiles());
    }

    @Test
    void partitionIsIndependentOfArrivalOrder() {
        List<SourceRecord> records = TestFixtures.people(11, 150);
        Resolver resolver = resolver(1);
        Set<List<RecordKey>> expected = batch(resolver, records);
        assertTrue(expected.size() < records.size(), "the data must produce links");
        Random random = new Random(42);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, batch(resolver, shuffled), "shuffle " + s);
        }
    }

    @Test
    void batchEqualsOneUpsertAtATime() {
        List<SourceRecord> records = TestFixtures.people(12, 120);
        Resolver resolver = resolver(1);
        Set<List<RecordKey>> expected = batch(resolver, records);
        Random random = new Random(43);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            IdentityGraph graph = resolver.newGraph();
            for (SourceRecord record : shuffled) {
                graph.upsert(record);
            }
            assertEquals(expected, Partitions.of(graph.profiles()), "shuffle " + s);
            assertInvariants(graph, resolver);
        }
    }

    @Test
    void batchEqualsMixedBatchesOfRandomSizes() {
        List<SourceRecord> records = TestFixtures.people(13, 150);
        Resolver resolver = resolver(2);
        Set<List<RecordKey>> expected = batch(resolver, records);
        Random random = new Random(44);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            IdentityGraph graph = resolver.newGraph();
            int i = 0;
            while (i < shuffled.size()) {
                int n = 1 + random.nextInt(40);
                graph.upsertAll(shuffled.subList(i, Math.min(shuffled.size(), i + n)));
                i += n;
            }
            assertEquals(expected, Partitions.of(graph.profiles()), "shuffle " + s);
        }
    }

    @Test
    void oneThreadEqualsFourThreads() {
        // large enough that featurizing, scoring and clustering run in parallel chunks
        List<SourceRecord> records = TestFixtures.people(14, 2500);
        Set<List<RecordKey>> one = batch(resolver(1), records);
        Random random = new Random(45);
        Resolver four = resolver(4);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertEquals(one, batch(four, shuffled), "shuffle " + s);
        }
    }

    @Test
    void concurrentWritersGiveTheBatchPartition() throws Exception {
        List<SourceRecord> records = TestFixtures.people(15, 300);
        Resolver resolver = resolver(4);
        Set<List<RecordKey>> expected = batch(resolver, records);
        Random random = new Random(46);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            IdentityGraph graph = resolver.newGraph();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = thread; i < shuffled.size(); i += 4) {
                            graph.upsert(shuffled.get(i));
                            graph.profileOf(shuffled.get(i).key()); // concurrent reads
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(expected, Partitions.of(graph.profiles()), "shuffle " + s);
        }
    }

    @Test
    void deleteThenUpsertRestoresThePartition() {
        List<SourceRecord> records = TestFixtures.people(16, 120);
        Resolver resolver = resolver(1);
        IdentityGraph graph = resolver.newGraph();
        graph.upsertAll(records);
        Set<List<RecordKey>> expected = Partitions.of(graph.profiles());
        Random random = new Random(47);
        for (int s = 0; s < SHUFFLES; s++) {
            SourceRecord victim = records.get(random.nextInt(records.size()));
            graph.delete(victim.key());
            assertTrue(graph.profileOf(victim.key()).isEmpty());
            List<SourceRecord> rest = new ArrayList<>(records);
            rest.remove(victim);
            assertEquals(batch(resolver, rest), Partitions.of(graph.profiles()),
                    "after deleting " + victim.key() + " the graph equals a batch of the rest");
            assertInvariants(graph, resolver);
            graph.upsert(victim);
            assertEquals(expected, Partitions.of(graph.profiles()), "after restoring " + victim.key());
            assertInvariants(graph, resolver);
        }
    }

    @Test
    void randomDeletesAndReinsertsMatchBatchOfResidentSet() {
        List<SourceRecord> records = TestFixtures.people(17, 150);
        Resolver resolver = resolver(1);
        IdentityGraph graph = resolver.newGraph();
        Random random = new Random(48);
        Map<RecordKey, SourceRecord> resident = new HashMap<>();
        for (int step = 0; step < 600; step++) {
            SourceRecord record = records.get(random.nextInt(records.size()));
            if (resident.containsKey(record.key()) && random.nextBoolean()) {
                graph.delete(record.key());
                resident.remove(record.key());
            } else {
                graph.upsert(record);
                resident.put(record.key(), record);
            }
            if (step % 50 == 49) {
                assertEquals(batch(resolver, new ArrayList<>(resident.values())), Partitions.of(graph.profiles()),
                        "step " + step);
                assertInvariants(graph, resolver);
            }
        }
    }

    /** No record in two profiles, no limit exceeded, provenance names live members. */
    static void assertInvariants(IdentityGraph graph, Resolver resolver) {
        Set<RecordKey> seen = new HashSet<>();
        int records = 0;
        for (Profile profile : graph.profiles()) {
            for (RecordKey member : profile.members()) {
                assertTrue(seen.add(member), member + " is in two profiles");
                assertEquals(profile.id(), graph.profileOf(member).orElseThrow().id());
                records++;
            }
            assertTrue(profile.identifiers(IdentifierType.NATIONAL_ID).size() <= 1,
                    profile + " exceeds the national id limit");
            assertTrue(profile.members().size() <= MAX_PROFILE, profile + " exceeds the maximum profile size");
            for (List<GoldenValue> values : profile.attributes().values()) {
                for (GoldenValue value : values) {
                    assertTrue(profile.members().contains(value.provenance().record()),
                            "provenance " + value.provenance().record() + " is not a member of " + profile);
                }
            }
            for (Identifier identifier : profile.identifiers()) {
                assertTrue(graph.profilesWith(identifier).contains(profile), "look-up by identifier finds " + profile);
            }
        }
        assertEquals(graph.size(), records, "every resident record is in exactly one profile");
    }
}
