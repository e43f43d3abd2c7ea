package io.unum.benchmarks;

import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per candidate pair for the default customer rules' probabilistic rule
 * ({@code CustomerRules.personRule()}, hand-set m/u), on real candidate pairs.
 *
 * <p>Workload: 10,000 generated people (about 29,500 records, seed 11) are resolved once with
 * the CLI's configuration, and every candidate pair the engine scores is offered to a seeded
 * reservoir of 16,384 pairs ({@code Resolver.candidatePairs}), so the mix of near-matches and
 * non-matches is the blocking's own. Each record is featurized once, through the public API
 * ({@link PublicFeatures}); one operation scores the next pair of the array.
 *
 * <ul>
 *   <li>{@code personRule}: the rule's comparisons, walking each comparison's levels to the
 *       first that holds and summing the level weights — the scoring kernel, without the
 *       engine's data layout, term frequencies or edge bookkeeping. The engine's own figure is
 *       the {@code SCORING} stage time divided by candidate pairs, printed by
 *       {@link EndToEnd}.</li>
 *   <li>{@code baselineExactOnly}: the same loop and data, one {@code String.equals} per
 *       comparison — what the comparators add is the difference.</li>
 *   <li>{@code oneComparison}: one comparison of the rule alone ({@code comparison} parameter,
 *       by its position in the rule), to see where the rule's time and allocation go.</li>
 *   <li>{@code duke}: Duke's {@code Processor.compare} on the same pairs, as Duke records
 *       configured by {@link DukeSetup} (cleaned once; Duke compares raw cleaned strings per
 *       pair).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PairScoringBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PairScoringBenchmark {

    private static final int PAIRS = 16_384;
    private static final int MASK = PAIRS - 1;

    private PublicFeatures scorer;
    private String[][] first;
    private String[][] second;
    private Record[] dukeFirst;
    private Record[] dukeSecond;
    private Processor duke;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedData.InMemory data = GeneratedData.inMemory(10_000, 11);
        List<SourceRecord> records = new ArrayList<>(data.rows().size());
        Map<RecordKey, SourceRecord> byKey = new HashMap<>();
        Map<RecordKey, CSVRecord> rows = new HashMap<>();
        for (CSVRecord row : data.rows()) {
            SourceRecord record = GeneratedData.toRecord(row);
            records.add(record);
            byKey.put(record.key(), record);
            rows.put(record.key(), row);
        }
        Resolver resolver = UnumSetup.untrained(Runtime.getRuntime().availableProcessors());
        RecordKey[][] sample = new RecordKey[PAIRS][];
        Random random = new Random(42);
        long[] seen = {0};
        resolver.candidatePairs(records, (a, b, rule, weight, probability) -> {
            long i = seen[0]++;
            if (i < PAIRS) {
                sample[(int) i] = new RecordKey[] {a, b};
            } else {
                long j = (long) (random.nextDouble() * (i + 1));
                if (j < PAIRS) {
                    sample[(int) j] = new RecordKey[] {a, b};
                }
            }
        });
        if (seen[0] < PAIRS) {
            throw new IllegalStateException("only " + seen[0] + " candidate pairs");
        }
        CustomerRules rules = UnumSetup.customerRules();
        scorer = new PublicFeatures(rules, rules.personRule());
        Map<RecordKey, String[]> features = new HashMap<>();
        Map<RecordKey, Record> dukeRecords = new HashMap<>();
        first = new String[PAIRS][];
        second = new String[PAIRS][];
        dukeFirst = new Record[PAIRS];
        dukeSecond = new Record[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            RecordKey a = sample[i][0];
            RecordKey b = sample[i][1];
            first[i] = features.computeIfAbsent(a, k -> scorer.featurize(byKey.get(k)));
            second[i] = features.computeIfAbsent(b, k -> scorer.featurize(byKey.get(k)));
            dukeFirst[i] = dukeRecords.computeIfAbsent(a, k -> DukeSetup.toRecord(rows.get(k)));
            dukeSecond[i] = dukeRecords.computeIfAbsent(b, k -> DukeSetup.toRecord(rows.get(k)));
        }
        duke = new Processor(DukeSetup.configuration(DukeSetup.DEFAULT_MAX_SEARCH_HITS));
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & MASK;
        return i;
    }

    @Benchmark
    public double personRule() {
        int i = nextIndex();
        return scorer.score(first[i], second[i]);
    }

    /** Selects one comparison of the rule by name. */
    @State(Scope.Thread)
    public static class One {
        @Param({"given", "family", "middle", "suffix", "dob", "gender", "address", "state", "email", "phone",
            "national_id"})
        public String comparison;

        int index;

        @Setup(Level.Trial)
        public void setUp() {
            List<io.unum.rules.Comparison> comparisons = UnumSetup.customerRules().personRule().comparisons();
            index = -1;
            for (int c = 0; c < comparisons.size(); c++) {
                if (comparisons.get(c).name().equals(comparison)) {
                    index = c;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("no comparison " + comparison);
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double oneComparison(One one) {
        int i = nextIndex();
        return scorer.scoreOne(first[i], second[i], one.index);
    }

    @Benchmark
    public double baselineExactOnly() {
        int i = nextIndex();
        return scorer.scoreExactOnly(first[i], second[i]);
    }

    @Benchmark
    public double duke() {
        int i = nextIndex();
        return duke.compare(dukeFirst[i], dukeSecond[i]);
    }
}
