package io.unum.store.jdbc;

import io.unum.EngineSpec;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Reads a {@link JdbcGraphStore}'s tables with SQL, without opening the store: no writer lock,
 * no in-memory copy, so a reader may run at any time, also while a writer has the store open
 * (SQLite in WAL mode and PostgreSQL both let readers see the last committed state). This is
 * what other systems may do with the tables, as a small Java API: a profile by id (following
 * aliases), the profiles holding an identifier, every profile and record assignment, and the
 * change feed.
 *
 * <pre>{@code
 * try (JdbcStoreReader reader = JdbcStoreReader.open("graph.db")) {
 *     Optional<Profile> profile = reader.profile(ProfileId.of("p-…"));
 *     List<Profile> holders = reader.profilesWith("email", "jane@example.com");   // the stored (normalized) form
 *     reader.forEachChange(lastSeen, change -> publish(change));
 * }
 * }</pre>
 *
 * <p>Identifiers are stored in the form the store's configuration normalized them to (an e-mail
 * address lower-cased, a phone number in E.164, …); {@link #profilesWith} compares that form
 * exactly, so normalize a value as the configuration does first ({@link #spec()} names the rule
 * sets that say how).
 *
 * <p>A reader sees the store as it was at its first read, until {@link #refresh()} or
 * {@link #close()}: several reads agree with each other. Keep readers short-lived: an open SQLite
 * read holds back the write-ahead log's checkpoint. Not thread-safe.
 */
public final class JdbcStoreReader implements AutoCloseable {

    /** The {@code unum_meta} row holding the content hash of the store's {@link EngineSpec}. */
    public static final String META_SPEC_HASH = "spec.hash";
    /** The {@code unum_meta} row holding the store's {@link EngineSpec} as JSON (never the blocking secret). */
    public static final String META_SPEC_JSON = "spec.json";
    /** The {@code unum_meta} row holding the last change sequence number. */
    public static final String META_CHANGE_SEQUENCE = JdbcGraphStore.SEQUENCE;

    /**
     * One row of the change feed ({@code unum_changes}): no personal values.
     *
     * @param seq the change's sequence number: one per committed change, increasing
     * @param item the row's place within the change, from 0
     * @param kind {@code created}, {@code updated}, {@code merged}, {@code split} or {@code deleted}
     * @param profile the profile: the created, updated or deleted one, a merge's survivor, or the
     *     id a split profile had
     * @param related a merge's absorbed profile ids, or a split's parts; empty otherwise
     * @param recordedAt when the change was committed
     */
    public record Change(long seq, int item, String kind, ProfileId profile, List<ProfileId> related,
            Instant recordedAt) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(profile, "profile");
            related = List.copyOf(related);
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    private static final int FETCH_SIZE = 1000;
    private static final int MAX_ALIAS_HOPS = 1000;

    private final Connection connection;
    private final String location;

    private JdbcStoreReader(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /**
     * Opens a reader of the store at {@code location}: a SQLite file (path or {@code jdbc:sqlite:}
     * URL), opened read-only, or a {@code jdbc:postgresql:} URL.
     *
     * @throws StoreException if there is no store there (a missing file, a directory, a database
     *     without Unum's tables), its schema is newer than this Unum's, or the database refuses
     */
    public static JdbcStoreReader open(String location) {
        Objects.requireNonNull(location, "location");
        String described = describe(location);
        Connection connection = null;
        try {
            if (location.startsWith("jdbc:postgresql:")) {
                connection = DriverManager.getConnection(location);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            } else {
                String file = location.startsWith("jdbc:sqlite:") ? location.substring("jdbc:sqlite:".length()) : location;
                Path path = Path.of(file).toAbsolutePath();
                if (Files.isDirectory(path)) {
                    throw new StoreException("store " + path + " is a directory; give a database file such as graph.db");
                }
                if (!Files.isRegularFile(path)) {
                    throw new StoreException("store " + path + " does not exist");
                }
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(10_000);
                connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
                described = path.toString();
            }
            connection.setAutoCommit(false);
            JdbcStoreReader reader = new JdbcStoreReader(connection, described);
            reader.checkSchema();
            return reader;
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot read store " + described + ": " + e.getMessage(), e);
        }
    }

    /** The location without a password (as {@link JdbcGraphStore#location()} shows it). */
    private static String describe(String location) {
        return location.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private void checkSchema() throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean postgres = meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (ResultSet tables = meta.getTables(null, postgres ? connection.getSchema() : null, "unum_schema", null)) {
            if (!tables.next()) {
                throw new StoreException("store " + location + " holds no Unum graph (it has no unum_schema table)");
            }
        }
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM unum_schema")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > JdbcGraphStore.SCHEMA_VERSION) {
            throw new StoreException("store " + location + " has schema version " + version + "; this Unum reads up to "
                    + JdbcGraphStore.SCHEMA_VERSION + ": read it with a newer Unum");
        }
        if (version < JdbcGraphStore.SCHEMA_VERSION) {
            throw new StoreException("store " + location + " has schema version " + version + "; open it for writing once"
                    + " (JdbcGraphStore.open) to migrate it to version " + JdbcGraphStore.SCHEMA_VERSION);
        }
    }

    /** Where the store lives (a password masked). */
    public String location() {
        return location;
    }

    /** A row of {@code unum_meta}. */
    public Optional<String> meta(String name) {
        Objects.requireNonNull(name, "name");
        return query("SELECT value FROM unum_meta WHERE name = ?", p -> p.setString(1, name), rs -> rs.getString(1));
    }

    /**
     * The configuration the store was built with, without its blocking secret (which is enough
     * to normalize identifiers as the store did, not to open its graph: use
     * {@code Resolver.newBuilder(store)} on an open {@link JdbcGraphStore} for that). Its rule
     * sets are made by the providers on the class path. Empty for a store that no graph has
     * written yet.
     *
     * @throws IllegalArgumentException if the spec names a rule set no provider on the class path makes
     */
    public Optional<EngineSpec> spec() {
        return meta(META_SPEC_JSON).map(EngineSpec::fromJson);
    }

    /** The last change sequence number (0 for a store without changes). */
    public long changeSequence() {
        return meta(META_CHANGE_SEQUENCE).map(Long::parseLong).orElse(0L);
    }

    /** The number of stored records. */
    public long recordCount() {
        return count("SELECT COUNT(*) FROM unum_records");
    }

    /** The number of profiles. */
    public long profileCount() {
        return count("SELECT COUNT(*) FROM unum_profiles");
    }

    /**
     * The profile with this id, following the aliases merges left (an absorbed id finds the
     * profile it was merged into).
     */
    public Optional<Profile> profile(ProfileId id) {
        Objects.requireNonNull(id, "id");
        ProfileId current = id;
        Set<ProfileId> seen = new HashSet<>();
        for (int hop = 0; hop < MAX_ALIAS_HOPS && seen.add(current); hop++) {
            String value = current.value();
            Optional<Profile> profile = query("SELECT profile FROM unum_profiles WHERE id = ?", p -> p.setString(1, value),
                    rs -> Codec.profile(rs.getString(1)));
            if (profile.isPresent()) {
                return profile;
            }
            Optional<String> into = query("SELECT merged_into FROM unum_aliases WHERE absorbed = ?",
                    p -> p.setString(1, value), rs -> rs.getString(1));
            if (into.isEmpty()) {
                return Optional.empty();
            }
            current = ProfileId.of(into.get());
        }
        return Optional.empty();
    }

    /** The id of the profile that holds a record; empty if the store does not hold the record. */
    public Optional<ProfileId> profileOf(RecordKey key) {
        Objects.requireNonNull(key, "key");
        return query("SELECT profile_id FROM unum_records WHERE source = ? AND id = ?", p -> {
            p.setString(1, key.source());
            p.setString(2, key.id());
        }, rs -> rs.getString(1)).map(ProfileId::of);
    }

    /**
     * The profiles holding an identifier in its stored form, sorted by id. More than one profile
     * can hold the same identifier (a placeholder, or two people kept apart by merge protection).
     *
     * @param type the identifier type's name, e.g. {@code "email"}, {@code "phone"}
     * @param storedValue the value as the store's configuration normalized it
     */
    public List<Profile> profilesWith(String type, String storedValue) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(storedValue, "storedValue");
        List<Profile> profiles = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT p.profile FROM unum_identifiers i"
                + " JOIN unum_profiles p ON p.id = i.profile_id WHERE i.type = ? AND i.value = ? ORDER BY p.id")) {
            p.setString(1, type);
            p.setString(2, storedValue);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    profiles.add(Codec.profile(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return profiles;
    }

    /** Every profile, sorted by id, streamed from the database. */
    public void forEachProfile(Consumer<Profile> action) {
        Objects.requireNonNull(action, "action");
        stream("SELECT profile FROM unum_profiles ORDER BY id", rs -> action.accept(Codec.profile(rs.getString(1))));
    }

    /**
     * Every stored record's key and the id of its profile ({@code null} for a record without
     * one), sorted by source and id, streamed from the database.
     */
    public void forEachAssignment(BiConsumer<RecordKey, ProfileId> action) {
        Objects.requireNonNull(action, "action");
        stream("SELECT source, id, profile_id FROM unum_records ORDER BY source, id", rs -> {
            String profile = rs.getString(3);
            action.accept(RecordKey.of(rs.getString(1), rs.getString(2)), profile == null ? null : ProfileId.of(profile));
        });
    }

    /** Whether two records of different sources share an id (so that ids alone do not name records). */
    public boolean recordIdsRepeatAcrossSources() {
        return count("SELECT COUNT(*) FROM (SELECT id FROM unum_records GROUP BY id HAVING COUNT(*) > 1) AS repeated") > 0;
    }

    /**
     * The change feed after sequence number {@code after}, in order (by sequence, then item),
     * streamed from the database. Follow the feed by passing the last {@link Change#seq()} seen:
     * every row of a change is committed together.
     */
    public void forEachChange(long after, Consumer<Change> action) {
        Objects.requireNonNull(action, "action");
        try (PreparedStatement p = connection.prepareStatement("SELECT seq, item, kind, profile_id, related, recorded_at"
                + " FROM unum_changes WHERE seq > ? ORDER BY seq, item")) {
            p.setFetchSize(FETCH_SIZE);
            p.setLong(1, after);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<ProfileId> related = new ArrayList<>();
                    String text = rs.getString(5);
                    if (text != null && !text.isEmpty()) {
                        for (String id : text.split(",")) {
                            related.add(ProfileId.of(id));
                        }
                    }
                    action.accept(new Change(rs.getLong(1), rs.getInt(2), rs.getString(3), ProfileId.of(rs.getString(4)),
                            related, Instant.parse(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The change feed after sequence number {@code after}; see {@link #forEachChange}. */
    public List<Change> changesSince(long after) {
        List<Change> changes = new ArrayList<>();
        forEachChange(after, changes::add);
        return changes;
    }

    /** Ends the current read, so that the next read sees the store's latest committed state. */
    public void refresh() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public String toString() {
        return "JdbcStoreReader[" + location + "]";
    }

    // ------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private long count(String sql) {
        return query(sql, p -> { }, rs -> rs.getLong(1)).orElse(0L);
    }

    private void stream(String sql, RowAction action) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private StoreException failed(SQLException e) {
        return new StoreException("cannot read store " + location + ": " + e.getMessage(), e);
    }
}
