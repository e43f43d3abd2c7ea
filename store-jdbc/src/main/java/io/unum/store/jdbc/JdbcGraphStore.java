package io.unum.store.jdbc;

import io.unum.store.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;

/**
 * A durable {@link GraphStore} in a relational database: <b>SQLite</b>, the embedded default (one
 * file, nothing to install), or <b>PostgreSQL</b>. Records are the source of truth; everything
 * derived from them — block membership, links, profile membership, golden profiles, aliases —
 * is written in the same database transaction as the record change, so an acknowledged change
 * survives a crash and opening the store needs no replay.
 *
 * <pre>{@code
 * try (JdbcGraphStore store = JdbcGraphStore.open("graph.db")) {          // or "jdbc:postgresql://…"
 *     Resolver resolver = CustomerRules.standard().applyTo(Resolver.newBuilder()).build();
 *     IdentityGraph graph = resolver.newGraph(store);   // a new store takes this configuration
 *     graph.upsert(record);                               // returns once the transaction committed
 * }
 * // later, in another process:
 * try (JdbcGraphStore store = JdbcGraphStore.open("graph.db")) {
 *     IdentityGraph graph = Resolver.newBuilder(store).build().newGraph(store);
 * }
 * }</pre>
 *
 * <h2>Design</h2>
 * The store keeps an in-memory copy of the graph ({@link GraphStore#inMemory()}), which it fills
 * from the tables when it opens ({@link StoreLoader}: the rows decoded on all cores) and which
 * serves every read but one: golden profiles that no transaction has written since the open
 * stay in their rows and are decoded when first asked for ({@link StoredProfiles}; opening reads
 * only their ids; such a read is a primary-key look-up and a decode). A
 * transaction writes to the copy and notes what it touched, and {@code commit} writes the final
 * state of every touched row in one database transaction before the copy's own commit. If the
 * database refuses, both are rolled back. The engine's features of each record are kept in their
 * stored form (an opaque {@code features} column, see {@link io.unum.store.GraphStore.StorableDerived}),
 * so that a graph opening the store decodes them rather than deriving them again; a row whose
 * features are missing or were made by another configuration is derived again, and written back.
 *
 * <h2>Tables</h2>
 * {@code unum_records} (source, id, observed_at, record JSON, profile_id, block_keys, features),
 * {@code unum_edges}, {@code unum_profiles} (id, version, members, profile JSON with golden values
 * and provenance), {@code unum_identifiers} (profile_id, type, value: look a profile up by
 * e-mail or phone from SQL), {@code unum_aliases}, {@code unum_suppression} (keyed hashes of
 * erased identifiers), {@code unum_changes} (the change feed: seq, item, kind, profile_id,
 * related, recorded_at — no personal values), {@code unum_meta} and {@code unum_schema} (the
 * schema version; older stores are migrated when they open). Other systems may read every table
 * at any time; only the store writes them.
 *
 * <h2>Durability</h2>
 * {@link Durability#FULL}: a commit is on disk when it returns (SQLite {@code synchronous=FULL}
 * in WAL mode; PostgreSQL {@code synchronous_commit=on}). {@link Durability#NORMAL}: a commit
 * survives the crash of this process, but the last commits may be lost if the machine loses
 * power (SQLite {@code synchronous=NORMAL}; PostgreSQL {@code synchronous_commit=off}: commits
 * reach the server's WAL in the background). Neither ever leaves a change half-applied.
 *
 * <h2>Erasure</h2>
 * A forgotten record's rows are deleted in the erasure's transaction. SQLite runs with
 * {@code secure_delete=ON} (deleted cells and freed pages are zeroed), and after every
 * transaction that deleted a record (an erasure, a retention purge, a delete) or suppressed an
 * identifier the store rewrites the database ({@code VACUUM}) and truncates its write-ahead log,
 * so the values leave the files: {@code secure_delete} alone leaves the bytes of cells that a
 * page reorganisation moved in the page's unused middle (an index page of identifier values
 * kept a forgotten customer number so). The rewrite costs time in proportion to the database's
 * size, once per such transaction: forget many people in one transaction where that matters.
 * (While another connection holds a read transaction on an older state, the rewrite or the
 * truncation may have to wait: the store then does it after a later transaction or when it
 * closes; the commit neither fails nor waits.) In
 * PostgreSQL deleted rows stay in the table's pages until {@code VACUUM} reclaims the space and
 * later writes reuse it; run {@code VACUUM FULL} on {@code unum_records}, {@code unum_profiles}
 * and {@code unum_identifiers} to rewrite them at once.
 *
 * <p>One writer per store (SQLite: a lock on {@code <file>.writer}; PostgreSQL: an advisory lock
 * on the database and schema); a second writer gets a {@link StoreException} that says so. The
 * store object follows the {@link GraphStore} contract: one transaction at a time, reads from
 * several threads while nothing writes.
 */
