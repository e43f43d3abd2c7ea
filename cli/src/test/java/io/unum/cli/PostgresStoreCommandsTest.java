package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store commands on PostgreSQL, each test in a new schema of the server named by the
 * environment variable {@value #VARIABLE} ({@code .ci/run} starts a throwaway server and sets it;
 * by hand: {@code eval "$(.ci/postgres env)"}). Skipped, saying so on the console, without it.
 */
class PostgresStoreCommandsTest {

    static final String VARIABLE = "UNUM_TEST_POSTGRES_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @BeforeAll
    static void server() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            System.out.println("SKIPPED: PostgreSQL store command tests: " + VARIABLE + " is not set (.ci/run starts a"
                    + " server and sets it; by hand: eval \"$(.ci/postgres env)\")");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), VARIABLE + " is not set");
    }

    /** A URL whose current schema is a new, empty one. */
    private static String newSchemaUrl() throws SQLException {
        String url = System.getenv(VARIABLE);
        String schema = "cli" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Test
    void twoIngestsGiveTheClustersOfOneResolve(@TempDir Path dir) throws Exception {
        StoreCommandsTest.assertIngestsEqualResolve(newSchemaUrl(), dir);
    }

    @Test
    void forgetRemovesTheRecordsFromTheStoreAndTheExport(@TempDir Path dir) throws Exception {
        StoreCommandsTest.assertForgetAndChanges(newSchemaUrl(), dir);
    }

    @Test
    void profileByEmailAndASecondWriterIsRefused() throws Exception {
        String url = newSchemaUrl();
        assertEquals(0, CliRun.run("ingest", "--store", url, "--input", StoreCommandsTest.CRM).status());
        try (io.unum.store.jdbc.JdbcGraphStore writer = io.unum.store.jdbc.JdbcGraphStore.open(url)) {
            CliRun profile = CliRun.run("profile", "--store", url, "--email", "RebeccaWalker47@outlook.com");
            assertEquals(0, profile.status(), profile.err());
            assertTrue(profile.out().contains("\"id\":\"C1002\""), profile.out());
            CliRun second = CliRun.run("ingest", "--store", url, "--input", StoreCommandsTest.WEBSHOP);
            assertEquals(1, second.status());
            assertTrue(second.err().contains("already open for writing"), second.err());
        }
    }

    @Test
    void aWrongServerIsAClearError() {
        CliRun run = CliRun.run("changes", "--store", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=hunter2");
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("unum: --store: cannot read store jdbc:postgresql://127.0.0.1:1/none?user=u"
                + "&password=***"), run.err());
        assertTrue(!run.err().contains("hunter2") && !run.err().contains("Exception"), run.err());
    }
}
