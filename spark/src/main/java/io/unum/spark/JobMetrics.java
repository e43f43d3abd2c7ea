package io.unum.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Sums what Spark's tasks report for a run: shuffle bytes written and read, and the largest
 * peak execution memory of one task. With a {@code local} master the executor is the driver's
 * JVM, so {@link #peakHeapBytes()} (the heap pools' peak usage) is the executor's peak memory.
 * Listener callbacks come from Spark's listener bus thread; the counters are atomic.
 */
final class JobMetrics extends SparkListener {

    final AtomicLong shuffleWritten = new AtomicLong();
    final AtomicLong shuffleRead = new AtomicLong();
    final AtomicLong peakTaskExecutionMemory = new AtomicLong();
    final AtomicLong tasks = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics m = taskEnd.taskMetrics();
        if (m == null) {
            return;
        }
        tasks.incrementAndGet();
        shuffleWritten.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        shuffleRead.addAndGet(m.shuffleReadMetrics().remoteBytesRead() + m.shuffleReadMetrics().localBytesRead());
        peakTaskExecutionMemory.accumulateAndGet(m.peakExecutionMemory(), Math::max);
    }

    /** The peak heap usage of this JVM so far (all heap pools' peaks added up: an upper bound). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
