package io.unum.benchmarks;

import io.unum.matchers.compare.Comparators;
import io.unum.matchers.compare.EditDistances;
import io.unum.matchers.phonetic.Phonetics;
import io.unum.spi.FieldComparator;
import io.unum.spi.Normalizer;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaccardSimilarity;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
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
 * Comparator kernels — Jaro–Winkler, Levenshtein (unbounded and bounded at 2), Jaccard and
 * Double Metaphone — of {@code unum-matchers}, each next to its Apache Commons baseline
 * (commons-text for the string similarities, commons-codec for Double Metaphone), on the same
 * seeded, realistic pairs ({@link StringPairs}: given names, family names or e-mail addresses
 * from generated customer records, normalized as the customer rules' features are).
 *
 * <p>One operation is one comparison of the next pair of a fixed array of 4,096 pairs (the
 * index arithmetic and two array loads are in every variant). Results are returned, so JMH
 * consumes them.
 *
 * <ul>
 *   <li>{@code jaroWinkler_*}: similarity; Unum's equals commons-text's bit for bit.</li>
 *   <li>{@code levenshtein_*}: the distance, unbounded.</li>
 *   <li>{@code levenshteinBounded_*}: the distance if at most 2, else -1 (commons-text
 *       {@code new LevenshteinDistance(2)}).</li>
 *   <li>{@code jaccard_*}: <b>not the same measure</b>: Unum's is over multisets of padded
 *       bigrams ({@code jaccardQGrams(2)}, what a rule would use) and over tokens; commons-text's
 *       {@code JaccardSimilarity} is over the <em>sets of characters</em>. Shown for the cost
 *       of a set-overlap comparison, not as a like-for-like race.</li>
 *   <li>{@code doubleMetaphone_*}: whether two values sound alike; Unum's comparator encodes
 *       every word of both values (folding, word split) per call, the commons-codec baseline
 *       {@code isDoubleMetaphoneEqual} one word each. {@code doubleMetaphoneEncode_*} is the
 *       per-record feature computation (Unum's normalizer stage vs the codec's encoder).</li>
 * </ul>
 *
 * <p>Run (allocation per operation in {@code gc.alloc.rate.norm}):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ComparatorBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ComparatorBenchmark {

    private static final int PAIRS = 4096;
    private static final int MASK = PAIRS - 1;

    @Param({"GIVEN", "FAMILY", "EMAIL"})
    public String values;

    private String[] pairs;
    private int next;

    private final FieldComparator unumJaroWinkler = Comparators.jaroWinkler();
    private final FieldComparator unumJaccardBigrams = Comparators.jaccardQGrams(2);
    private final FieldComparator unumJaccardTokens = Comparators.jaccardTokens();
    private final FieldComparator unumDoubleMetaphone = Comparators.doubleMetaphone();
    private final Normalizer unumDoubleMetaphoneEncoder = Phonetics.doubleMetaphone();
    private final JaroWinklerSimilarity commonsJaroWinkler = new JaroWinklerSimilarity();
    private final LevenshteinDistance commonsLevenshtein = LevenshteinDistance.getDefaultInstance();
    private final LevenshteinDistance commonsLevenshteinBounded = new LevenshteinDistance(2);
    private final LevenshteinDistance commonsLevenshteinOneTypo = new LevenshteinDistance(1);
    private final JaccardSimilarity commonsJaccard = new JaccardSimilarity();
    private final DoubleMetaphone codecDoubleMetaphone = new DoubleMetaphone();

    @Setup(Level.Trial)
    public void setUp() {
        pairs = StringPairs.pairs(StringPairs.Kind.valueOf(values), PAIRS, 42);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & MASK;
        return 2 * i;
    }

    @Benchmark
    public double jaroWinkler_unum() {
        int i = nextIndex();
        return unumJaroWinkler.compare(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public double jaroWinkler_commonsText() {
        int i = nextIndex();
        return commonsJaroWinkler.apply(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public int levenshtein_unum() {
        int i = nextIndex();
        return EditDistances.levenshtein(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public int levenshtein_commonsText() {
        int i = nextIndex();
        return commonsLevenshtein.apply(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public int levenshteinBounded_unum() {
        int i = nextIndex();
        return EditDistances.levenshtein(pairs[i], pairs[i + 1], 2);
    }

    @Benchmark
    public int levenshteinBounded_commonsText() {
        int i = nextIndex();
        return commonsLevenshteinBounded.apply(pairs[i], pairs[i + 1]);
    }

    /** "One typo" (bound 1), as the phone, date and id comparisons ask it: the scan, no bit vectors. */
    @Benchmark
    public int oneTypo_unum() {
        int i = nextIndex();
        return EditDistances.damerauLevenshtein(pairs[i], pairs[i + 1], 1);
    }

    /** The same bound through the bit-parallel distance (bound 2 cannot take the scan). */
    @Benchmark
    public int twoTypos_unum() {
        int i = nextIndex();
        return EditDistances.damerauLevenshtein(pairs[i], pairs[i + 1], 2);
    }

    @Benchmark
    public int oneTypo_commonsText() {
        int i = nextIndex();
        return commonsLevenshteinOneTypo.apply(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public double jaccard_unumBigrams() {
        int i = nextIndex();
        return unumJaccardBigrams.compare(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public double jaccard_unumTokens() {
        int i = nextIndex();
        return unumJaccardTokens.compare(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public double jaccard_commonsTextCharacters() {
        int i = nextIndex();
        return commonsJaccard.apply(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public double doubleMetaphone_unum() {
        int i = nextIndex();
        return unumDoubleMetaphone.compare(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public boolean doubleMetaphone_commonsCodec() {
        int i = nextIndex();
        return codecDoubleMetaphone.isDoubleMetaphoneEqual(pairs[i], pairs[i + 1]);
    }

    @Benchmark
    public String doubleMetaphoneEncode_unum() {
        int i = nextIndex();
        return unumDoubleMetaphoneEncoder.normalize(pairs[i]);
    }

    @Benchmark
    public String doubleMetaphoneEncode_commonsCodec() {
        int i = nextIndex();
        return codecDoubleMetaphone.doubleMetaphone(pairs[i]);
    }
}
