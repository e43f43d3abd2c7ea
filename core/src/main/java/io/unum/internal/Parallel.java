package io.unum.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs index-range work ("chunks") on an executor with a bounded parallelism, or inline when the
 * parallelism is 1 or the work is small. Results never depend on the parallelism or the
 * executor: callers write to per-chunk slots and combine them in a fixed order.
 *
 * <h2>Design</h2>
 * A run hands out chunk indices from one counter. It submits at most {@code parallelism − 1}
 * helper tasks to the executor and works on chunks itself; it returns when every chunk is done,
 * not when the helpers end, so a helper that starts late (a saturated executor) finds no work
 * and exits, and a same-thread executor simply runs everything. The first exception of any chunk
 * is rethrown on the calling thread after the run.
 *
 * <p>Without an injected executor, every engine of the JVM shares one pool of daemon threads
 * sized to the available processors, instead of a pool per engine.
 */
final class Parallel {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static volatile ForkJoinPool shared;

    private final int parallelism;
    private final Executor executor;

    /**
     * @param parallelism the most chunks in flight at once
     * @param executor the executor helpers run on, or {@code null} for the shared pool
     */
    Parallel(int parallelism, Executor executor) {
        this.parallelism = parallelism;
        this.executor = executor;
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
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Runnable worker = () -> {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    if (failure.get() == null) {
                        task.accept(c);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == chunks) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        };
        Executor target = executor != null ? executor : pool();
        int helpers = Math.min(parallelism, chunks) - 1;
        for (int h = 0; h < helpers; h++) {
            target.execute(worker);
        }
        worker.run();
        boolean interrupted = false;
        while (done.get() < chunks) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            caller.interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Below this many elements {@link #sort} sorts on the calling thread. */
    static final int PARALLEL_SORT_MIN = 1 << 15;

    /**
     * Sorts {@code array} stably, as {@link java.util.Arrays#sort(Object[], java.util.Comparator)}
     * does (equal elements keep their order, so the result is the same at any parallelism):
     * slices sorted on up to {@code parallelism} threads (a power of two, at most 8), then merged
     * pairwise, the left slice first on ties. {@code Arrays.parallelSort} would use the common
     * pool, which has one thread on a two-core machine.
     */
    <T> void sort(T[] array, java.util.Comparator<? super T> comparator) {
        int n = array.length;
        int slices = Integer.highestOneBit(Math.max(1, Math.min(parallelism, 8)));
        if (slices < 2 || n < PARALLEL_SORT_MIN) {
            java.util.Arrays.sort(array, comparator);
            return;
        }
        int[] bounds = new int[slices + 1];
        for (int i = 0; i <= slices; i++) {
            bounds[i] = (int) ((long) n * i / slices);
        }
        forEachChunk(slices, 2, c -> java.util.Arrays.sort(array, bounds[c], bounds[c + 1], comparator));
        T[] from = array;
        T[] to = java.util.Arrays.copyOf(array, n);
        for (int width = 1; width < slices; width *= 2) {
            int step = width * 2;
            T[] source = from;
            T[] target = to;
            int w = width;
            forEachChunk(slices / step, 2, m -> {
                int lo = bounds[m * step];
                int mid = bounds[m * step + w];
                int hi = bounds[m * step + step];
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    target[k++] = comparator.compare(source[j], source[i]) < 0 ? source[j++] : source[i++];
                }
                System.arraycopy(source, i, target, k, mid - i);
                System.arraycopy(source, j, target, k + mid - i, hi - j);
            });
            from = target;
            to = source;
        }
        if (from != array) {
            System.arraycopy(from, 0, array, 0, n);
        }
    }

    /** Sorts {@code list} stably with {@link #sort(Object[], java.util.Comparator)}. */
    @SuppressWarnings("unchecked")
    <T> void sort(java.util.List<T> list, java.util.Comparator<? super T> comparator) {
        if (list.size() < PARALLEL_SORT_MIN || parallelism < 2) {
            list.sort(comparator);
            return;
        }
        T[] array = (T[]) list.toArray();
        sort(array, comparator);
        java.util.ListIterator<T> it = list.listIterator();
        for (T element : array) {
            it.next();
            it.set(element);
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = shared;
        if (p == null) {
            synchronized (Parallel.class) {
                p = shared;
                if (p == null) {
                    p = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), fj -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                        t.setName("unum-worker-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, null, true);
                    shared = p;
                }
            }
        }
        return p;
    }
}
