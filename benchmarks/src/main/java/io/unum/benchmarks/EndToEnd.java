package io.unum.benchmarks;

import io.unum.ProgressListener;
import io.unum.Resolution;
import io.unum.ResolutionStatistics;
import io.unum.Resolver;
import io.unum.Stage;
import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.QualityReport;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.training.TrainedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end throughput harness: generated customer data at a given size, read from CSV, trained
 * on and resolved into golden profiles, with wall time and records/second per stage, candidate
 * pairs, peak heap and resident heap per record.
 *
 * <pre>
 * mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
 * java -Xmx12g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.EndToEnd --records 1000000
 * </pre>
 *
 * <p>Options: {@code --records N} (about N records: {@code N / 2.95} people) or
 * {@code --people N}; {@code --seed S} (default 42); {@code --threads T} (default: available
 * processors); {@code --no-train} (hand-set parameters); {@code --no-evaluate} (skip F1);
 * {@code --data DIR} (cache directory, default {@code $UNUM_BENCH_DATA} or
 * {@code /tmp/unum-bench-data}); {@code --progress} (stage progress on standard error);
 * {@code --histogram} (the live heap's top classes after resolve, the resolution held);
 * {@code --graph} (resolve into a live graph, {@code newGraph().upsertAll(records)}, the same
 * engine and write path, and measure the resident heap with only the graph held: the engine's
 * state — records, features, blocks, edges, profiles — which a batch {@link Resolution} no longer
 * keeps; the stage times are then not reported).
 *
 * <p>What is timed, in order, each once (one run is one measurement; run several JVMs for
 * spread):
 * <ol>
 *   <li><b>generate</b> (only when the cache lacks the data; not part of the pipeline);</li>
 *   <li><b>parse</b>: {@code records.csv} into {@link SourceRecord}s with commons-csv
 *       ({@link GeneratedData});</li>
 *   <li><b>train</b>: {@code Resolver.train(records, CustomerRules.trainingOptions())}, as the CLI does
 *       (reported separately; the resolve figures exclude it);</li>
 *   <li><b>resolve</b>: {@code Resolver.resolve(records)} wall time, and its
 *       {@link ResolutionStatistics#stageTimes()} (features, blocking, scoring, clustering,
 *       survivorship); "other" is the wall time no stage accounts for. The process CPU time
 *       during resolve is printed too: on a shared machine it shows how much of the wall time
 *       the run actually had the cores.</li>
 * </ol>
 *
 * <p>Heap: <em>resident heap per record</em> = (live heap with only the {@link Resolution}, the
 * resolver and the model reachable − live heap before the records were read) / records, where
 * live heap is the used heap after two {@code System.gc()} calls ({@link HeapMeter}). The input
 * list is dropped first, but the engine keeps the source records it resolved (survivorship and
 * provenance need them), so their cost is part of the figure. <em>Peak heap</em> is measured
 * from garbage-collection notifications during resolve (see {@link HeapMeter}).
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    public static void main(String[] args) {
        long people = GeneratedData.peopleFor(100_000);
        long seed = 42;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean train = true;
        boolean evaluate = true;
        boolean progress = false;
        boolean histogram = false;
        boolean graph = false;
        Path root = GeneratedData.cacheRoot();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> people = GeneratedData.peopleFor(Long.parseLong(args[++i].replace("_", "")));
                case "--people" -> people = Long.parseLong(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-train" -> train = false;
                case "--no-evaluate" -> evaluate = false;
                case "--progress" -> progress = true;
                case "--histogram" -> histogram = true;
                case "--graph" -> graph = true;
                case "--data" -> root = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --records N | --people N | --seed S | --threads T | --no-train | --no-evaluate"
                        + " | --progress | --histogram | --graph | --data DIR");
            }
        }
        run(root, people, seed, threads, train, evaluate, progress, histogram, graph);
    }

    private static void run(Path root, long people, long seed, int threads, boolean train, boolean evaluate,
            boolean showProgress, boolean histogram, boolean inGraph) {
        Path dir = GeneratedData.ensure(root, people, seed);
        HeapMeter meter = new HeapMeter();
        Resolver base = UnumSetup.untrained(threads);
        long baseline = HeapMeter.liveHeap();

        long t0 = System.nanoTime();
        List<SourceRecord> records = GeneratedData.records(dir);
        long parseNanos = System.nanoTime() - t0;
        int n = records.size();
        long inputLive = HeapMeter.liveHeap();

        Resolver resolver = base;
        TrainedModel model = null;
        long trainNanos = 0;
        if (train) {
            t0 = System.nanoTime();
            model = UnumSetup.train(base, records);
            trainNanos = System.nanoTime() - t0;
            resolver = base.withModel(model);
        }
        HeapMeter.liveHeap();

        ProgressListener progress = showProgress ? new StderrProgress() : ProgressListener.NONE;
        meter.reset();
        long cpu0 = HeapMeter.processCpuNanos();
        t0 = System.nanoTime();
        io.unum.IdentityGraph graph = null;
        Resolution resolution;
        if (inGraph) {
            graph = resolver.newGraph();
            graph.upsertAll(records);
            resolution = null; // taken after the resident heap is measured: the graph alone
        } else {
            resolution = resolver.resolve(records, progress);
        }
        long resolveNanos = System.nanoTime() - t0;
        long resolveCpu = HeapMeter.processCpuNanos() - cpu0;
        sleepQuietly(200); // let the last GC notifications arrive
        long peakUsed = meter.peakUsed();
        long peakAfterGc = meter.peakAfterGc();
        long gcs = meter.collections();

        records = null; // the engine keeps what it needs
        long resident = HeapMeter.liveHeap() - baseline;
        if (graph != null) {
            resolution = graph.snapshot();
        }
        String histo = histogram ? classHistogram(30) : "";

        ResolutionStatistics stats = resolution.statistics();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Unum end-to-end: %,d records (%,d people, seed %d), %d threads, %s%s%n",
                n, people, seed, threads, train ? "trained model" : "hand-set parameters",
                inGraph ? ", into a live graph (resident heap: the graph alone)" : ""));
        out.append(String.format(Locale.ROOT, "JVM: %s %s, max heap %s, %d processors, load average at start %.2f%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), mib(HeapMeter.max()),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append(String.format(Locale.ROOT, "%-14s %10s %14s%n", "stage", "seconds", "records/s"));
        row(out, "parse (CSV)", parseNanos, n);
        if (train) {
            row(out, "train", trainNanos, n);
        }
        long staged = 0;
        for (Stage stage : Stage.values()) {
            Duration d = stats.stageTimes().getOrDefault(stage, Duration.ZERO);
            staged += d.toNanos();
            row(out, "  " + stage.name().toLowerCase(Locale.ROOT), d.toNanos(), n);
        }
        row(out, "  other", Math.max(0, resolveNanos - staged), n);
        row(out, "resolve", resolveNanos, n);
        out.append(String.format(Locale.ROOT, "resolve used %.1f s of CPU (all threads, GC included) in %.1f s of wall"
                + " time: %.2f cores busy on average%n", resolveCpu / 1e9, resolveNanos / 1e9,
                resolveCpu / (double) resolveNanos));
        out.append(String.format(Locale.ROOT, "candidate pairs %,d (%.1f per record); links %,d; profiles %,d;"
                + " possible matches %,d; oversized blocks %d%n", stats.candidatePairs(),
                stats.candidatePairs() / (double) n, stats.links(), stats.profiles(), stats.possibleMatches(),
                stats.oversizedBlocks().size()));
        Duration scoring = stats.stageTimes().getOrDefault(Stage.SCORING, Duration.ZERO);
        if (stats.candidatePairs() > 0) {
            out.append(String.format(Locale.ROOT, "scoring stage / candidate pairs: %.0f ns per pair (wall, %d threads)%n",
                    scoring.toNanos() / (double) stats.candidatePairs(), threads));
        }
        out.append(String.format(Locale.ROOT, "heap: input records %s (%,d B/record); peak used during resolve %s,"
                + " peak after GC %s, %d collections; resident after resolve %s = %,d B/record%n",
                mib(inputLive - baseline), (inputLive - baseline) / n, mib(peakUsed), mib(peakAfterGc), gcs,
                mib(resident), resident / n));

        String quality = "";
        if (evaluate) {
            Map<RecordKey, String> truth = GeneratedData.truth(dir);
            QualityReport<RecordKey> report = ClusteringEvaluator.defaults().evaluate(resolution.assignments(), truth);
            out.append(String.format(Locale.ROOT, "quality: pairwise precision %.4f recall %.4f F1 %.4f; B-cubed F1 %.4f%n",
                    report.pairwise().precision(), report.pairwise().recall(), report.pairwise().f1(),
                    report.bcubed().f1()));
            quality = String.format(Locale.ROOT, " pairwise_f1=%.4f", report.pairwise().f1());
        }
        out.append(String.format(Locale.ROOT, "e2e records=%d parse_s=%.3f train_s=%.3f resolve_s=%.3f"
                + " features_s=%.3f blocking_s=%.3f scoring_s=%.3f clustering_s=%.3f survivorship_s=%.3f"
                + " candidate_pairs=%d peak_heap_mib=%.0f resident_b_per_record=%d resolve_cpu_s=%.3f%s%n", n, parseNanos / 1e9,
                trainNanos / 1e9, resolveNanos / 1e9, sec(stats, Stage.FEATURES), sec(stats, Stage.BLOCKING),
                sec(stats, Stage.SCORING), sec(stats, Stage.CLUSTERING), sec(stats, Stage.SURVIVORSHIP),
                stats.candidatePairs(), peakUsed / 1048576.0, resident / n, resolveCpu / 1e9, quality));
        System.out.print(out);
        System.out.print(histo);
        // keep the resolution (and the graph) reachable until the resident heap was measured
        if (resolution.assignments().isEmpty() && model == null && (graph == null || graph.size() == 0)) {
            System.out.println("(nothing resolved)");
        }
    }

    /** The first lines of the live-object class histogram ({@code jcmd GC.class_histogram}). */
    static String classHistogram(int lines) {
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] all = String.valueOf(text).split("\n");
            StringBuilder out = new StringBuilder("live heap by class, resolution held (GC.class_histogram):\n");
            for (int i = 0; i < Math.min(lines + 3, all.length); i++) {
                out.append(all[i]).append('\n');
            }
            return out.toString();
        } catch (javax.management.JMException e) {
            return "class histogram unavailable: " + e.getMessage() + "\n";
        }
    }

    private static double sec(ResolutionStatistics stats, Stage stage) {
        return stats.stageTimes().getOrDefault(stage, Duration.ZERO).toNanos() / 1e9;
    }

    private static void row(StringBuilder out, String name, long nanos, long records) {
        double s = nanos / 1e9;
        out.append(String.format(Locale.ROOT, "%-14s %10.3f %14s%n", name, s,
                s > 0 ? String.format(Locale.ROOT, "%,.0f", records / s) : "-"));
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints stage progress with the elapsed time, about every 10 %. */
    static final class StderrProgress implements ProgressListener {
        private final long start = System.nanoTime();
        private final java.util.concurrent.ConcurrentHashMap<String, Long> last = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onProgress(String stage, long done, long total) {
            long decile = total > 0 ? done * 10 / total : done;
            Long before = last.put(stage, decile);
            if (before == null || before != decile) {
                System.err.printf(Locale.ROOT, "%8.2f s  %s %,d/%,d%n", (System.nanoTime() - start) / 1e9, stage, done,
                        total);
            }
        }
    }
}
