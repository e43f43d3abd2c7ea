package io.unum.examples;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.jdbc.JdbcGraphStore;
import io.unum.store.jdbc.JdbcStoreReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A graph kept across runs in an embedded SQLite file. The first run creates the store, which
 * takes the {@link Quickstart} resolver's configuration, and adds the CRM's and the web shop's
 * records; a later run — another process, days later — reopens the store, builds the resolver
 * the store records ({@code Resolver.newBuilder(store)}: rule sets, settings, model and blocking
 * secret), and adds the newsletter's records, which are resolved against the stored graph alone.
 * Profile ids are stable: the profile the first run made keeps its id. Then the tables are read
 * with SQL, as another system would, through {@link JdbcStoreReader}.
 *
 * <p>Run it twice with {@code mvn -q -pl examples -am compile exec:java
 * -Dexec.mainClass=io.unum.examples.KeptGraph} (the store is {@code unum-kept-graph.db} in the
 * temporary folder; give another path as the argument: {@code -Dexec.args=graph.db}). Swap the path for a
 * {@code jdbc:postgresql://…} URL to keep the graph in PostgreSQL instead.
 */
public final class KeptGraph {

    /**
     * What one run did.
     *
     * @param created whether this run created the store
     * @param added the records this run added
     * @param records the records the store holds afterwards
     * @param assignments every stored record's profile afterwards
     * @param changeSequence the store's last change sequence number
     */
    public record Run(boolean created, int added, int records, Map<RecordKey, ProfileId> assignments,
            long changeSequence) {
    }

    private KeptGraph() {
    }

    /** The first run's records: the CRM's Robert Smith and Alice Jones, the shop's Bob Smith. */
    static List<SourceRecord> firstRecords() {
        List<SourceRecord> all = Quickstart.records();
        return List.of(all.get(0), all.get(1), all.get(3));
    }

    /** A later run's records: the newsletter's Bobby, who shares Robert's e-mail address. */
    static List<SourceRecord> laterRecords() {
        return List.of(Quickstart.records().get(2));
    }

    /** One run against the store at {@code location} (a SQLite file or a PostgreSQL URL). */
    public static Run run(String location, PrintStream out) {
        boolean created;
        List<SourceRecord> records;
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph;
            created = store.snapshot().recordCount() == 0;
            if (created) {
                graph = Quickstart.resolver().newGraph(store);             // a new store records this configuration
                records = firstRecords();
            } else {
                graph = Resolver.newBuilder(store).build().newGraph(store); // the configuration the store was built with
                records = laterRecords();
            }
            out.println((created ? "Created " : "Reopened ") + store.location() + ": " + graph.size() + " records in "
                    + graph.profileCount() + " profiles");
            ChangeSet changes = graph.upsertAll(records);                    // one transaction, committed on return
            out.println("Added " + records.size() + " record(s): " + changes.changes().size() + " profile change(s)");
            for (Profile profile : graph.profiles()) {
                out.println("  " + profile.id() + " " + profile.members());
            }
        }

        // what any other system can do, also while a writer has the store open: read the tables
        Map<RecordKey, ProfileId> assignments = new TreeMap<>();
        long sequence;
        try (JdbcStoreReader reader = JdbcStoreReader.open(location)) {
            reader.forEachAssignment(assignments::put);
            sequence = reader.changeSequence();
            List<JdbcStoreReader.Change> feed = reader.changesSince(0);
            out.println("Change feed: " + feed.size() + " rows up to sequence " + sequence + ", the last: "
                    + feed.get(feed.size() - 1).kind() + " " + feed.get(feed.size() - 1).profile());
        }
        return new Run(created, records.size(), assignments.size(), assignments, sequence);
    }

    /** Runs the example once; run it again to reopen the store. */
    public static void main(String[] args) {
        String location = args.length > 0 ? args[0]
                : Path.of(System.getProperty("java.io.tmpdir"), "unum-kept-graph.db").toString();
        run(location, System.out);
    }
}
