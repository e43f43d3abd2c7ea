package io.unum.benchmarks;

import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.QualityReport;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.priv.garshol.duke.Record;

/**
 * Unum and Duke side by side on the same generated records in one JVM: wall time, records per
 * second and pairwise F1 (against the generator's truth, with {@link ClusteringEvaluator}) for
 * both.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.SideBySide --people 10000
 * </pre>
 *
 * <p>Options: {@code --people N} (default 10,000; about 2.95 records each), {@code --seed S}
 * (default 42), {@code --threads T} (both engines; default available processors),
 * {@code --max-search-hits H} (Duke's Lucene hits per look-up, default
 * {@value DukeSetup#DEFAULT_MAX_SEARCH_HITS}), {@code --duke-first}, {@code --skip-duke},
 * {@code --also-untrained} (Unum once more with the rules' hand-set m/u, no training),
 * {@code --data DIR}.
 *
 * <p>Both engines get the same rows of {@code records.csv}: Unum as {@code SourceRecord}s (see
 * {@link GeneratedData}) resolved with the CLI's configuration ({@link UnumSetup}, model trained
 * on the input), Duke as records cleaned by its cleaners ({@link DukeSetup}). Timed per engine:
 * the engine's work from records in memory to clusters — for Unum {@code train} plus
 * {@code resolve} (also shown apart), for Duke {@code Processor.deduplicate} (indexing into
 * Lucene, candidate search, comparison) plus turning its match pairs into clusters with
 * union-find, as its link database and a transitive closure would. Parsing the CSV is timed
 * apart and is the same for both. Each engine runs once per JVM; repeat runs for spread.
 */
public final class SideBySide {

    private SideBySide() {
    }

    public static void main(String[] args) throws IOException {
        long people = 10_000;
        long seed = 42;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxHits = DukeSetup.DEFAULT_MAX_SEARCH_HITS;
        boolean dukeFirst = false;
        boolean skipDuke = false;
        boolean alsoUntrained = false;
        Path root = GeneratedData.cacheRoot();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--people" -> people = Long.parseLong(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--max-search-hits" -> maxHits = Integer.parseInt(args[++i]);
                case "--duke-first" -> dukeFirst = true;
                case "--skip-duke" -> skipDuke = true;
                case "--also-untrained" -> alsoUntrained = true;
                case "--data" -> root = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = GeneratedData.ensure(root, people, seed);

        long t0 = System.nanoTime();
        List<SourceRecord> unumRecords = new ArrayList<>();
        List<Record> dukeRecords = new ArrayList<>();
        GeneratedData.forEachRow(dir, row -> {
            unumRecords.add(GeneratedData.toRecord(row));
            dukeRecords.add(DukeSetup.toRecord(row));
        });
        long parseNanos = System.nanoTime() - t0;
        Map<RecordKey, String> truth = GeneratedData.truth(dir);
        int n = unumRecords.size();
        System.out.printf(Locale.ROOT, "side by side: %,d records (%,d people, seed %d), %d threads; CSV read for both"
                + " engines in %.2f s; load average %.2f%n", n, people, seed, threads, parseNanos / 1e9,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Result unum = null;
        Result duke = null;
        if (dukeFirst && !skipDuke) {
            duke = runDuke(dukeRecords, threads, maxHits, truth);
        }
        unum = runUnum(unumRecords, threads, truth, true);
        Result untrained = alsoUntrained ? runUnum(unumRecords, threads, truth, false) : null;
        if (!dukeFirst && !skipDuke) {
            duke = runDuke(dukeRecords, threads, maxHits, truth);
        }
        print(unum, n);
        if (untrained != null) {
            print(untrained, n);
        }
        if (duke != null) {
            print(duke, n);
            System.out.printf(Locale.ROOT, "throughput ratio Unum/Duke: %.1fx (resolve only: %.1fx; by CPU time %.1fx);"
                    + " F1 %.4f vs %.4f%n", duke.nanos / (double) unum.nanos, duke.nanos / (double) unum.resolveNanos,
                    duke.cpuNanos / (double) unum.cpuNanos, unum.f1, duke.f1);
        }
    }

    record Result(String engine, long nanos, long resolveNanos, long cpuNanos, String detail, double precision,
            double recall, double f1, int clusters) {
    }

    private static void print(Result r, int n) {
        System.out.printf(Locale.ROOT, "%-20s %8.2f s (CPU %7.2f s) %10s records/s  pairwise P %.4f R %.4f F1 %.4f  clusters %,d  (%s)%n",
                r.engine, r.nanos / 1e9, r.cpuNanos / 1e9, String.format(Locale.ROOT, "%,.0f", n / (r.nanos / 1e9)), r.precision,
                r.recall, r.f1, r.clusters, r.detail);
    }

    private static Result runUnum(List<SourceRecord> records, int threads, Map<RecordKey, String> truth,
            boolean train) {
        Resolver base = UnumSetup.untrained(threads);
        long cpu0 = HeapMeter.processCpuNanos();
        long t0 = System.nanoTime();
        Resolver resolver = train ? base.withModel(UnumSetup.train(base, records)) : base;
        long t1 = System.nanoTime();
        Resolution resolution = resolver.resolve(records);
        long t2 = System.nanoTime();
        long cpu = HeapMeter.processCpuNanos() - cpu0;
        QualityReport<RecordKey> report = ClusteringEvaluator.defaults().evaluate(resolution.assignments(), truth);
        String detail = String.format(Locale.ROOT, "train %.2f s + resolve %.2f s; %,d candidate pairs, %,d links",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, resolution.statistics().candidatePairs(),
                resolution.statistics().links());
        return new Result(train ? "unum" : "unum (hand-set m/u)", t2 - t0, t2 - t1, cpu, detail, report.pairwise().precision(), report.pairwise().recall(),
                report.pairwise().f1(), (int) resolution.statistics().profiles());
    }

    private static Result runDuke(List<Record> records, int threads, int maxHits, Map<RecordKey, String> truth) {
        Map<String, Integer> index = new HashMap<>(records.size() * 2);
        for (Record r : records) {
            index.put(r.getValue("ID"), index.size());
        }
        long cpu0 = HeapMeter.processCpuNanos();
        long t0 = System.nanoTime();
        DukeSetup.Deduplicated duke = DukeSetup.deduplicate(records, index, threads, maxHits);
        UnionFind clusters = duke.clusters();
        Map<RecordKey, Integer> predicted = new HashMap<>(records.size() * 2);
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String id = e.getKey();
            int slash = id.indexOf('/');
            predicted.put(RecordKey.of(id.substring(0, slash), id.substring(slash + 1)), clusters.find(e.getValue()));
        }
        long nanos = System.nanoTime() - t0;
        long cpu = HeapMeter.processCpuNanos() - cpu0;
        QualityReport<RecordKey> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);
        String detail = String.format(Locale.ROOT, "%,d comparisons, %,d match pairs reported, max-search-hits %d,"
                + " threshold %.2f", duke.comparisons(), duke.matchPairs(), maxHits, DukeSetup.THRESHOLD);
        return new Result("duke", nanos, nanos, cpu, detail, report.pairwise().precision(), report.pairwise().recall(),
                report.pairwise().f1(), report.predictedClusters());
    }

    /** Disjoint sets over 0..n-1 with path halving and union by size. */
    static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
