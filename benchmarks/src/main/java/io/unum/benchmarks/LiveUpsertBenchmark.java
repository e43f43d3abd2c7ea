package io.unum.benchmarks;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one live {@code upsert} into a graph holding {@code resident} records, with
 * deterministic e-mail linking (a first, engine-only benchmark; the benchmarks issue adds the
 * customer rules and the full suite).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LiveUpsertBenchmark -bm sample}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class LiveUpsertBenchmark {

    @Param({"100000"})
    public int resident;

    private IdentityGraph graph;
    private List<SourceRecord> incoming;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Resolver resolver = Resolver.newBuilder()
                .rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .build();
        graph = resolver.newGraph();
        Random random = new Random(42);
        List<SourceRecord> initial = new ArrayList<>(resident);
        for (int i = 0; i < resident; i++) {
            initial.add(record("r" + i, random));
        }
        graph.upsertAll(initial);
        incoming = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            incoming.add(record("n" + i, random));
        }
    }

    private SourceRecord record(String id, Random random) {
        return SourceRecord.builder("shop", id)
                .attribute(Attributes.FIRST_NAME, "name" + random.nextInt(5000))
                .identifier(IdentifierType.EMAIL, "person" + random.nextInt(Math.max(1, resident)) + "@example.com")
                .build();
    }

    @Benchmark
    public Object upsert() {
        SourceRecord record = incoming.get(next++ % incoming.size());
        return graph.upsert(record);
    }
}
