package io.unum.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs index-range work on a private fork–join pool of a fixed parallelism, or inline when the
 * parallelism is 1 or the work is small. Results never depend on the parallelism: callers
 * write to per-index or per-chunk slots and combine them in a fixed order.
 */
final class Parallel {

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final int parallelism;
    private volatile ForkJoinPool pool;

    Parallel(int parallelism) {
        this.parallelism = parallelism;
    }

    int parallelism() {
        return parallelism;
    }

    /**
     * Runs {@code task} for every chunk index in {@code [0, chunks)}.
     *
     * @param chunks the number of chunks
     * @param minChunksForParallel below this many chunks, runs inline
     * @param task the work for one chunk
     */
    void forEachChunk(int chunks, int minChunksForParallel, IntConsumer task) {
        if (parallelism <= 1 || chunks < minChunksForParallel || chunks < 2) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
            return;
        }
        pool().submit(() -> IntStream.range(0, chunks).parallel().forEach(task)).join();
    }

    private ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    int id = POOL_COUNTER.incrementAndGet();
                    AtomicInteger threads = new AtomicInteger();
                    p = new ForkJoinPool(parallelism, fj -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                        t.setName("unum-" + id + "-worker-" + threads.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }
}
