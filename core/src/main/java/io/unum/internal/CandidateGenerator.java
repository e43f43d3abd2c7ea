package io.unum.internal;

import io.unum.store.GraphStore;
import java.util.Arrays;
import java.util.List;

/**
 * The only code that turns block keys and block sizes into candidate pairs. A pair of records is
 * a <em>candidate</em> under a rule when both carry one of the rule's block keys and the block
 * of that key is <em>usable</em>: it holds no more records than the key's cap (the lower of the
 * resolver's {@code blockSizeCap} and the key's own). Linking filters act when keys are made
 * ({@link Featurizer}): a record that may not be linked by a rule carries none of its keys.
 * Every traversal here visits each pair once, without a global set of pairs.
 *
 * <p>Block tags ({@link GraphStore.Members#tag()}) carry the key's rule in the high 16 bits and
 * the key's index within the rule in the low 16; identifier look-up blocks carry
 * {@link #LOOKUP_TAG}. Stateless apart from its configuration; thread-safe. Scratch arrays
 * ("stamps") belong to the caller.
 */
final class CandidateGenerator {

    /** The tag of identifier look-up blocks (not blocking keys; never candidates). */
    static final int LOOKUP_TAG = 0xFFFF << 16;
    /** Block memberships handed to the store at once (at most 64 MiB of buffers). */
    private static final int MEMBERSHIPS = 1 << 22;

    private final EngineConfig config;
    /** Per rule and key: the cap. */
    private final int[][] caps;
    private final boolean[] deterministic;
    private final boolean singleProbabilisticRule;

    CandidateGenerator(EngineConfig config) {
        this.config = config;
        this.caps = new int[config.rules.length][];
        this.deterministic = new boolean[config.rules.length];
        int probabilistic = 0;
        for (CompiledRule rule : config.rules) {
            caps[rule.index] = config.caps(rule);
            deterministic[rule.index] = rule.deterministic;
            probabilistic += rule.deterministic ? 0 : 1;
        }
        this.singleProbabilisticRule = probabilistic == 1;
    }

    /** The most records a block with this tag may hold and still make candidates. */
    int cap(int tag) {
        return caps[tag >>> 16][tag & 0xFFFF];
    }

    /** Whether a tag is a blocking key's (not an identifier look-up's). */
    static boolean isBlockingKey(int tag) {
        return tag != LOOKUP_TAG;
    }

    /** Whether the block's rule is deterministic: its members are linked implicitly. */
    boolean deterministic(int tag) {
        return deterministic[tag >>> 16];
    }

    /** Whether a block of this size and tag is over its cap. */
    boolean oversized(int tag, int size) {
        return size > cap(tag);
    }

    /** Whether a blocking-key block is within its cap, so that its members are candidates. */
    boolean usable(GraphStore.Members block) {
        return block.size() <= cap(block.tag());
    }

