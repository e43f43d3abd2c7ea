package io.unum.benchmarks;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.ProfileChange;
import io.unum.Resolver;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.jdbc.JdbcGraphStore;
import io.unum.store.jdbc.JdbcGraphStore.Durability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The durable store ({@code unum-store-jdbc}) against the in-memory one: live upserts, batch
 * load and open, on generated customer data ({@link GeneratedData}, seed 42) with the CLI's
 * resolver ({@link UnumSetup}: {@code CustomerRules}, trained as the CLI trains unless
 * {@code --no-train}). One JVM run per command; every figure is one measurement, so run it more
 * than once for spread. The load average is printed at the start and end of every phase.
 *
 * <pre>
 * mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
 * eval "$(.ci/postgres env)"            # a throwaway PostgreSQL (fsync on); without it: --stores memory,sqlite
 * java -Xmx12g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.StoreBenchmark live --resident 100000
 * java -Xmx12g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.StoreBenchmark load --records 1000000 --keep
 * java -Xmx12g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.StoreBenchmark open \
 *     --store /tmp/unum-store-bench/load-1000000.db --store "$UNUM_TEST_POSTGRES_URL&amp;currentSchema=unum_bench_load_1000000"
 * .ci/postgres stop "$UNUM_TEST_POSTGRES_DIR"
 * </pre>
 *
 * <h2>{@code live}: upserts into a store with resident records</h2>
 * About {@code --resident N} / 0.9 records are generated; a seeded 10 % is held out (as in
 * {@link LiveUpsertBenchmark}), the rest is resident. For each store of {@code --stores}: a new
 * store, {@code resolver.newGraph(store)}, the resident records upserted in chunks of
 * {@code --chunk} records (timed and printed: a batch load at that size), then the upserts on that
 * graph — a JDBC store opened with the first durability of {@code --durability}. For each further
 * durability the JDBC store is closed and opened again ({@code JdbcGraphStore.open(location, d)}
 * and {@code Resolver.newBuilder(store).build().newGraph(store)}, timed: the open figure at that
 * size), then takes the upserts. The upserts: the first {@code --warmup} held-out records (not reported),
 * then the next {@code --upserts}, each {@code graph.upsert(record)} alone (it returns once its
 * transaction committed), timed with {@code System.nanoTime}: upserts per second (measured
 * upserts / the loop's wall time), mean, p50, p90, p99, p99.9 and max. Every configuration gets
 * the same held-out records in the same order; afterwards they are deleted (untimed, one
 * {@code deleteAll}) so the next durability starts from the same resident graph.
 *
 * <h2>{@code load}: a batch into a new store</h2>
 * About {@code --records N} records (all of them), trained on once (printed apart), then for each
 * store of {@code --stores}: a new store, {@code resolver.newGraph(store)} and the records upserted
 * in chunks of {@code --chunk} ({@code upsertAll}: one transaction, one commit per chunk). Printed:
 * each chunk's time, the total, records per second, the process CPU time (the JVM's; the
 * PostgreSQL server's own CPU is not in it), profiles, and the size on disk (SQLite: the database
 * file plus its {@code -wal}, after the chunks and again after close, which checkpoints the log;
 * PostgreSQL: {@code pg_total_relation_size} of the schema's tables, indexes and TOAST included),
 * with each table's share. {@code memory} is the baseline: the same chunks into the in-memory store.
 * Without {@code --keep} the stores are removed at the end; with it they stay for {@code open}
 * (SQLite {@code <dir>/load-N.db}, PostgreSQL schema {@code unum_bench_load_N}, N the
 * {@code --records} given).
 *
 * <h2>{@code open}: a stored graph back into memory</h2>
 * For each {@code --store LOCATION} (a SQLite file or a PostgreSQL URL with its
 * {@code currentSchema}), {@code --repeat} times: the live heap before (two {@code System.gc()}),
 * {@code JdbcGraphStore.open(location, durability)} (the tables read into the store's in-memory
 * copy), {@code Resolver.newBuilder(store).build()} (the stored configuration and model) and
 * {@code .newGraph(store)} (features decoded from their stored form, or derived where a store has none), each timed, with the
 * process CPU time of the store and graph phases (all threads, the collectors' included) and the
 * collectors' accumulated time over the whole open; then the live heap again: (after − before)
 * per record is what a 1M-record graph costs resident. Then (untimed in the open) the profiles of
 * 10,000 seeded random records, each read twice through {@code graph.profileOf}: a JDBC store
 * decodes a profile no change has touched from its row when first asked for. The files are
 * in the operating system's page cache when they were written or read just before (a warm open).
 *
 * <h2>Options</h2>
 * {@code --stores memory,sqlite,postgres} (default: all three; {@code postgres} needs a URL);
 * {@code --durability FULL,NORMAL} (live: both by default; load and open: {@code FULL}, the
 * store's default); {@code --postgres URL} (default {@code $UNUM_TEST_POSTGRES_URL}; each store
 * gets its own schema, dropped first); {@code --dir DIR} (SQLite files, default
 * {@code /tmp/unum-store-bench}); {@code --resident N}, {@code --upserts U} (default 2,000),
 * {@code --warmup W} (default 300) for live; {@code --records N}, {@code --keep} for load;
 * {@code --chunk C} (default 100,000); {@code --store LOCATION} (repeatable) and
 * {@code --repeat R} for open; {@code --no-train}; {@code --seed S} (default 42); {@code --data DIR}
 * (generated data cache); {@code --jfr PREFIX} (a JFR recording, {@code profile} settings, of the
 * timed part per store: {@code PREFIX-<store>.jfr}; read it with {@link JfrHotspots}).
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    /** The parsed command line. */
    private static final class Options {
        String mode;
        List<String> stores = List.of("memory", "sqlite", "postgres");
        List<Durability> durabilities;
        String postgres = System.getenv("UNUM_TEST_POSTGRES_URL");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "unum-store-bench");
        long resident = 100_000;
        long records = 100_000;
        int upserts = 2_000;
        int warmup = 300;
        int chunk = 100_000;
        boolean keep;
        boolean train = true;
        long seed = 42;
        Path data = GeneratedData.cacheRoot();
        List<String> locations = new ArrayList<>();
        int repeat = 1;
        String jfr;
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        System.out.printf(Locale.ROOT, "StoreBenchmark %s; JVM %s %s, max heap %,d MiB, %d processors; load average %s%n",
                String.join(" ", args), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                HeapMeter.max() >> 20, Runtime.getRuntime().availableProcessors(), load());
        switch (o.mode) {
            case "live" -> live(o);
            case "load" -> load(o);
            case "open" -> open(o);
            default -> throw new IllegalArgumentException("the first argument is live, load or open");
        }
        System.out.printf(Locale.ROOT, "done; load average %s%n", load());
    }

    private static Options parse(String[] args) {
        Options o = new Options();
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: StoreBenchmark live|load|open [options]; see the class javadoc");
        }
        o.mode = args[0];
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--stores" -> o.stores = List.of(args[++i].split(","));
                case "--durability" -> o.durabilities = Arrays.stream(args[++i].split(","))
                        .map(d -> Durability.valueOf(d.toUpperCase(Locale.ROOT))).toList();
                case "--postgres" -> o.postgres = args[++i];
                case "--dir" -> o.dir = Path.of(args[++i]);
                case "--resident" -> o.resident = number(args[++i]);
                case "--records" -> o.records = number(args[++i]);
                case "--upserts" -> o.upserts = (int) number(args[++i]);
                case "--warmup" -> o.warmup = (int) number(args[++i]);
                case "--chunk" -> o.chunk = (int) number(args[++i]);
                case "--keep" -> o.keep = true;
                case "--no-train" -> o.train = false;
                case "--seed" -> o.seed = number(args[++i]);
                case "--data" -> o.data = Path.of(args[++i]);
                case "--store" -> o.locations.add(args[++i]);
                case "--repeat" -> o.repeat = (int) number(args[++i]);
                case "--jfr" -> o.jfr = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class javadoc");
            }
        }
        if (o.durabilities == null) {
            o.durabilities = o.mode.equals("live") ? List.of(Durability.FULL, Durability.NORMAL) : List.of(Durability.FULL);
        }
        if (!o.mode.equals("open") && o.stores.contains("postgres") && (o.postgres == null || o.postgres.isBlank())) {
            System.out.println("no PostgreSQL: give --postgres URL or set UNUM_TEST_POSTGRES_URL (eval \"$(.ci/postgres env)\");"
                    + " measuring the other stores");
            o.stores = o.stores.stream().filter(s -> !s.equals("postgres")).toList();
        }
        for (String s : o.stores) {
            if (!List.of("memory", "sqlite", "postgres").contains(s)) {
                throw new IllegalArgumentException("--stores takes memory, sqlite and postgres, not " + s);
            }
        }
        return o;
    }

    private static long number(String s) {
        return Long.parseLong(s.replace("_", "").replace(",", ""));
    }

    // ------------------------------------------------------------------------------------------
    // live

    private static void live(Options o) throws Exception {
        Path dir = GeneratedData.ensure(o.data, GeneratedData.peopleFor(Math.round(o.resident / 0.9)), o.seed);
        List<SourceRecord> initial = new ArrayList<>();
        List<SourceRecord> incoming = new ArrayList<>();
        Random random = new Random(o.seed);
        for (SourceRecord record : GeneratedData.records(dir)) {
            (random.nextInt(10) == 0 ? incoming : initial).add(record);
        }
        Collections.shuffle(incoming, random);
        if (incoming.size() < o.warmup + o.upserts) {
            throw new IllegalArgumentException("only " + incoming.size() + " held-out records for " + o.warmup
                    + " warm-up and " + o.upserts + " measured upserts");
        }
        List<SourceRecord> upserts = incoming.subList(0, o.warmup + o.upserts);
        Resolver resolver = resolver(o, initial);
        System.out.printf(Locale.ROOT, "live: %,d resident records, %,d held out; %d warm-up + %,d measured upserts"
                + " per configuration%n", initial.size(), incoming.size(), o.warmup, o.upserts);
        List<String> summary = new ArrayList<>();
        for (String kind : o.stores) {
            System.out.printf(Locale.ROOT, "%n== %s (load average %s)%n", kind, load());
            if (kind.equals("memory")) {
                IdentityGraph graph = resolver.newGraph();
                loadChunks(graph, initial, o.chunk, "resident load");
                summary.add(upsertLoop("memory", graph, upserts, o, kind));
                continue;
            }
            String location = newStore(o, kind, "live_" + o.resident);
            Durability first = o.durabilities.get(0);
            try (JdbcGraphStore store = JdbcGraphStore.open(location, first)) {
                IdentityGraph graph = resolver.newGraph(store);
                loadChunks(graph, initial, o.chunk, "resident load (" + first + ")");
                summary.add(upsertLoop(kind + " " + first, graph, upserts, o, kind + "-" + first));
            }
            for (Durability d : o.durabilities.subList(1, o.durabilities.size())) {
                Opened opened = openGraph(location, d);
                try (JdbcGraphStore store = opened.store) {
                    System.out.printf(Locale.ROOT, "opened %s: store %.2f s + resolver %.2f s + graph (features) %.2f s"
                            + " = %.2f s, %.1f s CPU; %,d records, %,d profiles; load average %s%n", d,
                            opened.openNanos / 1e9, opened.resolverNanos / 1e9, opened.graphNanos / 1e9,
                            opened.total() / 1e9, opened.cpuNanos / 1e9, opened.graph.size(),
                            opened.graph.profileCount(), load());
                    summary.add(upsertLoop(kind + " " + d, opened.graph, upserts, o, kind + "-" + d));
                }
            }
            if (!o.keep) {
                drop(o, kind, location);
            }
        }
        System.out.printf(Locale.ROOT, "%nlive upserts, %,d resident records, %,d measured each:%n", initial.size(), o.upserts);
        System.out.printf(Locale.ROOT, "%-18s %10s %9s %9s %9s %9s %9s %9s  %s%n", "store", "upserts/s", "mean µs",
                "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs", "load average");
        summary.forEach(System.out::println);
    }

    /** Times each upsert of {@code upserts} after the warm-up, then deletes them all (untimed). */
    private static String upsertLoop(String label, IdentityGraph graph, List<SourceRecord> upserts, Options o,
            String jfrName) {
        int before = graph.size();
        for (int i = 0; i < o.warmup; i++) {
            graph.upsert(upserts.get(i));
        }
        long[] nanos = new long[upserts.size() - o.warmup];
        String loadBefore = load();
        jdk.jfr.Recording recording = startJfr(o, jfrName);
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            graph.upsert(upserts.get(o.warmup + i));
            nanos[i] = System.nanoTime() - t0;
        }
        long wall = System.nanoTime() - start;
        stopJfr(recording);
        String loadAfter = load();
        List<RecordKey> keys = upserts.stream().map(SourceRecord::key).toList();
        graph.deleteAll(keys);
        if (graph.size() != before) {
            System.out.printf(Locale.ROOT, "warning: the graph holds %,d records after the deletes, %,d before%n",
                    graph.size(), before);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        String row = String.format(Locale.ROOT, "%-18s %10.0f %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f  %s → %s", label,
                nanos.length / (wall / 1e9), mean / 1e3, pct(nanos, 0.50) / 1e3, pct(nanos, 0.90) / 1e3,
                pct(nanos, 0.99) / 1e3, pct(nanos, 0.999) / 1e3, nanos[nanos.length - 1] / 1e3, loadBefore, loadAfter);
        System.out.println(row);
        return row;
    }

    private static long pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    // ------------------------------------------------------------------------------------------
    // load

    private static void load(Options o) throws Exception {
        Path dir = GeneratedData.ensure(o.data, GeneratedData.peopleFor(o.records), o.seed);
        long t0 = System.nanoTime();
        List<SourceRecord> records = GeneratedData.records(dir);
        System.out.printf(Locale.ROOT, "load: %,d records read in %.1f s; chunks of %,d; durability %s%n", records.size(),
                (System.nanoTime() - t0) / 1e9, o.chunk, o.durabilities.get(0));
        Resolver resolver = resolver(o, records);
        for (String kind : o.stores) {
            System.out.printf(Locale.ROOT, "%n== %s (load average %s)%n", kind, load());
            HeapMeter.liveHeap();
            if (kind.equals("memory")) {
                IdentityGraph graph = resolver.newGraph();
                jdk.jfr.Recording recording = startJfr(o, kind);
                Loaded loaded = loadChunks(graph, records, o.chunk, "memory");
                stopJfr(recording);
                System.out.printf(Locale.ROOT, "memory: %,d records, %,d profiles in %.1f s (%,.0f records/s), %.1f s"
                        + " CPU%n", graph.size(), graph.profileCount(), loaded.nanos / 1e9,
                        records.size() / (loaded.nanos / 1e9), loaded.cpuNanos / 1e9);
                continue;
            }
            String location = newStore(o, kind, "load_" + o.records);
            Loaded loaded;
            int size;
            int profiles;
            long closeNanos;
            try (JdbcGraphStore store = JdbcGraphStore.open(location, o.durabilities.get(0))) {
                IdentityGraph graph = resolver.newGraph(store);
                jdk.jfr.Recording recording = startJfr(o, kind);
                loaded = loadChunks(graph, records, o.chunk, kind);
                stopJfr(recording);
                size = graph.size();
                profiles = graph.profileCount();
                System.out.printf(Locale.ROOT, "size before close: %s%n", sizes(o, kind, location));
                long c0 = System.nanoTime();
                store.close();
                closeNanos = System.nanoTime() - c0;
            }
            System.out.printf(Locale.ROOT, "%s: %,d records, %,d profiles in %.1f s (%,.0f records/s), %.1f s CPU"
                    + " (this JVM); close %.1f s; size %s%n", kind, size, profiles, loaded.nanos / 1e9,
                    records.size() / (loaded.nanos / 1e9), loaded.cpuNanos / 1e9, closeNanos / 1e9,
                    sizes(o, kind, location));
            System.out.println("location: " + location);
            if (!o.keep) {
                drop(o, kind, location);
            }
        }
    }

    private record Loaded(long nanos, long cpuNanos) {
    }

    /** Upserts the records in chunks, one {@code upsertAll} each, printing each chunk's time. */
    private static Loaded loadChunks(IdentityGraph graph, List<SourceRecord> records, int chunk, String label) {
        long cpu0 = HeapMeter.processCpuNanos();
        long start = System.nanoTime();
        for (int from = 0; from < records.size(); from += chunk) {
            int to = Math.min(records.size(), from + chunk);
            long t0 = System.nanoTime();
            ChangeSet changes = graph.upsertAll(records.subList(from, to));
            long t = System.nanoTime() - t0;
            int created = 0;
            for (ProfileChange change : changes.changes()) {
                if (change instanceof ProfileChange.Created) {
                    created++;
                }
            }
            System.out.printf(Locale.ROOT, "  %s: records %,d–%,d in %.1f s (%,.0f/s); %,d profile changes (%,d created);"
                    + " load average %s%n", label, from, to, t / 1e9, (to - from) / (t / 1e9), changes.changes().size(),
                    created, load());
        }
        long nanos = System.nanoTime() - start;
        long cpu = HeapMeter.processCpuNanos() - cpu0;
        System.out.printf(Locale.ROOT, "  %s: %,d records in %.1f s (%,.0f/s), %.1f s CPU; %,d profiles%n", label,
                records.size(), nanos / 1e9, records.size() / (nanos / 1e9), cpu / 1e9, graph.profileCount());
        return new Loaded(nanos, cpu);
    }

    // ------------------------------------------------------------------------------------------
    // open

    private static void open(Options o) throws Exception {
        if (o.locations.isEmpty()) {
            throw new IllegalArgumentException("open needs --store LOCATION (a SQLite file or a PostgreSQL URL)");
        }
        for (String location : o.locations) {
            for (int r = 0; r < o.repeat; r++) {
                long baseline = HeapMeter.liveHeap();
                String loadBefore = load();
                String kind = location.startsWith("jdbc:postgresql:") ? "postgres" : "sqlite";
                jdk.jfr.Recording recording = startJfr(o, kind + "-open-" + r);
                Opened opened = openGraph(location, o.durabilities.get(0));
                long cpu = opened.cpuNanos;
                stopJfr(recording);
                try (JdbcGraphStore store = opened.store) {
                    long live = HeapMeter.liveHeap() - baseline;
                    int n = opened.graph.size();
                    System.out.printf(Locale.ROOT, "open %s (run %d): %,d records, %,d profiles; store %.1f s + resolver"
                            + " %.1f s + graph (features) %.1f s = %.1f s, %.1f s CPU (store %.1f s, graph %.1f s),"
                            + " GC %.1f s; live heap %,d MiB = %,d B/record; load average %s → %s%n", store.location(),
                            r + 1, n, opened.graph.profileCount(), opened.openNanos / 1e9, opened.resolverNanos / 1e9,
                            opened.graphNanos / 1e9, opened.total() / 1e9, cpu / 1e9, opened.storeCpuNanos / 1e9,
                            opened.graphCpuNanos / 1e9, opened.gcMillis / 1e3, live >> 20, n == 0 ? 0 : live / n,
                            loadBefore, load());
                    profileReads(store, opened.graph);
                }
            }
        }
    }

    /**
     * After an open: the profiles of 10,000 seeded random records read through the graph
     * ({@code profileOf}), each timed — the first read of a profile no change has touched (the
     * store decodes it from its row) and a second read of the same profiles.
     */
    private static void profileReads(JdbcGraphStore store, IdentityGraph graph) {
        io.unum.store.GraphStore.Reader snapshot = store.snapshot();
        int bound = snapshot.ordinalBound();
        if (bound == 0) {
            return;
        }
        Random random = new Random(42);
        List<RecordKey> keys = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int tries = 0; keys.size() < 10_000 && tries < 1_000_000; tries++) {
            int o = random.nextInt(bound);
            SourceRecord record = snapshot.record(o);
            if (record != null && snapshot.profileOf(o) != null && seen.add(snapshot.profileOf(o))) {
                keys.add(record.key());
            }
        }
        for (String pass : List.of("first", "second")) {
            long[] nanos = new long[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                long t0 = System.nanoTime();
                graph.profileOf(keys.get(i)).orElseThrow();
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "  profile reads, %s read of %,d profiles: mean %.1f µs, p50 %.1f µs, p99 %.1f µs%n",
                    pass, nanos.length, Arrays.stream(nanos).average().orElse(0) / 1e3, nanos[nanos.length / 2] / 1e3,
                    nanos[(int) (nanos.length * 0.99)] / 1e3);
        }
    }

    private record Opened(JdbcGraphStore store, IdentityGraph graph, long openNanos, long resolverNanos,
            long graphNanos, long cpuNanos, long storeCpuNanos, long graphCpuNanos, long gcMillis) {
        long total() {
            return openNanos + resolverNanos + graphNanos;
        }
    }

    private static Opened openGraph(String location, Durability durability) {
        long gc0 = gcMillis();
        long cpu0 = HeapMeter.processCpuNanos();
        long t0 = System.nanoTime();
        JdbcGraphStore store = JdbcGraphStore.open(location, durability);
        long t1 = System.nanoTime();
        long cpu1 = HeapMeter.processCpuNanos();
        Resolver resolver = Resolver.newBuilder(store).build();
        long t2 = System.nanoTime();
        long cpu2 = HeapMeter.processCpuNanos();
        IdentityGraph graph = resolver.newGraph(store);
        long t3 = System.nanoTime();
        long cpu3 = HeapMeter.processCpuNanos();
        return new Opened(store, graph, t1 - t0, t2 - t1, t3 - t2, cpu3 - cpu0, cpu1 - cpu0, cpu3 - cpu2,
                gcMillis() - gc0);
    }

    /** The collectors' accumulated collection time (pauses and concurrent work as the JVM counts it). */
    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    // ------------------------------------------------------------------------------------------
    // stores

    private static Resolver resolver(Options o, List<SourceRecord> records) {
        Resolver base = UnumSetup.untrained(Runtime.getRuntime().availableProcessors());
        if (!o.train) {
            System.out.println("resolver: CustomerRules, hand-set m/u");
            return base;
        }
        long t0 = System.nanoTime();
        Resolver trained = base.withModel(UnumSetup.train(base, records));
        System.out.printf(Locale.ROOT, "resolver: CustomerRules trained on %,d records in %.1f s (not in any figure)%n",
                records.size(), (System.nanoTime() - t0) / 1e9);
        return trained;
    }

    /** A location for a new, empty store of this kind (what was there before is removed). */
    private static String newStore(Options o, String kind, String name) throws IOException, SQLException {
        if (kind.equals("sqlite")) {
            Files.createDirectories(o.dir);
            Path file = o.dir.resolve(name.replace('_', '-') + ".db");
            deleteSqlite(file);
            return file.toString();
        }
        String schema = "unum_bench_" + name;
        try (Connection c = DriverManager.getConnection(o.postgres); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        return o.postgres + (o.postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void drop(Options o, String kind, String location) throws IOException, SQLException {
        if (kind.equals("sqlite")) {
            deleteSqlite(Path.of(location));
        } else {
            try (Connection c = DriverManager.getConnection(location); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema(location) + " CASCADE");
            }
        }
    }

    private static void deleteSqlite(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal", ".writer")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private static String schema(String url) {
        int i = url.indexOf("currentSchema=");
        if (i < 0) {
            return "public";
        }
        int end = url.indexOf('&', i);
        return url.substring(i + "currentSchema=".length(), end < 0 ? url.length() : end);
    }

    /** The store's size on disk, with each table's share where the database can say. */
    private static String sizes(Options o, String kind, String location) {
        Map<String, Long> tables = new LinkedHashMap<>();
        long total = 0;
        String detail;
        try {
            if (kind.equals("sqlite")) {
                Path file = Path.of(location);
                long db = Files.size(file);
                Path wal = file.resolveSibling(file.getFileName() + "-wal");
                long log = Files.exists(wal) ? Files.size(wal) : 0;
                total = db + log;
                detail = String.format(Locale.ROOT, "file %,d MiB + wal %,d MiB", db >> 20, log >> 20);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"
                                + " ORDER BY 2 DESC")) {
                    while (rs.next()) {
                        tables.put(rs.getString(1), rs.getLong(2));
                    }
                } catch (SQLException e) {
                    detail += " (no per-table sizes: " + e.getMessage() + ")";
                }
            } else {
                try (Connection c = DriverManager.getConnection(location);
                        PreparedStatement p = c.prepareStatement("SELECT c.relname, pg_total_relation_size(c.oid)"
                                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY 2 DESC")) {
                    p.setString(1, schema(location));
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            tables.put(rs.getString(1), rs.getLong(2));
                            total += rs.getLong(2);
                        }
                    }
                }
                detail = "tables with their indexes and TOAST";
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%,d MiB (%s)", total >> 20, detail));
        if (!tables.isEmpty()) {
            out.append(':');
            tables.forEach((name, bytes) -> out.append(String.format(Locale.ROOT, " %s %,.1f MiB;", name, bytes / 1048576.0)));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f", l);
    }

    private static jdk.jfr.Recording startJfr(Options o, String name) {
        if (o.jfr == null) {
            return null;
        }
        try {
            jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(o.jfr + "-" + name + ".jfr"));
            recording.start();
            return recording;
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot start JFR", e);
        }
    }

    private static void stopJfr(jdk.jfr.Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
        }
    }
}
