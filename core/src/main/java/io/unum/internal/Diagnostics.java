package io.unum.internal;

import io.unum.BlockSize;
import io.unum.BlockingKeyPairs;
import io.unum.CandidatePairConsumer;
import io.unum.OversizedBlock;
import io.unum.PossibleMatch;
import io.unum.model.RecordKey;
import io.unum.rules.Weights;
import io.unum.store.GraphStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Statistics and diagnostics of a graph: possible matches, link counts, oversized and largest
 * blocks (by keyed fingerprint, never by value), and every probabilistic candidate pair with its
 * weight. Reads only; safe on several threads at once while nothing writes the store.
 */
public final class Diagnostics {

    private final Engine engine;
    private final GraphStore.Reader graph;

    /**
     * @param engine the stages
     * @param graph the state to read
     */
    public Diagnostics(Engine engine, GraphStore.Reader graph) {
        this.engine = engine;
        this.graph = graph;
    }

    private FeatureRecord features(int ordinal) {
        return (FeatureRecord) graph.derived(ordinal);
    }

    /** Pairs between the review and match thresholds that ended in different profiles, sorted. */
    public List<PossibleMatch> possibleMatches() {
        List<PossibleMatch> list = new ArrayList<>();
        forEachPossibleMatch((a, b, edge) -> {
            double weight = Edge.weight(edge);
            RecordKey ka = features(a).key;
            RecordKey kb = features(b).key;
            boolean ordered = ka.compareTo(kb) < 0;
            list.add(new PossibleMatch(ordered ? ka : kb, ordered ? kb : ka, engine.config.rules[Edge.rule(edge)].name,
                    weight, Weights.probability(weight)));
        });
        list.sort((x, y) -> {
            int c = x.first().compareTo(y.first());
            return c != 0 ? c : x.second().compareTo(y.second());
        });
        return list;
    }

    /** The number of possible matches (review edges between different profiles). */
    public long possibleMatchCount() {
        long[] count = {0};
        forEachPossibleMatch((a, b, edge) -> count[0]++);
        return count[0];
    }

    private interface EdgeVisitor {
        void visit(int a, int b, long edge);
    }

    /** Review edges between records of different profiles, each once (from the lower ordinal). */
    private void forEachPossibleMatch(EdgeVisitor visitor) {
        for (int a = 0, n = graph.ordinalBound(); a < n; a++) {
            if (graph.record(a) == null) {
                continue;
            }
            for (int d = 0, degree = graph.degree(a); d < degree; d++) {
                long edge = graph.edge(a, d);
                int b = graph.partner(a, d);
                if (Edge.kind(edge) == Edge.REVIEW && a < b && !Objects.equals(graph.profileOf(a), graph.profileOf(b))) {
                    visitor.visit(a, b, edge);
                }
            }
        }
    }

    /**
     * The number of linked pairs: probabilistic link edges, plus, for every usable block of a
     * deterministic rule of k records, its k(k-1)/2 implicit links (a pair sharing two
     * identifying values counts twice).
     */
    public long linkCount() {
        CandidateGenerator generator = engine.generator;
        GenericValues.View view = engine.generics.view(graph);
        long[] implicit = {0};
        graph.forEachBlock(block -> {
            if (CandidateGenerator.isBlockingKey(block.tag()) && generator.deterministic(block.tag())
                    && engine.generics.links(block, graph, view)) {
                implicit[0] += (long) block.size() * (block.size() - 1) / 2;
            }
        });
        long links = 0;
        for (int o = 0, n = graph.ordinalBound(); o < n; o++) {
            if (graph.record(o) != null) {
                for (int d = 0, degree = graph.degree(o); d < degree; d++) {
                    if (Edge.isLink(graph.edge(o, d))) {
                        links++;
                    }
                }
            }
        }
        return links / 2 + implicit[0];
    }

