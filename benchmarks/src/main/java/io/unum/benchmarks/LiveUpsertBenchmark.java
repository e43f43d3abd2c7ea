package io.unum.benchmarks;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one live {@code IdentityGraph.upsert} of a new customer record into a graph
 * holding about {@code resident} generated records — blocking-key look-up (candidate generation
 * against the resident index), scoring, re-clustering of the touched component and the golden
 * profile, i.e. the whole live path. JMH sample mode gives p50, p99 and p99.9.
 *
 * <p>Workload: generated customer data of about {@code resident / 0.9} records (seed 42, cached
 * on disk by {@link GeneratedData}); a seeded 10 % of the records is held out, the other 90 %
 * (about {@code resident}) are upserted in one batch at set-up. Each operation upserts the next
 * held-out record — another record of a person who mostly already has records in the graph, so
 * upserts link and merge as in production. After every iteration the records it upserted are
 * deleted (untimed), so each iteration starts from the same resident set; the next iteration
 * goes on with the following held-out records (so slow upserts are not the same record again
 * and again). When the held-out records run out they are reused, as new inserts again (they
 * were deleted), and the tear-down says so.
 *
 * <ul>
 *   <li>{@code rules=customer}: the CLI's configuration ({@link UnumSetup}) with a model trained
 *       on the resident records.</li>
 *   <li>{@code rules=customer-handset}: the same rules with their hand-set m/u (no training).</li>
 *   <li>{@code rules=email}: baseline — one deterministic e-mail rule, no features, no
 *       probabilistic scoring: the engine's fixed cost per upsert.</li>
 * </ul>
 *
 * <p>{@link #candidates()} measures candidate generation alone on the same graph and held-out
 * records: {@code IdentityGraph.candidates(record)} — the record's features and blocking keys,
 * the look-up of each key in the resident index and the distinct members of the blocks it
 * would share (sorted keys), nothing inserted. The tear-down prints the candidates per record.
 *
 * <p>Set-up resolves the resident records once per benchmark method (minutes at a million). Run:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LiveUpsertBenchmark -p resident=1000000
 * java -jar benchmarks/target/benchmarks.jar 'LiveUpsertBenchmark.candidates' -p resident=1000000 -p rules=customer
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx14g"})
public class LiveUpsertBenchmark {

    @Param({"1000000"})
    public int resident;

    @Param({"customer", "customer-handset", "email"})
    public String rules;

    private IdentityGraph graph;
    private List<SourceRecord> incoming;
    private final List<RecordKey> upserted = new ArrayList<>();
    private int next;
    private boolean wrapped;
    private long lookups;
    private long candidatesFound;

    @Setup(Level.Trial)
    public void setUp() {
        long people = GeneratedData.peopleFor(Math.round(resident / 0.9));
        Path dir = GeneratedData.ensure(GeneratedData.cacheRoot(), people, 42);
        List<SourceRecord> all = GeneratedData.records(dir);
        Random random = new Random(42);
        List<SourceRecord> initial = new ArrayList<>(all.size());
        incoming = new ArrayList<>(all.size() / 9);
        for (SourceRecord record : all) {
            (random.nextInt(10) == 0 ? incoming : initial).add(record);
        }
        Collections.shuffle(incoming, random);
        all = null;
        Resolver resolver;
        if ("email".equals(rules)) {
            resolver = Resolver.newBuilder().rule(MatchRule.deterministic("email", IdentifierType.EMAIL)).build();
        } else if ("customer".equals(rules)) {
            Resolver base = UnumSetup.untrained(Runtime.getRuntime().availableProcessors());
            resolver = base.withModel(UnumSetup.train(base, initial));
        } else if ("customer-handset".equals(rules)) {
            resolver = UnumSetup.untrained(Runtime.getRuntime().availableProcessors());
        } else {
            throw new IllegalArgumentException("rules must be customer, customer-handset or email, was " + rules);
        }
        long start = System.nanoTime();
        graph = resolver.newGraph();
        graph.upsertAll(initial);
        System.out.printf("%n%,d resident records (%,d profiles) loaded in %.1f s; %,d held out for upserts%n",
                graph.size(), graph.profileCount(), (System.nanoTime() - start) / 1e9, incoming.size());
    }

    @TearDown(Level.Iteration)
    public void removeUpserted() {
        int count = upserted.size();
        graph.deleteAll(new ArrayList<>(upserted));
        upserted.clear();
        String found = lookups == 0 ? "" : String.format("; %,d look-ups, %.1f candidates per record",
                lookups, (double) candidatesFound / lookups);
        System.out.printf("(%,d upserts this iteration%s%s; graph back to %,d records)%n", count,
                wrapped ? ", the held-out records were reused from the first" : "", found, graph.size());
        wrapped = false;
        lookups = 0;
        candidatesFound = 0;
    }

    /** Candidate generation alone for the next held-out record; nothing is inserted. */
    @Benchmark
    public Object candidates() {
        if (next == incoming.size()) {
            next = 0;
            wrapped = true;
        }
        List<RecordKey> found = graph.candidates(incoming.get(next++));
        lookups++;
        candidatesFound += found.size();
        return found;
    }

    @Benchmark
    public Object upsert() {
        if (next == incoming.size()) {
            next = 0;
            wrapped = true;
        }
        SourceRecord record = incoming.get(next++);
        upserted.add(record.key());
        return graph.upsert(record);
    }
}
