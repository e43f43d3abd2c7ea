package io.unum.internal;

import io.unum.ChangeSet;
import io.unum.InputIssue;
import io.unum.ProfileChange;
import io.unum.ProgressListener;
import io.unum.Stage;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.PrivacyDecision;
import io.unum.store.GraphStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one write path: applies deletions and upserts as one change inside a store transaction. A
 * batch resolution is {@code apply} on an empty store and a live upsert is {@code apply} of one
 * record, so batch and incremental run the same code.
 *
 * <h2>Design</h2>
 * Invariant: the match graph has an edge between two resident records exactly when they are
 * candidates ({@link CandidateGenerator}) and the {@link Scorer} gives an edge. The profiles are
 * the clusters that the {@link Clusterer} makes of each connected component of the links. Both
 * are functions of the set of resident records, so any sequence of changes leading to the same
 * set gives the same partition. {@code apply} keeps the invariant by touching only what a change
 * can affect:
 * <ol>
 *   <li>removed (deleted or replaced) records lose their edges and block memberships;</li>
 *   <li>new records join their blocks;</li>
 *   <li>blocks that crossed their cap are re-evaluated: a block that became oversized
 *       re-evaluates the edges of its old members (a link may have depended on it); a block
 *       that fell back under the cap evaluates all pairs of its old members;</li>
 *   <li>new records are scored against their candidates, each pair once, in parallel;</li>
 *   <li>the connected components around every touched record are clustered again;</li>
 *   <li>profile ids follow each old profile's oldest remaining record ({@link ProfileAssigner});
 *       survivorship rebuilds the changed profiles; the differences become the {@link ChangeSet}.</li>
 * </ol>
 *
 * <p>Scratch (marks per ordinal, stamp arrays) belongs to the applier and is reused across
 * changes. Not thread-safe: one applier per graph, called by one writer at a time; inside, the
 * parallel phases only read the store and write per-task slots.
 */
public final class ChangeApplier {

    /** Below this many units, scoring, clustering and survivorship run inline. */
    private static final int PARALLEL_THRESHOLD = 256;
    private static final int CHUNK = 512;

    private final Engine engine;
    private final CandidateGenerator generator;
    private final ConcurrentLinkedQueue<int[]> stamps = new ConcurrentLinkedQueue<>();
    /** Per ordinal: the change that inserted, touched or visited it. */
    private int[] inserted = new int[0];
    private int[] touched = new int[0];
    private int[] visited = new int[0];
    private int[] clusterOf = new int[0];
    private int epoch;
    private long candidatePairsTotal;
    /** Per change: the values whose generic status it may flip. */
    private final GenericTransitions transitions;
    /** The generic-value answers for the state the last change left, or {@code null}. */
    private GenericValues.View lastView;

    ChangeApplier(Engine engine) {
        this.engine = engine;
        this.generator = engine.generator;
        this.transitions = new GenericTransitions(engine.generics);
    }

    /**
     * Diagnostics of the state this applier's last change left, reusing what the change learnt
     * about generic values. {@code graph} must read exactly that state (a snapshot taken after
     * the commit, before any other change).
     */
    public Diagnostics diagnostics(GraphStore.Reader graph) {
        return lastView == null ? new Diagnostics(engine, graph) : new Diagnostics(engine, graph, lastView.over(graph));
    }

    /** The pairs scored by this applier's changes so far. */
    public long candidatePairsTotal() {
        return candidatePairsTotal;
    }

    /**
     * Applies deletions and upserts as one change in {@code tx}. Within {@code upserts}, the last
     * record with a key wins and earlier ones are reported as superseded. A key both deleted and
     * upserted is upserted. An upsert whose record is rejected leaves any resident record with
     * that key unchanged; one refused by a privacy stage removes it. Reports progress for the
     * stages {@code features}, {@code scoring}, {@code clustering} and {@code profiles}. The
     * caller commits or aborts the transaction.
     *
     * @return the change set and statistics
     */
    public Outcome apply(GraphStore.Transaction tx, Collection<? extends SourceRecord> upserts,
            Collection<RecordKey> deletes, ProgressListener progress) {
        return apply(tx, upserts, deletes, progress, null);
    }

