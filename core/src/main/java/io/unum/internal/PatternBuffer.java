package io.unum.internal;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Pairs of sample records whose comparison patterns ({@link Scorer#pattern}) are computed in
 * parallel, a buffer at a time, and then handed to a consumer one by one in the order the pairs
 * were added — so the consumer sees exactly what a sequential loop would, whatever the
 * parallelism. Not thread-safe.
 */
final class PatternBuffer {

    /** Pairs whose comparison patterns are computed together (in parallel chunks). */
    private static final int SIZE = 1 << 18;
    private static final int CHUNK = 4096;

    private final Parallel parallel;
    private final CompiledRule rule;
    private final List<FeatureRecord> sample;
    private final TaggedConsumer consumer;
    private final long[] pairs = new long[SIZE];
    private final long[] codes = new long[SIZE];
    private final int[] tags = new int[SIZE];
    private int size;

    /** Hears a pair's pattern with the tag it was added with. */
    @FunctionalInterface
    interface TaggedConsumer {
        void accept(int tag, long code);
    }

    PatternBuffer(Parallel parallel, CompiledRule rule, List<FeatureRecord> sample, LongConsumer consumer) {
        this(parallel, rule, sample, (tag, code) -> consumer.accept(code));
    }

    PatternBuffer(Parallel parallel, CompiledRule rule, List<FeatureRecord> sample, TaggedConsumer consumer) {
        this.parallel = parallel;
        this.rule = rule;
        this.sample = sample;
        this.consumer = consumer;
    }

    /** Adds the pair of sample records {@code a} and {@code b}. */
    void add(int a, int b) {
        add(a, b, 0);
    }

    /** Adds the pair of sample records {@code a} and {@code b}; the consumer hears {@code tag} with its pattern. */
    void add(int a, int b, int tag) {
        tags[size] = tag;
        pairs[size++] = (long) a << 32 | (b & 0xFFFFFFFFL);
        if (size == SIZE) {
            flush();
        }
    }

    /** Computes the buffered pairs' patterns and hands them to the consumer, in order. */
    void flush() {
        int count = size;
        parallel.forEachChunk((count + CHUNK - 1) / CHUNK, 2, c -> {
            int end = Math.min(count, (c + 1) * CHUNK);
            for (int p = c * CHUNK; p < end; p++) {
                codes[p] = Scorer.pattern(rule, sample.get((int) (pairs[p] >>> 32)), sample.get((int) pairs[p]));
            }
        });
        for (int p = 0; p < count; p++) {
            consumer.accept(tags[p], codes[p]);
        }
        size = 0;
    }
}
