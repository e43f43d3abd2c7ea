package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.unum.store.GraphStore;

/**
 * Clusters one connected component of the match graph with merge protection.
 *
 * <p>Design: the component's records are ranked by {@link RecordKey}. Its links are of two
 * kinds: <em>deterministic</em> links, implicit between all members of a non-oversized block of
 * a deterministic rule (records sharing an identifying value), weight {@code +Infinity}; and
 * <em>probabilistic</em> link edges stored in the adjacency lists, with finite weights. All
 * links are ordered by weight (descending), then by the ranks of their ends, and applied
 * greedily to a union–find structure; a union is refused when it would break merge protection:
 * <ul>
 *   <li>the joined cluster would hold more distinct values of an identifier type than that
 *       type's per-profile limit;</li>
 *   <li>a configured cannot-link pair would end up together;</li>
 *   <li>the joined cluster would hold two records of a duplicate-free source;</li>
 *   <li>the joined cluster would exceed the maximum profile size;</li>
 *   <li>a member of one cluster would contradict a member of the other by more than the
 *       configured number of bits without enough evidence for the pair to be linked on its own
 *       (see {@code Resolver.Builder.maxContradiction});</li>
 *   <li>the link's two records are distinct people, or one of them cannot tell people apart
 *       (it lacks the feature that does, or has a partial value of it) and a member of one
 *       cluster is a distinct person from a member of the other, both of whom it fits (see
 *       {@code Resolver.Builder.distinctPeople}).</li>
 * </ul>
 * The total order on links makes the result a function of the component's records alone,
 * independent of arrival order, of batch versus incremental, and of thread count. Components
 * are independent, so clustering each touched component again after a change gives the same
 * partition as clustering everything from scratch.
 *
 * <p>Fast path: merge protection is monotone (if the whole component satisfies it, so does
 * every union along the way), so a component that satisfies it as a whole is one cluster and
 * needs no sorting: O(n). Otherwise, deterministic links are generated in order from the blocks
 * (O(k²) for a block of k members) and probabilistic edges are sorted: O(E log E).
 *
 * <p>A {@link Unions} listener hears every union in the order it is made; a profile's
 * explanation is the unions of clustering its members alone, which are the same unions in the
 * same order (a refused union's two sides can never end in one cluster, because merge protection
 * is monotone; the distinct-people test, which looks across the clusters only for links through
 * a record that cannot tell people apart, is the exception: there the explanation is a spanning
 * tree of the profile's links that may differ from the unions clustering made). Stateless apart from its configuration: each call keeps its scratch to itself,
 * so calls on distinct components may run in parallel. Thread-safe.
 */
final class Clusterer {

    /**
     * Above this many records, the fast path does not test every pair for contradictions; the
     * greedy path, which tests only the pairs across each union it attempts, gives the same
     * partition.
     */
    private static final int FAST_PATH_CONTRADICTION_LIMIT = 64;

    /** Hears the unions of a clustering, in order. */
    interface Unions {
        /**
         * Two clusters were joined by a link between members {@code a} and {@code b} (indices in
         * the component's key order).
         *
         * @param edge the probabilistic link's packed edge, or {@link Edge#NONE} for a deterministic link
         */
        void joined(int a, int b, long edge);
    }

    private final EngineConfig config;
    private final Scorer scorer;
    private final CandidateGenerator generator;
    private final GenericValues generics;

    Clusterer(EngineConfig config, Scorer scorer, CandidateGenerator generator, GenericValues generics) {
        this.config = config;
        this.scorer = scorer;
        this.generator = generator;
        this.generics = generics;
    }

