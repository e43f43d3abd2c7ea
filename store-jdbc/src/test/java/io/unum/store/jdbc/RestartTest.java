package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.PrivacyDecision;
import io.unum.privacy.SuppressionList;
import io.unum.store.jdbc.Fixtures.Backend;
import io.unum.store.jdbc.JdbcGraphStore.Durability;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A graph survives a restart of its store: everything a graph shows — the partition, profile ids,
 * golden profiles (with their versions and provenance), aliases, the change sequence — is the
 * same after close and reopen, and a graph that was loaded in a batch, grown one record at a
 * time, restarted and grown again ends with the partition of one batch resolution of all its
 * records. SQLite, and PostgreSQL when the test server is there.
 */
class RestartTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void batchThenLiveThenRestartThenLiveIsOneBatchAndARestartChangesNothing(Backend backend) {
        String location = backend.newLocation(folder);
        List<SourceRecord> all = Fixtures.people(400, 21).records();
        Resolver resolver = Fixtures.resolver();
        List<SourceRecord> batch = all.subList(0, all.size() / 2);
        List<SourceRecord> live1 = all.subList(all.size() / 2, all.size() * 3 / 4);
        List<SourceRecord> live2 = all.subList(all.size() * 3 / 4, all.size());

        Snapshot before;
        try (JdbcGraphStore store = JdbcGraphStore.open(location, Durability.NORMAL)) {
            IdentityGraph graph = resolver.newGraph(store);
            graph.upsertAll(batch);
            for (SourceRecord record : live1) {
                graph.upsert(record);
            }
            before = Snapshot.of(graph, store);
            assertEquals(Fixtures.partition(resolver.resolve(all.subList(0, all.size() * 3 / 4)).profiles()),
                    before.partition, "batch, live = one batch");
        }
        assertFalse(before.aliases.isEmpty(), "live upserts merged profiles, leaving aliases");

        try (JdbcGraphStore store = JdbcGraphStore.open(location, Durability.NORMAL)) {
            IdentityGraph graph = Resolver.newBuilder(store).build().newGraph(store);
            before.assertSame(Snapshot.of(graph, store));
            for (SourceRecord record : live2) {
                graph.upsert(record);
            }
            assertEquals(Fixtures.partition(resolver.resolve(all).profiles()), Fixtures.partition(graph.profiles()),
                    "batch, live, restart, live = one batch");
            before = Snapshot.of(graph, store);
        }
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            before.assertSame(Snapshot.of(resolver.newGraph(store), store));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void deletesChangesAndErasuresSurviveARestartAndTheSuppressionListWithThem(Backend backend) {
        String location = backend.newLocation(folder);
        List<SourceRecord> all = Fixtures.people(150, 22).records();
        byte[] secret = "a suppression secret of the test".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Resolver resolver = Resolver.newBuilder().ruleSet(io.unum.matchers.CustomerRules.standard())
                .blockingSecret(1, 2).suppressionList(SuppressionList.withSecret(secret)).build();
        Random random = new Random(22);
        List<SourceRecord> resident = new ArrayList<>(all);
        Snapshot before;
        Map<String, Instant> suppressed;
        List<SourceRecord> forgotten;
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = resolver.newGraph(store);
            graph.upsertAll(all);
            for (int i = 0; i < 20; i++) {
                graph.delete(resident.remove(random.nextInt(resident.size())).key());
            }
            // a changed record: its new value replaces the old one
            SourceRecord changed = resident.remove(0).toBuilder().attribute("city", "Springfield").build();
            resident.add(changed);
            graph.upsert(changed);
            ProfileId erased = graph.profileOf(resident.get(7).key()).orElseThrow().id();
            List<RecordKey> members = graph.profile(erased).orElseThrow().members();
            forgotten = Fixtures.only(resident, members);
            graph.forget(erased);
            resident.removeAll(forgotten);
            before = Snapshot.of(graph, store);
            assertEquals(Fixtures.partition(resolver.resolve(resident).profiles()), before.partition);
            suppressed = suppressed(store);
            assertFalse(suppressed.isEmpty(), "the erasure suppressed identifiers");
        }
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = Resolver.newBuilder(store).suppressionList(SuppressionList.withSecret(secret)).build()
                    .newGraph(store);
            before.assertSame(Snapshot.of(graph, store));
            Map<RecordKey, SourceRecord> expected = new java.util.TreeMap<>();
            resident.forEach(r -> expected.put(r.key(), r));
            assertEquals(expected, Fixtures.records(store), "the records themselves, as they were given");
            assertEquals(suppressed, suppressed(store), "the suppression list");
            assertEquals(suppressed.size(), graph.suppressionList().size());
            SourceRecord again = forgotten.stream().filter(r -> !r.identifiers().isEmpty()).findFirst().orElseThrow();
            ChangeSet refused = graph.upsert(again);
            assertTrue(refused.isEmpty(), "a forgotten person's record is refused after the restart");
            assertEquals(List.of("SUPPRESSED"), refused.privacy().stream().map(PrivacyDecision::reasonCode).toList());
            assertTrue(graph.record(again.key()).isEmpty());
        }
    }

    private static Map<String, Instant> suppressed(JdbcGraphStore store) {
        Map<String, Instant> map = new java.util.TreeMap<>();
        store.snapshot().forEachSuppressed(map::put);
        return map;
    }

    /** What a graph shows. */
    private record Snapshot(Map<RecordKey, ProfileId> assignments, List<Profile> profiles,
            Map<ProfileId, ProfileId> aliases, java.util.Set<java.util.Set<RecordKey>> partition, long sequence) {

        static Snapshot of(IdentityGraph graph, JdbcGraphStore store) {
            return new Snapshot(graph.snapshot().assignments(), graph.profiles(), graph.aliases(),
                    Fixtures.partition(graph.profiles()), store.snapshot().changeSequence());
        }

        void assertSame(Snapshot after) {
            assertEquals(partition, after.partition, "partition");
            assertEquals(assignments, after.assignments, "profile ids");
            assertEquals(profiles, after.profiles, "golden profiles");
            assertEquals(aliases, after.aliases, "aliases");
            assertEquals(sequence, after.sequence, "change sequence");
        }
    }
}
