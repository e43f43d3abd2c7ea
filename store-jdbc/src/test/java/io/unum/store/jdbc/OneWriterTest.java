package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per store: a second {@link JdbcGraphStore#open} of the same SQLite file — in this JVM
 * or in another — and of the same PostgreSQL schema fails with a {@link StoreException} that says
 * another writer has it; once the first closes, opening works. Readers need no lock.
 */
class OneWriterTest {

    @TempDir
    Path folder;

    private static void assertRefused(StoreException e) {
        assertTrue(e.getMessage().contains("already open for writing") && e.getMessage().contains("one writer at a time"),
                e.getMessage());
    }

    private static void assertRefused(String line) {
        assertTrue(line != null && line.startsWith("REFUSED ") && line.contains("already open for writing")
                && line.contains("one writer at a time"), String.valueOf(line));
    }

    @Test
    void aSecondWriterInThisJvmIsRefusedUntilTheFirstCloses() throws SQLException {
        String file = folder.resolve("graph.db").toString();
        JdbcGraphStore first = JdbcGraphStore.open(file);
        assertRefused(assertThrows(StoreException.class, () -> JdbcGraphStore.open(file)));
        assertRefused(assertThrows(StoreException.class, () -> JdbcGraphStore.open("jdbc:sqlite:" + file)));
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM unum_records")) {
            assertTrue(rs.next(), "a reader reads while the writer is open");
            assertEquals(0, rs.getInt(1));
        }
        first.close();
        JdbcGraphStore.open(file).close();
    }

    @Test
    void aWriterInAnotherJvmIsRefusedUntilTheFirstClosesAndTheOtherWayRound() {
        String file = folder.resolve("graph.db").toString();
        Path errors = folder.resolve("child.err");
        JdbcGraphStore first = JdbcGraphStore.open(file);
        try (ChildJvm child = ChildJvm.start(OpenProbe.class, errors, file)) {
            assertRefused(child.readLine());
            assertEquals(0, child.waitFor(60), child.errors());
        } finally {
            first.close();
        }
        try (ChildJvm child = ChildJvm.start(OpenProbe.class, errors, file)) {
            assertEquals("OPENED", child.readLine(), child.errors());
            assertRefused(assertThrows(StoreException.class, () -> JdbcGraphStore.open(file)));
            child.send("close");
            assertEquals("CLOSED", child.readLine(), child.errors());
            assertEquals(0, child.waitFor(60), child.errors());
        }
        JdbcGraphStore.open(file).close();
    }

    @Test
    void aRefusedSecondOpenInThisJvmLeavesTheFirstWritersLockInPlace() {
        // A refused open must not release the lock the first store holds (closing a second
        // channel to a POSIX-locked file releases every lock the process has on it).
        String file = folder.resolve("graph.db").toString();
        Path errors = folder.resolve("child.err");
        try (JdbcGraphStore first = JdbcGraphStore.open(file)) {
            assertThrows(StoreException.class, () -> JdbcGraphStore.open(file));
            try (ChildJvm child = ChildJvm.start(OpenProbe.class, errors, file)) {
                String line = child.readLine();
                if ("OPENED".equals(line)) {
                    child.send("close");
                }
                assertRefused(line);
            }
        }
    }

    @Test
    void aSecondWriterOfAPostgresSchemaIsRefusedUntilTheFirstCloses() throws SQLException {
        String url = Postgres.newSchemaUrl();
        JdbcGraphStore first = JdbcGraphStore.open(url);
        assertRefused(assertThrows(StoreException.class, () -> JdbcGraphStore.open(url)));
        String other = Postgres.newSchemaUrl();
        JdbcGraphStore.open(other).close(); // another schema of the same database is another store
        try (Connection reader = DriverManager.getConnection(url); Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM unum_records")) {
            assertTrue(rs.next(), "a reader reads while the writer is open");
        }
        first.close();
        JdbcGraphStore.open(url).close();
    }

    @Test
    void aWriterOfAPostgresSchemaInAnotherJvmIsRefused() {
        String url = Postgres.newSchemaUrl();
        Path errors = folder.resolve("child.err");
        try (JdbcGraphStore first = JdbcGraphStore.open(url); ChildJvm child = ChildJvm.start(OpenProbe.class, errors, url)) {
            assertRefused(child.readLine());
            assertEquals(0, child.waitFor(60), child.errors());
        }
        try (ChildJvm child = ChildJvm.start(OpenProbe.class, errors, url)) {
            assertEquals("OPENED", child.readLine(), child.errors());
            assertRefused(assertThrows(StoreException.class, () -> JdbcGraphStore.open(url)));
            child.send("close");
            assertEquals("CLOSED", child.readLine(), child.errors());
        }
        JdbcGraphStore.open(url).close();
    }
}