    /**
     * Clusters a component.
     *
     * @param component the component's ordinals, in any order; sorted in place by record key
     * @param graph the store, read only (blocks, edges, derived features)
     * @param unions hears every union, or {@code null}; with a listener the fast path is not
     *     taken, so every union is reported
     * @param view generic values of {@code graph}'s state
     * @return the clusters, each an array of ordinals in key order
     */
    int[][] cluster(int[] component, GraphStore.Reader graph, Unions unions, GenericValues.View view) {
        int n = component.length;
        FeatureRecord[] records = new FeatureRecord[n];
        sortByKey(component, records, graph);
        if (n == 1 || (unions == null && fitsAsOne(records, graph, view))) {
            return new int[][] {component};
        }
        HashMap<Integer, Integer> localOf = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            localOf.put(component[i], i);
        }
        UnionFind uf = new UnionFind(records, config, scorer, view);

        // deterministic links first (weight +Infinity), in rank order of their ends
        IntList partners = new IntList();
        for (int i = 0; i < n; i++) {
            FeatureRecord e = records[i];
            partners.clear();
            for (int k = 0; k < e.keys.length; k++) {
                if (!config.rules[e.ruleOf(k)].deterministic) {
                    continue;
                }
                GraphStore.Members block = graph.block(e.keys[k]);
                if (!generics.links(block, graph, view)) {
                    continue;
                }
                Identifier value = generics.refusesContradictions() ? generics.valueOf(e, e.keys[k]) : null;
                for (int m = 0; m < block.size(); m++) {
                    Integer j = localOf.get(block.member(m));
                    if (j == null) {
                        if (unions != null) {
                            continue; // explaining part of a component: links leave it
                        }
                        throw new IllegalStateException("deterministic link leaves its component");
                    }
                    if (j > i && !generics.refuses(e, records[j], value, view)) {
                        partners.add(j);
                    }
                }
            }
            int[] sorted = partners.toArray();
            Arrays.sort(sorted);
            for (int p = 0; p < sorted.length; p++) {
                if ((p == 0 || sorted[p] != sorted[p - 1]) && uf.tryUnion(i, sorted[p]) && unions != null) {
                    unions.joined(i, sorted[p], Edge.NONE);
                }
            }
        }

