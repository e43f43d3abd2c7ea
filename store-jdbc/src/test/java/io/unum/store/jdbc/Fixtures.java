package io.unum.store.jdbc;

import io.unum.Resolver;
import io.unum.generator.CustomerDataGenerator;
import io.unum.generator.GeneratedRecords;
import io.unum.matchers.CustomerRules;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Generated people, the CustomerRules resolver, the two backends and partitions for the store tests. */
final class Fixtures {

    private static final Map<String, GeneratedRecords> GENERATED = new ConcurrentHashMap<>();
    private static final AtomicInteger FILES = new AtomicInteger();

    private Fixtures() {
    }

    /** The two databases: a new SQLite file in a folder, or a new schema of the test server (skipped without one). */
    enum Backend {
        SQLITE,
        POSTGRESQL;

        /** A new, empty store location. */
        String newLocation(Path folder) {
            return this == SQLITE ? folder.resolve("graph-" + FILES.incrementAndGet() + ".db").toString()
                    : Postgres.newSchemaUrl();
        }
    }

    /** A plain JDBC connection to a store's database (a reader, or a test that edits the tables). */
    static java.sql.Connection connect(String location) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location);
    }

    /** Seeded generated people (cached per settings): about 2.95 records each. */
    static GeneratedRecords people(int people, long seed) {
        return GENERATED.computeIfAbsent(people + "/" + seed,
                k -> CustomerDataGenerator.newBuilder().people(people).seed(seed).build().records());
    }

    /** The standard CustomerRules resolver with a fixed blocking secret. */
    static Resolver resolver() {
        return resolver(CustomerRules.standard());
    }

    static Resolver resolver(CustomerRules rules) {
        return Resolver.newBuilder().ruleSet(rules).blockingSecret(0x756e756dL, 42L).parallelism(2).build();
    }

    /** A partition as a set of member sets, independent of profile ids. */
    static Set<Set<RecordKey>> partition(Collection<Profile> profiles) {
        Set<Set<RecordKey>> partition = new HashSet<>();
        for (Profile profile : profiles) {
            partition.add(new TreeSet<>(profile.members()));
        }
        return partition;
    }

    /** A partition from record-to-profile assignments. */
    static Set<Set<RecordKey>> partition(Map<RecordKey, ?> assignments) {
        Map<Object, Set<RecordKey>> groups = new java.util.HashMap<>();
        assignments.forEach((key, id) -> groups.computeIfAbsent(id, x -> new TreeSet<>()).add(key));
        return new HashSet<>(groups.values());
    }

    /** Every record a store holds, by key. */
    static Map<RecordKey, SourceRecord> records(GraphStore store) {
        GraphStore.Reader reader = store.snapshot();
        Map<RecordKey, SourceRecord> records = new TreeMap<>();
        for (int o = 0, n = reader.ordinalBound(); o < n; o++) {
            SourceRecord record = reader.record(o);
            if (record != null) {
                records.put(record.key(), record);
            }
        }
        return records;
    }

    /** The records of a generated set whose keys are in {@code keys}, in generated order. */
    static List<SourceRecord> only(List<SourceRecord> records, Collection<RecordKey> keys) {
        Set<RecordKey> wanted = new HashSet<>(keys);
        List<SourceRecord> list = new ArrayList<>();
        for (SourceRecord record : records) {
            if (wanted.contains(record.key())) {
                list.add(record);
            }
        }
        return list;
    }
}
