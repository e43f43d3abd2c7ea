package io.unum.benchmarks;

import io.unum.matchers.CustomerRules;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
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
 * Cost of computing the customer rules' features of one record, through the public API
 * ({@link PublicFeatures}: each feature's source reads a view of the record whose identifiers
 * the rules' identifier normalizers normalize, then the feature's normalizer runs) — the work of
 * the engine's {@code FEATURES} stage, feature by feature.
 *
 * <p>Workload: 8,192 records of 3,000 generated people (seed 5), shuffled with a fixed seed;
 * one operation featurizes the next record. {@code feature=all} computes every feature (one
 * view); any other value computes that feature alone (its own view, so identifier features
 * include normalizing that identifier type — e-mail rules, libphonenumber for phones).
 *
 * <p>The feature code paths (libphonenumber, date parsing, name tables) take the JIT a while:
 * with 2 s warm-up iterations the time per record was still falling after 5 s, hence 5 × 2 s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FeatureBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FeatureBenchmark {

    private static final int RECORDS = 8192;
    private static final int MASK = RECORDS - 1;

    @Param({"all", "given", "given_canonical", "given_initial", "name_pair", "name_set", "middle", "family",
        "family_dm", "suffix", "dob", "dob_year", "gender", "street", "postcode", "city", "address", "state", "email",
        "email_local", "phone", "national_id"})
    public String feature;

    private PublicFeatures features;
    private SourceRecord[] records;
    private int slot;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<SourceRecord> list = new ArrayList<>();
        for (CSVRecord row : GeneratedData.inMemory(3000, 5).rows()) {
            list.add(GeneratedData.toRecord(row));
        }
        Collections.shuffle(list, new Random(42));
        records = list.subList(0, RECORDS).toArray(new SourceRecord[0]);
        CustomerRules rules = UnumSetup.customerRules();
        features = new PublicFeatures(rules, rules.personRule());
        slot = "all".equals(feature) ? -1 : features.slot(feature);
        if (!"all".equals(feature) && slot < 0) {
            throw new IllegalArgumentException("no feature " + feature);
        }
    }

    @Benchmark
    public Object featurize() {
        SourceRecord record = records[next];
        next = (next + 1) & MASK;
        return slot < 0 ? features.featurize(record) : features.feature(record, slot);
    }
}
