package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.jdbc.Fixtures.Backend;
import io.unum.store.jdbc.JdbcGraphStore.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crash test: a child JVM ({@link CrashChild}) ingests generated records into a store — a
 * batch of 200 into the empty store, then single upserts and batches of up to four — writing each
 * record's key to a file once its upsert has returned, and is killed with SIGKILL at a random point: first
 * a random pause after it is ready (most likely inside the first batch), then after a random number
 * of acknowledged records and a random pause of a few milliseconds (so, often inside a commit), or
 * now and then while it starts. The next child continues from where the store is. After every kill the store
 * opens, and
 * <ul>
 *   <li>every acknowledged record is in it (with {@code FULL}, and with {@code NORMAL}, which
 *       promises to survive a crash of the process);</li>
 *   <li>nothing is half-applied: it holds exactly a prefix of the records in ingestion order, at
 *       most one batch past the last acknowledged one, each as it was given; its graph has the
 *       partition — and the golden values — of a fresh batch resolution of exactly the records it
 *       holds, and every record's profile id agrees with the profiles' member lists.</li>
 * </ul>
 * Ten kills per durability and backend: SQLite, and PostgreSQL when the test server is there.
 */
class CrashTest {

    private static final int PEOPLE = 1000;
    private static final long SEED = 61;
    private static final int KILLS = 10;
    private static final int LARGEST_BATCH = 4;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SQLITE, FULL", "SQLITE, NORMAL", "POSTGRESQL, FULL", "POSTGRESQL, NORMAL"})
    void killedAtRandomPointsTheStoreKeepsEveryAcknowledgedUpsertAndNothingHalfApplied(Backend backend,
            Durability durability) throws Exception {
        String location = backend.newLocation(folder);
        List<SourceRecord> records = Fixtures.people(PEOPLE, SEED).records();
        Map<RecordKey, Integer> position = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            position.put(records.get(i).key(), i);
        }
        Random random = new Random(backend.ordinal() * 31L + durability.ordinal());
        Resolver resolver = Fixtures.resolver();
        int held = 0;
        int killsInCommits = 0;
        for (int round = 0; round < KILLS; round++) {
            Path errors = folder.resolve("child-" + round + ".err");
            Path acknowledgements = folder.resolve("child-" + round + ".acks");
            int acked;
            try (ChildJvm child = ChildJvm.start(CrashChild.class, errors, location, durability.name(),
                    Integer.toString(PEOPLE), Long.toString(SEED), Long.toString(random.nextLong()),
                    Integer.toString(LARGEST_BATCH), acknowledgements.toString())) {
                List<String> lines = new ArrayList<>();
                if (round > 0 && random.nextInt(5) == 0) {
                    Thread.sleep(random.nextInt(1500)); // while it starts, opens the store, loads the graph
                } else {
                    String ready = child.readLine();
                    assertEquals("READY " + held, ready, "the child finds the store as the last check left it; "
                            + child.errors());
                    if (round == 0) {
                        Thread.sleep(random.nextInt(400)); // most likely inside the first batch
                    } else {
                        for (int wait = random.nextInt(40); lines.size() < wait;) {
                            String line = child.readLine();
                            if ("DONE".equals(line)) {
                                break; // it ingested every record (the kill below meets a process that ended)
                            }
                            if (line == null) {
                                throw new AssertionError("the child ended by itself (" + child.ending() + ") after "
                                        + lines.size() + " of " + wait + " lines it was to print: " + lines + "; errors: "
                                        + child.errors());
                            }
                            lines.add(line);
                        }
                        Thread.sleep(random.nextInt(12));
                    }
                }
                child.kill();
                child.rest();
                // what was acknowledged is in the child's file (its output pipe can lose the last lines)
                acked = held;
                for (String line : Files.exists(acknowledgements) ? Files.readAllLines(acknowledgements)
                        : List.<String>of()) {
                    String[] parts = line.split(" ");
                    assertTrue(parts.length == 3 && parts[0].equals("ACK"), "a whole line: " + line);
                    assertEquals(acked, (int) position.get(RecordKey.of(parts[1], parts[2])), "acknowledged in order");
                    acked++;
                }
                assertFalse(child.errors().contains("Exception") || child.errors().contains("\tat "),
                        "the child reported no error: " + child.errors());
            }
            int before = held;
            held = check(location, durability, records, resolver, acked);
            if (held > acked) {
                killsInCommits++;
            }
            System.out.printf("%s %s kill %d: %d records held, %d acknowledged, %d before%n", backend, durability,
                    round + 1, held, acked, before);
        }
        System.out.printf("%s %s: %d of %d kills after a commit that was not acknowledged yet; %d of %d records in"
                + " the store%n", backend, durability, killsInCommits, KILLS, held, records.size());
        assertTrue(held > CrashChild.FIRST_BATCH, "the children ingested past the first batch");
    }

    /** Opens the store after a kill, checks it and returns the number of records it holds. */
    private static int check(String location, Durability durability, List<SourceRecord> records, Resolver resolver,
            int acked) {
        try (JdbcGraphStore store = open(location, durability)) {
            Map<RecordKey, SourceRecord> stored = Fixtures.records(store);
            int held = stored.size();
            assertTrue(held >= acked, "every acknowledged upsert is present: " + held + " held, " + acked + " acknowledged");
            assertTrue(held == acked || held <= Math.max(acked + LARGEST_BATCH, CrashChild.FIRST_BATCH),
                    "at most the batch in flight beyond the acknowledged ones: " + held + " held, " + acked + " acknowledged");
            List<SourceRecord> prefix = records.subList(0, held);
            for (SourceRecord record : prefix) {
                assertEquals(record, stored.get(record.key()), "a prefix of the records, each as given");
            }
            if (held == 0) {
                return 0;
            }
            Resolver own = store.snapshot().meta("spec.hash") == null ? resolver : Resolver.newBuilder(store).build();
            IdentityGraph graph = own.newGraph(store);
            List<Profile> batch = resolver.resolve(prefix).profiles();
            assertEquals(Fixtures.partition(batch), Fixtures.partition(graph.profiles()),
                    "the partition of a fresh batch of the records held");
            assertEquals(Fixtures.partition(graph.profiles()), Fixtures.partition(graph.snapshot().assignments()),
                    "records' profile ids agree with the profiles' members");
            assertEquals(golden(batch), golden(graph.profiles()), "the golden values of a fresh batch");
            return held;
        }
    }

    /** Each profile's golden values and identifiers by its members (ids aside). */
    private static Map<Set<RecordKey>, List<Object>> golden(List<Profile> profiles) {
        Map<Set<RecordKey>, List<Object>> map = new HashMap<>();
        for (Profile profile : profiles) {
            List<Identifier> identifiers = new ArrayList<>(profile.identifiers());
            identifiers.sort(null);
            map.put(Set.copyOf(profile.members()), List.of(identifiers, profile.attributes()));
        }
        return map;
    }

    /**
     * Opens the store; PostgreSQL may take a moment to notice that the killed child's session is
     * gone and release its writer lock.
     */
    private static JdbcGraphStore open(String location, Durability durability) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                return JdbcGraphStore.open(location, durability);
            } catch (StoreException e) {
                if (!e.getMessage().contains("already open for writing") || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
