package io.unum.spark;

import io.unum.DistributedStages;
import io.unum.EngineSpec;
import io.unum.InputIssue;
import io.unum.OversizedBlock;
import io.unum.Resolution;
import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Resolves records on Apache Spark with the same {@link EngineSpec}, and the same result, as
 * {@link io.unum.Resolver#resolve}: the same partition into profiles and the same profile ids.
 *
 * <h2>The job</h2>
 * <ol>
 *   <li><b>features</b>: each partition maps its rows to records (the command line's recognised
 *       headers, see {@link #resolve(Dataset, EngineSpec)}) and featurizes them with the kernel's
 *       featurizer, keeping each record's blocking keys and input issues; duplicate keys keep
 *       one row (the greatest by content) and are reported;</li>
 *   <li><b>generic values</b>: each identifier value's holders counted over the whole data set
 *       and, unless the count decides, judged by the engine's own function
 *       ({@link DistributedStages#generic}); each record then carries the generic values it holds
 *       (see {@code genericValues} below);</li>
 *   <li><b>node ids</b>: records sorted by key and numbered in that order (never by
 *       {@code monotonically_increasing_id}, which depends on partitioning);</li>
 *   <li><b>blocks</b>: block keys exploded and counted; blocks over their cap (the same caps)
 *       are oversized, collected on the driver and broadcast; from here on the featurizer drops
 *       their keys ({@link DistributedStages#keeping}), so every shared key makes a candidate;</li>
 *   <li><b>scoring</b>: each probabilistic block within its cap scores the pairs for which it
 *       is the smallest shared key (each candidate pair once) with the kernel's scorer, the two
 *       records' generic values counting as missing; a deterministic block whose value is not
 *       generic links its members (a star around its smallest node);</li>
 *   <li><b>components</b>: connected components of the links by large-star/small-star
 *       ({@link ConnectedComponents});</li>
 *   <li><b>profiles</b>: records are partitioned by component and each partition is resolved by
 *       the kernel ({@link DistributedStages#resolve}), told its records' generic values
 *       ({@link DistributedStages#knowingGenericValues}): clustering with merge protection inside
 *       each component, profile ids from the founding record, survivorship. A partition holds
 *       whole components, so it resolves exactly as the whole data set does.</li>
 * </ol>
 * Each stage is materialized (cached) before the next, so that its wall time can be reported.
 *
 * <p>Skew: a component is clustered by one task. Merge protection bounds profiles, not
 * components, so a chain of links can make a giant component; the statistics report the
 * largest components so that a run can see it.
 *
 * <p>Thread-safety: stateless; call from the driver thread that owns the session.
 */
public final class UnumSpark {

    private UnumSpark() {
    }

    /** The schema of {@link SparkResolution#clusters()}. */
    public static final StructType CLUSTERS = new StructType(new StructField[] {
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("record_id", DataTypes.StringType, false),
        DataTypes.createStructField("profile_id", DataTypes.StringType, false)});

    /** The schema of {@link SparkResolution#issues()}. */
    public static final StructType ISSUES = new StructType(new StructField[] {
        DataTypes.createStructField("source", DataTypes.StringType, true),
        DataTypes.createStructField("record_id", DataTypes.StringType, true),
        DataTypes.createStructField("field", DataTypes.StringType, true),
        DataTypes.createStructField("problem", DataTypes.StringType, false),
        DataTypes.createStructField("action", DataTypes.StringType, false)});

    private static final StructType GOLDEN = new StructType(new StructField[] {
        DataTypes.createStructField("value", DataTypes.StringType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("record", DataTypes.StringType, false),
        DataTypes.createStructField("observed_at", DataTypes.StringType, false),
        DataTypes.createStructField("rule", DataTypes.StringType, false)});

    /** The schema of {@link SparkResolution#profiles()}: the fields of {@code profiles.jsonl}. */
    public static final StructType PROFILES = new StructType(new StructField[] {
        DataTypes.createStructField("profile_id", DataTypes.StringType, false),
        DataTypes.createStructField("version", DataTypes.LongType, false),
        DataTypes.createStructField("records", DataTypes.createArrayType(new StructType(new StructField[] {
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("id", DataTypes.StringType, false)}), false), false),
        DataTypes.createStructField("identifiers", DataTypes.createArrayType(new StructType(new StructField[] {
            DataTypes.createStructField("type", DataTypes.StringType, false),
            DataTypes.createStructField("value", DataTypes.StringType, false)}), false), false),
        DataTypes.createStructField("attributes", DataTypes.createMapType(DataTypes.StringType,
            DataTypes.createArrayType(GOLDEN, false), false), false)});

    /**
     * Resolves the rows of {@code records} with the engine {@code spec} describes, using the
     * session's {@code spark.sql.shuffle.partitions} partitions for every shuffle.
     *
     * <p>Columns by the command line's recognised headers: {@code record_id} (or {@code id}),
     * {@code source}, {@code observed_at} (ISO-8601), identifier columns ({@code email},
     * {@code phone}, {@code customer_id}, {@code loyalty_id}, {@code device_id},
     * {@code cookie_id}, {@code national_id}, {@code social_<network>}, {@code <network>_handle},
     * each optionally suffixed {@code _2}, {@code _3}, …), {@code person_id} ignored, any other
     * column an attribute of its name. Values are read as text; a row without a source takes
     * the source {@code "input"}.
     *
     * @throws IllegalArgumentException if there is no {@code record_id} or {@code id} column, or
     *     the spec names a rule set no provider on the class path makes
     */
    public static SparkResolution resolve(Dataset<Row> records, EngineSpec spec) {
        return resolve(records, spec, (stage, time) -> { });
    }

    /**
     * {@link #resolve(Dataset, EngineSpec)}, telling {@code stageDone} each stage's name and wall
     * time as the stage finishes (on the calling thread), e.g. to follow a long run.
     */
    public static SparkResolution resolve(Dataset<Row> records, EngineSpec spec,
            java.util.function.BiConsumer<String, Duration> stageDone) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(stageDone, "stageDone");
        SparkSession session = records.sparkSession();
        int partitions = Integer.parseInt(session.conf().get("spark.sql.shuffle.partitions"));
        return new Job(session, spec, partitions, stageDone).run(records);
    }

    /**
     * Trains the spec's probabilistic rules on a seeded sample of the rows, on the driver, with
     * the engine's own trainer ({@link io.unum.Resolver#train}); the model has the JSON format the
     * command line reads and writes ({@code --model}, {@code --save-model}).
     *
     * <p>The sample: each row whose record key's seeded 64-bit hash falls under
     * {@code sampleSize / rows} of the hash range, at most {@code sampleSize} rows (the smallest
     * hashes), given to the trainer in key order (it samples no further). It depends on the set of rows and the seed,
     * not on partitioning or order; a data set of at most {@code sampleSize} rows is trained on
     * whole, as the command line trains on its input. The driver holds the sample: 300,000 rows
     * (the trainer's own default cap) take about 300 MB.
     *
     * @param options the trainer's options: {@link io.unum.training.TrainingOptions#maxRecords()}
     *     is the sample size (default 300,000) and {@link io.unum.training.TrainingOptions#seed()}
     *     the sample's seed
     */
    public static io.unum.training.TrainedModel train(Dataset<Row> records, EngineSpec spec,
            io.unum.training.TrainingOptions options) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(spec, "spec");
        int sampleSize = options.maxRecords();
        long seed = options.seed();
        RecordColumns columns = new RecordColumns(List.of(records.columns()), "input");
        long rows = records.count();
        double fraction = Math.min(1.0, 1.2 * sampleSize / Math.max(1, rows));
        long threshold = fraction >= 1.0 ? Long.MAX_VALUE : (long) (fraction * Long.MAX_VALUE);
        List<Tuple2<Long, String[]>> picked = records.toJavaRDD()
                .map(UnumSpark::cells)
                .flatMap(cells -> {
                    RecordColumns.Mapped mapped = columns.map(cells);
                    if (mapped.record() == null) {
                        return java.util.Collections.<Tuple2<Long, String[]>>emptyIterator();
                    }
                    long h = sampleHash(mapped.record().key(), seed);
                    return h <= threshold ? List.of(new Tuple2<>(h, cells)).iterator()
                            : java.util.Collections.<Tuple2<Long, String[]>>emptyIterator();
                })
                .takeOrdered(sampleSize, new SampleOrder());
        List<SourceRecord> sample = new ArrayList<>(picked.size());
        for (Tuple2<Long, String[]> t : picked) {
            sample.add(columns.map(t._2()).record());
        }
        sample.sort(Comparator.comparing(SourceRecord::key));
        io.unum.Resolver resolver = io.unum.Resolver.newBuilder(spec).build();
        return resolver.train(sample, options);
    }

    /** Orders sampled rows by hash (serializable, for {@code takeOrdered}). */
    private static final class SampleOrder implements Comparator<Tuple2<Long, String[]>>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<Long, String[]> a, Tuple2<Long, String[]> b) {
            return Long.compare(a._1(), b._1());
        }
    }

    /** A non-negative seeded hash of a record key (FNV-1a over its UTF-16 units, then a 64-bit finalizer). */
    static long sampleHash(RecordKey key, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        String s = key.source() + '\u0000' + key.id();
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }

    /** One run: the driver's side of the job. */
    private static final class Job {
        private final SparkSession session;
        private final JavaSparkContext jsc;
        private final EngineSpec spec;
        private final int partitions;
        private final Map<String, Duration> times = new LinkedHashMap<>();
        private long mark = System.nanoTime();

        private final java.util.function.BiConsumer<String, Duration> stageDone;

        Job(SparkSession session, EngineSpec spec, int partitions, java.util.function.BiConsumer<String, Duration> stageDone) {
            this.session = session;
            this.jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
            this.spec = spec;
            this.partitions = Math.max(1, partitions);
            this.stageDone = stageDone;
        }

        private void stage(String name) {
            long now = System.nanoTime();
            Duration time = Duration.ofNanos(now - mark);
            times.put(name, time);
            mark = now;
            stageDone.accept(name, time);
        }

        SparkResolution run(Dataset<Row> records) {
            String runId = UUID.randomUUID().toString();
            RecordColumns columns = new RecordColumns(List.of(records.columns()), "input");
            DistributedStages driverStages = ExecutorStages.of(spec); // fails here, not on an executor, for a bad spec
            Instant now = driverStages.now();
            Broadcast<EngineSpec> bspec = jsc.broadcast(spec);

            // 1. features
            JavaRDD<Keyed> featured = records.toJavaRDD().mapPartitions(rows -> {
                DistributedStages stages = ExecutorStages.of(bspec.value());
                List<Keyed> out = new ArrayList<>();
                while (rows.hasNext()) {
                    out.add(featurize(stages, columns, cells(rows.next()), now));
                }
                return out.iterator();
            });
            JavaPairRDD<String, Tuple2<Keyed, Integer>> unique = featured
                    .mapToPair(k -> new Tuple2<>(k.sortKey(), new Tuple2<>(k, 1)))
                    .reduceByKey((a, b) -> new Tuple2<>(greater(a._1(), b._1()), a._2() + b._2()), partitions);
            unique.persist(StorageLevel.MEMORY_AND_DISK_SER());
            JavaRDD<Row> issues = unique.values().flatMap(t -> issueRows(t._1(), t._2()).iterator());
            issues.persist(StorageLevel.MEMORY_AND_DISK_SER());
            long issueCount = issues.count();
            long rejected = unique.values().filter(t -> !t._1().resolved()).count();
            stage("features");

            // 2. generic values, over the whole data set
            LongAccumulator genericCount = jsc.sc().longAccumulator("generic values");
            JavaPairRDD<String, Keyed> resolvedRecords = genericValues(unique, bspec, columns, now, genericCount);
            resolvedRecords.persist(StorageLevel.MEMORY_AND_DISK_SER());
            resolvedRecords.count();
            long genericValues = genericCount.value();
            unique.unpersist(false);
            stage("generic values");

            // 3. node ids from the sorted record keys
            JavaPairRDD<Long, Keyed> nodes = resolvedRecords
                    .sortByKey(true, partitions)
                    .zipWithIndex()
                    .mapToPair(t -> new Tuple2<>(t._2(), t._1()._2()));
            nodes.persist(StorageLevel.MEMORY_AND_DISK_SER());
            long recordCount = nodes.count();
            resolvedRecords.unpersist(false);
            stage("node ids");

            // 4. block sizes and oversized blocks
            List<Tuple2<Tuple2<Long, Integer>, Long>> over = nodes.values()
                    .flatMapToPair(k -> {
                        List<Tuple2<Tuple2<Long, Integer>, Long>> out = new ArrayList<>(k.keys.length);
                        for (int i = 0; i < k.keys.length; i++) {
                            out.add(new Tuple2<>(new Tuple2<>(k.keys[i], k.tags[i]), 1L));
                        }
                        return out.iterator();
                    })
                    .reduceByKey(Long::sum, partitions)
                    .filter(b -> ExecutorStages.of(bspec.value()).oversized(b._1()._2(), b._2()))
                    .collect();
            long[] oversizedKeys = over.stream().mapToLong(b -> b._1()._1()).sorted().toArray();
            List<OversizedBlock> oversized = new ArrayList<>();
            for (Tuple2<Tuple2<Long, Integer>, Long> b : over) {
                oversized.add(driverStages.oversizedBlock(b._1()._1(), b._1()._2(), (int) Math.min(Integer.MAX_VALUE, b._2())));
            }
            oversized.sort(Comparator.comparingInt(OversizedBlock::size).reversed()
                    .thenComparing(OversizedBlock::rule).thenComparing(OversizedBlock::fingerprint));
            Broadcast<long[]> boversized = jsc.broadcast(oversizedKeys);
            stage("blocks");

            // 5. candidate pairs, each once, scored; deterministic blocks of values that are not generic link their members
            LongAccumulator scored = jsc.sc().longAccumulator("candidate pairs");
            LongAccumulator linked = jsc.sc().longAccumulator("links");
            JavaPairRDD<Long, Tuple3<Long, String[], long[]>> members = nodes.flatMapToPair(n -> {
                DistributedStages stages = ExecutorStages.of(bspec.value());
                long[] drop = boversized.value();
                Keyed k = n._2();
                List<Tuple2<Long, Tuple3<Long, String[], long[]>>> out = new ArrayList<>(k.keys.length);
                for (int i = 0; i < k.keys.length; i++) {
                    if (Arrays.binarySearch(drop, k.keys[i]) >= 0) {
                        continue;
                    }
                    if (stages.deterministic(k.tags[i])) {
                        // a deterministic block needs only its members' ids; one of a generic value links nobody
                        if (k.blockValues[i] == 0 || !k.generic(k.blockValues[i])) {
                            out.add(new Tuple2<>(k.keys[i], new Tuple3<>(n._1(), null, null)));
                        }
                    } else {
                        out.add(new Tuple2<>(k.keys[i], new Tuple3<>(n._1(), k.cells, k.generic)));
                    }
                }
                return out.iterator();
            });
            JavaPairRDD<Long, Long> edges = members.groupByKey(partitions).flatMapToPair(block -> {
                List<Tuple3<Long, String[], long[]>> list = new ArrayList<>();
                block._2().forEach(list::add);
                List<Tuple2<Long, Long>> out = new ArrayList<>();
                if (list.size() < 2) {
                    return out.iterator();
                }
                list.sort(Comparator.comparingLong(Tuple3::_1));
                if (list.get(0)._2() == null) {
                    long first = list.get(0)._1();
                    for (int i = 1; i < list.size(); i++) {
                        out.add(new Tuple2<>(first, list.get(i)._1()));
                    }
                    return out.iterator();
                }
                DistributedStages stages = ExecutorStages.keeping(bspec.value(), boversized.value(), runId);
                DistributedStages.Features[] f = new DistributedStages.Features[list.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = stages.featurize(columns.map(list.get(i)._2()).record(), now);
                }
                long key = block._1();
                long pairs = 0;
                long linkCount = 0;
                for (int i = 0; i < f.length; i++) {
                    for (int j = i + 1; j < f.length; j++) {
                        if (stages.scoredIn(f[i], f[j], key)) {
                            pairs++;
                            long[] gi = list.get(i)._3();
                            long[] gj = list.get(j)._3();
                            if (stages.links(f[i], f[j],
                                    v -> Arrays.binarySearch(gi, v) >= 0 || Arrays.binarySearch(gj, v) >= 0)) {
                                linkCount++;
                                out.add(new Tuple2<>(list.get(i)._1(), list.get(j)._1()));
                            }
                        }
                    }
                }
                scored.add(pairs);
                linked.add(linkCount);
                return out.iterator();
            });
            edges.persist(StorageLevel.MEMORY_AND_DISK_SER());
            edges.count();
            long candidatePairs = scored.value();
            long linkCount = linked.value();
            stage("scoring");

            // 6. connected components
            ConnectedComponents.Labels labels = ConnectedComponents.of(edges, partitions);
            labels.labels().persist(StorageLevel.MEMORY_AND_DISK_SER());
            labels.labels().count();
            edges.unpersist(false);
            stage("components");

            // 7. per component: clustering, profile ids, survivorship
            JavaPairRDD<Long, Keyed> byComponent = nodes.leftOuterJoin(labels.labels(), partitions)
                    .mapToPair(t -> new Tuple2<>(t._2()._2().orElse(t._1()), t._2()._1()));
            List<Long> largest = byComponent.mapValues(k -> 1L).reduceByKey(Long::sum, partitions).values()
                    .top(10, Comparator.<Long>naturalOrder());
            long components = byComponent.keys().distinct(partitions).count();
            JavaRDD<Object[]> resolved = byComponent.partitionBy(new HashPartitioner(partitions)).mapPartitions(it -> {
                List<SourceRecord> part = new ArrayList<>();
                LongList generic = new LongList();
                while (it.hasNext()) {
                    Keyed k = it.next()._2();
                    part.add(columns.map(k.cells).record());
                    generic.addAll(k.generic);
                }
                List<Object[]> out = new ArrayList<>();
                if (part.isEmpty()) {
                    return out.iterator();
                }
                long[] known = generic.sortedDistinct();
                // the part's records hold only some holders of a value: its status is the whole data set's
                DistributedStages stages = ExecutorStages.keeping(bspec.value(), boversized.value(), runId)
                        .knowingGenericValues(v -> Arrays.binarySearch(known, v) >= 0);
                Resolution resolution = stages.resolve(part);
                for (Map.Entry<RecordKey, ProfileId> e : resolution.assignments().entrySet()) {
                    out.add(new Object[] {0, RowFactory.create(e.getKey().source(), e.getKey().id(), e.getValue().value())});
                }
                for (Profile profile : resolution.profiles()) {
                    out.add(new Object[] {1, profileRow(profile)});
                }
                return out.iterator();
            });
            resolved.persist(StorageLevel.MEMORY_AND_DISK_SER());
            long profiles = resolved.filter(o -> (Integer) o[0] == 1).count();
            nodes.unpersist(false);
            labels.labels().unpersist(false);
            stage("profiles");
            ExecutorStages.forget(runId);

            Dataset<Row> clusters = session.createDataFrame(resolved.filter(o -> (Integer) o[0] == 0).map(o -> (Row) o[1]),
                    CLUSTERS);
            Dataset<Row> profileRows = session.createDataFrame(resolved.filter(o -> (Integer) o[0] == 1).map(o -> (Row) o[1]),
                    PROFILES);
            Dataset<Row> issueRows = session.createDataFrame(issues, ISSUES);
            SparkStatistics statistics = new SparkStatistics(recordCount, rejected, profiles, candidatePairs,
                    linkCount, oversized, genericValues, components, largest, labels.rounds(), times);
            return new SparkResolution(clusters, profileRows, issueRows, statistics);
        }
    }

    /**
     * The generic-values stage: the resolved records, each told which of its identifier values
     * are generic over the whole data set ({@link DistributedStages#generic}: the engine's own
     * function of a value's holders).
     *
     * <p>Holders are counted per value key. A value whose count decides (over the block-size cap:
     * generic; fewer holders than the configured people: not) needs no features; the keys of the
     * values over the cap are few (at most the identifiers held divided by the cap) and go to the
     * driver, so a placeholder held by millions of records is never gathered. Each other shared
     * value gathers its holders' rows in one task (at most the cap of them), which featurizes
     * them and decides. The answers travel back to the records by a join on the record key with
     * the records' own partitioner, so the records do not move: only (record, generic value)
     * pairs are shuffled. The later stages read each record's generic values from the record
     * itself (a pair shares only values both hold; a part of the data set needs only the values
     * its records hold), so no set of all generic values is ever broadcast, whatever its size.
     */
    private static JavaPairRDD<String, Keyed> genericValues(JavaPairRDD<String, Tuple2<Keyed, Integer>> unique,
            Broadcast<EngineSpec> bspec, RecordColumns columns, Instant now, LongAccumulator genericCount) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(unique.context());
        Partitioner byRecord = unique.partitioner().get();
        int partitions = byRecord.numPartitions();
        JavaPairRDD<String, Keyed> records = unique.filter(t -> t._2()._1().resolved()).mapValues(Tuple2::_1);
        JavaPairRDD<Long, String> holders = records.flatMapToPair(t -> {
            long[] keys = t._2().valueKeys;
            List<Tuple2<Long, String>> out = new ArrayList<>(keys.length);
            for (long key : keys) {
                out.add(new Tuple2<>(key, t._1()));
            }
            return out.iterator();
        });
        JavaPairRDD<Long, Long> counts = holders.mapToPair(h -> new Tuple2<>(h._1(), 1L)).reduceByKey(Long::sum, partitions);
        long[] overCap = counts
                .filter(c -> {
                    DistributedStages stages = ExecutorStages.of(bspec.value());
                    return stages.genericDecidedByCount(c._2()) && stages.generic(c._1(), c._2(), List.of());
                })
                .keys().collect().stream().mapToLong(Long::longValue).sorted().toArray();
        genericCount.add(overCap.length);
        Broadcast<long[]> bover = jsc.broadcast(overCap);

        // the holders of each value its count does not decide
        JavaPairRDD<String, Long> requests = holders.filter(h -> Arrays.binarySearch(bover.value(), h._1()) < 0)
                .groupByKey(partitions)
                .flatMapToPair(value -> {
                    List<String> list = new ArrayList<>();
                    value._2().forEach(list::add);
                    List<Tuple2<String, Long>> out = new ArrayList<>();
                    if (!ExecutorStages.of(bspec.value()).genericDecidedByCount(list.size())) {
                        for (String record : list) {
                            out.add(new Tuple2<>(record, value._1()));
                        }
                    }
                    return out.iterator();
                });
        JavaPairRDD<String, Long> decided = records.join(requests.groupByKey(byRecord), byRecord)
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Tuple2<String, String[]>>> out = new ArrayList<>();
                    for (Long key : t._2()._2()) {
                        out.add(new Tuple2<>(key, new Tuple2<>(t._1(), t._2()._1().cells)));
                    }
                    return out.iterator();
                })
                .groupByKey(partitions)
                .flatMapToPair(value -> {
                    DistributedStages stages = ExecutorStages.of(bspec.value());
                    List<String> ids = new ArrayList<>();
                    List<DistributedStages.Features> all = new ArrayList<>();
                    for (Tuple2<String, String[]> holder : value._2()) {
                        ids.add(holder._1());
                        all.add(stages.featurize(columns.map(holder._2()).record(), now));
                    }
                    List<Tuple2<String, Long>> out = new ArrayList<>();
                    if (stages.generic(value._1(), all.size(), all)) {
                        genericCount.add(1);
                        for (String record : ids) {
                            out.add(new Tuple2<>(record, value._1()));
                        }
                    }
                    return out.iterator();
                });
        JavaPairRDD<String, Long> overCapHolders = holders
                .filter(h -> Arrays.binarySearch(bover.value(), h._1()) >= 0)
                .mapToPair(h -> new Tuple2<>(h._2(), h._1()));
        JavaPairRDD<String, long[]> genericByRecord = decided.union(overCapHolders).groupByKey(byRecord)
                .mapValues(keys -> {
                    LongList list = new LongList();
                    keys.forEach(list::add);
                    return list.sortedDistinct();
                });
        long[] none = new long[0];
        return records.leftOuterJoin(genericByRecord, byRecord)
                .mapValues(t -> t._1().withGeneric(t._2().isPresent() ? t._2().get() : none));
    }

    /** A row's values as text, in column order. */
    static String[] cells(Row row) {
        String[] cells = new String[row.size()];
        for (int i = 0; i < cells.length; i++) {
            Object v = row.get(i);
            cells[i] = v == null ? null : v.toString();
        }
        return cells;
    }

    /** Maps and featurizes one row. */
    static Keyed featurize(DistributedStages stages, RecordColumns columns, String[] cells, Instant now) {
        RecordColumns.Mapped mapped = columns.map(cells);
        if (mapped.record() == null) {
            return new Keyed(null, null, cells, null, null, new String[][] {{mapped.field(), mapped.problem(),
                InputIssue.Action.RECORD_REJECTED.name()}}, null, null, null);
        }
        RecordKey key = mapped.record().key();
        DistributedStages.Features f = stages.featurize(mapped.record(), now);
        List<String[]> issues = new ArrayList<>();
        if (mapped.problem() != null) {
            issues.add(new String[] {mapped.field(), mapped.problem(), InputIssue.Action.VALUE_IGNORED.name()});
        }
        for (InputIssue issue : f.issues()) {
            issues.add(new String[] {issue.field(), issue.problem().name(), issue.action().name()});
        }
        return new Keyed(key.source(), key.id(), cells, f.resolved() ? f.blockKeys() : null,
                f.resolved() ? f.blockTags() : null, issues.toArray(new String[0][]), f.valueKeys(), f.blockValueKeys(),
                null);
    }

    /** Of two rows with one key, the one kept: the greatest by content, so the choice does not depend on order. */
    static Keyed greater(Keyed a, Keyed b) {
        return Arrays.compare(a.cells, b.cells, Comparator.nullsFirst(Comparator.<String>naturalOrder())) >= 0 ? a : b;
    }

    private static List<Row> issueRows(Keyed k, int occurrences) {
        List<Row> rows = new ArrayList<>();
        for (String[] issue : k.issues) {
            rows.add(RowFactory.create(k.source, k.id, issue[0], issue[1], issue[2]));
        }
        for (int i = 1; i < occurrences; i++) {
            rows.add(RowFactory.create(k.source, k.id, "key", InputIssue.Problem.DUPLICATE_KEY.name(),
                    InputIssue.Action.RECORD_SUPERSEDED.name()));
        }
        return rows;
    }

    /** A profile as a row of {@link #PROFILES}. */
    static Row profileRow(Profile profile) {
        List<Row> members = new ArrayList<>();
        for (RecordKey key : profile.members()) {
            members.add(RowFactory.create(key.source(), key.id()));
        }
        List<Row> identifiers = new ArrayList<>();
        for (Identifier identifier : profile.identifiers()) {
            identifiers.add(RowFactory.create(identifier.type().name(), identifier.value()));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, List<GoldenValue>> attribute : profile.attributes().entrySet()) {
            List<Row> values = new ArrayList<>();
            for (GoldenValue value : attribute.getValue()) {
                values.add(RowFactory.create(value.value(), value.provenance().source(), value.provenance().record().id(),
                        value.provenance().observedAt().toString(), value.provenance().rule().name()));
            }
            attributes.put(attribute.getKey(), CollectionConverters.asScala(values));
        }
        // Spark's row encoder reads Scala collections
        return RowFactory.create(profile.id().value(), profile.version(), CollectionConverters.asScala(members),
                CollectionConverters.asScala(identifiers), CollectionConverters.asScala(attributes));
    }
}
