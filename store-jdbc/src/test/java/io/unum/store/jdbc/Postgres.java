package io.unum.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests: its JDBC URL comes from the environment variable
 * {@value #VARIABLE} ({@code .ci/run} starts a throwaway server and sets it). Without it the
 * PostgreSQL tests are skipped, and say so on the console.
 */
final class Postgres {

    static final String VARIABLE = "UNUM_TEST_POSTGRES_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private Postgres() {
    }

    /** The server's URL, or the test is skipped with a message. */
    static String assumeServer() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            System.out.println("SKIPPED: PostgreSQL store tests: " + VARIABLE + " is not set (.ci/run starts a server"
                    + " and sets it)");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), VARIABLE + " is not set");
        return url;
    }

    /** A URL whose current schema is a new, empty one. */
    static String newSchemaUrl() {
        String url = assumeServer();
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
