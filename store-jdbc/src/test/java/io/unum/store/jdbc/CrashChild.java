package io.unum.store.jdbc;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.jdbc.JdbcGraphStore.Durability;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The child JVM of {@link CrashTest}: opens a store (with the store's own configuration, or
 * CustomerRules for a new store), checks that it holds a prefix of the generated records, prints
 * {@code READY <n>} and ingests the rest in order — a first batch of {@value #FIRST_BATCH} records
 * into an empty store, then single upserts and small batches at random — printing
 * {@code ACK <source> <id>} for each record once its upsert has returned, until it is killed.
 * Each batch's lines are appended to the acknowledgement file in one write (before they go to
 * standard output), so that a kill never leaves half a line. The file is what counts: lines the
 * child had written to its output pipe just before a SIGKILL can fail to reach the parent's
 * {@link Process} stream (tried: up to 62 lines lost in 7 of 40 kills), which made a store look
 * as if it held more than one unacknowledged batch; a file's writes are in the page cache the
 * moment they return.
 *
 * <p>Arguments: location, durability, people, seed, random seed, largest small batch,
 * acknowledgement file.
 */
public final class CrashChild {

    static final int FIRST_BATCH = 200;

    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        String location = args[0];
        Durability durability = Durability.valueOf(args[1]);
        List<SourceRecord> records = Fixtures.people(Integer.parseInt(args[2]), Long.parseLong(args[3])).records();
        Random random = new Random(Long.parseLong(args[4]));
        int largest = Integer.parseInt(args[5]);
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        FileOutputStream acknowledged = new FileOutputStream(args[6], true);

        JdbcGraphStore store = JdbcGraphStore.open(location, durability);
        Resolver resolver = store.snapshot().meta("spec.hash") == null ? Fixtures.resolver()
                : Resolver.newBuilder(store).build();
        IdentityGraph graph = resolver.newGraph(store);
        Set<RecordKey> held = Fixtures.records(store).keySet();
        int next = held.size();
        for (int i = 0; i < next; i++) {
            if (!held.contains(records.get(i).key())) {
                out.write(("BAD the store does not hold a prefix of the records\n").getBytes(StandardCharsets.UTF_8));
                System.exit(3);
            }
        }
        out.write(("READY " + next + "\n").getBytes(StandardCharsets.UTF_8));
        while (next < records.size()) {
            int n = next == 0 ? FIRST_BATCH : random.nextBoolean() ? 1 : 1 + random.nextInt(largest);
            List<SourceRecord> batch = records.subList(next, Math.min(records.size(), next + n));
            if (batch.size() == 1) {
                graph.upsert(batch.get(0));
            } else {
                graph.upsertAll(batch);
            }
            StringBuilder acks = new StringBuilder();
            for (SourceRecord record : batch) {
                acks.append("ACK ").append(record.key().source()).append(' ').append(record.key().id()).append('\n');
            }
            byte[] lines = acks.toString().getBytes(StandardCharsets.UTF_8);
            acknowledged.write(lines);
            out.write(lines);
            next += batch.size();
        }
        out.write("DONE\n".getBytes(StandardCharsets.UTF_8));
        store.close();
    }
}
