package io.unum.internal;

import io.unum.rules.BlockingKey;
import java.util.List;
import java.util.Random;

/**
 * The pairs of a training sample that share a blocking key, as training sees them: each record's
 * key value as a keyed 64-bit hash (the resolver's secret behind the seed), groups over a key's
 * cap left out as an oversized block makes no candidates, and the comparison patterns of the
 * pairs, sampled uniformly beyond a bound. Shared by the training passes, the prior
 * ({@link PriorEstimator}) and the dependence estimates. Stateless apart from its configuration;
 * thread-safe.
 */
final class SampleBlocking {

    /** A key to group the sample by: its feature slots and its cap. */
    record SampleKey(int[] slots, int cap) {
    }

    private final EngineConfig config;
    private final Featurizer featurizer;
    private final Parallel parallel;
    /** The seed of the keyed hashes of training's keys (the resolver's secret stands behind it). */
    private final long keySeed;

    SampleBlocking(EngineConfig config, Featurizer featurizer, Parallel parallel) {
        this.config = config;
        this.featurizer = featurizer;
        this.parallel = parallel;
        this.keySeed = SipHash.mix(config.k0 ^ 0x747261696e696e67L);
    }

    /** A rule's blocking key as a sample key: its slots and its cap. */
    SampleKey key(BlockingKey key, String rule) {
        return new SampleKey(slots(key, rule), config.cap(key));
    }


    /**
     * Counts comparison patterns of the pairs sharing a value of any of the keys (each pair once:
     * under the first key it shares), sampling pairs uniformly beyond {@code maxPairs}.
     *
     * @param tagged keys (indexes into {@code keys}, at most 31) whose sharing tags a pair: bit
     *     {@code j} of a pair's tag is set when its records share a value of {@code tagged[j]}
     * @param byTag the pattern counts a pair of each tag is added to
     */
    BlockedPairs blockedPairs(CompiledRule rule, List<FeatureRecord> sample, List<SampleKey> keys, long maxPairs,
            long seed, int[] tagged, java.util.function.IntFunction<PatternCounts> byTag) {
        // per key, each record's value as a keyed 64-bit hash (0: absent); groups over a key's cap
        // make no candidates, as an oversized block makes none
        long[][] hashes = new long[keys.size()][];
        int[] caps = new int[keys.size()];
        for (int t = 0; t < keys.size(); t++) {
            hashes[t] = keyHashes(keys.get(t).slots(), t, sample);
            caps[t] = keys.get(t).cap();
        }
        CandidateGenerator.SampleBlocks blocks = CandidateGenerator.sampleBlocks(hashes, caps);
        double keep = blocks.pairs <= maxPairs ? 1.0 : (double) maxPairs / blocks.pairs;
        Random random = new Random(seed);
        long[] distinct = new long[keys.size()];
        PatternBuffer pairs = new PatternBuffer(parallel, rule, sample, (tag, code) -> byTag.apply(tag).add(code));
        blocks.forEachPair((key, x, y) -> {
            distinct[key]++;
            if (keep < 1.0 && random.nextDouble() >= keep) {
                return;
            }
            int tag = 0;
            for (int j = 0; j < tagged.length; j++) {
                long h = hashes[tagged[j]][x];
                if (h != 0 && h == hashes[tagged[j]][y]) {
                    tag |= 1 << j;
                }
            }
            pairs.add(x, y, tag);
        });
        pairs.flush();
        long[] shared = new long[keys.size()];
        for (int t = 0; t < shared.length; t++) {
            shared[t] = blocks.pairsOf(t);
        }
        return new BlockedPairs(distinct, shared);
    }

    /**
     * What {@link #blockedPairs} found, per key: the distinct pairs first sharing it (before
     * sampling) and all pairs sharing it in a block under its cap.
     */
    record BlockedPairs(long[] distinct, long[] shared) {
        long total() {
            return java.util.Arrays.stream(distinct).sum();
        }
    }

    /** Each sample record's value of a key as a keyed hash, 0 when a feature of the key is absent. */
    long[] keyHashes(int[] slots, int t, List<FeatureRecord> sample) {
        long seed = SipHash.mix(keySeed + 0x9E3779B97F4A7C15L * (t + 1));
        long[] hashes = new long[sample.size()];
        int chunk = 4096;
        parallel.forEachChunk((hashes.length + chunk - 1) / chunk, 2, c -> {
            StringBuilder joined = new StringBuilder();
            for (int i = c * chunk, end = Math.min(hashes.length, i + chunk); i < end; i++) {
                hashes[i] = featurizer.keyHash(slots, seed, sample.get(i).features(), joined);
            }
        });
        return hashes;
    }

    /** The feature slots of a key, with an error naming the key and the rule for a feature not defined. */
    int[] slots(BlockingKey key, String rule) {
        int[] slots = new int[key.features().size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = config.featureSlot(key.features().get(i));
            if (slots[i] < 0) {
                throw new IllegalArgumentException("training pass " + key.name() + " of rule " + rule
                        + " refers to feature " + key.features().get(i) + ", which is not defined");
            }
        }
        return slots;
    }
}
