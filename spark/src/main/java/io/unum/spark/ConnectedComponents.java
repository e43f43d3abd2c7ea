package io.unum.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an undirected graph given as an edge list, by alternating
 * large-star and small-star (Kiveris, Lattanzi, Mirrokni, Rastogi and Vassilvitskii, "Connected
 * Components in MapReduce and Beyond", SoCC 2014).
 *
 * <p>Node ids are longs that the caller derives from the sorted record keys, so the labels are a
 * function of the set of records. Each round keeps the connectivity of the graph and never
 * raises any node's smallest reachable neighbour; the paper proves that the alternation reaches
 * a fixed point, a star around each component's smallest node, within O(log² n) rounds. The
 * loop stops at the first round that leaves the edge set unchanged, which is exactly that
 * fixed point (large-star changes nothing only when every node points at its neighbourhood's
 * minimum, small-star changes nothing only when every node's smaller neighbours are one star);
 * {@link #MAX_ROUNDS} guards against a bug, not against the algorithm.
 *
 * <p>Stateless; the methods run Spark jobs and may be called from one driver thread at a time.
 */
final class ConnectedComponents {

    /** Far above the O(log² n) bound for any graph that fits a cluster. */
    static final int MAX_ROUNDS = 200;

    private ConnectedComponents() {
    }

    /** The result: each non-isolated node with its component's smallest node, and the rounds it took. */
    record Labels(JavaPairRDD<Long, Long> labels, int rounds) {
    }

    /**
     * Labels every node that has an edge with the smallest node of its component (a node that
     * is the smallest of its component is labelled with itself).
     *
     * @param edges undirected edges, in any direction, duplicates and self-loops allowed
     */
    static Labels of(JavaPairRDD<Long, Long> edges, int partitions) {
        JavaPairRDD<Long, Long> current = edges.filter(e -> !e._1().equals(e._2()))
                .mapToPair(e -> e._1() < e._2() ? e : new Tuple2<>(e._2(), e._1()))
                .distinct(partitions);
        current.persist(StorageLevel.MEMORY_AND_DISK());
        long currentCount = current.count();
        int rounds = 0;
        while (true) {
            rounds++;
            if (rounds > MAX_ROUNDS) {
                throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
            }
            JavaPairRDD<Long, Long> next = smallStar(largeStar(current, partitions), partitions);
            next.persist(StorageLevel.MEMORY_AND_DISK());
            next.rdd().localCheckpoint();
            long nextCount = next.count();
            boolean same = nextCount == currentCount && next.subtract(current, partitions).isEmpty();
            current.unpersist(false);
            current = next;
            currentCount = nextCount;
            if (same) {
                break;
            }
        }
        // a star: (m, v) with m < v the component's smallest node
        JavaPairRDD<Long, Long> labels = current.mapToPair(e -> new Tuple2<>(e._2(), e._1()))
                .union(current.keys().distinct(partitions).mapToPair(m -> new Tuple2<>(m, m)));
        return new Labels(labels, rounds);
    }

    /**
     * Large-star: every node u connects each larger neighbour v to the smallest node of u's
     * neighbourhood with u (edges as (smaller, larger)).
     */
    private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> edges, int partitions) {
        return edges.flatMapToPair(e -> List.of(e, new Tuple2<>(e._2(), e._1())).iterator())
                .groupByKey(partitions)
                .flatMapToPair(group -> {
                    long u = group._1();
                    long m = u;
                    for (long v : group._2()) {
                        m = Math.min(m, v);
                    }
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (long v : group._2()) {
                        if (v > u) {
                            out.add(new Tuple2<>(m, v));
                        }
                    }
                    return out.iterator();
                }); // duplicates are harmless here: small-star groups them and removes them
    }

    /**
     * Small-star: every node u connects itself and each smaller neighbour to the smallest of
     * them (edges as (smaller, larger)).
     */
    private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> edges, int partitions) {
        return edges.mapToPair(e -> new Tuple2<>(e._2(), e._1())) // (larger u, smaller neighbour)
                .groupByKey(partitions)
                .flatMapToPair(group -> {
                    long u = group._1();
                    long m = u;
                    for (long v : group._2()) {
                        m = Math.min(m, v);
                    }
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    if (m != u) {
                        out.add(new Tuple2<>(m, u));
                    }
                    for (long v : group._2()) {
                        if (v != m) {
                            out.add(new Tuple2<>(m, v));
                        }
                    }
                    return out.iterator();
                })
                .distinct(partitions);
    }
}
