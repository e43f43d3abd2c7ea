/**
 * Unum on Apache Spark: {@link io.unum.spark.UnumSpark#resolve} runs the engine an
 * {@link io.unum.EngineSpec} describes as Spark stages and gives the same partition and profile
 * ids as {@link io.unum.Resolver#resolve}; {@link io.unum.spark.Main} is the same job as a
 * command ({@code unum resolve --spark MASTER}, or the main class for {@code spark-submit}).
 * The stages are core's ({@link io.unum.DistributedStages}); nothing here scores, clusters or
 * builds profiles on its own.
 */
package io.unum.spark;
