/**
 * Unum's benchmarks: JMH benchmarks of the hot path ({@link io.unum.benchmarks.ComparatorBenchmark},
 * {@link io.unum.benchmarks.FeatureBenchmark}, {@link io.unum.benchmarks.PairScoringBenchmark},
 * {@link io.unum.benchmarks.LiveUpsertBenchmark}), the end-to-end harness
 * ({@link io.unum.benchmarks.EndToEnd}), the side-by-side comparison with Duke
 * ({@link io.unum.benchmarks.SideBySide}) and diagnostics ({@link io.unum.benchmarks.BlockingReport},
 * {@link io.unum.benchmarks.UpsertProbe}, {@link io.unum.benchmarks.JfrHotspots}). Everything goes
 * through Unum's public API. Build with {@code mvn -B -Pbench -pl benchmarks -am package -DskipTests}
 * and run {@code java -jar benchmarks/target/benchmarks.jar}; see {@code benchmarks/README.md}.
 */
package io.unum.benchmarks;
