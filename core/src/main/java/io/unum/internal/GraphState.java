package io.unum.internal;

import io.unum.ChangeSet;
import io.unum.InputIssue;
import io.unum.OversizedBlock;
import io.unum.PossibleMatch;
import io.unum.ProgressListener;
import io.unum.ProfileChange;
import io.unum.Stage;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.model.Purpose;
import io.unum.privacy.ErasureAudit;
import io.unum.privacy.IdentifierProtection;
import io.unum.privacy.IngestContext;
import io.unum.privacy.IngestFilter;
import io.unum.privacy.PrivacyDecision;
import io.unum.privacy.ProfileView;
import io.unum.rules.Weights;
import java.time.Instant;
import java.time.Duration;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The engine's state: resident records with their features, the blocking index, the match graph
 * and the golden profiles. One method, {@link #apply}, changes it; a batch resolution is
 * {@code apply} on an empty state, and a live upsert is {@code apply} of one record, so batch
 * and incremental run the same code.
 *
 * <h2>Design</h2>
 * Invariant: the match graph has an edge between two resident records exactly when they share a
 * blocking key whose block is not oversized and {@link PairScorer#evaluate} gives an edge. The
 * profiles are the clusters that {@link Clusterer} makes of each connected component of the
 * link edges. Both are functions of the set of resident records, so any sequence of changes
 * leading to the same set gives the same partition.
 *
 * <p>{@code apply} keeps the invariant by touching only what a change can affect:
 * <ol>
 *   <li>removed (deleted or replaced) records lose their edges and index entries;</li>
 *   <li>new records enter the index;</li>
 *   <li>blocks that crossed the size cap are re-evaluated: a block that became oversized
 *       re-evaluates the edges among its old members (a link may have depended on it); a block
 *       that fell back under the cap evaluates all pairs of its old members;</li>
 *   <li>new records are scored against the members of their non-oversized blocks (each pair
 *       once, without a global pair set), in parallel;</li>
 *   <li>the connected components around every touched record are clustered again;</li>
 *   <li>profile ids follow each old profile's oldest remaining record; survivorship rebuilds
 *       the changed profiles; the differences become the {@link ChangeSet}.</li>
 * </ol>
 *
 * <p>Not thread-safe: the caller (the identity graph) serializes writers and excludes readers
 * during {@code apply}. Inside, parallel phases only read shared structures and write per-task
 * slots.
 */
public final class GraphState {

    /** Below this many new records, scoring and featurizing run inline. */
    private static final int PARALLEL_THRESHOLD = 256;
    private static final int CHUNK = 512;

    private final EngineConfig config;
    private final Featurizer featurizer;
    private final PairScorer scorer;
    private final Clusterer clusterer;
    private final ProfileBuilder profileBuilder;
    private final ViewBuilder viewBuilder;
    private final Explainer explainer;
    private final Parallel parallel;

    private final ArrayList<RecordEntry> entries = new ArrayList<>();
    private final IntList free = new IntList();
    private final HashMap<RecordKey, RecordEntry> byKey = new HashMap<>();
    private final BlockIndex blocks = new BlockIndex();
    private final BlockIndex lookup = new BlockIndex();
    private final HashMap<ProfileId, Profile> profiles = new HashMap<>();
    private final HashMap<ProfileId, ProfileId> aliases = new HashMap<>();
    private final ConcurrentLinkedQueue<int[]> stampPool = new ConcurrentLinkedQueue<>();
    private long epoch;
    private long candidatePairsTotal;

    /**
     * Creates an empty state.
     *
     * @param config the compiled configuration
     * @param parallelism the number of threads for batch phases
     */
    public GraphState(EngineConfig config, int parallelism) {
        this.config = config;
        this.featurizer = new Featurizer(config);
        this.scorer = new PairScorer(config);
        this.clusterer = new Clusterer(config, scorer);
        this.profileBuilder = new ProfileBuilder(config);
        this.viewBuilder = new ViewBuilder(config);
        this.explainer = new Explainer(config);
        this.parallel = new Parallel(parallelism);
    }

    // ------------------------------------------------------------------------------------------
    // the one write path

    /**
     * Applies deletions and upserts as one change. Within {@code upserts}, the last record with
     * a key wins and earlier ones are reported as superseded. A key both deleted and upserted is
     * upserted. An upsert whose record is rejected leaves any resident record with that key
     * unchanged.
     *
     * @param upserts records to insert or replace
     * @param deletes keys to remove; unknown keys are ignored
     * @return the change set and statistics
     */
    public Outcome apply(Collection<SourceRecord> upserts, Collection<RecordKey> deletes) {
        return apply(upserts, deletes, ProgressListener.NONE);
    }

    /**
     * {@link #apply(Collection, Collection)} reporting progress for the stages {@code features},
     * {@code scoring}, {@code clustering} and {@code profiles} (in units of records, records,
     * components and clusters).
     */
    public Outcome apply(Collection<SourceRecord> upserts, Collection<RecordKey> deletes, ProgressListener progress) {
        long currentEpoch = ++epoch;
        Instant now = config.privacy.clock().instant();
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
            RecordEntry resident = byKey.get(record.key());
            if (resident != null && resident.record.equals(record)) {
                deleteSet.remove(record.key());
            } else {
                toInsert.add(record);
            }
        }

        // 1. features, once per record
        Progress featureProgress = new Progress(progress, "features", toInsert.size());
        Featurizer.Result[] results = featurizer.featurizeAll(toInsert, now, parallel, featureProgress::add);
        List<RecordEntry> fresh = new ArrayList<>(results.length);
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
        Touched touched = new Touched(currentEpoch);
        Set<ProfileId> oldProfiles = new HashSet<>();
        List<Block> touchedBlocks = new ArrayList<>();
        List<RecordEntry> removed = new ArrayList<>();
        for (RecordKey key : deleteSet) {
            RecordEntry resident = byKey.get(key);
            if (resident != null) {
                removed.add(resident);
            }
        }
        for (RecordEntry entry : fresh) {
            RecordEntry resident = byKey.get(entry.key);
            if (resident != null && !deleteSet.contains(entry.key)) {
                removed.add(resident);
            }
            if (resident != null) {
                entry.profile = resident.profile; // a replaced record still belonged to its profile
            }
        }
        for (RecordEntry old : removed) {
            if (old.profile != null) {
                oldProfiles.add(old.profile);
            }
            for (int d = 0; d < old.degree(); d++) {
                RecordEntry partner = entries.get(old.partner(d));
                partner.setEdge(old.index, Edge.NONE);
                touched.add(partner);
            }
            old.clearEdges();
            for (long key : old.keys) {
                Block block = blocks.get(key);
                mark(block, currentEpoch, touchedBlocks);
                block.removeValue(old.index);
                if (block.deterministic && block.size() < config.cap(block)) {
                    // the block linked its members implicitly; they must be clustered again
                    for (int m = 0; m < block.size(); m++) {
                        touched.add(entries.get(block.member(m)));
                    }
                }
                if (block.size() == 0) {
                    blocks.remove(key);
                }
            }
            for (long key : old.lookupKeys) {
                Block block = lookup.get(key);
                block.removeValue(old.index);
                if (block.size() == 0) {
                    lookup.remove(key);
                }
            }
            byKey.remove(old.key);
            entries.set(old.index, null);
            free.add(old.index);
            old.index = -1;
        }

        // 3. insertions
        for (RecordEntry entry : fresh) {
            entry.index = allocateIndex(entry);
            entry.insertedEpoch = currentEpoch;
            byKey.put(entry.key, entry);
            for (int k = 0; k < entry.keys.length; k++) {
                int meta = entry.keyMeta[k];
                Block block = blocks.getOrCreate(entry.keys[k], meta >>> 16, meta & 0xFFFF,
                        config.rules[meta >>> 16].deterministic);
                mark(block, currentEpoch, touchedBlocks);
                block.add(entry.index);
            }
            for (long key : entry.lookupKeys) {
                lookup.getOrCreate(key, 0, 0, false).add(entry.index);
            }
        }
        long t2 = System.nanoTime();
        times.put(Stage.BLOCKING, Duration.ofNanos(t2 - t1));

        // 4. blocks that crossed the cap change which old pairs are candidates
        long pairs = 0;
        for (Block block : touchedBlocks) {
            int cap = config.cap(block);
            boolean wasOver = block.sizeBefore > cap;
            boolean isOver = block.size() > cap;
            if (wasOver == isOver) {
                continue;
            }
            if (block.deterministic) {
                // implicit links appear or vanish: cluster the members again
                for (int m = 0; m < block.size(); m++) {
                    touched.add(entries.get(block.member(m)));
                }
                continue;
            }
            int[] members = oldMembers(block, currentEpoch);
            if (isOver) {
                for (int m : members) {
                    RecordEntry a = entries.get(m);
                    int[] partners = new int[a.degree()];
                    for (int d = 0; d < partners.length; d++) {
                        partners[d] = a.partner(d);
                    }
                    for (int p : partners) {
                        pairs++;
                        reevaluate(a, entries.get(p), touched);
                    }
                }
            } else {
                for (int x = 0; x < members.length; x++) {
                    for (int y = x + 1; y < members.length; y++) {
                        pairs++;
                        reevaluate(entries.get(members[x]), entries.get(members[y]), touched);
                    }
                }
            }
        }

        // 5. score new records against their blocks, each pair once
        pairs += scoreNew(fresh, currentEpoch, touched, new Progress(progress, "scoring", fresh.size()));
        candidatePairsTotal += pairs;
        long t3 = System.nanoTime();
        times.put(Stage.SCORING, Duration.ofNanos(t3 - t2));

        // 6. components around every touched record, clustered again
        List<List<RecordEntry>> components = components(fresh, touched.list(), currentEpoch);
        List<List<List<RecordEntry>>> clustered = new ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            clustered.add(null);
        }
        int clusterChunks = chunks(components.size());
        Progress clusterProgress = new Progress(progress, "clustering", components.size());
        parallel.forEachChunk(clusterChunks, components.size() >= PARALLEL_THRESHOLD ? 2 : Integer.MAX_VALUE, c -> {
            int end = Math.min(components.size(), (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                clustered.set(i, clusterer.cluster(components.get(i), blocks, entries));
            }
            clusterProgress.add(end - c * CHUNK);
        });
        List<List<RecordEntry>> clusters = new ArrayList<>();
        for (List<List<RecordEntry>> list : clustered) {
            clusters.addAll(list);
        }
        long t4 = System.nanoTime();
        times.put(Stage.CLUSTERING, Duration.ofNanos(t4 - t3));

        // 7. profile ids, survivorship, change set
        List<ProfileChange> changes = assign(clusters, oldProfiles, currentEpoch, now,
                new Progress(progress, "profiles", clusters.size()));
        times.put(Stage.SURVIVORSHIP, Duration.ofNanos(System.nanoTime() - t4));
        return new Outcome(new ChangeSet(changes, issues, decisions), pairs, times);
    }

    /** Counts finished units of one stage and reports them at most about a hundred times. */
    private static final class Progress {
        private final ProgressListener listener;
        private final String stage;
        private final long total;
        private final long step;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();

        Progress(ProgressListener listener, String stage, long total) {
            this.listener = listener;
            this.stage = stage;
            this.total = total;
            this.step = Math.max(1, total / 100);
            if (listener != ProgressListener.NONE && total > 0) {
                listener.onProgress(stage, 0, total);
            }
        }

        void add(long units) {
            if (listener == ProgressListener.NONE) {
                return;
            }
            long now = done.addAndGet(units);
            long last = reported.get();
            if ((now - last >= step || now == total) && reported.compareAndSet(last, now)) {
                listener.onProgress(stage, now, total);
            }
        }
    }

    /** The records a change touched, each once; new records are seeds already and are skipped. */
    private static final class Touched {
        private final long epoch;
        private final List<RecordEntry> list = new ArrayList<>();

        Touched(long epoch) {
            this.epoch = epoch;
        }

        void add(RecordEntry e) {
            if (e.touchedEpoch != epoch && e.insertedEpoch != epoch) {
                e.touchedEpoch = epoch;
                list.add(e);
            }
        }

        List<RecordEntry> list() {
            return list;
        }
    }

    private static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    private static void mark(Block block, long currentEpoch, List<Block> touchedBlocks) {
        if (block.touchedEpoch != currentEpoch) {
            block.touchedEpoch = currentEpoch;
            block.sizeBefore = block.size();
            touchedBlocks.add(block);
        }
    }

    private int allocateIndex(RecordEntry entry) {
        if (!free.isEmpty()) {
            int index = free.removeLast();
            entries.set(index, entry);
            return index;
        }
        entries.add(entry);
        return entries.size() - 1;
    }

    private int[] oldMembers(Block block, long currentEpoch) {
        IntList old = new IntList(block.size());
        for (int i = 0; i < block.size(); i++) {
            int m = block.member(i);
            if (entries.get(m).insertedEpoch != currentEpoch) {
                old.add(m);
            }
        }
        return old.toArray();
    }

    private void reevaluate(RecordEntry a, RecordEntry b, Touched touched) {
        long now = scorer.evaluate(a, b, blocks);
        if (a.edgeTo(b.index) != now) {
            a.setEdge(b.index, now);
            b.setEdge(a.index, now);
            touched.add(a);
            touched.add(b);
        }
    }

    /** Scores every new record against the members of its non-oversized blocks. */
    private long scoreNew(List<RecordEntry> fresh, long currentEpoch, Touched touched, Progress progress) {
        int n = fresh.size();
        int chunkCount = chunks(n);
        long[][] found = new long[chunkCount][];
        int[] foundCount = new int[chunkCount];
        long[] pairCounts = new long[chunkCount];
        parallel.forEachChunk(chunkCount, n >= PARALLEL_THRESHOLD ? 2 : Integer.MAX_VALUE, c -> {
            int[] stamp = borrowStamp();
            long[] out = new long[64];
            int count = 0;
            long scored = 0;
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int f = c * CHUNK; f < end; f++) {
                RecordEntry a = fresh.get(f);
                int mark = a.index + 1;
                stamp[a.index] = mark;
                for (long key : a.keys) {
                    Block block = blocks.get(key);
                    if (block.deterministic || config.oversized(block)) {
                        continue;
                    }
                    for (int i = 0; i < block.size(); i++) {
                        int j = block.member(i);
                        if (stamp[j] == mark) {
                            continue;
                        }
                        stamp[j] = mark;
                        RecordEntry b = entries.get(j);
                        if (b.insertedEpoch == currentEpoch && j > a.index) {
                            continue; // a new pair is scored once, from its higher index
                        }
                        scored++;
                        long edge = scorer.evaluate(a, b, blocks, block.rule);
                        if (edge != Edge.NONE) {
                            if (count + 3 > out.length) {
                                out = Arrays.copyOf(out, out.length * 2);
                            }
                            out[count++] = a.index;
                            out[count++] = j;
                            out[count++] = edge;
                        }
                    }
                }
            }
            // reset the marks we set so the stamp array can be reused
            for (int f = c * CHUNK; f < end; f++) {
                RecordEntry a = fresh.get(f);
                stamp[a.index] = 0;
                for (long key : a.keys) {
                    Block block = blocks.get(key);
                    if (block.deterministic || config.oversized(block)) {
                        continue;
                    }
                    for (int i = 0; i < block.size(); i++) {
                        stamp[block.member(i)] = 0;
                    }
                }
            }
            stampPool.add(stamp);
            progress.add(end - c * CHUNK);
            found[c] = out;
            foundCount[c] = count;
            pairCounts[c] = scored;
        });
        long scored = 0;
        for (int c = 0; c < chunkCount; c++) {
            scored += pairCounts[c];
            long[] out = found[c];
            for (int i = 0; i < foundCount[c]; i += 3) {
                RecordEntry a = entries.get((int) out[i]);
                RecordEntry b = entries.get((int) out[i + 1]);
                // a is new, so the pair had no edge: append without a search
                a.addEdge(b.index, out[i + 2]);
                b.addEdge(a.index, out[i + 2]);
                touched.add(b);
            }
        }
        return scored;
    }

    /** A zeroed int array covering every entry index, reused across calls and tasks. */
    private int[] borrowStamp() {
        int[] stamp = stampPool.poll();
        if (stamp == null || stamp.length < entries.size()) {
            stamp = new int[Math.max(entries.size() + (entries.size() >> 2), 16)];
        }
        return stamp;
    }

    private List<List<RecordEntry>> components(List<RecordEntry> fresh, List<RecordEntry> touched, long currentEpoch) {
        List<List<RecordEntry>> components = new ArrayList<>();
        ArrayDeque<RecordEntry> queue = new ArrayDeque<>();
        List<RecordEntry> seeds = new ArrayList<>(fresh.size() + touched.size());
        seeds.addAll(fresh);
        seeds.addAll(touched);
        for (RecordEntry seed : seeds) {
            if (seed.index < 0 || seed.visitedEpoch == currentEpoch) {
                continue;
            }
            List<RecordEntry> component = new ArrayList<>();
            seed.visitedEpoch = currentEpoch;
            queue.add(seed);
            while (!queue.isEmpty()) {
                RecordEntry e = queue.poll();
                component.add(e);
                for (int d = 0; d < e.degree(); d++) {
                    if (Edge.isLink(e.edge(d))) {
                        visit(entries.get(e.partner(d)), currentEpoch, queue);
                    }
                }
                for (int k = 0; k < e.keys.length; k++) {
                    if (!config.rules[e.keyMeta[k] >>> 16].deterministic) {
                        continue;
                    }
                    Block block = blocks.get(e.keys[k]);
                    if (config.oversized(block) || block.visitedEpoch == currentEpoch) {
                        continue;
                    }
                    block.visitedEpoch = currentEpoch; // each block is expanded once per change
                    for (int m = 0; m < block.size(); m++) {
                        visit(entries.get(block.member(m)), currentEpoch, queue);
                    }
                }
            }
            components.add(component);
        }
        return components;
    }

    private static void visit(RecordEntry entry, long currentEpoch, ArrayDeque<RecordEntry> queue) {
        if (entry.visitedEpoch != currentEpoch) {
            entry.visitedEpoch = currentEpoch;
            queue.add(entry);
        }
    }

    // ------------------------------------------------------------------------------------------
    // profile ids and change sets

    private List<ProfileChange> assign(List<List<RecordEntry>> clusters, Set<ProfileId> oldProfiles, long currentEpoch,
            Instant now, Progress progress) {
        int n = clusters.size();
        RecordEntry[] oldestOfCluster = new RecordEntry[n];
        for (int c = 0; c < n; c++) {
            RecordEntry oldest = null;
            for (RecordEntry e : clusters.get(c)) {
                e.cluster = c;
                if (e.profile != null) {
                    oldProfiles.add(e.profile);
                }
                if (oldest == null || RecordEntry.compareAge(e, oldest) < 0) {
                    oldest = e;
                }
            }
            oldestOfCluster[c] = oldest;
        }

        // where does each old profile's oldest remaining record end up?
        List<ProfileId> sortedOld = new ArrayList<>(oldProfiles);
        sortedOld.sort(null);
        Map<ProfileId, RecordEntry> oldestOfProfile = new HashMap<>();
        Map<ProfileId, Set<Integer>> clustersOfProfile = new HashMap<>();
        List<List<ProfileId>> claims = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            claims.add(new ArrayList<>(1));
        }
        List<ProfileId> deleted = new ArrayList<>();
        for (ProfileId id : sortedOld) {
            Profile profile = profiles.get(id);
            RecordEntry oldest = null;
            Set<Integer> where = new HashSet<>();
            for (RecordKey key : profile.members()) {
                RecordEntry e = byKey.get(key);
                if (e == null) {
                    continue;
                }
                if (e.visitedEpoch != currentEpoch) {
                    throw new IllegalStateException("internal error: a member of profile " + id
                            + " was not re-clustered");
                }
                where.add(e.cluster);
                if (oldest == null || RecordEntry.compareAge(e, oldest) < 0) {
                    oldest = e;
                }
            }
            if (oldest == null) {
                deleted.add(id);
            } else {
                oldestOfProfile.put(id, oldest);
                clustersOfProfile.put(id, where);
                claims.get(oldest.cluster).add(id);
            }
        }

        Integer[] order = new Integer[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> RecordEntry.compareAge(oldestOfCluster[x], oldestOfCluster[y]));

        ProfileId[] ids = new ProfileId[n];
        long[] versions = new long[n];
        boolean[] unchanged = new boolean[n];
        Map<Integer, List<ProfileId>> absorbedBy = new TreeMap<>();
        Set<ProfileId> reserved = new HashSet<>();
        for (int c : order) {
            List<ProfileId> claim = claims.get(c);
            List<RecordEntry> members = clusters.get(c);
            if (claim.isEmpty()) {
                ids[c] = newProfileId(oldestOfCluster[c].key, reserved);
                versions[c] = 1;
                continue;
            }
            claim.sort((x, y) -> RecordEntry.compareAge(oldestOfProfile.get(x), oldestOfProfile.get(y)));
            ProfileId survivor = claim.get(0);
            ids[c] = survivor;
            Profile previous = profiles.get(survivor);
            versions[c] = previous.version() + 1;
            if (claim.size() > 1) {
                List<ProfileId> absorbed = new ArrayList<>(claim.subList(1, claim.size()));
                absorbed.sort(null);
                absorbedBy.put(c, absorbed);
            } else {
                unchanged[c] = sameMembers(previous, members, survivor, currentEpoch);
            }
        }

        // survivorship for every changed cluster
        Profile[] built = new Profile[n];
        int buildChunks = chunks(n);
        parallel.forEachChunk(buildChunks, n >= PARALLEL_THRESHOLD ? 2 : Integer.MAX_VALUE, chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int c = chunk * CHUNK; c < end; c++) {
                if (!unchanged[c]) {
                    built[c] = profileBuilder.build(ids[c], versions[c], clusters.get(c), now);
                }
            }
            progress.add(end - chunk * CHUNK);
        });

        // write the new state
        List<ProfileChange.Created> created = new ArrayList<>();
        List<ProfileChange.Updated> updated = new ArrayList<>();
        List<ProfileChange.Merged> merged = new ArrayList<>();
        List<ProfileChange.Split> splits = new ArrayList<>();
        List<ProfileChange.Deleted> deletions = new ArrayList<>();
        Set<ProfileId> splitIds = new HashSet<>();
        for (Map.Entry<ProfileId, Set<Integer>> entry : clustersOfProfile.entrySet()) {
            if (entry.getValue().size() > 1) {
                splitIds.add(entry.getKey());
            }
        }
        for (ProfileId id : deleted) {
            profiles.remove(id);
            deletions.add(new ProfileChange.Deleted(id));
        }
        for (List<ProfileId> absorbed : absorbedBy.values()) {
            for (ProfileId id : absorbed) {
                profiles.remove(id);
            }
        }
        for (int c = 0; c < n; c++) {
            if (unchanged[c]) {
                continue;
            }
            Profile profile = built[c];
            Profile previous = profiles.get(ids[c]);
            boolean hadOldMembers = false;
            for (RecordEntry e : clusters.get(c)) {
                hadOldMembers |= e.profile != null;
                e.profile = ids[c];
            }
            if (previous != null && absorbedBy.get(c) == null && sameContent(previous, profile)) {
                continue; // a replaced record changed nothing visible
            }
            profiles.put(ids[c], profile);
            List<ProfileId> absorbed = absorbedBy.get(c);
            if (absorbed != null) {
                for (ProfileId id : absorbed) {
                    aliases.put(id, ids[c]);
                }
                merged.add(new ProfileChange.Merged(profile, absorbed));
            } else if (previous == null && !hadOldMembers) {
                created.add(new ProfileChange.Created(profile));
            } else if (previous != null && !splitIds.contains(ids[c])) {
                updated.add(new ProfileChange.Updated(profile));
            }
        }
        for (ProfileId id : sortedOld) {
            if (!splitIds.contains(id)) {
                continue;
            }
            List<Profile> parts = new ArrayList<>();
            for (int c : clustersOfProfile.get(id)) {
                parts.add(profiles.get(ids[c]));
            }
            parts.sort((x, y) -> x.id().equals(id) ? -1 : y.id().equals(id) ? 1 : x.id().compareTo(y.id()));
            splits.add(new ProfileChange.Split(id, parts));
        }
        created.sort((x, y) -> x.profile().id().compareTo(y.profile().id()));
        updated.sort((x, y) -> x.profile().id().compareTo(y.profile().id()));
        merged.sort((x, y) -> x.survivor().id().compareTo(y.survivor().id()));
        deletions.sort((x, y) -> x.id().compareTo(y.id()));
        List<ProfileChange> changes = new ArrayList<>(created.size() + updated.size() + merged.size()
                + splits.size() + deletions.size());
        changes.addAll(created);
        changes.addAll(updated);
        changes.addAll(merged);
        changes.addAll(splits);
        changes.addAll(deletions);
        return changes;
    }

    private static boolean sameMembers(Profile previous, List<RecordEntry> members, ProfileId id, long currentEpoch) {
        if (previous.members().size() != members.size()) {
            return false;
        }
        for (RecordEntry e : members) {
            if (!id.equals(e.profile) || e.insertedEpoch == currentEpoch) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameContent(Profile a, Profile b) {
        return a.members().equals(b.members()) && a.identifiers().equals(b.identifiers())
                && a.attributes().equals(b.attributes());
    }

    /**
     * A profile id derived from the founding record's key, so that a batch run over the same
     * records gives the same ids; salted when the id is taken (live or an alias).
     */
    private ProfileId newProfileId(RecordKey founder, Set<ProfileId> reserved) {
        String base = founder.source() + '\u0000' + founder.id();
        for (int salt = 0; ; salt++) {
            long h = SipHash.hash(0x756e756d2d696473L, 0x70726f66696c6573L, salt == 0 ? base : base + '\u0000' + salt);
            ProfileId id = ProfileId.of("p" + toHex(h));
            if (!profiles.containsKey(id) && !aliases.containsKey(id) && reserved.add(id)) {
                return id;
            }
        }
    }

    private static String toHex(long h) {
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    // ------------------------------------------------------------------------------------------
    // erasure and retention

    /** The result of an erasure: what changed, and the value-free audit entry. */
    public record Erasure(ChangeSet changes, ErasureAudit audit) {
    }

    /**
     * Removes records and every trace of them (source record, features, index entries, edges,
     * golden values), re-resolves what remains, and, if {@code suppress}, adds all their
     * normalized identifiers to the suppression list.
     *
     * @param keys the records to erase; unknown keys are ignored
     * @param scope the audit scope
     * @param suppress whether to suppress their identifiers (erasure) or not (retention)
     */
    public Erasure forget(Collection<RecordKey> keys, String scope, boolean suppress) {
        Instant now = config.privacy.clock().instant();
        Set<String> sources = new java.util.TreeSet<>();
        Set<Identifier> suppressed = new HashSet<>();
        Set<ProfileId> affected = new HashSet<>();
        List<RecordKey> present = new ArrayList<>();
        for (RecordKey key : keys) {
            RecordEntry entry = byKey.get(key);
            if (entry == null) {
                continue;
            }
            present.add(key);
            sources.add(key.source());
            if (entry.profile != null) {
                affected.add(entry.profile);
            }
            if (suppress) {
                suppressed.addAll(Arrays.asList(entry.identifiers));
            }
        }
        for (Identifier identifier : suppressed) {
            config.privacy.suppression().add(identifier, now);
        }
        Outcome outcome = apply(List.of(), present);
        List<ProfileId> deleted = new ArrayList<>();
        List<ProfileId> changed = new ArrayList<>();
        for (ProfileId id : affected) {
            (profiles.containsKey(id) ? changed : deleted).add(id);
        }
        deleted.sort(null);
        changed.sort(null);
        return new Erasure(outcome.changes(),
                new ErasureAudit(now, scope, present.size(), List.copyOf(sources), suppressed.size(), deleted, changed));
    }

    /** Keys of resident records older than their source's retention period. */
    public List<RecordKey> expired() {
        Instant now = config.privacy.clock().instant();
        List<RecordKey> expired = new ArrayList<>();
        if (config.privacy.retention().isEmpty()) {
            return expired;
        }
        for (RecordEntry e : byKey.values()) {
            java.time.Duration period = config.privacy.retention().get(e.key.source());
            if (period != null && e.record.observedAt().plus(period).isBefore(now)) {
                expired.add(e.key);
            }
        }
        expired.sort(null);
        return expired;
    }

    /**
     * The stored forms of an identifier as given by a caller: normalized, and protected by any
     * identifier-protection stage. Empty if it is malformed.
     */
    public List<Identifier> storedForms(Identifier identifier) {
        IngestContext context = featurizer.context(config.privacy.clock().instant());
        List<Identifier> forms = new ArrayList<>(2);
        io.unum.spi.NormalizedValue normalized = config.normalizer(identifier.type()).normalize(identifier.value());
        if (normalized instanceof io.unum.spi.NormalizedValue.Valid v) {
            forms.add(new Identifier(identifier.type(), v.value()));
        } else if (normalized instanceof io.unum.spi.NormalizedValue.NonIdentifying n) {
            forms.add(new Identifier(identifier.type(), n.value()));
        }
        for (IngestFilter filter : config.privacy.ingestFilters()) {
            if (filter instanceof IdentifierProtection protection) {
                protection.protect(identifier, context).ifPresent(forms::add);
            }
        }
        return forms;
    }

    /** Keys of the resident records carrying a normalized (or protected) identifier, sorted. */
    public List<RecordKey> recordsWith(Identifier stored) {
        Block block = lookup.get(featurizer.lookupKey(stored));
        List<RecordKey> keys = new ArrayList<>();
        if (block != null) {
            for (int i = 0; i < block.size(); i++) {
                RecordEntry e = entries.get(block.member(i));
                if (Arrays.binarySearch(e.identifiers, stored) >= 0) {
                    keys.add(e.key);
                }
            }
        }
        keys.sort(null);
        return keys;
    }

    // ------------------------------------------------------------------------------------------
    // explanations and diagnostics

    /** Why two resident records are or are not linked; empty if either is unknown. */
    public Optional<io.unum.Explanation> explain(RecordKey first, RecordKey second) {
        RecordEntry a = byKey.get(first);
        RecordEntry b = byKey.get(second);
        if (a == null || b == null) {
            return Optional.empty();
        }
        return Optional.of(explainer.explain(a, b, blocks));
    }

    /**
     * The links that hold a profile together: a spanning tree in clustering order
     * (deterministic links by key rank, then probabilistic links by weight and rank).
     */
    public Optional<io.unum.ProfileExplanation> explain(ProfileId id) {
        Optional<Profile> profile = profile(id);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        List<RecordKey> members = profile.get().members(); // sorted by key: index = rank
        Map<Integer, Integer> local = new HashMap<>();
        List<RecordEntry> list = new ArrayList<>();
        for (RecordKey key : members) {
            RecordEntry e = byKey.get(key);
            local.put(e.index, list.size());
            list.add(e);
        }
        int[] parent = new int[list.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<io.unum.ProfileExplanation.Link> links = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            RecordEntry e = list.get(i);
            java.util.TreeMap<Integer, java.util.TreeSet<io.unum.model.IdentifierType>> partners = new java.util.TreeMap<>();
            java.util.Map<Integer, String> partnerRule = new HashMap<>();
            for (int k = 0; k < e.keys.length; k++) {
                CompiledRule rule = config.rules[e.keyMeta[k] >>> 16];
                Block block = blocks.get(e.keys[k]);
                if (!rule.deterministic || config.oversized(block)) {
                    continue;
                }
                for (int m = 0; m < block.size(); m++) {
                    Integer j = local.get(block.member(m));
                    if (j != null && j > i) {
                        RecordEntry other = list.get(j);
                        for (Identifier identifier : e.linkable) {
                            if (rule.typeIndex(identifier.type()) >= 0 && Arrays.binarySearch(other.linkable, identifier) >= 0) {
                                partners.computeIfAbsent(j, x -> new java.util.TreeSet<>()).add(identifier.type());
                            }
                        }
                        partnerRule.putIfAbsent(j, rule.name);
                    }
                }
            }
            for (Map.Entry<Integer, java.util.TreeSet<io.unum.model.IdentifierType>> p : partners.entrySet()) {
                if (union(parent, i, p.getKey())) {
                    links.add(new io.unum.ProfileExplanation.Link(e.key, list.get(p.getKey()).key,
                            partnerRule.get(p.getKey()), new ArrayList<>(p.getValue()), Double.POSITIVE_INFINITY));
                }
            }
        }
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            RecordEntry e = list.get(i);
            for (int d = 0; d < e.degree(); d++) {
                Integer j = local.get(e.partner(d));
                if (j != null && j > i && Edge.isLink(e.edge(d))) {
                    edges.add(new long[] {i, j, e.edge(d)});
                }
            }
        }
        edges.sort((x, y) -> {
            int c = Float.compare(Edge.weight(y[2]), Edge.weight(x[2]));
            if (c != 0) {
                return c;
            }
            c = Long.compare(x[0], y[0]);
            return c != 0 ? c : Long.compare(x[1], y[1]);
        });
        for (long[] edge : edges) {
            if (union(parent, (int) edge[0], (int) edge[1])) {
                links.add(new io.unum.ProfileExplanation.Link(list.get((int) edge[0]).key, list.get((int) edge[1]).key,
                        config.rules[Edge.rule(edge[2])].name, List.of(), Edge.weight(edge[2])));
            }
        }
        return Optional.of(new io.unum.ProfileExplanation(profile.get().id(), links));
    }

    private static boolean union(int[] parent, int a, int b) {
        int ra = a;
        while (parent[ra] != ra) {
            ra = parent[ra];
        }
        int rb = b;
        while (parent[rb] != rb) {
            rb = parent[rb];
        }
        if (ra == rb) {
            return false;
        }
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
        return true;
    }

    /**
     * Every candidate pair of the probabilistic rules (sharing a non-oversized key), each once,
     * with its best weight; pairs ordered by the first record's index.
     */
    public void forEachCandidatePair(io.unum.CandidatePairConsumer consumer) {
        int[] stamp = new int[entries.size() + 1];
        for (RecordEntry a : entries) {
            if (a == null) {
                continue;
            }
            int mark = a.index + 1;
            for (long key : a.keys) {
                Block block = blocks.get(key);
                if (block.deterministic || config.oversized(block)) {
                    continue;
                }
                for (int i = 0; i < block.size(); i++) {
                    int j = block.member(i);
                    if (j <= a.index || stamp[j] == mark) {
                        continue;
                    }
                    stamp[j] = mark;
                    RecordEntry b = entries.get(j);
                    double best = Double.NEGATIVE_INFINITY;
                    String rule = null;
                    for (CompiledRule r : config.rules) {
                        if (!r.deterministic && sharesRuleKey(r, a, b)) {
                            double w = PairScorer.score(r, a, b);
                            if (w > best) {
                                best = w;
                                rule = r.name;
                            }
                        }
                    }
                    if (rule != null) {
                        boolean ordered = a.key.compareTo(b.key) < 0;
                        consumer.accept(ordered ? a.key : b.key, ordered ? b.key : a.key, rule, best, Weights.probability(best));
                    }
                }
            }
        }
    }

    private boolean sharesRuleKey(CompiledRule rule, RecordEntry a, RecordEntry b) {
        for (int i = 0; i < a.keys.length; i++) {
            if ((a.keyMeta[i] >>> 16) == rule.index && Arrays.binarySearch(b.keys, a.keys[i]) >= 0) {
                Block block = blocks.get(a.keys[i]);
                if (!config.oversized(block)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The largest blocks, largest first; ties by rule, key name and the smallest member's record
     * key, so the list is the same in every run (fingerprints are keyed per resolver).
     */
    public List<io.unum.BlockSize> largestBlocks(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // the tie-break scans a block's members: once per block, and only for blocks that tie
        Map<Block, RecordKey> smallest = new java.util.IdentityHashMap<>();
        java.util.Comparator<Block> order = (x, y) -> {
            int c = Integer.compare(y.size(), x.size());
            if (c != 0) {
                return c;
            }
            c = config.rules[x.rule].name.compareTo(config.rules[y.rule].name);
            if (c != 0) {
                return c;
            }
            c = config.rules[x.rule].keyName(x.keyIndex).compareTo(config.rules[y.rule].keyName(y.keyIndex));
            return c != 0 ? c : smallest.computeIfAbsent(x, this::smallestMember)
                    .compareTo(smallest.computeIfAbsent(y, this::smallestMember));
        };
        // keep the best `limit` blocks: a max-heap on the reversed order, worst on top; a block
        // smaller than the worst of a full heap cannot enter and is not compared at all
        java.util.PriorityQueue<Block> top = new java.util.PriorityQueue<>(order.reversed());
        blocks.forEach(block -> {
            if (top.size() >= limit && block.size() < top.peek().size()) {
                return;
            }
            top.add(block);
            if (top.size() > limit) {
                smallest.remove(top.poll());
            }
        });
        List<Block> sorted = new ArrayList<>(top);
        sorted.sort(order);
        List<io.unum.BlockSize> list = new ArrayList<>();
        for (Block block : sorted) {
            CompiledRule rule = config.rules[block.rule];
            list.add(new io.unum.BlockSize(rule.name, rule.keyName(block.keyIndex),
                    toHex(SipHash.mix(block.key ^ config.k1)).substring(0, 12), block.size(),
                    config.oversized(block)));
        }
        return list;
    }

    private RecordKey smallestMember(Block block) {
        RecordKey smallest = null;
        for (int i = 0; i < block.size(); i++) {
            RecordKey key = entries.get(block.member(i)).key;
            if (smallest == null || key.compareTo(smallest) < 0) {
                smallest = key;
            }
        }
        return smallest;
    }

    /**
     * The resident records that share a blocking key (probabilistic or deterministic) with
     * {@code record} whose block would not be over the cap with the record in it, featurized as
     * an upsert would but not inserted; the record's own key is left out. Sorted by key. Empty when the record would be rejected or
     * refused.
     */
    public List<RecordKey> candidates(SourceRecord record) {
        Featurizer.Result result = featurizer.featurize(record, config.privacy.clock().instant());
        RecordEntry probe = result.entry();
        if (probe == null) {
            return List.of();
        }
        RecordEntry resident = byKey.get(probe.key);
        int[] found = new int[16];
        int count = 0;
        for (long key : probe.keys) {
            Block block = blocks.get(key);
            if (block == null) {
                continue;
            }
            // the size the block would have with this record in it (an update keeps its place)
            boolean member = resident != null && Arrays.binarySearch(resident.keys, key) >= 0;
            if (block.size() + (member ? 0 : 1) > config.cap(block)) {
                continue;
            }
            for (int i = 0; i < block.size(); i++) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = block.member(i);
            }
        }
        Arrays.sort(found, 0, count);
        List<RecordKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0 && found[i] == found[i - 1]) {
                continue;
            }
            RecordKey key = entries.get(found[i]).key;
            if (!key.equals(probe.key)) {
                keys.add(key);
            }
        }
        keys.sort(null);
        return keys;
    }

    /** Explains two records that need not be resident, each featurized as an upsert would. */
    public io.unum.Explanation explainRecords(SourceRecord first, SourceRecord second) {
        Instant now = config.privacy.clock().instant();
        Featurizer.Result a = featurizer.featurize(first, now);
        Featurizer.Result b = featurizer.featurize(second, now);
        if (a.entry() == null || b.entry() == null) {
            throw new IllegalArgumentException("cannot explain a record that is not resolved: "
                    + (a.entry() == null ? first.key() : second.key()) + " is rejected or refused");
        }
        return explainer.explain(a.entry(), b.entry(), null);
    }

    // ------------------------------------------------------------------------------------------
    // views

    /** What a purpose may see of a profile (following aliases), consent evaluated now. */
    public Optional<ProfileView> view(ProfileId id, Purpose purpose) {
        Instant now = config.privacy.clock().instant();
        return profile(id).map(p -> viewBuilder.view(p, purpose, now, this::member));
    }

    /** What views need of a member record. */
    public ViewBuilder.Member member(RecordKey key) {
        RecordEntry entry = byKey.get(key);
        return new ViewBuilder.Member(entry.consent, entry.identifiers);
    }

    /** The view builder, for snapshots. */
    public ViewBuilder viewBuilder() {
        return viewBuilder;
    }

    /** The clock's current time. */
    public Instant now() {
        return config.privacy.clock().instant();
    }

    // ------------------------------------------------------------------------------------------
    // reads (callers exclude concurrent writes)

    /** The profile with this id or alias. */
    public Optional<Profile> profile(ProfileId id) {
        ProfileId current = id;
        for (int hops = 0; hops <= aliases.size(); hops++) {
            Profile profile = profiles.get(current);
            if (profile != null) {
                return Optional.of(profile);
            }
            current = aliases.get(current);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The profile holding a record. */
    public Optional<Profile> profileOf(RecordKey key) {
        RecordEntry entry = byKey.get(key);
        return entry == null || entry.profile == null ? Optional.empty() : Optional.ofNullable(profiles.get(entry.profile));
    }

    /** The resident record with a key. */
    public Optional<SourceRecord> record(RecordKey key) {
        RecordEntry entry = byKey.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    /**
     * The profiles holding a normalized identifier, sorted by id.
     *
     * @param identifier a raw identifier; it is normalized with its type's configured normalizer
     */
    public List<Profile> profilesWith(Identifier identifier) {
        TreeMap<ProfileId, Profile> found = new TreeMap<>();
        for (Identifier stored : storedForms(identifier)) {
            for (RecordKey key : recordsWith(stored)) {
                RecordEntry e = byKey.get(key);
                if (e.profile != null) {
                    found.put(e.profile, profiles.get(e.profile));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The number of resident records. */
    public int recordCount() {
        return byKey.size();
    }

    /** The number of profiles. */
    public int profileCount() {
        return profiles.size();
    }

    /** All profiles, sorted by id. */
    public List<Profile> profiles() {
        List<Profile> list = new ArrayList<>(profiles.values());
        list.sort((x, y) -> x.id().compareTo(y.id()));
        return list;
    }

    /** Record key to profile id for every resident record, a new map in no particular order. */
    public Map<RecordKey, ProfileId> assignments() {
        HashMap<RecordKey, ProfileId> map = new HashMap<>(byKey.size() * 4 / 3 + 1);
        for (RecordEntry e : byKey.values()) {
            map.put(e.key, e.profile);
        }
        return map;
    }

    /** Id aliases (absorbed id to the id it was merged into). */
    public Map<ProfileId, ProfileId> aliases() {
        return Map.copyOf(aliases);
    }

    /** Pairs between the review and match thresholds that ended in different profiles, sorted. */
    public List<PossibleMatch> possibleMatches() {
        List<PossibleMatch> list = new ArrayList<>();
        for (RecordEntry a : entries) {
            if (a == null) {
                continue;
            }
            for (int d = 0; d < a.degree(); d++) {
                long edge = a.edge(d);
                RecordEntry b = entries.get(a.partner(d));
                if (Edge.kind(edge) == Edge.REVIEW && a.key.compareTo(b.key) < 0 && !Objects.equals(a.profile, b.profile)) {
                    double weight = Edge.weight(edge);
                    list.add(new PossibleMatch(a.key, b.key, config.rules[Edge.rule(edge)].name, weight,
                            Weights.probability(weight)));
                }
            }
        }
        list.sort((x, y) -> {
            int c = x.first().compareTo(y.first());
            return c != 0 ? c : x.second().compareTo(y.second());
        });
        return list;
    }

    /** The number of possible matches (review edges between different profiles). */
    public long possibleMatchCount() {
        long count = 0;
        for (RecordEntry a : entries) {
            if (a == null) {
                continue;
            }
            for (int d = 0; d < a.degree(); d++) {
                if (Edge.kind(a.edge(d)) == Edge.REVIEW && a.index < a.partner(d)
                        && !Objects.equals(a.profile, entries.get(a.partner(d)).profile)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The number of linked pairs: probabilistic link edges, plus, for every non-oversized
     * deterministic block of k records, its k(k-1)/2 implicit links (a pair sharing two
     * identifying values counts twice).
     */
    public long linkCount() {
        long[] implicit = new long[1];
        blocks.forEach(block -> {
            if (block.deterministic && !config.oversized(block)) {
                implicit[0] += (long) block.size() * (block.size() - 1) / 2;
            }
        });
        long links = 0;
        for (RecordEntry e : entries) {
            if (e != null) {
                for (int d = 0; d < e.degree(); d++) {
                    if (Edge.isLink(e.edge(d))) {
                        links++;
                    }
                }
            }
        }
        return links / 2 + implicit[0];
    }

    /** The blocks over the size cap, largest first. */
    public List<OversizedBlock> oversizedBlocks() {
        List<OversizedBlock> list = new ArrayList<>();
        blocks.forEach(block -> {
            if (config.oversized(block)) {
                CompiledRule rule = config.rules[block.rule];
                long fingerprint = SipHash.mix(block.key ^ config.k1);
                list.add(new OversizedBlock(rule.name, rule.keyName(block.keyIndex), toHex(fingerprint).substring(0, 12),
                        block.size()));
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

    /** The pairs scored since the state was created. */
    public long candidatePairsTotal() {
        return candidatePairsTotal;
    }
}
