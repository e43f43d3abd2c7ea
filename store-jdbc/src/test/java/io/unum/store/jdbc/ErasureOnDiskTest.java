package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.generator.GeneratedRecords;
import io.unum.matchers.CustomerRules;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.ErasureAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure reaches the disk. Five generated people get values no one else has — a family name, an
 * e-mail address, a street and a customer id, random letters from a seeded generator — in every
 * record; the graph is loaded (a batch, then live upserts), and the people are erased in turn:
 * three by {@code forget(e-mail)}, one whose records carry no identifier at all (so nothing goes
 * to the suppression list) by {@code forget(profile id)}, and one whose records come from a source
 * with a retention period by {@code purgeExpired()}. Before a person's erasure their values are in
 * the store (so the test can fail); after it they are gone: from every byte of the SQLite database
 * file and its write-ahead log (in the form given, in lower and in upper case), while the store is
 * open and after it closes; from every row of every {@code unum_} table in PostgreSQL. The others
 * stay until their own turn.
 */
class ErasureOnDiskTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String KIOSK = "kiosk";

    @TempDir
    Path folder;

    /** How a person is erased. */
    private enum Erasure {
        FORGET_IDENTIFIER,
        FORGET_PROFILE_WITHOUT_IDENTIFIERS,
        PURGE_EXPIRED
    }

    /** One person's planted values and records. */
    private record Planted(Erasure erasure, String email, List<String> values, List<RecordKey> records) {
    }

    private static final class Data {
        final List<SourceRecord> records = new ArrayList<>();
        final List<Planted> planted = new ArrayList<>();
    }

    /** The generated records with five people's values replaced by unique random ones. */
    private static Data data() {
        GeneratedRecords generated = Fixtures.people(200, 31);
        Map<String, List<RecordKey>> byPerson = new LinkedHashMap<>();
        generated.truth().forEach((key, person) -> byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(key));
        Random random = new Random(31);
        Erasure[] erasures = {Erasure.FORGET_IDENTIFIER, Erasure.FORGET_PROFILE_WITHOUT_IDENTIFIERS,
            Erasure.FORGET_IDENTIFIER, Erasure.PURGE_EXPIRED, Erasure.FORGET_IDENTIFIER};
        Map<RecordKey, Planted> plantedOf = new HashMap<>();
        Data data = new Data();
        for (List<RecordKey> keys : byPerson.values()) {
            if (keys.size() >= 3 && data.planted.size() < erasures.length) {
                Erasure erasure = erasures[data.planted.size()];
                String family = "Vq" + letters(random, 10);
                String email = "zl" + letters(random, 12) + "@example.org";
                String street = "Qw" + letters(random, 9) + " Road";
                String customer = "CX" + (100_000_000 + random.nextInt(900_000_000));
                List<String> values = erasure == Erasure.FORGET_PROFILE_WITHOUT_IDENTIFIERS ? List.of(family, street)
                        : List.of(family, email, street, customer);
                List<RecordKey> records = erasure != Erasure.PURGE_EXPIRED ? keys
                        : keys.stream().map(k -> RecordKey.of(KIOSK, k.id())).toList();
                Planted planted = new Planted(erasure, email, values, records);
                data.planted.add(planted);
                keys.forEach(key -> plantedOf.put(key, planted));
            }
        }
        for (SourceRecord record : generated.records()) {
            Planted planted = plantedOf.get(record.key());
            if (planted == null) {
                data.records.add(record);
                continue;
            }
            SourceRecord.Builder builder;
            switch (planted.erasure) {
                case FORGET_PROFILE_WITHOUT_IDENTIFIERS -> {
                    // the same person, every identifier dropped, a date of birth so that the records still link
                    builder = SourceRecord.builder(record.key()).observedAt(record.observedAt())
                            .attribute("date_of_birth", "1970-01-02").attribute("city", "Boston");
                    record.attributes().forEach(builder::attribute);
                    builder.attribute("first_name", "Anna").attribute("date_of_birth", "1970-01-02");
                }
                case PURGE_EXPIRED -> {
                    builder = SourceRecord.builder(KIOSK, record.key().id()).observedAt(START.minus(Duration.ofDays(1)));
                    record.attributes().forEach(builder::attribute);
                    record.identifiers().forEach(builder::identifier);
                }
                default -> builder = record.toBuilder();
            }
            builder.attribute("last_name", planted.values.get(0)).attribute("address_1",
                    planted.values.get(planted.values.size() == 2 ? 1 : 2));
            if (planted.values.size() == 4) {
                builder.identifier(IdentifierType.EMAIL, planted.email)
                        .identifier(IdentifierType.CUSTOMER_ID, planted.values.get(3));
            }
            data.records.add(builder.build());
        }
        return data;
    }

    private static String letters(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** The forms searched for: as given, lower case, upper case. */
    private static List<String> forms(Planted planted) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : planted.values) {
            forms.add(value);
            forms.add(value.toLowerCase(Locale.ROOT));
            forms.add(value.toUpperCase(Locale.ROOT));
        }
        return new ArrayList<>(forms);
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What the test looks for the values in: the files, or the tables. */
    private interface Store {
        /** The values found. */
        Set<String> found(List<String> values) throws Exception;
    }

    /**
     * Loads the data (the first half in a batch, the rest one record at a time) and erases the
     * planted people one after the other, checking the store before and after each erasure.
     */
    private static void loadAndErase(JdbcGraphStore store, Data data, Store disk) throws Exception {
        TestClock clock = new TestClock();
        Resolver resolver = Resolver.newBuilder().ruleSet(CustomerRules.standard()).blockingSecret(7, 8).clock(clock)
                .retention(KIOSK, Duration.ofDays(30)).build();
        IdentityGraph graph = resolver.newGraph(store);
        List<SourceRecord> records = data.records;
        graph.upsertAll(records.subList(0, records.size() / 2));
        for (SourceRecord record : records.subList(records.size() / 2, records.size())) {
            graph.upsert(record);
        }
        for (Planted planted : data.planted) {
            for (RecordKey key : planted.records) {
                assertTrue(graph.record(key).isPresent(), "every planted record is resident");
            }
        }
        for (int i = 0; i < data.planted.size(); i++) {
            Planted planted = data.planted.get(i);
            for (Planted later : data.planted.subList(i, data.planted.size())) {
                Set<String> found = disk.found(forms(later));
                for (String value : later.values) {
                    assertTrue(found.contains(value), "before its erasure, a planted value is in the store");
                }
            }
            ErasureAudit audit = switch (planted.erasure) {
                case FORGET_IDENTIFIER -> graph.forget(new Identifier(IdentifierType.EMAIL, planted.email));
                case FORGET_PROFILE_WITHOUT_IDENTIFIERS -> {
                    Profile profile = graph.profileOf(planted.records.get(0)).orElseThrow();
                    assertEquals(new TreeSet<>(planted.records), new TreeSet<>(profile.members()));
                    assertEquals(List.of(), profile.identifiers());
                    yield graph.forget(profile.id());
                }
                case PURGE_EXPIRED -> {
                    clock.now = START.plus(Duration.ofDays(60));
                    yield graph.purgeExpired();
                }
            };
            assertEquals(planted.records.size(), audit.recordsErased(), planted.erasure + ": every record of the person");
            assertEquals(planted.erasure == Erasure.FORGET_IDENTIFIER, audit.identifiersSuppressed() > 0,
                    planted.erasure + " suppresses identifiers, or none: " + audit);
            for (RecordKey key : planted.records) {
                assertTrue(graph.record(key).isEmpty());
            }
            assertEquals(Set.of(), disk.found(forms(planted)), planted.erasure + ": the values found after the erasure");
        }
    }

    @Test
    void aForgottenPersonsValuesLeaveTheSqliteFileAndItsLog() throws Exception {
        Data data = data();
        Path file = folder.resolve("graph.db");
        try (JdbcGraphStore store = JdbcGraphStore.open(file.toString())) {
            loadAndErase(store, data, values -> found(file, values));
        }
        for (Planted planted : data.planted) {
            assertEquals(Set.of(), found(file, forms(planted)), "after the store closed");
        }
    }

    @Test
    void aReaderHoldingTheLogNeitherFailsNorStallsAnErasureAndTheValuesLeaveOnceItIsDone() throws Exception {
        Data data = data();
        Path file = folder.resolve("graph.db");
        List<Planted> forgotten = data.planted.stream().filter(p -> p.erasure == Erasure.FORGET_IDENTIFIER).toList();
        try (JdbcGraphStore store = JdbcGraphStore.open(file.toString())) {
            IdentityGraph graph = Fixtures.resolver().newGraph(store);
            graph.upsertAll(data.records);
            List<ChangeSet> reported = new ArrayList<>();
            graph.addListener(reported::add);
            for (int i = 0; i < 2; i++) {
                Planted planted = forgotten.get(i);
                try (Connection reader = Fixtures.connect(file.toString())) {
                    reader.setAutoCommit(false);
                    try (Statement s = reader.createStatement();
                            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM unum_records")) {
                        assertTrue(rs.next(), "another connection is in a read transaction");
                    }
                    long start = System.nanoTime();
                    ErasureAudit audit = graph.forget(new Identifier(IdentifierType.EMAIL, planted.email));
                    assertTrue(System.nanoTime() - start < 5_000_000_000L, "the erasure does not wait for the reader");
                    assertEquals(planted.records.size(), audit.recordsErased());
                    assertEquals(i + 1, reported.size(), "the erasure was reported: it committed");
                    reader.rollback();
                }
                if (i == 0) {
                    graph.upsert(data.records.get(0).toBuilder().attribute("city", "Springfield").build());
                    assertEquals(Set.of(), found(file, forms(planted)), "the next commit truncates the log");
                }
            }
        }
        assertEquals(Set.of(), found(file, forms(forgotten.get(1))), "gone once the store closed");
    }

    @Test
    void aForgottenPersonsValuesLeaveEveryPostgresTable() throws Exception {
        String url = Postgres.newSchemaUrl();
        Data data = data();
        try (JdbcGraphStore store = JdbcGraphStore.open(url)) {
            loadAndErase(store, data, values -> {
                Map<String, Set<String>> found = foundInTables(url, values);
                Set<String> present = new TreeSet<>();
                for (String value : values) {
                    if (found.containsKey(value.toLowerCase(Locale.ROOT))) {
                        present.add(value);
                    }
                }
                return present;
            });
        }
    }

    /** The database, its log and whatever else SQLite keeps beside it. */
    private static List<Path> files(Path database) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(database.getParent())) {
            list.filter(p -> p.getFileName().toString().startsWith(database.getFileName().toString())).sorted()
                    .forEach(files::add);
        }
        assertTrue(files.contains(database));
        return files;
    }

    /**
     * The values found in the bytes of the database's files (UTF-8), read in blocks that are
     * overwritten as the scan moves on: no copy of the files is kept.
     */
    private static Set<String> found(Path database, List<String> values) throws IOException {
        byte[][] patterns = new byte[values.size()][];
        int longest = 0;
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, patterns[i].length);
        }
        Set<String> found = new TreeSet<>();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files(database)) {
            try (InputStream in = Files.newInputStream(file)) {
                int kept = 0;
                int n;
                while ((n = in.read(buffer, kept, buffer.length - kept)) > 0) {
                    int end = kept + n;
                    for (int p = 0; p < patterns.length; p++) {
                        if (indexOf(buffer, end, patterns[p]) >= 0) {
                            found.add(values.get(p));
                        }
                    }
                    kept = Math.min(longest - 1, end);
                    System.arraycopy(buffer, end - kept, buffer, 0, kept);
                }
            }
        }
        Arrays.fill(buffer, (byte) 0);
        return found;
    }

    private static int indexOf(byte[] data, int end, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The values (lower case) found in the text of any row of any unum_ table, with the tables. */
    private static Map<String, Set<String>> foundInTables(String url, List<String> values) throws SQLException {
        Map<String, Set<String>> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name LIKE 'unum\\_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertEquals(9, tables.size(), "the store's tables: " + tables);
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT lower(CAST(t AS text)) FROM " + table + " t")) {
                    while (rs.next()) {
                        String row = rs.getString(1);
                        for (String value : values) {
                            if (row.contains(value.toLowerCase(Locale.ROOT))) {
                                found.computeIfAbsent(value.toLowerCase(Locale.ROOT), v -> new TreeSet<>()).add(table);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
