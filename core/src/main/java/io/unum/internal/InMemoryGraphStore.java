package io.unum.internal;

import io.unum.ChangeSet;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The engine's default {@link GraphStore}: everything in primitive arrays indexed by ordinal
 * (records, derived data, profile ids, adjacency), an open-addressing block index and a key
 * index, hash maps for profiles, aliases and suppression.
 *
 * <h2>Design</h2>
 * The store is its own snapshot: reads see the live arrays, so a snapshot must not be read while
 * a transaction is open (the identity graph's read–write lock ensures it). A transaction writes
 * in place and keeps an <em>undo log</em> — fixed-width primitive entries plus the objects they
 * replaced — that {@link Transaction#abort()} replays backwards, restoring every record at its
 * ordinal. A transaction that begins on an empty store (a batch resolution) logs nothing: its
 * abort empties the store again. Changed blocks are tracked on the blocks themselves (the
 * transaction's epoch and the size it found), so {@link Transaction#forEachChangedBlock} costs
 * nothing extra.
 *
 * <p>Single writer; readers of one state may run on several threads at once while nothing
 * writes. Not exported: use {@link GraphStore#inMemory()}.
 */
public final class InMemoryGraphStore implements GraphStore {


    private SourceRecord[] records = new SourceRecord[16];
    private Object[] derived = new Object[16];
    private ProfileId[] profileOf = new ProfileId[16];
    private Adjacency adjacency = new Adjacency();
    /** Ordinals below this have been used; freed ones wait in {@link #free}. */
    private int bound;
    private final IntList free = new IntList();
    private final KeyIndex byKey = new KeyIndex();
    private final BlockIndex blocks = new BlockIndex();
    private final HashMap<ProfileId, Profile> profiles = new HashMap<>();
    private final HashMap<ProfileId, ProfileId> aliases = new HashMap<>();
    private final HashMap<String, Instant> suppressed = new HashMap<>();
    private final HashMap<String, String> meta = new HashMap<>();
    private long changeSequence;

    private Tx open;
    private long epoch;
    private boolean closed;

    /** An empty store. */
    public InMemoryGraphStore() {
    }

    @Override
    public Reader snapshot() {
        return new View();
    }

    @Override
    public Transaction begin() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (open != null) {
            throw new IllegalStateException("a transaction is already open on this store; one writer at a time");
        }
        boolean empty = byKey.size() == 0 && blocks.size() == 0 && profiles.isEmpty() && aliases.isEmpty()
                && suppressed.isEmpty() && meta.isEmpty();
        open = new Tx(++epoch, !empty, changeSequence);
        return open;
    }

    @Override
    public void close() {
        if (open != null) {
            open.abort();
        }
        closed = true;
    }

    // ------------------------------------------------------------------------------------------
    // reads, shared by the snapshot view and the transaction

    /** The read methods over the live state. */
    private class View implements Reader {
        @Override
        public int recordCount() {
            return byKey.size();
        }

        @Override
        public int ordinalBound() {
            return bound;
        }

        @Override
        public int ordinal(RecordKey key) {
            return byKey.get(Objects.requireNonNull(key, "key"));
        }

        @Override
        public SourceRecord record(int ordinal) {
            return ordinal >= 0 && ordinal < bound ? records[ordinal] : null;
        }

        @Override
        public Object derived(int ordinal) {
            return ordinal >= 0 && ordinal < bound ? derived[ordinal] : null;
        }

        @Override
        public Members block(long key) {
            return blocks.get(key);
        }

        @Override
        public void forEachBlock(Consumer<Members> action) {
            blocks.forEach(action);
        }

        @Override
        public int blockCount() {
            return blocks.size();
        }

        @Override
        public int degree(int ordinal) {
            return adjacency.degree(ordinal);
        }

        @Override
        public int partner(int ordinal, int i) {
            return adjacency.partner(ordinal, i);
        }

        @Override
        public long edge(int ordinal, int i) {
            return adjacency.edge(ordinal, i);
        }

        @Override
        public ProfileId profileOf(int ordinal) {
            return profileOf[ordinal];
        }

        @Override
        public Profile profile(ProfileId id) {
            return profiles.get(id);
        }

        @Override
        public ProfileId aliasOf(ProfileId id) {
            return aliases.get(id);
        }

        @Override
        public int profileCount() {
            return profiles.size();
        }

        @Override
        public void forEachProfile(Consumer<Profile> action) {
            profiles.values().forEach(action);
        }

        @Override
        public void forEachAlias(BiConsumer<ProfileId, ProfileId> action) {
            aliases.forEach(action);
        }

        @Override
        public Instant suppressedAt(String hash) {
            return suppressed.get(hash);
        }

        @Override
        public void forEachSuppressed(BiConsumer<String, Instant> action) {
            suppressed.forEach(action);
        }

        @Override
        public long changeSequence() {
            return changeSequence;
        }

        @Override
        public String meta(String key) {
            return meta.get(Objects.requireNonNull(key, "key"));
        }
    }

    // ------------------------------------------------------------------------------------------
    // the transaction

    private static final int INSERT = 1;
    private static final int REMOVE = 2;
    private static final int ADD_MEMBER = 3;
    private static final int REMOVE_MEMBER = 4;
    private static final int SET_EDGE = 5;
    private static final int SET_PROFILE_OF = 6;
    private static final int PUT_PROFILE = 7;
    private static final int PUT_ALIAS = 8;
    private static final int SUPPRESS = 9;
    private static final int SET_DERIVED = 10;
    private static final int PUT_META = 11;

    private final class Tx extends View implements Transaction {
        private final long txEpoch;
        private final long sequenceAtBegin;
        private final ChangedBlocks changed = new ChangedBlocks();
        private final UndoLog log;
        private boolean ended;

        Tx(long txEpoch, boolean logging, long sequenceAtBegin) {
            this.txEpoch = txEpoch;
            this.log = new UndoLog(logging);
            this.sequenceAtBegin = sequenceAtBegin;
        }

        private void live() {
            if (ended) {
                throw new IllegalStateException("the transaction has ended");
            }
        }

        private void checkOrdinal(int ordinal) {
            if (ordinal < 0 || ordinal >= bound || records[ordinal] == null) {
                throw new IllegalArgumentException("ordinal " + ordinal + " is not in use");
            }
        }

        private void checkPair(int a, int b) {
            checkOrdinal(a);
            checkOrdinal(b);
            if (a == b) {
                throw new IllegalArgumentException("a record has no edge to itself (ordinal " + a + ")");
            }
        }

        @Override
        public int insert(SourceRecord record, Object data) {
            live();
            Objects.requireNonNull(record, "record");
            boolean appended = free.isEmpty();
            int ordinal = appended ? bound : free.get(free.size() - 1);
            if (byKey.putIfAbsent(record.key(), ordinal) >= 0) {
                throw new IllegalArgumentException("a record with key " + record.key() + " is resident");
            }
            if (appended) {
                bound++;
            } else {
                free.removeLast();
            }
            ensureCapacity(ordinal + 1);
            records[ordinal] = record;
            derived[ordinal] = data;
            log.add(INSERT, ordinal, appended ? 1 : 0, 0);
            return ordinal;
        }

        @Override
        public void remove(int ordinal) {
            live();
            checkOrdinal(ordinal);
            SourceRecord record = records[ordinal];
            while (adjacency.degree(ordinal) > 0) {
                setEdge(ordinal, adjacency.partner(ordinal, adjacency.degree(ordinal) - 1), 0L);
            }
            log.keep(record);
            log.keep(derived[ordinal]);
            log.keep(profileOf[ordinal]);
            log.add(REMOVE, ordinal, 0, 0);
            byKey.remove(record.key());
            records[ordinal] = null;
            derived[ordinal] = null;
            profileOf[ordinal] = null;
            adjacency.clear(ordinal);
            free.add(ordinal);
        }

        @Override
        public void setDerived(int ordinal, Object data) {
            live();
            checkOrdinal(ordinal);
            log.keep(derived[ordinal]);
            log.add(SET_DERIVED, ordinal, 0, 0);
            derived[ordinal] = data;
        }

        /**
         * Not logged: the decoded form is the same data as the bytes it replaces, so an abort
         * keeps it (an open restores a million records in one transaction; logging each kept
         * every stored form reachable until the commit).
         */
        @Override
        public void restoreDerived(int ordinal, Object data) {
            live();
            checkOrdinal(ordinal);
            derived[ordinal] = data;
        }

        @Override
        public void addMember(long key, int tag, int ordinal) {
            live();
            checkOrdinal(ordinal);
            add(key, tag, ordinal);
        }

        /**
         * Checks every ordinal first (a bad one changes nothing), then adds the memberships in
         * the block index's {@linkplain BlockIndex#sweep sweep order}:
         * one key's memberships keep their given order, so each block's members and tag are
         * those of one {@code addMember} after another.
         */
        @Override
        public void addMembers(long[] keys, int[] tags, int[] ordinals, int count) {
            live();
            Objects.checkFromIndexSize(0, count, Math.min(keys.length, Math.min(tags.length, ordinals.length)));
            for (int i = 0; i < count; i++) {
                checkOrdinal(ordinals[i]);
            }
            BlockIndex.Sweep sweep = blocks.sweep(keys, tags, ordinals, count);
            for (int j = 0; j < count; j++) {
                add(sweep.keys()[j], sweep.tags()[j], sweep.ordinals()[j]);
            }
        }

        private void add(long key, int tag, int ordinal) {
            Block block = blocks.getOrCreate(key, tag);
            touch(block);
            block.add(ordinal);
            log.add(ADD_MEMBER, key, ordinal, tag);
        }

        @Override
        public void removeMember(long key, int ordinal) {
            live();
            Block block = blocks.get(key);
            if (block == null) {
                return;
            }
            touch(block);
            if (block.removeValue(ordinal)) {
                log.add(REMOVE_MEMBER, key, ordinal, block.tag);
                if (block.size() == 0) {
                    blocks.remove(key);
                }
            }
        }

        private void touch(Block block) {
            if (block.txEpoch != txEpoch) {
                block.txEpoch = txEpoch;
                block.sizeAtBegin = block.size();
                changed.add(block);
            }
        }

        @Override
        public void forEachChangedBlock(ChangedBlockVisitor visitor) {
            changed.forEach(block -> visitor.visit(block, block.sizeAtBegin));
        }

        @Override
        public void setEdge(int a, int b, long edge) {
            live();
            checkPair(a, b);
            long old = adjacency.between(a, b);
            if (old == edge) {
                return;
            }
            log.add(SET_EDGE, a, b, old);
            adjacency.set(a, b, edge);
            adjacency.set(b, a, edge);
        }

        @Override
        public void addEdge(int a, int b, long edge) {
            live();
            checkPair(a, b);
            if (edge == 0L) {
                throw new IllegalArgumentException("an edge is non-zero");
            }
            log.add(SET_EDGE, a, b, 0L);
            adjacency.append(a, b, edge);
            adjacency.append(b, a, edge);
        }

        @Override
        public void setProfileOf(int ordinal, ProfileId id) {
            live();
            checkOrdinal(ordinal);
            log.keep(profileOf[ordinal]);
            log.add(SET_PROFILE_OF, ordinal, 0, 0);
            profileOf[ordinal] = id;
        }

        @Override
        public void putProfile(Profile profile) {
            live();
            Objects.requireNonNull(profile, "profile");
            log.entry(PUT_PROFILE, profile.id(), profiles.put(profile.id(), profile));
        }

        @Override
        public void removeProfile(ProfileId id) {
            live();
            Profile old = profiles.remove(Objects.requireNonNull(id, "id"));
            if (old != null) {
                log.entry(PUT_PROFILE, id, old);
            }
        }

        @Override
        public void putAlias(ProfileId absorbed, ProfileId into) {
            live();
            Objects.requireNonNull(absorbed, "absorbed");
            Objects.requireNonNull(into, "into");
            log.entry(PUT_ALIAS, absorbed, aliases.put(absorbed, into));
        }

        @Override
        public void suppress(String hash, Instant erasedAt) {
            live();
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(erasedAt, "erasedAt");
            Instant old = suppressed.get(hash);
            if (old == null || erasedAt.isBefore(old)) {
                suppressed.put(hash, erasedAt);
                log.entry(SUPPRESS, hash, old);
            }
        }

        @Override
        public void putMeta(String key, String value) {
            live();
            Objects.requireNonNull(key, "key");
            log.entry(PUT_META, key, value == null ? meta.remove(key) : meta.put(key, value));
        }

        @Override
        public long recordChange(ChangeSet changes) {
            live();
            Objects.requireNonNull(changes, "changes");
            return ++changeSequence;
        }

        @Override
        public void commit() {
            live();
            end();
        }

        @Override
        public void abort() {
            live();
            if (!log.on()) {
                clearAll();
            } else {
                undo();
            }
            changeSequence = sequenceAtBegin;
            end();
        }

        @Override
        public void close() {
            if (!ended) {
                abort();
            }
        }

        private void end() {
            ended = true;
            // blocks keep this epoch: epochs only grow, so no later transaction mistakes it for its own
            changed.clear();
            log.clear();
            open = null;
        }

        /**
         * Puts back the value a map entry had (the key and the old value are the last two logged
         * objects; a {@code null} old value means the key was absent).
         *
         * @return the objects left in the log
         */
        private <K, V> int restore(java.util.Map<K, V> map, int objects, Class<V> type) {
            V old = type.cast(log.kept(objects - 1));
            @SuppressWarnings("unchecked")
            K key = (K) log.kept(objects - 2);
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
            return objects - 2;
        }

        private void undo() {
            int objects = log.objectCount();
            for (int p = log.size() - 1; p >= 0; p--) {
                int op = log.op(p);
                long a = log.a(p);
                long b = log.b(p);
                long c = log.c(p);
                switch (op) {
                    case INSERT -> {
                        int o = (int) a;
                        byKey.remove(records[o].key());
                        records[o] = null;
                        derived[o] = null;
                        profileOf[o] = null;
                        adjacency.clear(o);
                        if (b == 1) {
                            bound--;
                        } else {
                            free.add(o);
                        }
                    }
                    case REMOVE -> {
                        int o = (int) a;
                        ProfileId profile = (ProfileId) log.kept(--objects);
                        Object data = log.kept(--objects);
                        SourceRecord record = (SourceRecord) log.kept(--objects);
                        int reused = free.removeLast();
                        if (reused != o) {
                            throw new IllegalStateException("internal error: undo found ordinal " + reused + ", not " + o);
                        }
                        records[o] = record;
                        derived[o] = data;
                        profileOf[o] = profile;
                        byKey.put(record.key(), o);
                    }
                    case ADD_MEMBER -> {
                        Block block = blocks.get(a);
                        block.removeValue((int) b);
                        if (block.size() == 0) {
                            blocks.remove(a);
                        }
                    }
                    case REMOVE_MEMBER -> blocks.getOrCreate(a, (int) c).add((int) b);
                    case SET_EDGE -> {
                        adjacency.set((int) a, (int) b, c);
                        adjacency.set((int) b, (int) a, c);
                    }
                    case SET_PROFILE_OF -> profileOf[(int) a] = (ProfileId) log.kept(--objects);
                    case SET_DERIVED -> derived[(int) a] = log.kept(--objects);
                    case PUT_PROFILE -> objects = restore(profiles, objects, Profile.class);
                    case PUT_ALIAS -> objects = restore(aliases, objects, ProfileId.class);
                    case SUPPRESS -> objects = restore(suppressed, objects, Instant.class);
                    case PUT_META -> objects = restore(meta, objects, String.class);
                    default -> throw new IllegalStateException("internal error: undo log entry " + op);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // raw writes

    private void clearAll() {
        records = new SourceRecord[16];
        derived = new Object[16];
        profileOf = new ProfileId[16];
        adjacency = new Adjacency();
        bound = 0;
        free.clear();
        byKey.clear();
        blocks.clear();
        profiles.clear();
        aliases.clear();
        suppressed.clear();
        meta.clear();
    }

    private void ensureCapacity(int n) {
        if (n <= records.length) {
            return;
        }
        int capacity = Math.max(n, records.length + (records.length >> 1));
        records = Arrays.copyOf(records, capacity);
        derived = Arrays.copyOf(derived, capacity);
        profileOf = Arrays.copyOf(profileOf, capacity);
        adjacency.ensureCapacity(capacity);
    }

    @Override
    public String toString() {
        return "InMemoryGraphStore[" + byKey.size() + " records, " + blocks.size() + " blocks, " + profiles.size()
                + " profiles]";
    }
}
