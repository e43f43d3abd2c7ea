package io.unum.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** Large-star/small-star against a union–find on the driver. */
class ConnectedComponentsTest {

    @Test
    void labelsEveryNodeWithItsComponentsSmallestNode() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        Random random = new Random(2014);
        List<Tuple2<Long, Long>> edges = new ArrayList<>();
        // a long path in shuffled node order (the slowest shape for star contraction), random
        // sparse edges, duplicates, reversed duplicates and self-loops
        int pathLength = 120;
        long[] path = random.longs(pathLength, 1_000, 1_000_000).toArray();
        for (int i = 1; i < pathLength; i++) {
            edges.add(new Tuple2<>(path[i - 1], path[i]));
        }
        for (int i = 0; i < 300; i++) {
            long a = random.nextInt(400);
            long b = random.nextInt(400);
            edges.add(new Tuple2<>(a, b));
            if (i % 10 == 0) {
                edges.add(new Tuple2<>(b, a));
                edges.add(new Tuple2<>(a, a));
            }
        }
        ConnectedComponents.Labels labels = ConnectedComponents.of(JavaPairRDD.fromJavaRDD(jsc.parallelize(edges, 3)), 3);
        Map<Long, Long> got = new HashMap<>();
        for (Tuple2<Long, Long> t : labels.labels().collect()) {
            assertEquals(null, got.put(t._1(), t._2()), "one label per node");
        }
        Map<Long, Long> parent = new HashMap<>();
        for (Tuple2<Long, Long> e : edges) {
            union(parent, e._1(), e._2());
        }
        Map<Long, Long> smallest = new HashMap<>();
        for (Long node : parent.keySet()) {
            smallest.merge(find(parent, node), node, Math::min);
        }
        Map<Long, Long> want = new HashMap<>();
        for (Long node : parent.keySet()) {
            if (edges.stream().anyMatch(e -> !e._1().equals(e._2()) && (e._1().equals(node) || e._2().equals(node)))) {
                want.put(node, smallest.get(find(parent, node)));
            }
        }
        assertEquals(want, got);
        assertTrue(labels.rounds() < 40, "rounds: " + labels.rounds());
    }

    private static long find(Map<Long, Long> parent, long x) {
        parent.putIfAbsent(x, x);
        while (parent.get(x) != x) {
            x = parent.get(x);
        }
        return x;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
