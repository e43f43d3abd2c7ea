package io.unum.store.jdbc;

import io.unum.ChangeSet;
import io.unum.ProfileChange;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A transaction of a {@link JdbcGraphStore}: every write goes to the in-memory copy's transaction
 * (which also serves this transaction's reads, its own writes included) and notes the rows it
 * touches; {@link #commit()} writes each touched row's final state — a row that ends absent is
 * deleted, one that ends present is written — in one database transaction, then commits the copy.
 *
 * <p>Block membership is kept per record as {@code block_keys} (12 bytes per key: the key and its
 * tag). A record inserted in the transaction gets the keys it was given; a resident record whose
 * membership changes (only a rebuild does that) has its stored keys read, changed and written.
 */
final class JdbcTransaction extends ForwardingReader implements GraphStore.Transaction {

    private record Pair(RecordKey a, RecordKey b) {
        static Pair of(RecordKey x, RecordKey y) {
            return x.compareTo(y) < 0 ? new Pair(x, y) : new Pair(y, x);
        }
    }

    private final JdbcGraphStore store;
    private final GraphStore.Transaction memory;
    private final Map<RecordKey, RowChange> rows = new LinkedHashMap<>();
    private final Set<Pair> edges = new LinkedHashSet<>();
    private final Set<ProfileId> profiles = new LinkedHashSet<>();
    private final Set<ProfileId> aliases = new LinkedHashSet<>();
    private final Set<String> suppressed = new LinkedHashSet<>();
    private final Set<String> meta = new LinkedHashSet<>();
    /** Profiles this transaction took out of the stored ones (put back if it aborts). */
    private final List<ProfileId> released = new ArrayList<>();
    private final List<ChangeSet> changes = new ArrayList<>();
    private final long sequenceAtBegin;
    private long sequence;
    private boolean ended;
    /** Whether the commit deletes a record's row: its values must then leave the write-ahead log. */
    private boolean recordsDeleted;

    JdbcTransaction(JdbcGraphStore store, GraphStore.Transaction memory, long sequence) {
        this.store = store;
        this.memory = memory;
        this.sequenceAtBegin = sequence;
        this.sequence = sequence;
    }

    @Override
    GraphStore.Reader delegate() {
        return memory;
    }

    @Override
    StoredProfiles stored() {
        return store.stored();
    }

    @Override
    public long changeSequence() {
        return sequence;
    }

    private RowChange row(int ordinal) {
        SourceRecord record = memory.record(ordinal);
        if (record == null) {
            throw new IllegalArgumentException("ordinal " + ordinal + " is not in use");
        }
        return rows.computeIfAbsent(record.key(), k -> new RowChange());
    }

    private RecordKey key(int ordinal) {
        SourceRecord record = memory.record(ordinal);
        if (record == null) {
            throw new IllegalArgumentException("ordinal " + ordinal + " is not in use");
        }
        return record.key();
    }

    @Override
    public int insert(SourceRecord record, Object derived) {
        int o = memory.insert(record, derived);
        RowChange row = rows.computeIfAbsent(record.key(), k -> new RowChange());
        row.inserted = true;
        row.clearMembership();
        return o;
    }

    @Override
    public void remove(int ordinal) {
        RecordKey key = key(ordinal);
        for (int d = 0, n = memory.degree(ordinal); d < n; d++) {
            edges.add(Pair.of(key, key(memory.partner(ordinal, d))));
        }
        memory.remove(ordinal);
        rows.computeIfAbsent(key, k -> new RowChange());
    }

    @Override
    public void setDerived(int ordinal, Object derived) {
        memory.setDerived(ordinal, derived);
        rows.computeIfAbsent(key(ordinal), k -> new RowChange()).features = true;
    }

    @Override
    public void restoreDerived(int ordinal, Object derived) {
        memory.restoreDerived(ordinal, derived); // decoded from the stored form: nothing new to write
    }

    @Override
    public void addMember(long key, int tag, int ordinal) {
        RowChange row = row(ordinal);
        memory.addMember(key, tag, ordinal);
        row.add(key, memory.block(key).tag()); // the block's tag: an existing block keeps its own
    }

    /** The memory's bulk add (every ordinal checked first), then each row's new keys with their blocks' tags. */
    @Override
    public void addMembers(long[] keys, int[] tags, int[] ordinals, int count) {
        memory.addMembers(keys, tags, ordinals, count);
        for (int i = 0; i < count; i++) {
            row(ordinals[i]).add(keys[i], memory.block(keys[i]).tag());
        }
    }

    @Override
    public void removeMember(long key, int ordinal) {
        RowChange row = row(ordinal);
        memory.removeMember(key, ordinal);
        row.remove(key);
    }

    @Override
    public void forEachChangedBlock(GraphStore.ChangedBlockVisitor visitor) {
        memory.forEachChangedBlock(visitor);
    }

    @Override
    public void setEdge(int a, int b, long edge) {
        Pair pair = Pair.of(key(a), key(b));
        memory.setEdge(a, b, edge);
        edges.add(pair);
    }

    @Override
    public void addEdge(int a, int b, long edge) {
        Pair pair = Pair.of(key(a), key(b));
        memory.addEdge(a, b, edge);
        edges.add(pair);
    }

    @Override
    public void setProfileOf(int ordinal, ProfileId id) {
        RowChange row = row(ordinal);
        memory.setProfileOf(ordinal, id);
        row.profile = true;
    }

    @Override
    public void putProfile(Profile profile) {
        Objects.requireNonNull(profile, "profile");
        release(profile.id());
        memory.putProfile(profile);
        profiles.add(profile.id());
    }

    @Override
    public void removeProfile(ProfileId id) {
        Objects.requireNonNull(id, "id");
        release(id);
        memory.removeProfile(id);
        profiles.add(id);
    }

    /** Takes a stored profile's id out of the stored ones: the in-memory copy holds it (or its absence) now. */
    private void release(ProfileId id) {
        live();
        ProfileId held = store.stored().release(id);
        if (held != null) {
            released.add(held);
        }
    }

    @Override
    public void putAlias(ProfileId absorbed, ProfileId into) {
        memory.putAlias(absorbed, into);
        aliases.add(absorbed);
    }

    @Override
    public void suppress(String hash, Instant erasedAt) {
        memory.suppress(hash, erasedAt);
        suppressed.add(hash);
    }

    @Override
    public void putMeta(String key, String value) {
        if (JdbcGraphStore.SEQUENCE.equals(key)) {
            throw new IllegalArgumentException("metadata key " + key + " is the store's own");
        }
        memory.putMeta(key, value);
        meta.add(key);
    }

    @Override
    public long recordChange(ChangeSet changeSet) {
        Objects.requireNonNull(changeSet, "changes");
        live();
        changes.add(changeSet);
        return ++sequence;
    }

    private void live() {
        if (ended) {
            throw new IllegalStateException("the transaction has ended");
        }
    }

    @Override
    public void commit() {
        live();
        Connection connection = store.connection();
        try {
            write(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            abortQuietly(connection);
            memory.abort();
            store.stored().restore(released);
            ended = true;
            store.ended(this, false, sequenceAtBegin, false);
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                throw (RuntimeException) e;
            }
            throw new StoreException("cannot commit to store " + store.location() + ": " + e.getMessage(), e);
        }
        memory.commit();
        ended = true;
        store.ended(this, true, sequence, recordsDeleted || !suppressed.isEmpty());
    }

    @Override
    public void abort() {
        live();
        abortQuietly(store.connection());
        memory.abort();
        store.stored().restore(released);
        ended = true;
        store.ended(this, false, sequenceAtBegin, false);
    }

    @Override
    public void close() {
        if (!ended) {
            abort();
        }
    }

    private static void abortQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is failing already; the database rolls back an unfinished transaction
        }
    }

    // ------------------------------------------------------------------------------------------
    // writing the final state of every touched row

    private void write(Connection c) throws SQLException {
        writeRecords(c);
        writeEdges(c);
        writeProfiles(c);
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unum_aliases (absorbed, merged_into) VALUES (?, ?)"
                + " ON CONFLICT (absorbed) DO UPDATE SET merged_into = excluded.merged_into");
                PreparedStatement delete = c.prepareStatement("DELETE FROM unum_aliases WHERE absorbed = ?")) {
            for (ProfileId id : aliases) {
                ProfileId into = memory.aliasOf(id);
                if (into == null) {
                    delete.setString(1, id.value());
                    delete.addBatch();
                } else {
                    upsert.setString(1, id.value());
                    upsert.setString(2, into.value());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
            delete.executeBatch();
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unum_suppression (hash, erased_at) VALUES (?, ?)"
                + " ON CONFLICT (hash) DO UPDATE SET erased_at = excluded.erased_at");
                PreparedStatement delete = c.prepareStatement("DELETE FROM unum_suppression WHERE hash = ?")) {
            for (String hash : suppressed) {
                Instant at = memory.suppressedAt(hash);
                if (at == null) {
                    delete.setString(1, hash);
                    delete.addBatch();
                } else {
                    upsert.setString(1, hash);
                    upsert.setString(2, at.toString());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
            delete.executeBatch();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : meta) {
            values.put(key, memory.meta(key));
        }
        if (sequence != sequenceAtBegin) {
            values.put(JdbcGraphStore.SEQUENCE, Long.toString(sequence));
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unum_meta (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value");
                PreparedStatement delete = c.prepareStatement("DELETE FROM unum_meta WHERE name = ?")) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                if (entry.getValue() == null) {
                    delete.setString(1, entry.getKey());
                    delete.addBatch();
                } else {
                    upsert.setString(1, entry.getKey());
                    upsert.setString(2, entry.getValue());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
            delete.executeBatch();
        }
        writeChanges(c);
    }

    private void writeRecords(Connection c) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unum_records"
                + " (source, id, observed_at, record, profile_id, block_keys, features) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (source, id) DO UPDATE SET observed_at = excluded.observed_at, record = excluded.record,"
                + " profile_id = excluded.profile_id, block_keys = excluded.block_keys, features = excluded.features");
                PreparedStatement features = c.prepareStatement(
                        "UPDATE unum_records SET features = ? WHERE source = ? AND id = ?");
                PreparedStatement delete = c.prepareStatement("DELETE FROM unum_records WHERE source = ? AND id = ?");
                PreparedStatement profile = c.prepareStatement(
                        "UPDATE unum_records SET profile_id = ? WHERE source = ? AND id = ?");
                PreparedStatement keys = c.prepareStatement(
                        "UPDATE unum_records SET block_keys = ? WHERE source = ? AND id = ?");
                PreparedStatement readKeys = c.prepareStatement(
                        "SELECT block_keys FROM unum_records WHERE source = ? AND id = ?")) {
            for (Map.Entry<RecordKey, RowChange> entry : rows.entrySet()) {
                RecordKey key = entry.getKey();
                RowChange row = entry.getValue();
                int o = memory.ordinal(key);
                if (o < 0) {
                    delete.setString(1, key.source());
                    delete.setString(2, key.id());
                    delete.addBatch();
                    recordsDeleted = true;
                } else if (row.inserted) {
                    SourceRecord record = memory.record(o);
                    ProfileId id = memory.profileOf(o);
                    upsert.setString(1, key.source());
                    upsert.setString(2, key.id());
                    upsert.setString(3, record.observedAt().toString());
                    upsert.setString(4, Codec.record(record));
                    upsert.setString(5, id == null ? null : id.value());
                    upsert.setBytes(6, keyBytes(row.added, row.tags, row.addedCount));
                    upsert.setBytes(7, storedForm(memory.derived(o)));
                    upsert.addBatch();
                } else {
                    if (row.membershipChanged()) {
                        LinkedHashMap<Long, Integer> current = new LinkedHashMap<>();
                        readKeys.setString(1, key.source());
                        readKeys.setString(2, key.id());
                        try (ResultSet rs = readKeys.executeQuery()) {
                            if (rs.next()) {
                                ByteBuffer buffer = ByteBuffer.wrap(rs.getBytes(1));
                                while (buffer.remaining() >= 12) {
                                    current.put(buffer.getLong(), buffer.getInt());
                                }
                            }
                        }
                        for (int i = 0; i < row.removedCount; i++) {
                            current.remove(row.removed[i]);
                        }
                        for (int i = 0; i < row.addedCount; i++) {
                            current.put(row.added[i], row.tags[i]);
                        }
                        long[] k = new long[current.size()];
                        int[] t = new int[current.size()];
                        int n = 0;
                        for (Map.Entry<Long, Integer> e : current.entrySet()) {
                            k[n] = e.getKey();
                            t[n++] = e.getValue();
                        }
                        keys.setBytes(1, keyBytes(k, t, n));
                        keys.setString(2, key.source());
                        keys.setString(3, key.id());
                        keys.addBatch();
                    }
                    if (row.features) {
                        features.setBytes(1, storedForm(memory.derived(o)));
                        features.setString(2, key.source());
                        features.setString(3, key.id());
                        features.addBatch();
                    }
                    if (row.profile) {
                        ProfileId id = memory.profileOf(o);
                        profile.setString(1, id == null ? null : id.value());
                        profile.setString(2, key.source());
                        profile.setString(3, key.id());
                        profile.addBatch();
                    }
                }
            }
            delete.executeBatch();
            upsert.executeBatch();
            keys.executeBatch();
            profile.executeBatch();
            features.executeBatch();
        }
    }

    /** The stored form of a record's derived data, or {@code null} (see {@link GraphStore.StorableDerived}). */
    private static byte[] storedForm(Object derived) {
        return derived instanceof GraphStore.StorableDerived d ? d.storedForm() : null;
    }

    private static byte[] keyBytes(long[] keys, int[] tags, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count * 12);
        for (int i = 0; i < count; i++) {
            buffer.putLong(keys[i]);
            buffer.putInt(tags[i]);
        }
        return buffer.array();
    }

    private void writeEdges(Connection c) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unum_edges (a_source, a_id, b_source, b_id, edge)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (a_source, a_id, b_source, b_id) DO UPDATE SET edge = excluded.edge");
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM unum_edges WHERE a_source = ? AND a_id = ? AND b_source = ? AND b_id = ?")) {
            for (Pair pair : edges) {
                int a = memory.ordinal(pair.a());
                int b = memory.ordinal(pair.b());
                long edge = a < 0 || b < 0 ? 0L : edgeBetween(a, b);
                PreparedStatement statement = edge == 0L ? delete : upsert;
                statement.setString(1, pair.a().source());
                statement.setString(2, pair.a().id());
                statement.setString(3, pair.b().source());
                statement.setString(4, pair.b().id());
                if (edge != 0L) {
                    statement.setLong(5, edge);
                }
                statement.addBatch();
            }
            delete.executeBatch();
            upsert.executeBatch();
        }
    }

    private long edgeBetween(int a, int b) {
        for (int d = 0, n = memory.degree(a); d < n; d++) {
            if (memory.partner(a, d) == b) {
                return memory.edge(a, d);
            }
        }
        return 0L;
    }

    private void writeProfiles(Connection c) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unum_profiles (id, version, members, profile)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                + " members = excluded.members, profile = excluded.profile");
                PreparedStatement delete = c.prepareStatement("DELETE FROM unum_profiles WHERE id = ?");
                PreparedStatement clear = c.prepareStatement("DELETE FROM unum_identifiers WHERE profile_id = ?");
                PreparedStatement identifier = c.prepareStatement(
                        "INSERT INTO unum_identifiers (profile_id, type, value) VALUES (?, ?, ?)")) {
            for (ProfileId id : profiles) {
                clear.setString(1, id.value());
                clear.addBatch();
                Profile profile = memory.profile(id);
                if (profile == null) {
                    delete.setString(1, id.value());
                    delete.addBatch();
                    continue;
                }
                upsert.setString(1, id.value());
                upsert.setLong(2, profile.version());
                upsert.setInt(3, profile.members().size());
                upsert.setString(4, Codec.profile(profile));
                upsert.addBatch();
                for (Identifier i : profile.identifiers()) {
                    identifier.setString(1, id.value());
                    identifier.setString(2, i.type().name());
                    identifier.setString(3, i.value());
                    identifier.addBatch();
                }
            }
            clear.executeBatch();
            delete.executeBatch();
            upsert.executeBatch();
            identifier.executeBatch();
        }
    }

    private void writeChanges(Connection c) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO unum_changes"
                + " (seq, item, kind, profile_id, related, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            long seq = sequenceAtBegin;
            for (ChangeSet changeSet : changes) {
                seq++;
                int item = 0;
                for (ProfileChange change : changeSet.changes()) {
                    insert.setLong(1, seq);
                    insert.setInt(2, item++);
                    Map<String, String> row = describe(change);
                    insert.setString(3, row.get("kind"));
                    insert.setString(4, row.get("profile"));
                    insert.setString(5, row.get("related"));
                    insert.setString(6, now);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** A change feed row: kind, profile id and the related ids (absorbed ids, or the parts of a split). */
    static Map<String, String> describe(ProfileChange change) {
        Map<String, String> row = new HashMap<>();
        if (change instanceof ProfileChange.Created created) {
            row.put("kind", "created");
            row.put("profile", created.profile().id().value());
        } else if (change instanceof ProfileChange.Updated updated) {
            row.put("kind", "updated");
            row.put("profile", updated.profile().id().value());
        } else if (change instanceof ProfileChange.Merged merged) {
            row.put("kind", "merged");
            row.put("profile", merged.survivor().id().value());
            StringJoiner absorbed = new StringJoiner(",");
            merged.absorbed().forEach(id -> absorbed.add(id.value()));
            row.put("related", absorbed.toString());
        } else if (change instanceof ProfileChange.Split split) {
            row.put("kind", "split");
            row.put("profile", split.original().value());
            StringJoiner parts = new StringJoiner(",");
            split.parts().forEach(p -> parts.add(p.id().value()));
            row.put("related", parts.toString());
        } else if (change instanceof ProfileChange.Deleted deleted) {
            row.put("kind", "deleted");
            row.put("profile", deleted.id().value());
        }
        return row;
    }
}
