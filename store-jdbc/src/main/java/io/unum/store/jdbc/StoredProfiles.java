package io.unum.store.jdbc;

import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The golden profiles a {@link JdbcGraphStore} has not read yet: those that no transaction has
 * written since the store opened. Their rows in {@code unum_profiles} are their committed state,
 * so opening the store reads only their ids and a profile is decoded from its row when someone
 * asks for it.
 *
 * <h2>Design</h2>
 * Opening used to decode every profile (411,360 rows, 465 MB of JSON, at a million records) —
 * about a quarter of the store's open — although a graph reads only the profiles a change
 * touches. Now the in-memory copy holds the profiles written since the open and this class the
 * ids of the rest ({@link #holds}); the two are disjoint: a transaction that puts or removes a
 * profile {@linkplain #release releases} its id here first (and {@linkplain #restore restores}
 * it if it aborts, since the row was not changed). An unread id's row never changes, so a
 * decoded profile stays valid while its id is unread: the last {@value #CACHED} decoded
 * profiles are kept (a change reads a profile several times: to plan, to write, to compare).
 * A decoded profile shares its record keys, golden values and observation times with the
 * resident records ({@link Codec.Sharing}), as a profile built in memory does.
 *
 * <p>Reads use the store's connection under a lock (readers may run on several threads at once
 * while nothing writes); outside a transaction each read ends its database transaction, so that
 * it holds back neither SQLite's log checkpoint nor PostgreSQL's vacuum. Writes (release and
 * restore) come from the store's one transaction, while no snapshot is read.
 */
final class StoredProfiles {

    static final int CACHED = 1024;

    private final Connection connection;
    private final String location;
    private final BooleanSupplier inTransaction;
    /** Ids whose profile is only in its row, each to itself: the object the records hold. */
    private final Map<ProfileId, ProfileId> unread;
    private final Object lock = new Object();
    private final Map<ProfileId, Profile> recent = new LinkedHashMap<>(2 * CACHED, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ProfileId, Profile> eldest) {
            return size() > CACHED;
        }
    };
    private PreparedStatement select;
    /** Reads in progress on this thread (an action of {@link #forEach} may read): the outermost ends the database transaction. */
    private int depth;

    /**
     * @param unread the ids of the stored profiles (each the object the records hold)
     * @param inTransaction whether the store has a transaction open (reads then leave the
     *     database transaction to its commit)
     */
    StoredProfiles(Connection connection, String location, Collection<ProfileId> unread, BooleanSupplier inTransaction) {
        this.connection = connection;
        this.location = location;
        this.unread = new HashMap<>(Math.max(16, (int) (unread.size() / 0.75f) + 1));
        for (ProfileId id : unread) {
            this.unread.put(id, id);
        }
        this.inTransaction = inTransaction;
    }

    /** Whether the profile under {@code id} is stored and not read into memory. */
    boolean holds(ProfileId id) {
        return unread.containsKey(id);
    }

    /** The number of profiles only stored. */
    int count() {
        return unread.size();
    }

    /**
     * The profile under {@code id} decoded from its row, or {@code null} if {@code id} is not
     * {@linkplain #holds held}.
     *
     * @param records the records the profile shares objects with (the reader asking)
     */
    Profile read(ProfileId asked, GraphStore.Reader records) {
        ProfileId id = asked == null ? null : unread.get(asked);
        if (id == null) {
            return null;
        }
        synchronized (lock) {
            Profile known = recent.get(id);
            if (known != null) {
                return known;
            }
            String json;
            depth++;
            try {
                if (select == null) {
                    select = connection.prepareStatement("SELECT profile FROM unum_profiles WHERE id = ?");
                }
                select.setString(1, id.value());
                try (ResultSet rs = select.executeQuery()) {
                    json = rs.next() ? rs.getString(1) : null;
                }
                endRead();
            } catch (SQLException e) {
                throw new StoreException("cannot read profile " + id + " from store " + location + ": " + e.getMessage(), e);
            } finally {
                depth--;
            }
            if (json == null) {
                throw new StoreException("store " + location + " is inconsistent: profile " + id + " has no row");
            }
            Profile profile = Codec.profile(json, sharing(id, records));
            recent.put(id, profile);
            return profile;
        }
    }

    /** Calls {@code action} with every profile only stored, decoded from its row, in no particular order. */
    void forEach(Consumer<Profile> action, GraphStore.Reader records) {
        if (unread.isEmpty()) {
            return;
        }
        synchronized (lock) {
            depth++;
            try {
                try (Statement s = connection.createStatement()) {
                    s.setFetchSize(1024); // PostgreSQL: a cursor, not the whole table in memory
                    try (ResultSet rs = s.executeQuery("SELECT id, profile FROM unum_profiles")) {
                        while (rs.next()) {
                            ProfileId probe = unread.get(ProfileId.of(rs.getString(1)));
                            if (probe != null) {
                                Profile cached = recent.get(probe);
                                action.accept(cached != null ? cached
                                        : Codec.profile(rs.getString(2), sharing(probe, records)));
                            }
                        }
                    }
                }
                endRead();
            } catch (SQLException e) {
                throw new StoreException("cannot read the profiles of store " + location + ": " + e.getMessage(), e);
            } finally {
                depth--;
            }
        }
    }

    /**
     * Takes {@code id} out of the unread profiles: a transaction is about to write it in memory.
     *
     * @return the id object held if it was unread (the transaction restores it if it aborts), or {@code null}
     */
    ProfileId release(ProfileId id) {
        ProfileId held = unread.remove(id);
        if (held != null) {
            synchronized (lock) {
                recent.remove(held);
            }
        }
        return held;
    }

    /** Puts back ids a transaction released and then aborted: their rows are unchanged. */
    void restore(Collection<ProfileId> ids) {
        for (ProfileId id : ids) {
            unread.put(id, id);
        }
    }

    /** Ends the database transaction a read began, unless a transaction or an outer read is open. */
    private void endRead() throws SQLException {
        if (depth == 1 && !inTransaction.getAsBoolean()) {
            connection.commit();
        }
    }

    /** Closes the prepared statement (the store is closing). */
    void close() {
        synchronized (lock) {
            recent.clear();
            if (select != null) {
                try {
                    select.close();
                } catch (SQLException ignored) {
                    // the connection closes next
                }
                select = null;
            }
        }
    }

    /** Shares the profile's id object and the resident records' objects. */
    private static Codec.Sharing sharing(ProfileId id, GraphStore.Reader records) {
        return new Codec.Sharing() {
            @Override
            public SourceRecord resident(String source, String recordId) {
                int o = records.ordinal(RecordKey.of(source, recordId));
                return o < 0 ? null : records.record(o);
            }

            @Override
            public ProfileId profileId(String value) {
                return value.equals(id.value()) ? id : ProfileId.of(value);
            }
        };
    }
}