public final class JdbcGraphStore implements GraphStore {

    /** How far a commit is durable when it returns. */
    public enum Durability {
        /** On disk: survives a crash of the machine. */
        FULL,
        /** Survives a crash of this process; the last commits may be lost with the machine's power. */
        NORMAL
    }

    /** The schema version this Unum writes. */
    public static final int SCHEMA_VERSION = 2;

    static final String SEQUENCE = "store.change_sequence";

    private final Connection connection;
    private final Dialect dialect;
    private final String location;
    private final WriterLock lock;
    private final GraphStore memory = GraphStore.inMemory();
    private StoredProfiles stored;
    private long sequence;
    private JdbcTransaction open;
    private boolean closed;
    /** An erasure's write-ahead log could not be truncated yet (a reader held it). */
    private boolean truncationPending;
    /** An erasure's pages could not be rewritten yet ({@code VACUUM}: a reader or a statement held it). */
    private boolean rewritePending;

    private JdbcGraphStore(Connection connection, Dialect dialect, String location, WriterLock lock) {
        this.connection = connection;
        this.dialect = dialect;
        this.location = location;
        this.lock = lock;
    }

    /** Opens (creating it if needed) the store at {@code location} with {@link Durability#FULL}. */
    public static JdbcGraphStore open(String location) {
        return open(location, Durability.FULL);
    }