    /** A block's keyed fingerprint: 12 hex digits, the same within one resolver, never the value. */
    private String fingerprint(GraphStore.Members block) {
        return ProfileAssigner.hex(SipHash.mix(block.key() ^ engine.config.k1)).substring(0, 12);
    }

    private CompiledRule rule(GraphStore.Members block) {
        return engine.config.rules[block.tag() >>> 16];
    }

    /** The blocks over their cap, largest first. */
    public List<OversizedBlock> oversizedBlocks() {
        List<OversizedBlock> list = new ArrayList<>();
        graph.forEachBlock(block -> {
            if (CandidateGenerator.isBlockingKey(block.tag()) && !engine.generator.usable(block)) {
                CompiledRule rule = rule(block);
                list.add(new OversizedBlock(rule.name, rule.keyName(block.tag() & 0xFFFF), fingerprint(block), block.size()));
            }
        });
        list.sort((x, y) -> {
            int c = Integer.compare(y.size(), x.size());
            if (c != 0) {
                return c;
            }
            c = x.rule().compareTo(y.rule());
            return c != 0 ? c : x.fingerprint().compareTo(y.fingerprint());
        });
        return list;
    }

    /**
     * The largest blocks, largest first; ties by rule, key name and the smallest member's record
     * key, so the list is the same in every run (fingerprints are keyed per resolver).
     */
    public List<BlockSize> largestBlocks(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // the tie-break scans a block's members: once per block, and only for blocks that tie
        Map<GraphStore.Members, RecordKey> smallest = new IdentityHashMap<>();
        Comparator<GraphStore.Members> order = (x, y) -> {
            int c = Integer.compare(y.size(), x.size());
            if (c != 0) {
                return c;
            }
            c = rule(x).name.compareTo(rule(y).name);
            if (c != 0) {
                return c;
            }
            c = rule(x).keyName(x.tag() & 0xFFFF).compareTo(rule(y).keyName(y.tag() & 0xFFFF));
            return c != 0 ? c : smallest.computeIfAbsent(x, this::smallestMember)
                    .compareTo(smallest.computeIfAbsent(y, this::smallestMember));
        };
        // keep the best `limit` blocks: a max-heap on the reversed order, worst on top; a block
        // smaller than the worst of a full heap cannot enter and is not compared at all
        PriorityQueue<GraphStore.Members> top = new PriorityQueue<>(order.reversed());
        graph.forEachBlock(block -> {
            if (!CandidateGenerator.isBlockingKey(block.tag())
                    || (top.size() >= limit && block.size() < top.peek().size())) {
                return;
            }
            top.add(block);
            if (top.size() > limit) {
                smallest.remove(top.poll());
            }
        });
        List<GraphStore.Members> sorted = new ArrayList<>(top);
        sorted.sort(order);
        List<BlockSize> list = new ArrayList<>();
        for (GraphStore.Members block : sorted) {
            CompiledRule rule = rule(block);
            list.add(new BlockSize(rule.name, rule.keyName(block.tag() & 0xFFFF), fingerprint(block), block.size(),
                    !engine.generator.usable(block)));
        }
        return list;
    }

    private RecordKey smallestMember(GraphStore.Members block) {
        RecordKey smallest = null;
        for (int i = 0; i < block.size(); i++) {
            RecordKey key = features(block.member(i)).key;
            if (smallest == null || key.compareTo(smallest) < 0) {
                smallest = key;
            }
        }
        return smallest;
    }

