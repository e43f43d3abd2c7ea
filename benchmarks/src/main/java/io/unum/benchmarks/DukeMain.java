package io.unum.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Duke 1.2 as a whole process, the peer of {@code ./unum resolve}: reads one generated
 * {@code records.csv}, deduplicates it with exactly the configuration of {@link SideBySide}
 * ({@link DukeSetup}: cleaners, comparators, probabilities, threshold, Lucene in memory with a
 * bounded number of hits) and writes {@code DIR/clusters.csv} ({@code record_id,profile_id},
 * every input row once, in input order) and {@code DIR/time.txt} ({@code key=value}: seconds per
 * phase, comparisons, match pairs, profiles). Meant to be timed from outside, from JVM start to
 * the last byte written, as {@code tools/side-by-side.sh} does.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.DukeMain \
 *     --input /tmp/sbs220k/records.csv --out /tmp/sbs220k-duke
 * </pre>
 *
 * <p>Options: {@code --input FILE} (the generator's columns; required), {@code --out DIR}
 * (required; created if needed), {@code --threads T} (default available processors),
 * {@code --max-search-hits H} (default {@value DukeSetup#DEFAULT_MAX_SEARCH_HITS}).
 *
 * <p>Clusters: Duke reports match pairs to a listener; the transitive closure of those pairs
 * (union-find, as a Duke link database followed by connected components would give) is the
 * clustering. A cluster is named {@code duke-} plus the record id of its first record in input
 * order. {@code record_id} is written as read, or as {@code source/record_id} for every row when
 * an id occurs in two sources — as {@code unum resolve} writes it.
 */
public final class DukeMain {

    private DukeMain() {
    }

    public static void main(String[] args) throws IOException {
        Path input = null;
        Path out = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxHits = DukeSetup.DEFAULT_MAX_SEARCH_HITS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--max-search-hits" -> maxHits = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --input FILE --out DIR [--threads T] [--max-search-hits H]");
            }
        }
        if (input == null || out == null) {
            throw new IllegalArgumentException("--input FILE and --out DIR are required");
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("--input is not a readable file: " + input);
        }
        if (threads < 1 || maxHits < 1) {
            throw new IllegalArgumentException("--threads and --max-search-hits must be at least 1, were " + threads
                    + " and " + maxHits);
        }
        Files.createDirectories(out);
        Map<String, String> times = run(input, out, threads, maxHits);
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        times.put("wall_seconds_since_jvm_start",
                String.format(Locale.ROOT, "%.2f", (System.currentTimeMillis() - startMillis) / 1e3));
        StringBuilder text = new StringBuilder();
        times.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(out.resolve("time.txt"), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Reads, deduplicates and writes clusters.csv; returns the counts and phase times. */
    static Map<String, String> run(Path input, Path out, int threads, int maxHits) throws IOException {
        long t0 = System.nanoTime();
        List<Record> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        GeneratedData.forEachRowOf(input, row -> {
            records.add(DukeSetup.toRecord(row));
            ids.add(row.get("record_id"));
            sources.add(row.get("source"));
        });
        Map<String, Integer> index = new HashMap<>(records.size() * 2);
        for (Record r : records) {
            if (index.putIfAbsent(r.getValue("ID"), index.size()) != null) {
                throw new IllegalArgumentException("record " + r.getValue("ID") + " occurs twice in " + input);
            }
        }
        long t1 = System.nanoTime();

        DukeSetup.Deduplicated duke = DukeSetup.deduplicate(records, index, threads, maxHits);
        SideBySide.UnionFind clusters = duke.clusters();
        long comparisons = duke.comparisons();
        long t2 = System.nanoTime();

        int n = records.size();
        boolean qualify = new HashSet<>(ids).size() < n;
        int[] first = new int[n]; // root -> first record (input order) of its cluster, plus one
        int profiles = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out.resolve("clusters.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            csv.printRecord("record_id", "profile_id");
            for (int i = 0; i < n; i++) {
                int root = clusters.find(i);
                if (first[root] == 0) {
                    first[root] = i + 1;
                    profiles++;
                }
                csv.printRecord(qualify ? sources.get(i) + "/" + ids.get(i) : ids.get(i),
                        "duke-" + ids.get(first[root] - 1));
            }
        }
        long t3 = System.nanoTime();

        Map<String, String> result = new LinkedHashMap<>();
        result.put("read_seconds", seconds(t1 - t0));
        result.put("deduplicate_seconds", seconds(t2 - t1));
        result.put("write_seconds", seconds(t3 - t2));
        result.put("records", Integer.toString(n));
        result.put("comparisons", Long.toString(comparisons));
        result.put("match_pairs", Long.toString(duke.matchPairs()));
        result.put("profiles", Integer.toString(profiles));
        result.put("threads", Integer.toString(threads));
        result.put("max_search_hits", Integer.toString(maxHits));
        result.put("threshold", Double.toString(DukeSetup.THRESHOLD));
        result.put("duke_version", dukeVersion());
        result.put("java_version", System.getProperty("java.version"));
        result.put("max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        return result;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    /** Duke's version from its Maven metadata (kept in the shaded jar), else "unknown". */
    private static String dukeVersion() {
        try (InputStream in = Processor.class.getResourceAsStream(
                "/META-INF/maven/no.priv.garshol.duke/duke/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
