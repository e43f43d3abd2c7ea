package io.unum.matchers.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unum.spi.FieldComparator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The comparators documented as allocation-free allocate nothing per call once a thread is
 * warm, measured with the JVM's per-thread allocation counter. (Speed is the benchmarks
 * module's business; this checks only the allocation contract.)
 */
class ZeroAllocationTest {

    private static final int CALLS = 50_000;

    @Test
    void stringComparatorsDoNotAllocate() {
        Counter threads = threadBean();
        List<String[]> pairs = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 512; i++) {
            pairs.add(Samples.pair(random, i % 16 == 0 ? 200 : 20));
        }
        Map<String, FieldComparator> comparators = Map.ofEntries(
                Map.entry("jaro", Comparators.jaro()), Map.entry("jaro-winkler", Comparators.jaroWinkler()),
                Map.entry("levenshtein", Comparators.levenshtein()), Map.entry("levenshtein<=2", Comparators.levenshtein(2)),
                Map.entry("osa", Comparators.damerauLevenshtein()), Map.entry("osa<=1", Comparators.damerauLevenshtein(1)),
                Map.entry("jaccard tokens", Comparators.jaccardTokens()), Map.entry("dice 2-grams", Comparators.diceQGrams(2)),
                Map.entry("jaccard 3-grams", Comparators.jaccardQGrams(3)), Map.entry("monge-elkan", Comparators.mongeElkan()),
                Map.entry("overlap", Comparators.overlapTokens()));
        for (Map.Entry<String, FieldComparator> e : comparators.entrySet()) {
            long bytes = allocatedPerRun(threads, e.getValue(), pairs);
            assertTrue(bytes < 1024, e.getKey() + " allocated " + bytes + " bytes in " + CALLS + " calls");
        }
    }

    @Test
    void numericDateAndGeoComparatorsDoNotAllocate() {
        Counter threads = threadBean();
        Map<String, List<String[]>> inputs = Map.of(
                "date", List.of(new String[] {"1984-03-07", "1984-07-03"}, new String[] {"1984-03", "1984-03-07"},
                        new String[] {"1984-03-07", "1985-03-07"}, new String[] {"2001-01-01", "1999-12-31"}),
                "numeric", List.of(new String[] {"10.5", "12"}, new String[] {"-3", "abc"}),
                "geo", List.of(new String[] {"52.52,13.405", "48.85,2.35"}, new String[] {"1,2", "x"}));
        Map<String, FieldComparator> comparators = Map.of("date", Comparators.date(30), "numeric",
                Comparators.numericAbsolute(5), "geo", Comparators.geoDistance(100));
        for (Map.Entry<String, FieldComparator> e : comparators.entrySet()) {
            long bytes = allocatedPerRun(threads, e.getValue(), inputs.get(e.getKey()));
            assertTrue(bytes < 1024, e.getKey() + " allocated " + bytes + " bytes in " + CALLS + " calls");
        }
    }

    /** The HotSpot per-thread allocation counter, reached reflectively (the module does not read jdk.management). */
    private static final class Counter {
        private final Object bean;
        private final Method allocatedBytes;

        Counter(Object bean, Method allocatedBytes) {
            this.bean = bean;
            this.allocatedBytes = allocatedBytes;
        }

        long getThreadAllocatedBytes(long threadId) {
            try {
                return (Long) allocatedBytes.invoke(bean, threadId);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Counter threadBean() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
            assumeTrue(hotspot.isInstance(bean), "per-thread allocation counter unavailable");
            assumeTrue((Boolean) hotspot.getMethod("isThreadAllocatedMemorySupported").invoke(bean),
                    "per-thread allocation counter unsupported");
            hotspot.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            return new Counter(bean, hotspot.getMethod("getThreadAllocatedBytes", long.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            assumeTrue(false, "per-thread allocation counter unavailable: " + e);
            throw new AssertionError(e);
        }
    }

    /**
     * Bytes allocated by {@link #CALLS} comparisons after a warm-up of the same size: the least
     * of three rounds, as a just-in-time recompilation can allocate once in a round. The
     * reading itself costs a few dozen bytes (a boxed {@code Long}).
     */
    private static long allocatedPerRun(Counter threads, FieldComparator comparator,
            List<String[]> pairs) {
        long id = Thread.currentThread().getId();
        double sink = run(comparator, pairs);
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            sink += run(comparator, pairs);
            long after = threads.getThreadAllocatedBytes(id);
            least = Math.min(least, after - before);
        }
        assertTrue(sink >= 0);
        return least;
    }

    private static double run(FieldComparator comparator, List<String[]> pairs) {
        double sum = 0;
        for (int i = 0; i < CALLS; i++) {
            String[] p = pairs.get(i % pairs.size());
            sum += comparator.compare(p[0], p[1]);
        }
        return sum;
    }
}
