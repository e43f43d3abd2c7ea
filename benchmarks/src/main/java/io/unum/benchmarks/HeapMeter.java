package io.unum.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap figures for the harnesses.
 *
 * <ul>
 *   <li><b>Peak heap used</b>: the largest heap occupancy seen between {@link #reset()} and
 *       {@link #peakUsed()}, taken from every garbage collection's "before" usage (summed over
 *       the heap pools) and the current usage. This is what the process needed including garbage
 *       not yet collected, so it depends on the heap size and the collector.</li>
 *   <li><b>Peak heap after GC</b>: the largest heap occupancy right after a collection in the
 *       same window — an upper bound of the peak <em>live</em> data (a young collection leaves
 *       old-generation garbage in place).</li>
 *   <li><b>Live heap</b> ({@link #liveHeap()}): heap used after two explicit full collections
 *       ({@code System.gc()}, a full collection with G1 and the other stock collectors unless
 *       {@code -XX:+ExplicitGCInvokesConcurrent} is set).</li>
 * </ul>
 */
final class HeapMeter {

    private final AtomicLong peakBefore = new AtomicLong();
    private final AtomicLong peakAfter = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    HeapMeter() {
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long before = heapSum(info.getGcInfo().getMemoryUsageBeforeGc());
            long after = heapSum(info.getGcInfo().getMemoryUsageAfterGc());
            peakBefore.accumulateAndGet(before, Math::max);
            peakAfter.accumulateAndGet(after, Math::max);
            collections.incrementAndGet();
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private static final List<String> HEAP_POOLS = heapPools();

    private static List<String> heapPools() {
        List<String> names = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                names.add(pool.getName());
            }
        }
        return names;
    }

    private static long heapSum(Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (String pool : HEAP_POOLS) {
            MemoryUsage u = usage.get(pool);
            if (u != null) {
                sum += u.getUsed();
            }
        }
        return sum;
    }

    /** Starts a new window for the peaks. */
    void reset() {
        long now = used();
        peakBefore.set(now);
        peakAfter.set(0);
        collections.set(0);
    }

    /** The peak heap used in the window, including garbage (see the class comment). */
    long peakUsed() {
        return Math.max(peakBefore.get(), used());
    }

    /** The peak heap right after a collection in the window. */
    long peakAfterGc() {
        return peakAfter.get();
    }

    /** Collections seen in the window. */
    long collections() {
        return collections.get();
    }

    /** Heap used now. */
    static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap used after two full collections. */
    static long liveHeap() {
        System.gc();
        System.gc();
        return used();
    }

    /** CPU time of this process so far, all threads, in nanoseconds (-1 if unknown). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** The maximum heap size. */
    static long max() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }
}