    /**
     * The bit set of rules under which two records are candidates: they share a key of the rule
     * whose block is usable. With {@code blocks == null}, every shared key counts (two records
     * judged alone, without the data set that would tell a block's size).
     *
     * @param probabilisticOnly leave deterministic rules out
     */
    long sharedRules(FeatureRecord a, FeatureRecord b, GraphStore.Reader blocks, boolean probabilisticOnly) {
        long[] ka = a.keys;
        long[] kb = b.keys;
        long rules = 0L;
        int i = 0;
        int j = 0;
        while (i < ka.length && j < kb.length) {
            long x = ka[i];
            long y = kb[j];
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                int rule = a.ruleOf(i);
                if ((rules & (1L << rule)) == 0 && !(probabilisticOnly && deterministic[rule])) {
                    GraphStore.Members block = blocks == null ? null : blocks.block(x);
                    if (blocks == null || (block != null && usable(block))) {
                        rules |= 1L << rule;
                    }
                }
                i++;
                j++;
            }
        }
        return rules;
    }

    /**
     * The probabilistic rules to score a pair under, found through a usable block of rule
     * {@code viaRule}: with a single probabilistic rule, no other key needs checking.
     */
    long rulesVia(FeatureRecord a, FeatureRecord b, GraphStore.Reader blocks, int viaRule) {
        return singleProbabilisticRule ? 1L << viaRule : sharedRules(a, b, blocks, true);
    }

    /** Sees one partner of a record. */
    @FunctionalInterface
    interface PartnerVisitor {
        /**
         * @param partner the partner's ordinal
         * @param rule the rule of the first usable block through which it was found
         */
        void visit(int partner, int rule);
    }

    /**
     * Visits every record that shares a usable block with {@code record}, once each (the record
     * itself, when resident at {@code self}, excluded).
     *
     * @param record the record, resident at {@code self} or not resident ({@code self == -1})
     * @param self its ordinal, or -1
     * @param counted the keys under which the record is already counted in its blocks' sizes
     *     ({@code record.keys} for a resident record); under any other key it is judged as if it
     *     joined the block: the block is usable when it stays within its cap with the record in it
     * @param store the blocks
     * @param withDeterministic whether blocks of deterministic rules count (implicit links); if
     *     not, only probabilistic rules' blocks make candidates
     * @param stamp scratch covering every ordinal, zero where not marked, left zeroed; or
     *     {@code null} to gather the partners and sort them instead (for one record against a
     *     large graph, where a stamp array would cost more than the partners)
     * @param visitor hears each partner (in ascending ordinal order without a stamp)
     */
    void forEachPartner(FeatureRecord record, int self, long[] counted, GraphStore.Reader store,
            boolean withDeterministic, int[] stamp, PartnerVisitor visitor) {
        if (stamp == null) {
            forEachPartnerSorted(record, self, counted, store, withDeterministic, visitor);
            return;
        }
        int mark = self + 2; // distinct from 0
        if (self >= 0) {
            stamp[self] = mark;
        }
        long[] keys = record.keys;
        for (int k = 0; k < keys.length; k++) {
            GraphStore.Members block = candidateBlock(record, k, counted, store, withDeterministic);
            if (block == null) {
                continue;
            }
            int rule = record.ruleOf(k);
            for (int m = 0, n = block.size(); m < n; m++) {
                int j = block.member(m);
                if (stamp[j] != mark) {
                    stamp[j] = mark;
                    visitor.visit(j, rule);
                }
            }
        }
        // clear the marks so that the array can be reused
        if (self >= 0) {
            stamp[self] = 0;
        }
        for (int k = 0; k < keys.length; k++) {
            GraphStore.Members block = candidateBlock(record, k, counted, store, withDeterministic);
            if (block != null) {
                for (int m = 0, n = block.size(); m < n; m++) {
                    stamp[block.member(m)] = 0;
                }
            }
        }
    }

    private void forEachPartnerSorted(FeatureRecord record, int self, long[] counted, GraphStore.Reader store,
            boolean withDeterministic, PartnerVisitor visitor) {
        long[] found = new long[16]; // ordinal in the high half, rule in the low half
        int count = 0;
        for (int k = 0; k < record.keys.length; k++) {
            GraphStore.Members block = candidateBlock(record, k, counted, store, withDeterministic);
            if (block == null) {
                continue;
            }
            for (int m = 0, n = block.size(); m < n; m++) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = ((long) block.member(m) << 32) | k;
            }
        }
        Arrays.sort(found, 0, count);
        int last = -1;
        for (int i = 0; i < count; i++) {
            int j = (int) (found[i] >>> 32);
            if (j != last && j != self) {
                visitor.visit(j, record.ruleOf((int) found[i]));
            }
            last = j;
        }
    }

    /** The block of the record's {@code k}-th key if it makes candidates, else {@code null}. */
    private GraphStore.Members candidateBlock(FeatureRecord record, int k, long[] counted, GraphStore.Reader store,
            boolean withDeterministic) {
        if (!withDeterministic && deterministic[record.ruleOf(k)]) {
            return null;
        }
        long key = record.keys[k];
        GraphStore.Members block = store.block(key);
        if (block == null) {
            return null;
        }
        boolean in = counted == record.keys || Arrays.binarySearch(counted, key) >= 0;
        return block.size() + (in ? 0 : 1) <= cap(block.tag()) ? block : null;
    }

    /** Sees one pair. */
    @FunctionalInterface
    interface PairVisitor {
        void visit(int a, int b);
    }

    /** Visits every pair of a block's members whose ordinals pass {@code include}, in member order. */
    static void forEachPairIn(GraphStore.Members block, java.util.function.IntPredicate include, PairVisitor visitor) {
        IntList members = new IntList(block.size());
        for (int m = 0; m < block.size(); m++) {
            if (include.test(block.member(m))) {
                members.add(block.member(m));
            }
        }
        for (int x = 0; x < members.size(); x++) {
            for (int y = x + 1; y < members.size(); y++) {
                visitor.visit(members.get(x), members.get(y));
            }
        }
    }

    /**
     * Blocks over a sample of records for training: for each key (a list of feature slots and the
     * hash seed of the key), the records sharing each value, in groups of at least two whose
     * members are in ascending order. The groups are ordered by key, then by their first member
     * (an order that does not depend on hashing), and a group over the key's cap is left out, as
     * an oversized block makes no candidates.
     */
    static final class SampleBlocks {
        /** Per key, per record: the key's keyed hash, 0 when a feature of the key is absent. */
        final long[][] hashes;
        /** Per group: the key index and the members. */
        final int[] groupKey;
        final int[][] groups;
        /** The pairs of the groups, counted with repetitions across keys. */
        final long pairs;

        SampleBlocks(long[][] hashes, int[] groupKey, int[][] groups) {
            this.hashes = hashes;
            this.groupKey = groupKey;
            this.groups = groups;
            long total = 0;
            for (int[] group : groups) {
                total += (long) group.length * (group.length - 1) / 2;
            }
            this.pairs = total;
        }

        /**
         * Visits every pair of records that share a group, once: in the group of the first key
         * they share, in group order, then member order.
         */
        void forEachPair(KeyedPairVisitor visitor) {
            for (int g = 0; g < groups.length; g++) {
                int[] group = groups[g];
                int key = groupKey[g];
                for (int x = 0; x < group.length; x++) {
                    for (int y = x + 1; y < group.length; y++) {
                        if (!sharesEarlierKey(key, group[x], group[y])) {
                            visitor.visit(key, group[x], group[y]);
                        }
                    }
                }
            }
        }

        /** The pairs of key {@code key}'s groups (sharing an earlier key or not). */
        long pairsOf(int key) {
            long total = 0;
            for (int g = 0; g < groups.length; g++) {
                if (groupKey[g] == key) {
                    total += (long) groups[g].length * (groups[g].length - 1) / 2;
                }
            }
            return total;
        }

        /** Hears a pair of records and the key of the group it is visited in. */
        @FunctionalInterface
        interface KeyedPairVisitor {
            void visit(int key, int a, int b);
        }

        private boolean sharesEarlierKey(int upTo, int x, int y) {
            for (int t = 0; t < upTo; t++) {
                long h = hashes[t][x];
                if (h != 0 && h == hashes[t][y]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Groups a sample by keys.
     *
     * @param hashes per key, per record: the keyed hash of the record's value, 0 when absent
     * @param keyCaps per key: the cap
     */
    static SampleBlocks sampleBlocks(long[][] hashes, int[] keyCaps) {
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        java.util.List<Integer> keys = new java.util.ArrayList<>();
        for (int t = 0; t < hashes.length; t++) {
            BlockIndex index = new BlockIndex();
            java.util.List<Block> order = new java.util.ArrayList<>();
            long[] h = hashes[t];
            for (int i = 0; i < h.length; i++) {
                if (h[i] != 0) {
                    Block block = index.getOrCreate(h[i], t);
                    if (block.size() == 0) {
                        order.add(block);
                    }
                    block.add(i);
                }
            }
            for (Block block : order) { // in order of the first member: records were added in order
                if (block.size() >= 2 && block.size() <= keyCaps[t]) {
                    int[] members = new int[block.size()];
                    for (int m = 0; m < members.length; m++) {
                        members[m] = block.member(m);
                    }
                    groups.add(members);
                    keys.add(t);
                }
            }
        }
        return new SampleBlocks(hashes, keys.stream().mapToInt(Integer::intValue).toArray(), groups.toArray(new int[0][]));
    }

    /** A zeroed stamp array covering {@code bound} ordinals. */
    static int[] newStamp(int bound) {
        return new int[Math.max(16, bound + (bound >> 2))];
    }

    /** Whether {@code stamp} covers {@code bound} ordinals. */
    static boolean covers(int[] stamp, int bound) {
        return stamp != null && stamp.length >= bound;
    }

    @Override
    public String toString() {
        return "CandidateGenerator[" + Arrays.deepToString(caps) + "]";
    }

    /**
     * Adds each record's blocking keys (with their rule and key tags) and look-up keys to the
     * blocks, {@value #MEMBERSHIPS} memberships per {@link GraphStore.Transaction#addMembers}
     * call: a store may add many in the order that fills its index fastest.
     */
    static void addMemberships(GraphStore.Transaction tx, List<FeatureRecord> entries, int[] ordinals) {
        long total = 0;
        for (FeatureRecord entry : entries) {
            total += entry.keys.length + entry.lookupKeys.length;
        }
        int capacity = (int) Math.min(total, MEMBERSHIPS);
        long[] keys = new long[capacity];
        int[] tags = new int[capacity];
        int[] members = new int[capacity];
        int n = 0;
        for (int f = 0; f < entries.size(); f++) {
            FeatureRecord entry = entries.get(f);
            int o = ordinals[f];
            if (n + entry.keys.length + entry.lookupKeys.length > capacity) {
                tx.addMembers(keys, tags, members, n);
                n = 0;
            }
            for (int k = 0; k < entry.keys.length; k++, n++) {
                keys[n] = entry.keys[k];
                tags[n] = entry.keyMeta[k];
                members[n] = o;
            }
            for (long key : entry.lookupKeys) {
                keys[n] = key;
                tags[n] = LOOKUP_TAG;
                members[n++] = o;
            }
        }
        tx.addMembers(keys, tags, members, n);
    }
}
