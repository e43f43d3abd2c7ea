package io.unum.spark;

import io.unum.DistributedStages;
import io.unum.EngineSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's stages on an executor, built once per JVM from the broadcast {@link EngineSpec}
 * (and, for the later stages, the broadcast oversized keys) and shared by its tasks. Stages are
 * thread-safe, so concurrent tasks may share them.
 */
final class ExecutorStages {

    private static final Map<String, DistributedStages> CACHE = new ConcurrentHashMap<>();

    private ExecutorStages() {
    }

    /** The stages of a spec, every blocking key kept. */
    static DistributedStages of(EngineSpec spec) {
        return CACHE.computeIfAbsent(spec.hash() + "/all", k -> DistributedStages.of(spec));
    }

    /**
     * The stages of a spec keeping only the keys not in {@code oversized} (sorted).
     *
     * @param run distinguishes the oversized set of one run from another's
     */
    static DistributedStages keeping(EngineSpec spec, long[] oversized, String run) {
        if (CACHE.size() > 32) {
            CACHE.clear(); // old runs on a long-lived executor
        }
        return CACHE.computeIfAbsent(spec.hash() + "/" + run,
                k -> of(spec).keeping(key -> Arrays.binarySearch(oversized, key) < 0));
    }

    /** Forgets the stages of a finished run (on the driver; executors keep theirs until they end). */
    static void forget(String run) {
        CACHE.keySet().removeIf(k -> k.endsWith("/" + run));
    }
}