        // then probabilistic link edges, by weight descending, then ranks
        int edgeCount = 0;
        long[] packed = new long[Math.max(4, n)];
        int[] ends = new int[packed.length * 2];
        for (int i = 0; i < n; i++) {
            int o = component[i];
            for (int d = 0, degree = graph.degree(o); d < degree; d++) {
                long edge = graph.edge(o, d);
                if (!Edge.isLink(edge)) {
                    continue;
                }
                Integer j = localOf.get(graph.partner(o, d));
                if (j == null) {
                    if (unions != null) {
                        continue;
                    }
                    throw new IllegalStateException("match graph edge leaves its component");
                }
                if (j > i) {
                    if (edgeCount == packed.length) {
                        packed = Arrays.copyOf(packed, edgeCount * 2);
                        ends = Arrays.copyOf(ends, edgeCount * 4);
                    }
                    packed[edgeCount] = edge;
                    ends[2 * edgeCount] = i;
                    ends[2 * edgeCount + 1] = j;
                    edgeCount++;
                }
            }
        }
        Integer[] order = new Integer[edgeCount];
        for (int k = 0; k < edgeCount; k++) {
            order[k] = k;
        }
        long[] edges = packed;
        int[] endpoints = ends;
        Arrays.sort(order, (p, q) -> {
            int c = Float.compare(Edge.weight(edges[q]), Edge.weight(edges[p]));
            if (c != 0) {
                return c;
            }
            c = Integer.compare(endpoints[2 * p], endpoints[2 * q]);
            return c != 0 ? c : Integer.compare(endpoints[2 * p + 1], endpoints[2 * q + 1]);
        });
        for (int k = 0; k < edgeCount; k++) {
            int e = order[k];
            if (uf.tryUnion(endpoints[2 * e], endpoints[2 * e + 1]) && unions != null) {
                unions.joined(endpoints[2 * e], endpoints[2 * e + 1], edges[e]);
            }
        }
        return uf.clusters(component);
    }

    /** Sorts ordinals by their records' keys and fills {@code records} in the same order. */
    private static void sortByKey(int[] component, FeatureRecord[] records, GraphStore.Reader graph) {
        Integer[] order = new Integer[component.length];
        FeatureRecord[] byPosition = new FeatureRecord[component.length];
        for (int i = 0; i < component.length; i++) {
            order[i] = i;
            byPosition[i] = (FeatureRecord) graph.derived(component[i]);
        }
        Arrays.sort(order, (x, y) -> byPosition[x].key.compareTo(byPosition[y].key));
        int[] sorted = new int[component.length];
        for (int i = 0; i < component.length; i++) {
            sorted[i] = component[order[i]];
            records[i] = byPosition[order[i]];
        }
        System.arraycopy(sorted, 0, component, 0, sorted.length);
    }

    /** Whether the whole component satisfies merge protection, so that it is one cluster. */
    private boolean fitsAsOne(FeatureRecord[] component, GraphStore.Reader graph, GenericValues.View view) {
        if (component.length > config.maxProfileSize) {
            return false;
        }
        Map<IdentifierType, Set<String>> limited = null;
        Set<String> duplicateFree = null;
        boolean cannotLinks = false;
        for (FeatureRecord e : component) {
            for (Identifier id : e.identifiers) {
                int limit = config.limit(id.type());
                if (limit != Integer.MAX_VALUE) {
                    if (limited == null) {
                        limited = new HashMap<>(2);
                    }
                    Set<String> values = limited.computeIfAbsent(id.type(), t -> new HashSet<>(2));
                    if (values.add(id.value()) && values.size() > limit) {
                        return false;
                    }
                }
            }
            cannotLinks |= config.cannotLink.containsKey(e.key);
            if (config.duplicateFree.contains(e.key.source())) {
                if (duplicateFree == null) {
                    duplicateFree = new HashSet<>(2);
                }
                if (!duplicateFree.add(e.key.source())) {
                    return false;
                }
            }
        }
        boolean contradictions = config.maxContradiction != Double.POSITIVE_INFINITY;
        boolean distinct = config.distinctSlot >= 0;
        if (contradictions || distinct) {
            if (component.length > FAST_PATH_CONTRADICTION_LIMIT) {
                return false; // checking every pair costs more than the greedy path's checks
            }
            for (int i = 0; i < component.length; i++) {
                for (int j = i + 1; j < component.length; j++) {
                    // the distinct-people test first: it answers most pairs from one feature
                    if ((distinct && scorer.distinct(component[i], component[j], view)) || (contradictions
                            && scorer.contradicts(component[i], component[j], config.maxContradiction, view))) {
                        return false; // the greedy path keeps them apart
                    }
                }
            }
        }
        if (generics.refusesContradictions() && refusesALink(component, graph, view)) {
            return false; // a refused deterministic link may leave the component unconnected
        }
        if (cannotLinks) {
            Set<RecordKey> keys = new HashSet<>(component.length * 2);
            for (FeatureRecord e : component) {
                keys.add(e.key);
            }
            for (FeatureRecord e : component) {
                Set<RecordKey> forbidden = config.cannotLink.get(e.key);
                if (forbidden != null) {
                    for (RecordKey other : forbidden) {
                        if (keys.contains(other)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether some deterministic link inside the component is refused (its two records
     * contradict each other, {@link GenericValues#refuses}): each pair sharing a linking block is
     * tested once per block, from its lower record key.
     */
    private boolean refusesALink(FeatureRecord[] component, GraphStore.Reader graph, GenericValues.View view) {
        for (FeatureRecord e : component) {
            for (int k = 0; k < e.keys.length; k++) {
                if (!config.rules[e.ruleOf(k)].deterministic) {
                    continue;
                }
                GraphStore.Members block = graph.block(e.keys[k]);
                if (!generics.links(block, graph, view)) {
                    continue;
                }
                Identifier value = generics.valueOf(e, e.keys[k]);
                for (int m = 0; m < block.size(); m++) {
                    FeatureRecord other = (FeatureRecord) graph.derived(block.member(m));
                    if (e.key.compareTo(other.key) < 0 && generics.refuses(e, other, value, view)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Union–find with per-cluster merge-protection state, kept only at roots. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;
        private final List<List<Integer>> members;
        private final List<Map<IdentifierType, Set<String>>> limited;
        private final List<Set<RecordKey>> forbidden;
        /** Per root: the duplicate-free sources its cluster holds a record of, or {@code null} for none. */
        private final List<Set<String>> sources;
        private final EngineConfig config;
        private final FeatureRecord[] component;
        private final Scorer scorer;
        private final Map<Long, Boolean> contradicts = new HashMap<>();
        private final Map<Long, Boolean> distinct = new HashMap<>();
        private final GenericValues.View view;

        UnionFind(FeatureRecord[] component, EngineConfig config, Scorer scorer, GenericValues.View view) {
            this.scorer = scorer;
            this.view = view;
            int n = component.length;
            this.config = config;
            this.component = component;
            parent = new int[n];
            size = new int[n];
            members = new ArrayList<>(n);
            limited = new ArrayList<>(n);
            forbidden = new ArrayList<>(n);
            sources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
                members.add(null);
                FeatureRecord e = component[i];
                Map<IdentifierType, Set<String>> values = null;
                for (Identifier id : e.identifiers) {
                    if (config.limit(id.type()) != Integer.MAX_VALUE) {
                        if (values == null) {
                            values = new HashMap<>(2);
                        }
                        values.computeIfAbsent(id.type(), t -> new HashSet<>(2)).add(id.value());
                    }
                }
                limited.add(values);
                Set<RecordKey> partners = config.cannotLink.get(e.key);
                forbidden.add(partners == null ? null : new HashSet<>(partners));
                sources.add(config.duplicateFree.contains(e.key.source()) ? new HashSet<>(Set.of(e.key.source())) : null);
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** Joins the clusters of {@code a} and {@code b} unless merge protection refuses; whether it joined them. */
        boolean tryUnion(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return false;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            if (size[ra] + size[rb] > config.maxProfileSize) {
                return false;
            }
            if (!limitsAllow(ra, rb) || !cannotLinkAllows(ra, rb) || !sourcesAllow(ra, rb) || !consistent(ra, rb)
                    || !distinctApart(a, b, ra, rb)) {
                return false;
            }
            // merge rb into ra
            parent[rb] = ra;
            size[ra] += size[rb];
            List<Integer> big = membersOf(ra);
            big.addAll(membersOf(rb));
            members.set(rb, null);
            Map<IdentifierType, Set<String>> lb = limited.get(rb);
            if (lb != null) {
                Map<IdentifierType, Set<String>> la = limited.get(ra);
                if (la == null) {
                    limited.set(ra, lb);
                } else {
                    lb.forEach((type, values) -> la.computeIfAbsent(type, t -> new HashSet<>()).addAll(values));
                }
                limited.set(rb, null);
            }
            moveInto(sources, ra, rb);
            moveInto(forbidden, ra, rb);
            return true;
        }

        /** Moves root {@code rb}'s set (if any) into root {@code ra}'s. */
        private static <T> void moveInto(List<Set<T>> perRoot, int ra, int rb) {
            Set<T> from = perRoot.get(rb);
            if (from != null) {
                Set<T> into = perRoot.get(ra);
                if (into == null) {
                    perRoot.set(ra, from);
                } else {
                    into.addAll(from);
                }
                perRoot.set(rb, null);
            }
        }

        private List<Integer> membersOf(int root) {
            List<Integer> list = members.get(root);
            if (list == null) {
                list = new ArrayList<>(2);
                list.add(root);
                members.set(root, list);
            }
            return list;
        }

        private boolean limitsAllow(int ra, int rb) {
            Map<IdentifierType, Set<String>> la = limited.get(ra);
            Map<IdentifierType, Set<String>> lb = limited.get(rb);
            if (la == null || lb == null) {
                return true;
            }
            for (Map.Entry<IdentifierType, Set<String>> entry : lb.entrySet()) {
                Set<String> existing = la.get(entry.getKey());
                if (existing == null) {
                    continue;
                }
                int union = existing.size();
                for (String value : entry.getValue()) {
                    if (!existing.contains(value)) {
                        union++;
                    }
                }
                if (union > config.limit(entry.getKey())) {
                    return false;
                }
            }
            return true;
        }

        /** No member of one cluster contradicts a member of the other beyond the limit. */
        private boolean consistent(int ra, int rb) {
            if (config.maxContradiction == Double.POSITIVE_INFINITY) {
                return true;
            }
            for (int x : membersOf(ra)) {
                for (int y : membersOf(rb)) {
                    long pair = x < y ? ((long) x << 32) | y : ((long) y << 32) | x;
                    Boolean veto = contradicts.get(pair);
                    if (veto == null) {
                        veto = scorer.contradicts(component[x], component[y], config.maxContradiction, view);
                        contradicts.put(pair, veto);
                    }
                    if (veto) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * The distinct-people test ({@link Scorer#distinct}) allows joining the clusters of
         * {@code a} and {@code b} through their link: {@code a} and {@code b} are not distinct
         * people, and when either cannot tell every pair of people apart no member of one cluster
         * is distinct from a member of the other while that end of the link fits both
         * ({@link Scorer#fitsBoth}): a record with a surname and an address, or a shared e-mail
         * alone, fits every member of a household; a given name without a birth date fits a
         * father and a son of that name.
         */
        private boolean distinctApart(int a, int b, int ra, int rb) {
            if (config.distinctSlot < 0) {
                return true;
            }
            if (distinct(a, b)) {
                return false;
            }
            boolean aTells = scorer.distinguishes(component[a]);
            boolean bTells = scorer.distinguishes(component[b]);
            if (aTells && bTells) {
                return true;
            }
            for (int x : membersOf(ra)) {
                for (int y : membersOf(rb)) {
                    if (distinct(x, y) && ((!aTells && scorer.fitsBoth(component[a], component[x], component[y]))
                            || (!bTells && scorer.fitsBoth(component[b], component[x], component[y])))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean distinct(int x, int y) {
            long pair = x < y ? ((long) x << 32) | y : ((long) y << 32) | x;
            Boolean known = distinct.get(pair);
            if (known == null) {
                known = scorer.distinct(component[x], component[y], view);
                distinct.put(pair, known);
            }
            return known;
        }

        /** The two clusters hold no record of the same duplicate-free source. */
        private boolean sourcesAllow(int ra, int rb) {
            Set<String> sa = sources.get(ra);
            Set<String> sb = sources.get(rb);
            if (sa == null || sb == null) {
                return true;
            }
            for (String source : sb) {
                if (sa.contains(source)) {
                    return false;
                }
            }
            return true;
        }

        private boolean cannotLinkAllows(int ra, int rb) {
            Set<RecordKey> fa = forbidden.get(ra);
            Set<RecordKey> fb = forbidden.get(rb);
            if (fa == null && fb == null) {
                return true;
            }
            if (fa != null) {
                for (int m : membersOf(rb)) {
                    if (fa.contains(component[m].key)) {
                        return false;
                    }
                }
            }
            if (fb != null) {
                for (int m : membersOf(ra)) {
                    if (fb.contains(component[m].key)) {
                        return false;
                    }
                }
            }
            return true;
        }

        int[][] clusters(int[] ordinals) {
            Map<Integer, IntList> byRoot = new HashMap<>();
            List<IntList> result = new ArrayList<>();
            for (int i = 0; i < ordinals.length; i++) {
                int root = find(i);
                IntList cluster = byRoot.get(root);
                if (cluster == null) {
                    cluster = new IntList(size[root]);
                    byRoot.put(root, cluster);
                    result.add(cluster);
                }
                cluster.add(ordinals[i]);
            }
            int[][] clusters = new int[result.size()][];
            for (int c = 0; c < clusters.length; c++) {
                clusters[c] = result.get(c).toArray();
            }
            return clusters;
        }
    }
}
