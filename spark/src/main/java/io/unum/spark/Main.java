package io.unum.spark;

import io.unum.EngineSpec;
import io.unum.OversizedBlock;
import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.training.TrainingOptions;
import io.unum.training.TrainedModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code unum resolve --spark MASTER}: the command line's resolve as a Spark application, and the
 * main class for {@code spark-submit}. Options:
 * <pre>
 * --input PATH        a CSV file with a header row, a Parquet file, or a directory of either
 *                     (repeatable); columns by the command line's recognised headers
 * --out DIR           output directory: clusters/ (CSV: source,record_id,profile_id),
 *                     profiles/ (JSON lines, the fields of profiles.jsonl), issues/ (CSV)
 * --spark MASTER      the Spark master (local[2], yarn, spark://…); spark-submit sets it instead
 * --model MODEL.json  a trained model; without it the job trains on a seeded sample
 * --save-model FILE   write the model trained on the sample here
 * --no-train          use the rules' hand-set m and u values
 * --train-sample N    rows in the training sample (default 300000)
 * --block-size-cap N  the engine's block size cap (default: the engine's)
 * --partitions N      shuffle partitions (default: the session's spark.sql.shuffle.partitions,
 *                     8 with a local master)
 * </pre>
 * A user error prints one line naming the option and what was expected, and exits with 2.
 */
public final class Main {

    private Main() {
    }

    /** The parsed options. */
    record Options(List<String> inputs, String out, String master, Path model, Path saveModel, boolean noTrain,
            int trainSample, Integer blockSizeCap, Integer partitions) {
    }

    /** Runs the command; exits with 0, or 2 on a user error. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("unum: " + e.getMessage());
            return 2;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("unum resolve");
        if (options.master() != null) {
            builder.master(options.master()).config("spark.ui.enabled", "false")
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/unum-spark-warehouse");
        }
        if (options.master() != null && options.master().startsWith("local")) {
            // a local run serves nothing beyond this machine
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        JobMetrics metrics = new JobMetrics();
        spark.sparkContext().addSparkListener(metrics);
        try {
            if (options.partitions() != null) {
                spark.conf().set("spark.sql.shuffle.partitions", options.partitions().toString());
            } else if (options.master() != null && options.master().startsWith("local")) {
                // Spark's default of 200 shuffle partitions is made for clusters; a local run of
                // a few cores is faster with a few
                spark.conf().set("spark.sql.shuffle.partitions", "8");
            }
            Dataset<Row> records = read(spark, options.inputs());
            // the command line's default configuration: US phone region, month-first dates
            CustomerRules rules = CustomerRules.builder().defaultRegion("US").dateOrder(DateNormalizer.DayMonthOrder.MONTH_FIRST)
                    .build();
            Resolver.Builder resolver = Resolver.newBuilder().ruleSet(rules);
            if (options.blockSizeCap() != null) {
                resolver.blockSizeCap(options.blockSizeCap());
            }
            EngineSpec spec = resolver.build().spec();
            if (options.model() != null) {
                spec = Resolver.newBuilder(spec).build().withModel(TrainedModel.read(options.model())).spec();
            } else if (!options.noTrain()) {
                long t0 = System.nanoTime();
                TrainingOptions.Builder training = TrainingOptions.newBuilder().maxRecords(options.trainSample());
                rules.trainingPasses().forEach(training::pass);
                TrainedModel model = UnumSpark.train(records, spec, training.build());
                out.printf(Locale.ROOT, "stage %-10s %8.1f s (sample of at most %d rows, on the driver)%n", "training",
                        (System.nanoTime() - t0) / 1e9, options.trainSample());
                if (options.saveModel() != null) {
                    model.write(options.saveModel());
                }
                spec = Resolver.newBuilder(spec).build().withModel(model).spec();
            }
            long[] shuffled = {0};
            SparkResolution result = UnumSpark.resolve(records, spec, (stage, time) -> {
                long written = metrics.shuffleWritten.get();
                err.printf(Locale.ROOT, "stage %-14s done in %8.1f s; shuffle written in it %.1f MB, heap peak so far %.0f MB%n",
                        stage, time.toMillis() / 1000.0, (written - shuffled[0]) / 1e6, JobMetrics.peakHeapBytes() / 1e6);
                shuffled[0] = written;
            });
            String dir = options.out();
            result.clusters().write().mode(SaveMode.Overwrite).option("header", "true").csv(dir + "/clusters");
            result.profiles().write().mode(SaveMode.Overwrite).json(dir + "/profiles");
            result.issues().write().mode(SaveMode.Overwrite).option("header", "true").csv(dir + "/issues");
            SparkStatistics stats = result.statistics();
            for (Row row : result.issues().groupBy("field", "problem", "action").count().orderBy("field", "problem")
                    .collectAsList()) {
                err.println("issue: " + row.getLong(3) + " x " + row.getString(0) + ": " + row.getString(1) + " -> "
                        + row.getString(2));
            }
            for (OversizedBlock block : stats.oversizedBlocks()) {
                err.println("note: " + block.size() + " records share one value of blocking key " + block.key()
                        + " (rule " + block.rule() + ", fingerprint " + block.fingerprint() + "); not compared through it");
            }
            out.printf(Locale.ROOT, "Resolved %d records into %d profiles (%d candidate pairs, %d links, %d generic"
                    + " values; largest component %d records).%n", stats.records(), stats.profiles(), stats.candidatePairs(),
                    stats.links(), stats.genericValues(), stats.largestComponents().isEmpty() ? 0 : stats.largestComponents().get(0));
            for (Map.Entry<String, java.time.Duration> t : stats.stageTimes().entrySet()) {
                out.printf(Locale.ROOT, "stage %-14s %8.1f s%n", t.getKey(), t.getValue().toMillis() / 1000.0);
            }
            out.printf(Locale.ROOT, "shuffle written %.1f MB, read %.1f MB; largest task peak execution memory %.1f MB;"
                    + " driver JVM peak heap %.0f MB (the executor's too with a local master); %d tasks%n",
                    metrics.shuffleWritten.get() / 1e6, metrics.shuffleRead.get() / 1e6,
                    metrics.peakTaskExecutionMemory.get() / 1e6, JobMetrics.peakHeapBytes() / 1e6, metrics.tasks.get());
            out.println("Wrote " + dir + "/clusters, " + dir + "/profiles and " + dir + "/issues");
            return 0;
        } catch (IOException e) {
            err.println("unum: cannot read or write the model: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("unum: " + e.getMessage());
            return 2;
        } finally {
            if (options.master() != null) {
                spark.stop();
            }
        }
    }

    /** Reads CSV (with a header row, every column as text) or Parquet inputs into one dataset. */
    static Dataset<Row> read(SparkSession spark, List<String> inputs) {
        Dataset<Row> all = null;
        for (String input : inputs) {
            Path path = Path.of(input);
            boolean parquet = input.endsWith(".parquet") || (Files.isDirectory(path) && containsParquet(path));
            Dataset<Row> one = parquet ? spark.read().parquet(input)
                    : spark.read().option("header", "true").option("inferSchema", "false").csv(input);
            for (String column : one.columns()) {
                one = one.withColumn(column, functions.col(column).cast("string"));
            }
            all = all == null ? one : all.unionByName(one, true);
        }
        return all;
    }