    /**
     * Per blocking key of every probabilistic rule, in rule and key order: its usable and
     * oversized blocks, the pairs they make and the candidate pairs first found through it (see
     * {@link BlockingKeyPairs}). One pass over the blocks and one over the candidate pairs, with
     * a merge of the two records' sorted keys per pair.
     */
    public List<BlockingKeyPairs> blockingKeyPairs() {
        CandidateGenerator generator = engine.generator;
        // per tag (rule << 16 | key index): blocks, records, pairs, new pairs, oversized blocks, their records
        Map<Integer, long[]> counts = new java.util.TreeMap<>();
        for (CompiledRule rule : engine.config.rules) {
            if (!rule.deterministic) {
                for (int k = 0; k < rule.blockingNames.length; k++) {
                    counts.put(rule.index << 16 | k, new long[6]);
                }
            }
        }
        graph.forEachBlock(block -> {
            long[] c = counts.get(block.tag());
            if (c == null || !CandidateGenerator.isBlockingKey(block.tag()) || block.size() < 2) {
                return;
            }
            long n = block.size();
            if (generator.usable(block)) {
                c[0]++;
                c[1] += n;
                c[2] += n * (n - 1) / 2;
            } else {
                c[4]++;
                c[5] += n;
            }
        });
        int[] stamp = CandidateGenerator.newStamp(graph.ordinalBound());
        for (int a = 0, bound = graph.ordinalBound(); a < bound; a++) {
            FeatureRecord fa = features(a);
            if (fa == null) {
                continue;
            }
            int self = a;
            generator.forEachPartner(fa, a, fa.keys, graph, false, stamp, (j, via) -> {
                if (j > self) {
                    long[] c = counts.get(firstSharedTag(fa, features(j)));
                    if (c != null) {
                        c[3]++;
                    }
                }
            });
        }
        List<BlockingKeyPairs> list = new ArrayList<>(counts.size());
        counts.forEach((tag, c) -> {
            CompiledRule rule = engine.config.rules[tag >>> 16];
            list.add(new BlockingKeyPairs(rule.name, rule.keyName(tag & 0xFFFF), c[0], c[1], c[2], c[3], c[4], c[5]));
        });
        return list;
    }

    /** The smallest tag of a probabilistic key the records share through a usable block, or -1. */
    private int firstSharedTag(FeatureRecord fa, FeatureRecord fb) {
        long[] ka = fa.keys;
        long[] kb = fb.keys;
        int first = -1;
        for (int i = 0, j = 0; i < ka.length && j < kb.length;) {
            if (ka[i] < kb[j]) {
                i++;
            } else if (ka[i] > kb[j]) {
                j++;
            } else {
                int tag = fa.keyMeta[i];
                if ((first < 0 || tag < first) && CandidateGenerator.isBlockingKey(tag)
                        && !engine.generator.deterministic(tag)) {
                    GraphStore.Members block = graph.block(ka[i]);
                    if (block != null && engine.generator.usable(block)) {
                        first = tag;
                    }
                }
                i++;
                j++;
            }
        }
        return first;
    }

    /**
     * Every candidate pair of the probabilistic rules (sharing a usable key), each once, with its
     * best weight; pairs in the order of the first record's ordinal.
     */
    public void forEachCandidatePair(CandidatePairConsumer consumer) {
        CompiledRule[] rules = engine.config.rules;
        int[] stamp = CandidateGenerator.newStamp(graph.ordinalBound());
        GenericValues.View view = engine.generics.view(graph);
        for (int a = 0, n = graph.ordinalBound(); a < n; a++) {
            FeatureRecord fa = features(a);
            if (fa == null) {
                continue;
            }
            int self = a;
            engine.generator.forEachPartner(fa, a, fa.keys, graph, false, stamp, (j, via) -> {
                if (j <= self) {
                    return;
                }
                FeatureRecord fb = features(j);
                long shared = engine.generator.sharedRules(fa, fb, graph, true);
                double best = Double.NEGATIVE_INFINITY;
                String rule = null;
                while (shared != 0L) {
                    CompiledRule r = rules[Long.numberOfTrailingZeros(shared)];
                    shared &= shared - 1;
                    double w = Scorer.score(r, fa, fb, view);
                    if (w > best) {
                        best = w;
                        rule = r.name;
                    }
                }
                if (rule != null) {
                    boolean ordered = fa.key.compareTo(fb.key) < 0;
                    consumer.accept(ordered ? fa.key : fb.key, ordered ? fb.key : fa.key, rule, best,
                            Weights.probability(best));
                }
            });
        }
    }
}