    /**
     * {@link #apply(GraphStore.Transaction, Collection, Collection, ProgressListener)} at the
     * instant of {@code prepared}, taking the records it holds featurized from it.
     *
     * @param prepared records featurized by training, or {@code null}
     */
    public Outcome apply(GraphStore.Transaction tx, Collection<? extends SourceRecord> upserts,
            Collection<RecordKey> deletes, ProgressListener progress, PreparedFeatures prepared) {
        int current = ++epoch;
        transitions.clear();
        Instant now = prepared != null ? prepared.now() : engine.now();
        Map<Stage, Duration> times = new EnumMap<>(Stage.class);
        long t0 = System.nanoTime();
        List<InputIssue> issues = new ArrayList<>();

        // 0. one record per key, the last one winning; skip records identical to the resident one
        LinkedHashMap<RecordKey, SourceRecord> latest = new LinkedHashMap<>();
        for (SourceRecord record : upserts) {
            Objects.requireNonNull(record, "record in batch");
            SourceRecord previous = latest.remove(record.key());
            if (previous != null) {
                issues.add(new InputIssue(previous.key(), "key", InputIssue.Problem.DUPLICATE_KEY,
                        InputIssue.Action.RECORD_SUPERSEDED, "each record key once per batch; the last occurrence wins"));
            }
            latest.put(record.key(), record);
        }
        Set<RecordKey> deleteSet = new HashSet<>();
        for (RecordKey key : deletes) {
            deleteSet.add(Objects.requireNonNull(key, "key to delete"));
        }
        List<SourceRecord> toInsert = new ArrayList<>(latest.size());
        for (SourceRecord record : latest.values()) {
            SourceRecord resident = tx.recordCount() == 0 ? null : tx.record(tx.ordinal(record.key()));
            if (resident != null && resident.equals(record)) {
                deleteSet.remove(record.key());
            } else {
                toInsert.add(record);
            }
        }

        // 1. features, once per record
        StageProgress featureProgress = new StageProgress(progress, "features", toInsert.size());
        Featurizer.Result[] results = PreparedFeatures.featurize(engine, toInsert, now, prepared, featureProgress::add);
        List<FeatureRecord> fresh = new ArrayList<>(results.length);
        List<PrivacyDecision> decisions = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            Featurizer.Result result = results[i];
            issues.addAll(result.issues());
            decisions.addAll(result.decisions());
            if (result.entry() != null) {
                fresh.add(result.entry());
            } else if (result.refused()) {
                deleteSet.add(toInsert.get(i).key()); // a refused update removes what was resident
            }
        }
        long t1 = System.nanoTime();
        times.put(Stage.FEATURES, Duration.ofNanos(t1 - t0));

        // 2. removals
        IntList touchedList = new IntList();
        Set<ProfileId> oldProfiles = new HashSet<>();
        IntList removed = new IntList();
        Map<RecordKey, ProfileId> carried = new HashMap<>();
        if (tx.recordCount() > 0) {
            for (RecordKey key : deleteSet) {
                int o = tx.ordinal(key);
                if (o >= 0) {
                    removed.add(o);
                }
            }
            for (FeatureRecord entry : fresh) {
                int o = tx.ordinal(entry.key);
                if (o >= 0 && !deleteSet.contains(entry.key)) {
                    removed.add(o);
                }
                if (o >= 0 && tx.profileOf(o) != null) {
                    carried.put(entry.key, tx.profileOf(o)); // a replaced record still belonged to its profile
                }
            }
        }
        ensureScratch(tx.ordinalBound());
        for (int r = 0; r < removed.size(); r++) {
            int o = removed.get(r);
            FeatureRecord old = (FeatureRecord) tx.derived(o);
            if (tx.profileOf(o) != null) {
                oldProfiles.add(tx.profileOf(o));
            }
            for (int d = 0, n = tx.degree(o); d < n; d++) {
                touch(tx.partner(o, d), current, touchedList);
            }
            for (long key : old.keys) {
                tx.removeMember(key, o);
                GraphStore.Members block = tx.block(key);
                if (block != null && generator.deterministic(block.tag()) && block.size() < generator.cap(block.tag())) {
                    // the block linked its members implicitly; they must be clustered again
                    for (int m = 0; m < block.size(); m++) {
                        touch(block.member(m), current, touchedList);
                    }
                }
            }
            for (long key : old.lookupKeys) {
                transitions.note(tx, old, key);
                tx.removeMember(key, o);
            }
            tx.remove(o);
        }

