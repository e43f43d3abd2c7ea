package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Identifier;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import io.unum.store.jdbc.Fixtures.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The records' features are stored with them, and a graph opening the store decodes them instead
 * of featurizing the records again: what it decodes is what was stored (two rows' features
 * swapped read back swapped), and equals what featurizing gives (a store whose features are
 * missing, garbage, or from before schema version 2 opens with the same partition, derives them,
 * and writes back exactly the bytes a store that kept them holds). SQLite, and PostgreSQL when the
 * test server is there.
 */
class StoredFeaturesTest {

    @TempDir
    Path folder;

    /** Builds a store of 150 generated people, half in a batch and half one at a time; returns its partition. */
    private static Set<Set<RecordKey>> build(String location) {
        List<SourceRecord> all = Fixtures.people(150, 7).records();
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = Fixtures.resolver().newGraph(store);
            graph.upsertAll(all.subList(0, all.size() / 2));
            for (SourceRecord record : all.subList(all.size() / 2, all.size())) {
                graph.upsert(record);
            }
            return Fixtures.partition(graph.profiles());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void aReopenedGraphDecodesWhatWasStoredAndDerivesAgainWhatIsMissingOrForeign(Backend backend) throws SQLException {
        String location = backend.newLocation(folder);
        Set<Set<RecordKey>> partition = build(location);
        Map<RecordKey, byte[]> stored = features(location);
        assertFalse(stored.isEmpty());
        stored.forEach((key, bytes) -> assertNotNull(bytes, key + ": every record's features are stored"));

        // decoded, not derived: swap the features of two records with the same identifier types
        RecordKey[] pair = twoOfTheSameShape(location, stored);
        setFeatures(location, pair[0], stored.get(pair[1]));
        setFeatures(location, pair[1], stored.get(pair[0]));
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = Resolver.newBuilder(store).build().newGraph(store);
            // comparing the two decodes their feature values; their stored form is then encoded from them
            assertTrue(graph.explain(pair[0], pair[1]).isPresent());
            assertArrayEquals(stored.get(pair[1]), storedForm(store, pair[0]), "the stored form is what opens");
            assertArrayEquals(stored.get(pair[0]), storedForm(store, pair[1]));
        }
        setFeatures(location, pair[0], stored.get(pair[0]));
        setFeatures(location, pair[1], stored.get(pair[1]));

        // missing or garbage: derived again, equal to what was stored, and written back
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE unum_records SET features = NULL");
        }
        setFeatures(location, pair[0], new byte[] {1, 2, 3});
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = Resolver.newBuilder(store).build().newGraph(store);
            assertEquals(partition, Fixtures.partition(graph.profiles()));
            for (Map.Entry<RecordKey, byte[]> entry : stored.entrySet()) {
                assertArrayEquals(entry.getValue(), storedForm(store, entry.getKey()),
                        entry.getKey() + ": featurized again = decoded");
            }
        }
        assertStored(stored, features(location));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void aStoreFromBeforeVersionTwoIsMigratedAndItsFeaturesWrittenAtTheFirstOpen(Backend backend)
            throws SQLException {
        String location = backend.newLocation(folder);
        Set<Set<RecordKey>> partition = build(location);
        Map<RecordKey, byte[]> stored = features(location);
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE unum_records DROP COLUMN features");
            s.execute("DELETE FROM unum_schema WHERE version = 2");
        }
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = Resolver.newBuilder(store).build().newGraph(store);
            assertEquals(partition, Fixtures.partition(graph.profiles()));
        }
        assertStored(stored, features(location));
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(version) FROM unum_schema")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    private static void assertStored(Map<RecordKey, byte[]> expected, Map<RecordKey, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, bytes) -> assertArrayEquals(bytes, actual.get(key), key + ": written back"));
    }

    private static byte[] storedForm(GraphStore store, RecordKey key) {
        GraphStore.Reader reader = store.snapshot();
        Object derived = reader.derived(reader.ordinal(key));
        assertTrue(derived instanceof GraphStore.StorableDerived, key + ": features in memory");
        return ((GraphStore.StorableDerived) derived).storedForm();
    }

    /** Two records with the same identifier types in the same order and different stored features. */
    private static RecordKey[] twoOfTheSameShape(String location, Map<RecordKey, byte[]> stored) {
        Map<List<String>, RecordKey> byShape = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            for (SourceRecord record : Fixtures.records(store).values()) {
                List<String> shape = record.identifiers().stream().map(Identifier::type).map(t -> t.name()).toList();
                RecordKey other = byShape.putIfAbsent(shape, record.key());
                if (other != null && !shape.isEmpty() && !Arrays.equals(stored.get(other), stored.get(record.key()))) {
                    return new RecordKey[] {other, record.key()};
                }
            }
        }
        throw new AssertionError("no two records of the same shape");
    }

    private static Map<RecordKey, byte[]> features(String location) throws SQLException {
        Map<RecordKey, byte[]> features = new TreeMap<>();
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT source, id, features FROM unum_records")) {
            while (rs.next()) {
                features.put(RecordKey.of(rs.getString(1), rs.getString(2)), rs.getBytes(3));
            }
        }
        return features;
    }

    private static void setFeatures(String location, RecordKey key, byte[] bytes) throws SQLException {
        try (Connection c = Fixtures.connect(location);
                PreparedStatement p = c.prepareStatement("UPDATE unum_records SET features = ? WHERE source = ? AND id = ?")) {
            p.setBytes(1, bytes);
            p.setString(2, key.source());
            p.setString(3, key.id());
            assertEquals(1, p.executeUpdate());
        }
    }
}
