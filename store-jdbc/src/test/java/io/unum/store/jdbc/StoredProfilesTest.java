package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import io.unum.store.jdbc.Fixtures.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden profiles are read from their rows on demand after an open ({@link StoredProfiles}): a
 * profile read on demand equals the one the graph held before the restart and the row decoded
 * eagerly ({@link Codec}), shares its record keys with the resident records, and reads agree
 * across threads; a transaction that replaces or removes a stored profile sees its own write,
 * and an abort gives the stored profile back while a commit makes the change stay, also across
 * a further restart. SQLite, and PostgreSQL when the test server is there.
 */
class StoredProfilesTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void profilesReadOnDemandEqualTheProfilesBeforeTheRestartAndTheirRowsDecodedEagerly(Backend backend)
            throws Exception {
        String location = backend.newLocation(folder);
        List<SourceRecord> records = new ArrayList<>(Fixtures.people(300, 31).records());
        // text beyond ASCII: SQLite's rows are decoded from their UTF-8 bytes
        SourceRecord accented = records.get(650).toBuilder().attribute("first_name", "Åse \u4e2d\ud83d\ude00")
                .attribute("city", "Tromsø").build();
        records.set(650, accented);
        Map<ProfileId, Profile> before = new TreeMap<>();
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = Fixtures.resolver().newGraph(store);
            graph.upsertAll(records.subList(0, 600));
            for (SourceRecord record : records.subList(600, 700)) {
                graph.upsert(record);
            }
            graph.profiles().forEach(p -> before.put(p.id(), p));
        }
        Map<ProfileId, Profile> rows = new TreeMap<>();
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT profile FROM unum_profiles")) {
            while (rs.next()) {
                Profile p = Codec.profile(rs.getString(1));
                rows.put(p.id(), p);
            }
        }
        assertEquals(before, rows, "the rows hold the profiles");

        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            GraphStore.Reader snapshot = store.snapshot();
            assertEquals(accented, snapshot.record(snapshot.ordinal(accented.key())));
            assertEquals(before.size(), store.stored().count(), "no profile is decoded at open");
            assertEquals(before.size(), snapshot.profileCount());
            for (Profile expected : before.values()) {
                Profile read = snapshot.profile(expected.id());
                assertEquals(expected, read);
                assertEquals(expected.version(), read.version());
                for (RecordKey key : read.members()) {
                    assertSame(snapshot.record(snapshot.ordinal(key)).key(), key, "a member key is the resident record's");
                }
                ProfileId held = snapshot.profileOf(snapshot.ordinal(read.members().get(0)));
                assertSame(held, read.id(), "the id is the object the records hold");
            }
            assertNull(snapshot.profile(ProfileId.of("p-none")));
            Map<ProfileId, Profile> all = new TreeMap<>();
            snapshot.forEachProfile(p -> assertNull(all.put(p.id(), p), "each profile once"));
            assertEquals(before, all);

            // several readers at once
            List<ProfileId> ids = new ArrayList<>(before.keySet());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> reads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t % 2; // two threads read each profile
                    reads.add(pool.submit(() -> {
                        int equal = 0;
                        for (int i = offset; i < ids.size(); i += 2) {
                            equal += before.get(ids.get(i)).equals(snapshot.profile(ids.get(i))) ? 1 : 0;
                        }
                        return equal;
                    }));
                }
                int total = 0;
                for (Future<Integer> read : reads) {
                    total += read.get();
                }
                assertEquals(2 * ids.size(), total);
            } finally {
                pool.shutdownNow();
            }
            IdentityGraph graph = Resolver.newBuilder(store).build().newGraph(store);
            Map<ProfileId, Profile> fromGraph = new TreeMap<>();
            graph.profiles().forEach(p -> fromGraph.put(p.id(), p));
            assertEquals(before, fromGraph, "the graph over the reopened store");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void aTransactionSeesItsWritesOfStoredProfilesAndAnAbortGivesThemBack(Backend backend) throws SQLException {
        String location = backend.newLocation(folder);
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            Fixtures.resolver().newGraph(store).upsertAll(Fixtures.people(60, 32).records());
        }
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            List<Profile> stored = new ArrayList<>();
            store.snapshot().forEachProfile(stored::add);
            assertTrue(stored.size() > 3);
            int count = stored.size();
            Profile removed = stored.get(0);
            Profile replaced = stored.get(1);
            Profile replacement = new Profile(replaced.id(), replaced.version() + 1, replaced.members(),
                    replaced.identifiers(), Map.of(), replaced.consent());

            for (boolean commit : new boolean[] {false, true}) {
                try (GraphStore.Transaction tx = store.begin()) {
                    tx.removeProfile(removed.id());
                    tx.putProfile(replacement);
                    assertNull(tx.profile(removed.id()));
                    assertEquals(replacement, tx.profile(replaced.id()));
                    assertEquals(count - 1, tx.profileCount());
                    List<Profile> seen = new ArrayList<>();
                    tx.forEachProfile(seen::add);
                    assertEquals(count - 1, seen.size());
                    assertTrue(seen.contains(replacement));
                    assertFalse(seen.contains(removed));
                    assertFalse(seen.contains(replaced));
                    if (commit) {
                        tx.commit();
                    } else {
                        tx.abort();
                    }
                }
                GraphStore.Reader snapshot = store.snapshot();
                if (!commit) {
                    assertEquals(removed, snapshot.profile(removed.id()), "the abort gave the profile back");
                    assertEquals(replaced, snapshot.profile(replaced.id()));
                    assertEquals(count, snapshot.profileCount());
                    assertTrue(store.stored().holds(removed.id()));
                }
            }
            assertNull(store.snapshot().profile(removed.id()));
            assertEquals(replacement, store.snapshot().profile(replaced.id()));
            assertEquals(count - 1, store.snapshot().profileCount());
        }
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            GraphStore.Reader snapshot = store.snapshot();
            assertEquals(stored(location), snapshot.profileCount());
            List<Profile> all = new ArrayList<>();
            snapshot.forEachProfile(all::add);
            assertEquals(snapshot.profileCount(), all.size());
            assertTrue(all.stream().anyMatch(p -> p.attributes().isEmpty()), "the committed replacement");
            assertNotNull(all.get(0));
        }
    }

    private static int stored(String location) throws SQLException {
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM unum_profiles")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
