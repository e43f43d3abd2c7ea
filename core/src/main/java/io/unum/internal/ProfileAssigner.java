package io.unum.internal;

import io.unum.ProfileChange;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.store.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Gives the clusters of a change their profile ids and turns the old and new membership into
 * profile changes. Ids are stable: a cluster keeps the id of the old profile whose oldest
 * remaining record it holds (the oldest such profile if several: the others are absorbed and
 * become aliases — a merge); an old profile whose records end in several clusters is split, and
 * its id stays with the part holding its oldest record; a cluster no old profile claims gets an
 * id derived from its founding (oldest) record's key, so a batch over the same records gives the
 * same ids. Stateless; thread-safe.
 *
 * <p>Use: {@link #plan} decides ids and versions, the caller builds the changed profiles
 * (survivorship, in parallel), then {@link #write} stores them and returns the changes.
 */
final class ProfileAssigner {

    /** Sorts the large lists of a batch on the engine's threads. */
    private final Parallel parallel;

    ProfileAssigner(Parallel parallel) {
        this.parallel = parallel;
    }

    /** What {@link #plan} decided for the clusters of one change. */
    static final class Plan {
        final int[][] clusters;
        final ProfileId[] ids;
        final long[] versions;
        /** Clusters whose members and profile are unchanged: nothing to build or write. */
        final boolean[] unchanged;
        final Map<Integer, List<ProfileId>> absorbedBy = new TreeMap<>();
        final List<ProfileId> deleted = new ArrayList<>();
        final List<ProfileId> sortedOld;
        final Map<ProfileId, Set<Integer>> clustersOfProfile = new HashMap<>();

        Plan(int[][] clusters, List<ProfileId> sortedOld) {
            this.clusters = clusters;
            this.ids = new ProfileId[clusters.length];
            this.versions = new long[clusters.length];
            this.unchanged = new boolean[clusters.length];
            this.sortedOld = sortedOld;
        }
    }

    /**
     * Decides the ids.
     *
     * @param clusters the new clusters of every record the change touched, each in key order
     * @param oldProfiles ids of profiles that held a removed record (more are added from the clusters)
     * @param graph the store during the change (removed records gone, new ones resident)
     * @param inserted whether an ordinal was inserted by this change
     * @param clustered whether an ordinal is in one of the clusters
     * @param clusterOf scratch covering every ordinal; written for the clusters' members
     */
    Plan plan(int[][] clusters, Set<ProfileId> oldProfiles, GraphStore.Reader graph, IntPredicate inserted,
            IntPredicate clustered, int[] clusterOf) {
        int n = clusters.length;
        FeatureRecord[] oldestOfCluster = new FeatureRecord[n];
        for (int c = 0; c < n; c++) {
            FeatureRecord oldest = null;
            for (int o : clusters[c]) {
                clusterOf[o] = c;
                ProfileId profile = graph.profileOf(o);
                if (profile != null) {
                    oldProfiles.add(profile);
                }
                FeatureRecord e = features(graph, o);
                if (oldest == null || FeatureRecord.compareAge(e, oldest) < 0) {
                    oldest = e;
                }
            }
            oldestOfCluster[c] = oldest;
        }

        // where does each old profile's oldest remaining record end up?
        List<ProfileId> sortedOld = new ArrayList<>(oldProfiles);
        sortedOld.sort(null);
        Plan plan = new Plan(clusters, sortedOld);
        Map<ProfileId, FeatureRecord> oldestOfProfile = new HashMap<>();
        List<List<ProfileId>> claims = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            claims.add(new ArrayList<>(1));
        }
        for (ProfileId id : sortedOld) {
            Profile profile = graph.profile(id);
            FeatureRecord oldest = null;
            int oldestCluster = -1;
            Set<Integer> where = new HashSet<>();
            for (RecordKey key : profile.members()) {
                int o = graph.ordinal(key);
                if (o < 0) {
                    continue;
                }
                if (!clustered.test(o)) {
                    throw new IllegalStateException("internal error: a member of profile " + id + " was not re-clustered");
                }
                int c = clusterOf[o];
                where.add(c);
                FeatureRecord e = features(graph, o);
                if (oldest == null || FeatureRecord.compareAge(e, oldest) < 0) {
                    oldest = e;
                    oldestCluster = c;
                }
            }
            if (oldest == null) {
                plan.deleted.add(id);
            } else {
                oldestOfProfile.put(id, oldest);
                plan.clustersOfProfile.put(id, where);
                claims.get(oldestCluster).add(id);
            }
        }

        Integer[] order = new Integer[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
        }
        parallel.sort(order, (x, y) -> FeatureRecord.compareAge(oldestOfCluster[x], oldestOfCluster[y]));
        Set<ProfileId> reserved = new HashSet<>();
        for (int c : order) {
            List<ProfileId> claim = claims.get(c);
            if (claim.isEmpty()) {
                plan.ids[c] = newProfileId(oldestOfCluster[c].key, graph, reserved);
                plan.versions[c] = 1;
                continue;
            }
            claim.sort((x, y) -> FeatureRecord.compareAge(oldestOfProfile.get(x), oldestOfProfile.get(y)));
            ProfileId survivor = claim.get(0);
            plan.ids[c] = survivor;
            Profile previous = graph.profile(survivor);
            plan.versions[c] = previous.version() + 1;
            if (claim.size() > 1) {
                List<ProfileId> absorbed = new ArrayList<>(claim.subList(1, claim.size()));
                absorbed.sort(null);
                plan.absorbedBy.put(c, absorbed);
            } else {
                plan.unchanged[c] = sameMembers(previous, clusters[c], survivor, graph, inserted);
            }
        }
        return plan;
    }

    /**
     * Writes the new profiles and membership and returns the changes: created, updated, merged,
     * split and deleted profiles, each list sorted by id.
     *
     * @param built the profile of every cluster that is not unchanged
     */
    List<ProfileChange> write(Plan plan, Profile[] built, GraphStore.Transaction tx) {
        List<ProfileChange.Created> created = new ArrayList<>();
        List<ProfileChange.Updated> updated = new ArrayList<>();
        List<ProfileChange.Merged> merged = new ArrayList<>();
        List<ProfileChange.Split> splits = new ArrayList<>();
        List<ProfileChange.Deleted> deletions = new ArrayList<>();
        Set<ProfileId> splitIds = new HashSet<>();
        for (Map.Entry<ProfileId, Set<Integer>> entry : plan.clustersOfProfile.entrySet()) {
            if (entry.getValue().size() > 1) {
                splitIds.add(entry.getKey());
            }
        }
        for (ProfileId id : plan.deleted) {
            tx.removeProfile(id);
            deletions.add(new ProfileChange.Deleted(id));
        }
        for (List<ProfileId> absorbed : plan.absorbedBy.values()) {
            for (ProfileId id : absorbed) {
                tx.removeProfile(id);
            }
        }
        for (int c = 0; c < plan.clusters.length; c++) {
            if (plan.unchanged[c]) {
                continue;
            }
            ProfileId id = plan.ids[c];
            Profile profile = built[c];
            Profile previous = tx.profile(id);
            boolean hadOldMembers = false;
            for (int o : plan.clusters[c]) {
                hadOldMembers |= tx.profileOf(o) != null;
                tx.setProfileOf(o, id);
            }
            List<ProfileId> absorbed = plan.absorbedBy.get(c);
            if (previous != null && absorbed == null && sameContent(previous, profile)) {
                continue; // a replaced record changed nothing visible
            }
            tx.putProfile(profile);
            if (absorbed != null) {
                for (ProfileId gone : absorbed) {
                    tx.putAlias(gone, id);
                }
                merged.add(new ProfileChange.Merged(profile, absorbed));
            } else if (previous == null && !hadOldMembers) {
                created.add(new ProfileChange.Created(profile));
            } else if (previous != null && !splitIds.contains(id)) {
                updated.add(new ProfileChange.Updated(profile));
            }
        }
        for (ProfileId id : plan.sortedOld) {
            if (!splitIds.contains(id)) {
                continue;
            }
            List<Profile> parts = new ArrayList<>();
            for (int c : plan.clustersOfProfile.get(id)) {
                parts.add(tx.profile(plan.ids[c]));
            }
            parts.sort((x, y) -> x.id().equals(id) ? -1 : y.id().equals(id) ? 1 : x.id().compareTo(y.id()));
            splits.add(new ProfileChange.Split(id, parts));
        }
        parallel.sort(created, (x, y) -> x.profile().id().compareTo(y.profile().id()));
        parallel.sort(updated, (x, y) -> x.profile().id().compareTo(y.profile().id()));
        parallel.sort(merged, (x, y) -> x.survivor().id().compareTo(y.survivor().id()));
        parallel.sort(deletions, (x, y) -> x.id().compareTo(y.id()));
        List<ProfileChange> changes = new ArrayList<>(created.size() + updated.size() + merged.size()
                + splits.size() + deletions.size());
        changes.addAll(created);
        changes.addAll(updated);
        changes.addAll(merged);
        changes.addAll(splits);
        changes.addAll(deletions);
        return changes;
    }

    private static FeatureRecord features(GraphStore.Reader graph, int ordinal) {
        return (FeatureRecord) graph.derived(ordinal);
    }

    private static boolean sameMembers(Profile previous, int[] members, ProfileId id, GraphStore.Reader graph,
            IntPredicate inserted) {
        if (previous.members().size() != members.length) {
            return false;
        }
        for (int o : members) {
            if (!id.equals(graph.profileOf(o)) || inserted.test(o)) {
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
    static ProfileId newProfileId(RecordKey founder, GraphStore.Reader graph, Set<ProfileId> reserved) {
        String base = founder.source() + '\u0000' + founder.id();
        for (int salt = 0; ; salt++) {
            long h = SipHash.hash(0x756e756d2d696473L, 0x70726f66696c6573L, salt == 0 ? base : base + '\u0000' + salt);
            ProfileId id = ProfileId.of("p" + hex(h));
            if (graph.profile(id) == null && graph.aliasOf(id) == null && reserved.add(id)) {
                return id;
            }
        }
    }

    /** Sixteen lower-case hex digits. */
    static String hex(long h) {
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
