package io.unum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ChangeSet;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link GraphStore} contract, as tests that every implementation runs: extend this class,
 * implement {@link #newStore()} and, for a durable store, {@link #reopen(GraphStore)}. Shipped in
 * core's test-jar ({@code <classifier>tests</classifier>}), as Lucene ships
 * {@code BaseDirectoryTestCase}.
 *
 * <p>The central test drives a store and a plain reference model (maps) with the same seeded
 * random transactions, each committed or aborted, and compares everything a reader can observe
 * after each one.
 */
public abstract class GraphStoreContract {

    /** A new, empty store. */
    protected abstract GraphStore newStore();

    /**
     * The same store after a restart (closed and opened again), for durable stores; the default
     * returns the store itself (an in-memory store has no restart). After a reopen, derived data
     * may be {@code null}.
     */
    protected GraphStore reopen(GraphStore store) {
        return store;
    }

    private GraphStore store;

    @BeforeEach
    void open() {
        store = newStore();
    }

    /** The store after a restart; later reads and the clean-up use it. */
    private GraphStore reopened() {
        store = reopen(store);
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static SourceRecord record(String id) {
        return SourceRecord.builder("s", id).observedAt(Instant.parse("2024-01-01T00:00:00Z")).attribute("name", id).build();
    }

    private static Profile profile(String id, long version, String... members) {
        List<RecordKey> keys = new ArrayList<>();
        for (String m : members) {
            keys.add(RecordKey.of("s", m));
        }
        return new Profile(ProfileId.of(id), version, keys, List.of(), Map.of());
    }

    @Test
    void anEmptyStoreHasNothing() {
        GraphStore.Reader r = store.snapshot();
        assertEquals(0, r.recordCount());
        assertEquals(-1, r.ordinal(RecordKey.of("s", "x")));
        assertNull(r.record(0));
        assertNull(r.block(42L));
        assertEquals(0, r.blockCount());
        assertEquals(0, r.profileCount());
        assertNull(r.profile(ProfileId.of("p")));
        assertNull(r.aliasOf(ProfileId.of("p")));
        assertNull(r.suppressedAt("h"));
        assertEquals(0, r.changeSequence());
    }

    @Test
    void aCommitIsVisibleAndReadsItsOwnWrites() {
        int a;
        try (GraphStore.Transaction tx = store.begin()) {
            a = tx.insert(record("a"), "derived-a");
            assertEquals(a, tx.ordinal(RecordKey.of("s", "a")), "a transaction reads its own writes");
            tx.addMember(7L, 3, a);
            assertEquals(1, tx.block(7L).size());
            tx.commit();
        }
        GraphStore.Reader r = reopened().snapshot();
        assertEquals(1, r.recordCount());
        int o = r.ordinal(RecordKey.of("s", "a"));
        assertTrue(o >= 0 && o < r.ordinalBound());
        assertEquals(record("a"), r.record(o));
        assertEquals(3, r.block(7L).tag());
        assertEquals(o, r.block(7L).member(0));
    }

    @Test
    void derivedDataWithAStoredFormComesBackAsItselfOrItsBytes() {
        GraphStore.StorableDerived first = () -> new byte[] {1, 2, 3};
        GraphStore.StorableDerived second = () -> new byte[] {4, 5};
        try (GraphStore.Transaction tx = store.begin()) {
            tx.insert(record("a"), first);
            tx.insert(record("b"), "no stored form");
            tx.commit();
        }
        GraphStore.Reader r = reopened().snapshot();
        Object a = r.derived(r.ordinal(RecordKey.of("s", "a")));
        assertTrue(a == first || Arrays.equals(new byte[] {1, 2, 3}, (byte[]) a), "a: itself or its bytes");
        Object b = r.derived(r.ordinal(RecordKey.of("s", "b")));
        assertTrue(b == null || b.equals("no stored form"), "b: itself or nothing");
        try (GraphStore.Transaction tx = store.begin()) {
            tx.setDerived(tx.ordinal(RecordKey.of("s", "a")), second);
            tx.restoreDerived(tx.ordinal(RecordKey.of("s", "b")), "restored");
            tx.commit();
        }
        r = reopened().snapshot();
        a = r.derived(r.ordinal(RecordKey.of("s", "a")));
        assertTrue(a == second || Arrays.equals(new byte[] {4, 5}, (byte[]) a), "a: the replacement or its bytes");
        b = r.derived(r.ordinal(RecordKey.of("s", "b")));
        assertTrue(b == null || b.equals("restored"), "b: what was restored (a store keeps nothing of it)");
    }

    @Test
    void aDuplicateKeyIsRefusedAndChangesNothing() {
        try (GraphStore.Transaction tx = store.begin()) {
            tx.insert(record("a"), null);
            assertThrows(IllegalArgumentException.class, () -> tx.insert(record("a"), null));
            assertEquals(1, tx.recordCount());
            tx.commit();
        }
    }

    @Test
    void badArgumentsAreRefusedAndChangeNothing() {
        try (GraphStore.Transaction tx = store.begin()) {
            int a = tx.insert(record("a"), null);
            int b = tx.insert(record("b"), null);
            tx.addEdge(a, b, 9L);
            tx.commit();
        }
        try (GraphStore.Transaction tx = store.begin()) {
            int a = tx.ordinal(RecordKey.of("s", "a"));
            int unused = tx.ordinalBound() + 5;
            assertThrows(IllegalArgumentException.class, () -> tx.setEdge(a, unused, 1L));
            assertThrows(IllegalArgumentException.class, () -> tx.setEdge(a, a, 1L));
            assertThrows(IllegalArgumentException.class, () -> tx.addMember(1L, 0, unused));
            assertThrows(IllegalArgumentException.class, () -> tx.setProfileOf(unused, ProfileId.of("p")));
            assertThrows(IllegalArgumentException.class, () -> tx.remove(unused));
            assertThrows(NullPointerException.class, () -> tx.insert(null, null));
            assertThrows(NullPointerException.class, () -> tx.putProfile(null));
            assertEquals(2, tx.recordCount());
            assertEquals(1, tx.degree(a));
            assertNull(tx.block(1L));
            tx.commit();
        }
    }

    @Test
    void oneTransactionAtATime() {
        GraphStore.Transaction tx = store.begin();
        assertThrows(IllegalStateException.class, store::begin);
        tx.commit();
        assertThrows(IllegalStateException.class, () -> tx.insert(record("x"), null), "an ended transaction");
        store.begin().abort();
    }

    @Test
    void edgesAreSymmetricAndGoWithTheirRecord() {
        int a;
        int b;
        int c;
        try (GraphStore.Transaction tx = store.begin()) {
            a = tx.insert(record("a"), null);
            b = tx.insert(record("b"), null);
            c = tx.insert(record("c"), null);
            tx.addEdge(a, b, 5L);
            tx.setEdge(a, c, 6L);
            tx.setEdge(c, a, 7L); // replaces, seen from either end
            assertThrows(IllegalArgumentException.class, () -> tx.addEdge(b, c, 0L));
            tx.commit();
        }
        GraphStore.Reader r = store.snapshot();
        assertEquals(Map.of(b, 5L, c, 7L), edges(r, a));
        assertEquals(Map.of(a, 5L), edges(r, b));
        assertEquals(Map.of(a, 7L), edges(r, c));
        try (GraphStore.Transaction tx = store.begin()) {
            tx.setEdge(b, a, 0L);
            tx.remove(c);
            tx.commit();
        }
        assertEquals(Map.of(), edges(store.snapshot(), a));
        assertEquals(Map.of(), edges(store.snapshot(), b));
    }

    private static Map<Integer, Long> edges(GraphStore.Reader r, int o) {
        Map<Integer, Long> map = new HashMap<>();
        for (int d = 0; d < r.degree(o); d++) {
            map.put(r.partner(o, d), r.edge(o, d));
        }
        return map;
    }

    @Test
    void blocksGoWhenEmptyAndChangedBlocksKnowTheirSizeAtBegin() {
        int a;
        int b;
        try (GraphStore.Transaction tx = store.begin()) {
            a = tx.insert(record("a"), null);
            b = tx.insert(record("b"), null);
            tx.addMember(1L, 10, a);
            tx.addMember(1L, 99, b); // an existing block keeps its tag
            tx.addMember(2L, 20, a);
            tx.commit();
        }
        assertEquals(10, store.snapshot().block(1L).tag());
        try (GraphStore.Transaction tx = store.begin()) {
            tx.removeMember(1L, a);
            tx.removeMember(2L, a);
            tx.removeMember(3L, a); // unknown: ignored
            tx.addMember(4L, 40, b);
            Map<Long, int[]> seen = new TreeMap<>();
            tx.forEachChangedBlock((block, sizeAtBegin) -> seen.put(block.key(), new int[] {sizeAtBegin, block.size()}));
            assertEquals(Set.of(1L, 2L, 4L), seen.keySet());
            assertEquals(List.of(2, 1), List.of(seen.get(1L)[0], seen.get(1L)[1]));
            assertEquals(List.of(1, 0), List.of(seen.get(2L)[0], seen.get(2L)[1]));
            assertEquals(List.of(0, 1), List.of(seen.get(4L)[0], seen.get(4L)[1]));
            assertNull(tx.block(2L), "a block goes with its last member");
            tx.commit();
        }
        assertEquals(2, store.snapshot().blockCount());
    }

    @Test
    void addMembersIsAddMemberOneAfterAnother() {
        Random random = new Random(11);
        int[] ordinals = new int[300];
        // the oracle: per key, the tag of its first membership and its members
        Map<Long, Integer> tagOf = new HashMap<>();
        Map<Long, Set<Integer>> membersOf = new HashMap<>();
        try (GraphStore.Transaction tx = store.begin()) {
            for (int i = 0; i < ordinals.length; i++) {
                ordinals[i] = tx.insert(record("r" + i), null);
            }
            for (long key = 0; key < 100; key++) { // blocks that exist before the bulk add
                tx.addMember(key, 1000 + (int) key, ordinals[(int) key]);
                tagOf.put(key, 1000 + (int) key);
                membersOf.computeIfAbsent(key, k -> new TreeSet<>()).add(ordinals[(int) key]);
            }
            tx.commit();
        }
        Map<Long, Integer> sizeAtBegin = new HashMap<>();
        membersOf.forEach((key, members) -> sizeAtBegin.put(key, members.size()));
        // over 4,096 memberships (the in-memory store sorts those), keys old and new, repeated
        // with other tags, each record at most once per key
        int n = 10_000;
        long[] keys = new long[n];
        int[] tags = new int[n];
        int[] members = new int[n];
        int count = 0;
        while (count < n) {
            long key = random.nextInt(3_000);
            int o = ordinals[random.nextInt(ordinals.length)];
            if (membersOf.computeIfAbsent(key, k -> new TreeSet<>()).add(o)) {
                keys[count] = key;
                tags[count] = random.nextInt(50);
                members[count] = o;
                tagOf.putIfAbsent(key, tags[count]);
                count++;
            }
        }
        try (GraphStore.Transaction tx = store.begin()) {
            int[] bad = members.clone();
            bad[n - 1] = 1_000_000;
            assertThrows(IllegalArgumentException.class, () -> tx.addMembers(keys, tags, bad, n));
            assertEquals(100, tx.blockCount(), "a bad ordinal anywhere changes nothing");
            assertThrows(IndexOutOfBoundsException.class, () -> tx.addMembers(keys, tags, members, n + 1));
            tx.addMembers(keys, tags, members, n);
            Map<Long, Integer> changed = new HashMap<>();
            tx.forEachChangedBlock((block, size) -> assertNull(changed.put(block.key(), size), "a block once"));
            Map<Long, Integer> expected = new HashMap<>();
            for (int i = 0; i < n; i++) {
                expected.put(keys[i], sizeAtBegin.getOrDefault(keys[i], 0));
            }
            assertEquals(expected, changed, "every changed block once, with its size at begin");
            tx.commit();
        }
        // members by record key: a reopened store may number its records anew
        Map<Long, Set<RecordKey>> expectedKeys = new HashMap<>();
        GraphStore.Reader before = store.snapshot();
        membersOf.forEach((key, set) -> set.forEach(o -> expectedKeys.computeIfAbsent(key, k -> new TreeSet<>())
                .add(before.record(o).key())));
        GraphStore.Reader r = reopened().snapshot();
        assertEquals(membersOf.size(), r.blockCount());
        expectedKeys.forEach((key, expected) -> {
            GraphStore.Members block = r.block(key);
            assertEquals(tagOf.get(key), block.tag(), "the first membership's tag, or the block's own");
            Set<RecordKey> actual = new TreeSet<>();
            for (int m = 0; m < block.size(); m++) {
                actual.add(r.record(block.member(m)).key());
            }
            assertEquals(expected, actual, "members of block " + key);
        });
        // an aborted bulk add leaves the blocks as they were
        int m = 6_000;
        long[] more = new long[m];
        int[] moreMembers = new int[m];
        for (int i = 0; i < m; i++) {
            boolean known;
            do { // new keys and old ones, a record not yet in the block
                more[i] = random.nextBoolean() ? 5_000L + i : random.nextInt(3_000);
                moreMembers[i] = r.ordinal(RecordKey.of("s", "r" + random.nextInt(ordinals.length)));
                known = expectedKeys.getOrDefault(more[i], Set.of()).contains(r.record(moreMembers[i]).key());
            } while (known);
        }
        try (GraphStore.Transaction tx = store.begin()) {
            tx.addMembers(more, new int[m], moreMembers, m);
            tx.abort();
        }
        GraphStore.Reader after = store.snapshot();
        assertNull(after.block(5_000L));
        assertEquals(membersOf.size(), after.blockCount());
        expectedKeys.forEach((key, expected) -> assertEquals(expected.size(), after.block(key).size(),
                "block " + key + " after the abort"));
    }

    @Test
    void suppressionKeepsTheEarliestTime() {
        Instant early = Instant.parse("2020-01-01T00:00:00Z");
        Instant late = Instant.parse("2021-01-01T00:00:00Z");
        try (GraphStore.Transaction tx = store.begin()) {
            tx.suppress("h", late);
            tx.suppress("h", early);
            tx.suppress("h", late);
            tx.commit();
        }
        assertEquals(early, reopened().snapshot().suppressedAt("h"));
    }

    @Test
    void metadataIsKept() {
        try (GraphStore.Transaction tx = store.begin()) {
            tx.putMeta("spec.hash", "abc");
            tx.putMeta("other", "x");
            tx.putMeta("other", null);
            tx.commit();
        }
        GraphStore.Reader r = reopened().snapshot();
        assertEquals("abc", r.meta("spec.hash"));
        assertNull(r.meta("other"));
    }

    @Test
    void changesAreNumbered() {
        try (GraphStore.Transaction tx = store.begin()) {
            assertEquals(1, tx.recordChange(new ChangeSet(List.of(), List.of(), List.of())));
            assertEquals(2, tx.recordChange(new ChangeSet(List.of(), List.of(), List.of())));
            tx.commit();
        }
        try (GraphStore.Transaction tx = store.begin()) {
            assertEquals(3, tx.recordChange(new ChangeSet(List.of(), List.of(), List.of())));
        } // closed without a commit: aborted
        assertEquals(2, store.snapshot().changeSequence());
    }

    @Test
    void aStoreOpensAgainAsItWasClosed() {
        try (GraphStore.Transaction tx = store.begin()) {
            int a = tx.insert(record("a"), null);
            int b = tx.insert(record("b"), null);
            tx.addEdge(a, b, 42L);
            tx.addMember(5L, 7, a);
            tx.setProfileOf(a, ProfileId.of("p1"));
            tx.putProfile(profile("p1", 3, "a"));
            tx.putAlias(ProfileId.of("p0"), ProfileId.of("p1"));
            tx.recordChange(new ChangeSet(List.of(), List.of(), List.of()));
            tx.commit();
        }
        Map<String, Object> before = dump(store.snapshot());
        assertEquals(before, dump(reopened().snapshot()));
        assertEquals(before, dump(reopened().snapshot()), "and again");
    }

    @Test
    void aClosedStoreRefusesTransactions() {
        GraphStore other = newStore();
        other.close();
        other.close(); // idempotent
        assertThrows(IllegalStateException.class, other::begin);
    }

    @Test
    void snapshotsMayBeReadByManyThreadsAtOnce() {
        try (GraphStore.Transaction tx = store.begin()) {
            for (int i = 0; i < 2000; i++) {
                int o = tx.insert(record("r" + i), "d" + i);
                tx.addMember(i % 37, 1, o);
            }
            tx.commit();
        }
        GraphStore.Reader r = store.snapshot();
        long found = IntStream.range(0, 2000).parallel()
                .filter(i -> r.record(r.ordinal(RecordKey.of("s", "r" + i))).key().id().equals("r" + i)).count();
        assertEquals(2000, found);
        assertEquals(2000, IntStream.range(0, 37).parallel().map(k -> r.block(k).size()).sum());
    }

    /**
     * Random transactions against a reference model: each writes records, blocks, edges,
     * profiles, aliases, suppression and changes, and is committed or aborted at random; after
     * each, everything a reader can observe equals the model.
     */
    @Test
    void randomTransactionsMatchAReferenceModel() {
        for (long seed = 1; seed <= 3; seed++) {
            randomTransactions(newStore(), new Random(seed), 60).close();
        }
    }

    /** Runs the transactions; returns the store as it ends (reopened on the way, for a durable store). */
    private GraphStore randomTransactions(GraphStore s, Random random, int transactions) {
        Model committed = new Model();
        GraphStore current = s;
        for (int t = 0; t < transactions; t++) {
            Model model = committed.copy();
            boolean commit = random.nextInt(3) > 0;
            try (GraphStore.Transaction tx = current.begin()) {
                int ops = 1 + random.nextInt(30);
                for (int i = 0; i < ops; i++) {
                    randomOperation(tx, model, random);
                }
                assertEquals(model.dump(), dump(tx), "reads inside the transaction");
                if (commit) {
                    tx.commit();
                } else if (random.nextBoolean()) {
                    tx.abort();
                }
            }
            if (commit) {
                committed = model;
            }
            if (random.nextInt(10) == 0) {
                current = reopen(current);
            }
            assertEquals(committed.dump(), dump(current.snapshot()), "after transaction " + t + (commit ? "" : " (aborted)"));
        }
        return current;
    }

    private static void randomOperation(GraphStore.Transaction tx, Model model, Random random) {
        List<String> resident = new ArrayList<>(model.records);
        String id = "r" + random.nextInt(40);
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                if (!model.records.contains(id)) {
                    tx.insert(record(id), id);
                    model.records.add(id);
                }
            }
            case 2 -> {
                if (!resident.isEmpty()) {
                    String victim = resident.get(random.nextInt(resident.size()));
                    int o = tx.ordinal(RecordKey.of("s", victim));
                    for (Map.Entry<Long, Set<String>> block : new HashMap<>(model.blocks).entrySet()) {
                        if (block.getValue().contains(victim)) {
                            tx.removeMember(block.getKey(), o);
                            model.removeMember(block.getKey(), victim);
                        }
                    }
                    tx.remove(o);
                    model.remove(victim);
                }
            }
            case 3 -> {
                if (!resident.isEmpty()) {
                    String m = resident.get(random.nextInt(resident.size()));
                    long key = random.nextInt(8);
                    if (!model.blocks.getOrDefault(key, Set.of()).contains(m)) {
                        int tag = random.nextInt(5);
                        tx.addMember(key, tag, tx.ordinal(RecordKey.of("s", m)));
                        model.tags.putIfAbsent(key, tag);
                        model.blocks.computeIfAbsent(key, k -> new TreeSet<>()).add(m);
                    }
                }
            }
            case 4 -> {
                if (!resident.isEmpty()) {
                    String m = resident.get(random.nextInt(resident.size()));
                    long key = random.nextInt(8);
                    tx.removeMember(key, tx.ordinal(RecordKey.of("s", m)));
                    model.removeMember(key, m);
                }
            }
            case 5 -> {
                if (resident.size() >= 2) {
                    String a = resident.get(random.nextInt(resident.size()));
                    String b = resident.get(random.nextInt(resident.size()));
                    if (!a.equals(b)) {
                        long edge = random.nextInt(3) == 0 ? 0L : 1 + random.nextInt(1000);
                        tx.setEdge(tx.ordinal(RecordKey.of("s", a)), tx.ordinal(RecordKey.of("s", b)), edge);
                        model.setEdge(a, b, edge);
                    }
                }
            }
            case 6 -> {
                if (!resident.isEmpty()) {
                    String m = resident.get(random.nextInt(resident.size()));
                    ProfileId p = random.nextInt(4) == 0 ? null : ProfileId.of("p" + random.nextInt(5));
                    tx.setProfileOf(tx.ordinal(RecordKey.of("s", m)), p);
                    if (p == null) {
                        model.profileOf.remove(m);
                    } else {
                        model.profileOf.put(m, p);
                    }
                }
            }
            case 7 -> {
                String p = "p" + random.nextInt(5);
                if (random.nextBoolean()) {
                    Profile profile = profile(p, 1 + random.nextInt(9), "m" + random.nextInt(9));
                    tx.putProfile(profile);
                    model.profiles.put(p, profile);
                } else {
                    tx.removeProfile(ProfileId.of(p));
                    model.profiles.remove(p);
                }
                if (random.nextInt(3) == 0) {
                    String into = "p" + random.nextInt(5);
                    tx.putAlias(ProfileId.of(p), ProfileId.of(into));
                    model.aliases.put(p, into);
                }
            }
            default -> {
                Instant at = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(1000));
                String hash = "h" + random.nextInt(4);
                tx.suppress(hash, at);
                model.suppressed.merge(hash, at, (x, y) -> x.isBefore(y) ? x : y);
                if (random.nextInt(4) == 0) {
                    tx.recordChange(new ChangeSet(List.of(), List.of(), List.of()));
                    model.sequence++;
                }
                if (random.nextInt(3) == 0) {
                    String key = "m" + random.nextInt(3);
                    String value = random.nextInt(3) == 0 ? null : "v" + random.nextInt(100);
                    tx.putMeta(key, value);
                    if (value == null) {
                        model.meta.remove(key);
                    } else {
                        model.meta.put(key, value);
                    }
                }
            }
        }
    }

    /** What a reader observes, keyed by record ids (ordinals are the store's own). */
    private static Map<String, Object> dump(GraphStore.Reader r) {
        Map<String, Object> out = new TreeMap<>();
        Map<Integer, String> idOf = new HashMap<>();
        TreeSet<String> records = new TreeSet<>();
        for (int o = 0; o < r.ordinalBound(); o++) {
            SourceRecord record = r.record(o);
            if (record != null) {
                idOf.put(o, record.key().id());
                records.add(record.key().id());
                assertEquals(o, r.ordinal(record.key()));
            }
        }
        assertEquals(records.size(), r.recordCount());
        out.put("records", records);
        Map<Long, Set<String>> blocks = new TreeMap<>();
        Map<Long, Integer> tags = new TreeMap<>();
        r.forEachBlock(block -> {
            assertTrue(block.size() > 0, "no empty block is kept");
            Set<String> members = new TreeSet<>();
            for (int i = 0; i < block.size(); i++) {
                members.add(idOf.get(block.member(i)));
            }
            blocks.put(block.key(), members);
            tags.put(block.key(), block.tag());
            assertNotNull(r.block(block.key()));
        });
        assertEquals(blocks.size(), r.blockCount());
        out.put("blocks", blocks);
        out.put("tags", tags);
        Map<String, Long> edges = new TreeMap<>();
        Map<String, String> profileOf = new TreeMap<>();
        for (Map.Entry<Integer, String> e : idOf.entrySet()) {
            int o = e.getKey();
            for (int d = 0; d < r.degree(o); d++) {
                String a = e.getValue();
                String b = idOf.get(r.partner(o, d));
                Long before = edges.put(a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a, r.edge(o, d));
                if (before != null) {
                    assertEquals(before, r.edge(o, d), "an edge reads the same from both ends");
                }
            }
            if (r.profileOf(o) != null) {
                profileOf.put(e.getValue(), r.profileOf(o).value());
            }
        }
        out.put("edges", edges);
        out.put("profileOf", profileOf);
        Map<String, Profile> profiles = new TreeMap<>();
        r.forEachProfile(p -> profiles.put(p.id().value(), p));
        assertEquals(profiles.size(), r.profileCount());
        profiles.forEach((id, p) -> assertEquals(p, r.profile(ProfileId.of(id))));
        out.put("profiles", profiles);
        Map<String, String> aliases = new TreeMap<>();
        r.forEachAlias((from, to) -> aliases.put(from.value(), to.value()));
        aliases.forEach((from, to) -> assertEquals(to, r.aliasOf(ProfileId.of(from)).value()));
        out.put("aliases", aliases);
        Map<String, Instant> suppressed = new TreeMap<>();
        r.forEachSuppressed(suppressed::put);
        suppressed.forEach((hash, at) -> assertEquals(at, r.suppressedAt(hash)));
        out.put("suppressed", suppressed);
        out.put("sequence", r.changeSequence());
        Map<String, String> meta = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            if (r.meta("m" + i) != null) {
                meta.put("m" + i, r.meta("m" + i));
            }
        }
        out.put("meta", meta);
        return out;
    }

    /** The reference model: plain maps keyed by record id. */
    private static final class Model {
        final TreeSet<String> records = new TreeSet<>();
        final Map<Long, Set<String>> blocks = new TreeMap<>();
        final Map<Long, Integer> tags = new TreeMap<>();
        final Map<String, Long> edges = new TreeMap<>();
        final Map<String, ProfileId> profileOf = new TreeMap<>();
        final Map<String, Profile> profiles = new TreeMap<>();
        final Map<String, String> aliases = new TreeMap<>();
        final Map<String, Instant> suppressed = new TreeMap<>();
        final Map<String, String> meta = new TreeMap<>();
        long sequence;

        Model copy() {
            Model m = new Model();
            m.records.addAll(records);
            blocks.forEach((k, v) -> m.blocks.put(k, new TreeSet<>(v)));
            m.tags.putAll(tags);
            m.edges.putAll(edges);
            m.profileOf.putAll(profileOf);
            m.profiles.putAll(profiles);
            m.aliases.putAll(aliases);
            m.suppressed.putAll(suppressed);
            m.meta.putAll(meta);
            m.sequence = sequence;
            return m;
        }

        void removeMember(long key, String id) {
            Set<String> members = blocks.get(key);
            if (members != null && members.remove(id) && members.isEmpty()) {
                blocks.remove(key);
                tags.remove(key);
            }
        }

        void setEdge(String a, String b, long edge) {
            String key = a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
            if (edge == 0L) {
                edges.remove(key);
            } else {
                edges.put(key, edge);
            }
        }

        void remove(String id) {
            records.remove(id);
            profileOf.remove(id);
            edges.keySet().removeIf(k -> k.startsWith(id + "-") || k.endsWith("-" + id));
        }

        Map<String, Object> dump() {
            Map<String, Object> out = new TreeMap<>();
            out.put("records", new TreeSet<>(records));
            out.put("blocks", blocks);
            out.put("tags", tags);
            out.put("edges", edges);
            Map<String, String> p = new TreeMap<>();
            profileOf.forEach((k, v) -> p.put(k, v.value()));
            out.put("profileOf", p);
            out.put("profiles", profiles);
            out.put("aliases", aliases);
            out.put("suppressed", suppressed);
            out.put("sequence", sequence);
            out.put("meta", new TreeMap<>(meta));
            return out;
        }
    }
}
