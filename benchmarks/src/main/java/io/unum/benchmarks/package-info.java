/**
 * JMH benchmarks for Unum's hot paths. Build with
 * {@code mvn -B -Pbench -pl benchmarks -am package -DskipTests} and run
 * {@code java -jar benchmarks/target/benchmarks.jar}; see {@code benchmarks/README.md}.
 */
package io.unum.benchmarks;
