package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.store.jdbc.Fixtures.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema version: a new store records versions 1 and 2 (once: a reopen adds nothing); a store whose
 * {@code unum_schema} names a newer version is refused with a message naming both versions, is
 * left as it was, and is refused alike on a second attempt (the refusal releases the writer lock).
 */
class SchemaTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void aNewStoreRecordsTheVersionsAndANewerSchemaIsRefusedNamingBothVersions(Backend backend) throws SQLException {
        assertEquals(2, JdbcGraphStore.SCHEMA_VERSION);
        String location = backend.newLocation(folder);
        JdbcGraphStore.open(location).close();
        List<String[]> rows = versions(location);
        assertEquals(2, rows.size());
        assertEquals("1", rows.get(0)[0]);
        assertEquals("2", rows.get(1)[0]);
        Instant.parse(rows.get(0)[1]);
        JdbcGraphStore.open(location).close();
        assertEquals(2, versions(location).size(), "a reopen migrates nothing");

        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement()) {
            s.execute("INSERT INTO unum_schema (version, applied_at) VALUES (3, '" + Instant.now() + "')");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            StoreException refused = assertThrows(StoreException.class, () -> JdbcGraphStore.open(location));
            assertTrue(refused.getMessage().contains("schema version 3") && refused.getMessage().contains("up to 2"),
                    refused.getMessage());
        }
        assertEquals(3, versions(location).size(), "the newer store is left as it was");
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement()) {
            s.execute("DELETE FROM unum_schema WHERE version = 3");
        }
        JdbcGraphStore.open(location).close();
    }

    private static List<String[]> versions(String location) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, applied_at FROM unum_schema ORDER BY version")) {
            while (rs.next()) {
                rows.add(new String[] {Integer.toString(rs.getInt(1)), rs.getString(2)});
            }
        }
        return rows;
    }
}