    /**
     * Opens the store at {@code location}, creating its tables if the database has none, migrating
     * an older schema, and loading the graph into memory.
     *
     * @param location a file path (SQLite), a {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql:}
     *     URL (with {@code user} and {@code password} parameters as the server needs them)
     * @param durability how far a commit is durable when it returns
     * @throws StoreException if the database cannot be opened, another writer has it open, or its
     *     schema is newer than this Unum's
     */
    public static JdbcGraphStore open(String location, Durability durability) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(durability, "durability");
        Dialect dialect;
        String url;
        WriterLock lock = null;
        if (location.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
            url = location;
        } else {
            dialect = Dialect.SQLITE;
            String file = location.startsWith("jdbc:sqlite:") ? location.substring("jdbc:sqlite:".length()) : location;
            Path path = Path.of(file).toAbsolutePath();
            if (Files.isDirectory(path)) {
                throw new StoreException("store " + path + " is a directory; give a database file such as graph.db");
            }
            if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
                throw new StoreException("the folder of store " + path + " does not exist");
            }
            lock = WriterLock.file(path);
            url = "jdbc:sqlite:" + path;
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url);
            if (dialect == Dialect.SQLITE) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=" + (durability == Durability.FULL ? "FULL" : "NORMAL"));
                    s.execute("PRAGMA secure_delete=ON");
                    s.execute("PRAGMA busy_timeout=10000");
                }
            }
            connection.setAutoCommit(false);
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET synchronous_commit = " + (durability == Durability.FULL ? "on" : "off"));
                }
                connection.commit();
                lock = WriterLock.advisory(connection);
            }
            JdbcGraphStore store = new JdbcGraphStore(connection, dialect, describe(location), lock);
            store.migrate();
            store.load();
            return store;
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            if (lock != null) {
                lock.close();
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open store " + describe(location) + ": " + e.getMessage(), e);
        }
    }

    /** The location without a password. */
    private static String describe(String location) {
        return location.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Creates the schema or migrates an older one, in one transaction. */
    private void migrate() throws SQLException {
        int version = 0;
        DatabaseMetaData meta = connection.getMetaData();
        boolean exists;
        try (ResultSet tables = meta.getTables(null, dialect == Dialect.POSTGRESQL ? connection.getSchema() : null,
                "unum_schema", null)) {
            exists = tables.next();
        }
        if (exists) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MAX(version) FROM unum_schema")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
        } else {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE unum_schema (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
            }
        }
        if (version > SCHEMA_VERSION) {
            connection.rollback();
            throw new StoreException("store " + location + " has schema version " + version + "; this Unum reads up to "
                    + SCHEMA_VERSION + ": open it with a newer Unum");
        }
        for (int v = version + 1; v <= SCHEMA_VERSION; v++) {
            try (Statement s = connection.createStatement()) {
                for (String statement : dialect.migration(v)) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO unum_schema VALUES (?, ?)")) {
                p.setInt(1, v);
                p.setString(2, Instant.now().toString());
                p.executeUpdate();
            }
        }
        connection.commit();
    }

    /** Fills the in-memory copy from the tables ({@link StoreLoader}: decoded on all cores). */
    private void load() throws SQLException {
        StoreLoader.Loaded loaded = StoreLoader.load(connection, location, memory);
        sequence = loaded.sequence();
        stored = new StoredProfiles(connection, location, loaded.profiles(), () -> open != null);
        connection.commit();
    }

    /** Where the store lives (a password masked). */
    public String location() {
        return location;
    }

    @Override
    public Reader snapshot() {
        return new View(memory.snapshot());
    }

    @Override
    public Transaction begin() {
        if (closed) {
            throw new IllegalStateException("store " + location + " is closed");
        }
        if (open != null) {
            throw new IllegalStateException("a transaction is already open on store " + location + "; one at a time");
        }
        open = new JdbcTransaction(this, memory.begin(), sequence);
        return open;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (open != null) {
            open.abort();
        }
        closed = true;
        memory.close();
        if (stored != null) {
            stored.close();
        }
        if (truncationPending || rewritePending) {
            scrub();
        }
        try {
            if (lock != null) {
                lock.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close store " + location + ": " + e.getMessage(), e);
        }
    }

    Connection connection() {
        return connection;
    }

    /** The profiles not read into the in-memory copy. */
    StoredProfiles stored() {
        return stored;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Called by a transaction when it ends; {@code committedSequence} is its last change number,
     * {@code erased} whether it deleted a record or suppressed an identifier.
     */
    void ended(JdbcTransaction tx, boolean committed, long committedSequence, boolean erased) {
        if (open == tx) {
            open = null;
        }
        if (committed) {
            sequence = committedSequence;
            if (dialect == Dialect.SQLITE) {
                rewritePending |= erased;
                if (rewritePending || truncationPending) {
                    scrub();
                }
            }
        }
    }

    /**
     * After an erasure: rewrites the database ({@code VACUUM}, so that no page keeps an erased
     * value's bytes in its unused space), then moves the write-ahead log into the database file
     * and truncates it, so erased values leave it too. The transaction has committed: a reader
     * that still reads an older state (another connection in a read transaction) makes the
     * rewrite or the truncation wait for a later commit or the close, without failing the
     * commit or waiting for the reader.
     */
    private void scrub() {
        try {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout=0");
                try {
                    if (rewritePending) {
                        s.execute("VACUUM");
                        rewritePending = false;
                    }
                    try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                        truncationPending = rs.next() && rs.getInt(1) != 0;
                    }
                } finally {
                    s.execute("PRAGMA busy_timeout=10000");
                }
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            truncationPending = true; // tried again after the next commit and at close
        }
    }

    @Override
    public String toString() {
        return "JdbcGraphStore[" + dialect.name().toLowerCase(java.util.Locale.ROOT) + " " + location + "]";
    }

    /** Reads of the in-memory copy, with the store's change sequence. */
    private final class View extends ForwardingReader {
        private final Reader delegate;

        View(Reader delegate) {
            this.delegate = delegate;
        }

        @Override
        Reader delegate() {
            return delegate;
        }

        @Override
        StoredProfiles stored() {
            return stored;
        }

        @Override
        public long changeSequence() {
            return sequence;
        }
    }
}