    private static boolean containsParquet(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }

    static Options parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String out = null;
        String master = null;
        Path model = null;
        Path saveModel = null;
        boolean noTrain = false;
        int trainSample = 300_000;
        Integer cap = null;
        Integer partitions = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "resolve" -> { } // "unum resolve --spark …" passes the command name along
                case "--no-train" -> noTrain = true;
                case "--input", "-i" -> inputs.add(value(args, ++i, a));
                case "--out", "-o" -> out = value(args, ++i, a); // a path or a URI Spark writes to
                case "--spark" -> master = value(args, ++i, a);
                case "--model" -> model = Path.of(value(args, ++i, a));
                case "--save-model" -> saveModel = Path.of(value(args, ++i, a));
                case "--train-sample" -> trainSample = positive(args, ++i, a);
                case "--block-size-cap" -> cap = positive(args, ++i, a);
                case "--partitions" -> partitions = positive(args, ++i, a);
                default -> throw new IllegalArgumentException(a + ": unknown option; expected one of --input, --out,"
                        + " --spark, --model, --save-model, --no-train, --train-sample, --block-size-cap, --partitions");
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--input: expected a CSV or Parquet file or directory");
        }
        for (String input : inputs) {
            if (!input.contains("://") && !Files.exists(Path.of(input))) {
                throw new IllegalArgumentException("--input " + Path.of(input).getFileName()
                        + ": no such file or directory");
            }
        }
        return new Options(List.copyOf(inputs), out == null ? "out" : out, master, model, saveModel, noTrain,
                trainSample, cap, partitions);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + ": expected a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": expected a positive whole number");
    }
}