        // 3. insertions; the look-up blocks' statuses are noted as they were before this change
        // added to them (a value only this change's records hold had no links to revise)
        for (FeatureRecord entry : fresh) {
            for (long key : entry.lookupKeys) {
                transitions.note(tx, entry, key);
            }
        }
        int[] freshOrdinals = new int[fresh.size()];
        for (int f = 0; f < fresh.size(); f++) {
            FeatureRecord entry = fresh.get(f);
            int o = tx.insert(entry.record, entry);
            freshOrdinals[f] = o;
            ensureScratch(o + 1);
            inserted[o] = current;
            ProfileId profile = carried.get(entry.key);
            if (profile != null) {
                tx.setProfileOf(o, profile);
            }
        }
        CandidateGenerator.addMemberships(tx, fresh, freshOrdinals);
        long t2 = System.nanoTime();
        times.put(Stage.BLOCKING, Duration.ofNanos(t2 - t1));

        return resolveNew(tx, fresh, freshOrdinals, touchedList, oldProfiles, current, now,
                new ChangeSet(List.of(), issues, decisions), times, t2, progress);
    }

    /**
     * Resolves every resident record again with this engine's configuration, in {@code tx}: the
     * records stay, everything derived from them (features, block memberships, edges) is made
     * anew, and the profiles follow as for any change — a cluster keeps the id of the old profile
     * whose oldest record it holds, so profile ids survive where their founding record does, and
     * the differences become the change set (merges, splits, updates). The records were admitted
     * when they came in (privacy filters and suppression do not run again); records the
     * configuration now rejects (e.g. too many identifiers under a new limit) are removed and
     * reported. The caller commits.
     */
    public Outcome reindex(GraphStore.Transaction tx, ProgressListener progress) {
        int current = ++epoch;
        transitions.clear();
        Instant now = engine.now();
        Map<Stage, Duration> times = new EnumMap<>(Stage.class);
        long t0 = System.nanoTime();
        int bound = tx.ordinalBound();
        ensureScratch(bound);
        IntList resident = new IntList();
        List<SourceRecord> records = new ArrayList<>();
        for (int o = 0; o < bound; o++) {
            SourceRecord record = tx.record(o);
            if (record != null) {
                resident.add(o);
                records.add(record);
            }
        }
        // what the old configuration derived goes: block memberships and edges
        List<long[]> memberships = new ArrayList<>();
        tx.forEachBlock(block -> {
            long[] entry = new long[block.size() + 1];
            entry[0] = block.key();
            for (int m = 0; m < block.size(); m++) {
                entry[m + 1] = block.member(m);
            }
            memberships.add(entry);
        });
        for (long[] entry : memberships) {
            for (int m = 1; m < entry.length; m++) {
                tx.removeMember(entry[0], (int) entry[m]);
            }
        }
        for (int r = 0; r < resident.size(); r++) {
            int o = resident.get(r);
            while (tx.degree(o) > 0) {
                tx.setEdge(o, tx.partner(o, tx.degree(o) - 1), Edge.NONE);
            }
        }
        // features with this configuration
        StageProgress featureProgress = new StageProgress(progress, "features", records.size());
        Featurizer.Result[] results = engine.featurizer.featurizeStored(records, now, engine.parallel,
                featureProgress::add);
        List<InputIssue> issues = new ArrayList<>();
        List<PrivacyDecision> decisions = new ArrayList<>();
        Set<ProfileId> oldProfiles = new HashSet<>();
        List<FeatureRecord> fresh = new ArrayList<>(results.length);
        IntList freshOrdinals = new IntList(results.length);
        for (int i = 0; i < results.length; i++) {
            int o = resident.get(i);
            issues.addAll(results[i].issues());
            decisions.addAll(results[i].decisions());
            FeatureRecord entry = results[i].entry();
            if (entry == null) {
                if (tx.profileOf(o) != null) {
                    oldProfiles.add(tx.profileOf(o));
                }
                tx.remove(o);
                continue;
            }
            tx.setDerived(o, entry);
            inserted[o] = current; // every record is new to this configuration
            fresh.add(entry);
            freshOrdinals.add(o);
        }
        long t1 = System.nanoTime();
        times.put(Stage.FEATURES, Duration.ofNanos(t1 - t0));
        int[] ordinals = freshOrdinals.toArray();
        CandidateGenerator.addMemberships(tx, fresh, ordinals);
        long t2 = System.nanoTime();
        times.put(Stage.BLOCKING, Duration.ofNanos(t2 - t1));
        return resolveNew(tx, fresh, ordinals, new IntList(), oldProfiles, current, now,
                new ChangeSet(List.of(), issues, decisions), times, t2, progress);
    }

    /**
     * Steps 4 to 7 of a change: blocks that crossed their cap, scoring of the new records,
     * clustering of the touched components, profile ids and survivorship.
     *
     * @param input the input issues and privacy decisions of the change (no profile changes)
     */
    private Outcome resolveNew(GraphStore.Transaction tx, List<FeatureRecord> fresh, int[] freshOrdinals,
            IntList touchedList, Set<ProfileId> oldProfiles, int current, Instant now, ChangeSet input,
            Map<Stage, Duration> times, long t2, ProgressListener progress) {
        GenericValues.View view = engine.generics.view(tx);
        lastView = view;
        // 4. blocks that crossed their cap change which old pairs are candidates
        long[] pairs = {0};
        List<GraphStore.Members> crossed = new ArrayList<>();
        tx.forEachChangedBlock((block, sizeAtBegin) -> {
            int tag = block.tag();
            // an emptied block has no pairs left to re-evaluate (and after a rebuild its tag may
            // name a rule of the old configuration)
            if (block.size() > 0 && CandidateGenerator.isBlockingKey(tag)
                    && generator.oversized(tag, sizeAtBegin) != generator.oversized(tag, block.size())) {
                crossed.add(block);
            }
        });
        for (GraphStore.Members block : crossed) {
            if (generator.deterministic(block.tag())) {
                // implicit links appear or vanish: cluster the members again
                for (int m = 0; m < block.size(); m++) {
                    touch(block.member(m), current, touchedList);
                }
            } else if (generator.oversized(block.tag(), block.size())) {
                // it became oversized: every edge of its old members may have depended on it
                pairs[0] += reevaluateEdges(tx, block, b -> true, current, touchedList, view);
            } else {
                CandidateGenerator.forEachPairIn(block, o -> inserted[o] != current, (a, b) -> {
                    pairs[0]++;
                    reevaluate(tx, a, b, current, touchedList, view);
                });
            }
        }

        // 4b. values that became generic, or stopped being generic: their holders' links change
        pairs[0] += genericChanges(tx, view, current, touchedList);

        // 5. score new records against their candidates, each pair once
        pairs[0] += scoreNew(tx, fresh, freshOrdinals, current, touchedList, view,
                new StageProgress(progress, "scoring", fresh.size()));
        candidatePairsTotal += pairs[0];
        long t3 = System.nanoTime();
        times.put(Stage.SCORING, Duration.ofNanos(t3 - t2));

        // 6. components around every touched record, clustered again
        List<int[]> components = components(tx, freshOrdinals, touchedList, current, view);
        int[][][] clustered = new int[components.size()][][];
        StageProgress clusterProgress = new StageProgress(progress, "clustering", components.size());
        engine.parallel.forEachChunk(chunks(components.size()), components.size() >= PARALLEL_THRESHOLD ? 2 : Integer.MAX_VALUE,
                c -> {
                    int end = Math.min(components.size(), (c + 1) * CHUNK);
                    for (int i = c * CHUNK; i < end; i++) {
                        clustered[i] = engine.clusterer.cluster(components.get(i), tx, null, view);
                    }
                    clusterProgress.add(end - c * CHUNK);
                });
        List<int[]> clusterList = new ArrayList<>();
        for (int[][] list : clustered) {
            clusterList.addAll(Arrays.asList(list));
        }
        int[][] clusters = clusterList.toArray(new int[0][]);
        long t4 = System.nanoTime();
        times.put(Stage.CLUSTERING, Duration.ofNanos(t4 - t3));

        // 7. profile ids, survivorship, change set
        ProfileAssigner.Plan plan = engine.assigner.plan(clusters, oldProfiles, tx, o -> inserted[o] == current,
                o -> visited[o] == current, clusterOf);
        Profile[] built = new Profile[clusters.length];
        StageProgress profileProgress = new StageProgress(progress, "profiles", clusters.length);
        engine.parallel.forEachChunk(chunks(clusters.length), clusters.length >= PARALLEL_THRESHOLD ? 2 : Integer.MAX_VALUE,
                chunk -> {
                    int end = Math.min(clusters.length, (chunk + 1) * CHUNK);
                    for (int c = chunk * CHUNK; c < end; c++) {
                        if (!plan.unchanged[c]) {
                            FeatureRecord[] members = new FeatureRecord[clusters[c].length];
                            for (int m = 0; m < members.length; m++) {
                                members[m] = (FeatureRecord) tx.derived(clusters[c][m]);
                            }
                            built[c] = engine.profileBuilder.build(plan.ids[c], plan.versions[c], Arrays.asList(members), now);
                        }
                    }
                    profileProgress.add(end - chunk * CHUNK);
                });
        List<ProfileChange> changes = engine.assigner.write(plan, built, tx);
        ChangeSet changeSet = new ChangeSet(changes, input.issues(), input.privacy());
        if (!changeSet.isEmpty()) {
            tx.recordChange(changeSet);
        }
        times.put(Stage.SURVIVORSHIP, Duration.ofNanos(System.nanoTime() - t4));
        return new Outcome(changeSet, pairs[0], times);
    }

    private void ensureScratch(int bound) {
        if (inserted.length < bound) {
            int capacity = Math.max(bound, inserted.length + (inserted.length >> 1) + 16);
            inserted = Arrays.copyOf(inserted, capacity);
            touched = Arrays.copyOf(touched, capacity);
            visited = Arrays.copyOf(visited, capacity);
            clusterOf = new int[capacity];
        }
    }

    /** Adds a record to the change's touched list once; new records are seeds already. */
    private void touch(int o, int current, IntList touchedList) {
        if (touched[o] != current && inserted[o] != current) {
            touched[o] = current;
            touchedList.add(o);
        }
    }

    /**
     * Revises the links of the values whose generic status the change flipped: a value that
     * became generic no longer links or counts between its old holders (their edges are scored
     * again and their components clustered again); one that stopped being generic may link every
     * pair of its old holders again. The new holders are scored in step 5 anyway.
     *
     * @return the pairs scored
     */
    private long genericChanges(GraphStore.Transaction tx, GenericValues.View view, int current, IntList touchedList) {
        long pairs = 0;
        for (GenericTransitions.Flip flip : transitions.flips(tx, view)) {
            GraphStore.Members block = flip.holders();
            for (int m = 0; m < block.size(); m++) {
                touch(block.member(m), current, touchedList);
            }
            if (flip.generic()) {
                // only the edges between two old holders counted the value
                long key = flip.key();
                pairs += reevaluateEdges(tx, block, b -> inserted[b] != current
                        && Arrays.binarySearch(((FeatureRecord) tx.derived(b)).lookupKeys, key) >= 0,
                        current, touchedList, view);
            } else {
                long[] count = {0};
                CandidateGenerator.forEachPairIn(block, o -> inserted[o] != current, (a, b) -> {
                    count[0]++;
                    reevaluate(tx, a, b, current, touchedList, view);
                });
                pairs += count[0];
            }
        }
        return pairs;
    }

    /**
     * Scores again the edges of a block's old members (not inserted by this change) whose partner
     * passes {@code partners}.
     *
     * @return the pairs scored
     */
    private long reevaluateEdges(GraphStore.Transaction tx, GraphStore.Members block,
            java.util.function.IntPredicate partners, int current, IntList touchedList, GenericValues.View view) {
        long pairs = 0;
        for (int m = 0; m < block.size(); m++) {
            int a = block.member(m);
            if (inserted[a] == current) {
                continue;
            }
            int[] ends = new int[tx.degree(a)];
            for (int d = 0; d < ends.length; d++) {
                ends[d] = tx.partner(a, d);
            }
            for (int b : ends) {
                if (partners.test(b)) {
                    pairs++;
                    reevaluate(tx, a, b, current, touchedList, view);
                }
            }
        }
        return pairs;
    }

    private void reevaluate(GraphStore.Transaction tx, int a, int b, int current, IntList touchedList,
            GenericValues.View view) {
        FeatureRecord fa = (FeatureRecord) tx.derived(a);
        FeatureRecord fb = (FeatureRecord) tx.derived(b);
        long now = engine.scorer.evaluate(fa, fb, generator.sharedRules(fa, fb, tx, true), view);
        if (edgeBetween(tx, a, b) != now) {
            tx.setEdge(a, b, now);
            touch(a, current, touchedList);
            touch(b, current, touchedList);
        }
    }

    /** The edge between two records, or {@link Edge#NONE}. */
    static long edgeBetween(GraphStore.Reader graph, int a, int b) {
        for (int d = 0, n = graph.degree(a); d < n; d++) {
            if (graph.partner(a, d) == b) {
                return graph.edge(a, d);
            }
        }
        return Edge.NONE;
    }

    /** Scores every new record against its candidates; a pair of new records once, from its higher ordinal. */
    private long scoreNew(GraphStore.Transaction tx, List<FeatureRecord> fresh, int[] ordinals, int current,
            IntList touchedList, GenericValues.View view, StageProgress progress) {
        int n = fresh.size();
        int chunkCount = chunks(n);
        long[][] found = new long[chunkCount][];
        int[] foundCount = new int[chunkCount];
        long[] pairCounts = new long[chunkCount];
        int bound = tx.ordinalBound();
        engine.parallel.forEachChunk(chunkCount, n >= PARALLEL_THRESHOLD ? 2 : Integer.MAX_VALUE, c -> {
            int[] stamp = stamps.poll();
            if (!CandidateGenerator.covers(stamp, bound)) {
                stamp = CandidateGenerator.newStamp(bound);
            }
            long[][] out = {new long[64]};
            int[] count = {0};
            long[] scored = {0};
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int f = c * CHUNK; f < end; f++) {
                FeatureRecord a = fresh.get(f);
                int self = ordinals[f];
                generator.forEachPartner(a, self, a.keys, tx, false, stamp, (j, rule) -> {
                    if (inserted[j] == current && j > self) {
                        return; // a new pair is scored once, from its higher ordinal
                    }
                    scored[0]++;
                    FeatureRecord b = (FeatureRecord) tx.derived(j);
                    long edge = engine.scorer.evaluate(a, b, generator.rulesVia(a, b, tx, rule), view);
                    if (edge != Edge.NONE) {
                        if (count[0] + 3 > out[0].length) {
                            out[0] = Arrays.copyOf(out[0], out[0].length * 2);
                        }
                        out[0][count[0]++] = self;
                        out[0][count[0]++] = j;
                        out[0][count[0]++] = edge;
                    }
                });
            }
            stamps.add(stamp);
            progress.add(end - c * CHUNK);
            found[c] = out[0];
            foundCount[c] = count[0];
            pairCounts[c] = scored[0];
        });
        long scored = 0;
        for (int c = 0; c < chunkCount; c++) {
            scored += pairCounts[c];
            long[] out = found[c];
            for (int i = 0; i < foundCount[c]; i += 3) {
                // the first end is new, so the pair had no edge: append without a search
                tx.addEdge((int) out[i], (int) out[i + 1], out[i + 2]);
                touch((int) out[i + 1], current, touchedList);
            }
        }
        return scored;
    }

    /** The connected components (links and usable deterministic blocks) around the seeds. */
    private List<int[]> components(GraphStore.Reader graph, int[] fresh, IntList touchedList, int current,
            GenericValues.View view) {
        List<int[]> components = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        LongSet expanded = new LongSet();
        IntList component = new IntList();
        int seeds = fresh.length + touchedList.size();
        for (int s = 0; s < seeds; s++) {
            int seed = s < fresh.length ? fresh[s] : touchedList.get(s - fresh.length);
            if (graph.record(seed) == null || visited[seed] == current) {
                continue;
            }
            component.clear();
            visited[seed] = current;
            queue.add(seed);
            while (!queue.isEmpty()) {
                int o = queue.poll();
                component.add(o);
                for (int d = 0, n = graph.degree(o); d < n; d++) {
                    if (Edge.isLink(graph.edge(o, d))) {
                        visit(graph.partner(o, d), current, queue);
                    }
                }
                FeatureRecord e = (FeatureRecord) graph.derived(o);
                for (int k = 0; k < e.keys.length; k++) {
                    if (!generator.deterministic(e.keyMeta[k])) {
                        continue;
                    }
                    GraphStore.Members block = graph.block(e.keys[k]);
                    if (!expanded.add(e.keys[k]) || !engine.generics.links(block, graph, view)) {
                        continue; // each block is expanded once per change
                    }
                    for (int m = 0; m < block.size(); m++) {
                        visit(block.member(m), current, queue);
                    }
                }
            }
            components.add(component.toArray());
        }
        return components;
    }

    private void visit(int o, int current, ArrayDeque<Integer> queue) {
        if (visited[o] != current) {
            visited[o] = current;
            queue.add(o);
        }
    }

    private static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }
}
