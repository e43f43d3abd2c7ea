package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class ParallelSortTest {

    /** An element whose key repeats: a stable sort keeps equal keys in input order. */
    private record Item(int key, int position) {
    }

    @Test
    void sortsAsTheStableSequentialSortAtAnyParallelism() {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            Random random = new Random(7);
            Comparator<Item> byKey = Comparator.comparingInt(Item::key);
            for (int size : new int[] {0, 1, 1000, Parallel.PARALLEL_SORT_MIN - 1, Parallel.PARALLEL_SORT_MIN,
                    Parallel.PARALLEL_SORT_MIN * 3 + 17, 200_003}) {
                Item[] input = new Item[size];
                int keys = 1 + random.nextInt(Math.max(1, size / 3)); // many ties
                for (int i = 0; i < size; i++) {
                    input[i] = new Item(random.nextInt(keys), i);
                }
                Item[] expected = input.clone();
                Arrays.sort(expected, byKey);
                for (int parallelism : new int[] {1, 2, 3, 4, 8, 16}) {
                    for (java.util.concurrent.Executor on : new java.util.concurrent.Executor[] {null, executor}) {
                        Item[] actual = input.clone();
                        new Parallel(parallelism, on).sort(actual, byKey);
                        for (int i = 0; i < size; i++) {
                            int at = i;
                            assertSame(expected[i], actual[i], () -> "size " + input.length + ", parallelism "
                                    + parallelism + ", position " + at);
                        }
                    }
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
