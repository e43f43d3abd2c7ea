package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.RecordConsent;
import java.util.Arrays;
import java.util.Map;

/**
 * A resident record with everything the engine derived from it once: features, normalized
 * identifiers, blocking keys; plus its place in the match graph (adjacency) and its profile.
 *
 * <p>The derived fields are immutable after construction. The graph fields are guarded by the
 * graph's write lock; during parallel phases each entry is written by at most one task.
 */
final class RecordEntry {

    final SourceRecord record;
    final RecordKey key;
    /** Feature values by slot; {@code null} means absent. */
    final String[] features;
    /** Distinct normalized identifiers, usable or not for linking (placeholders included), sorted. */
    final Identifier[] identifiers;
    /** Distinct normalized identifiers that may link records, sorted. */
    final Identifier[] linkable;
    /** Sorted, distinct blocking-key hashes. */
    final long[] keys;
    /** Per key: rule index in the high 16 bits, key index within the rule in the low 16. */
    final int[] keyMeta;
    /** Sorted, distinct identifier look-up hashes. */
    final long[] lookupKeys;
    /** Attributes usable for survivorship (over-long values removed). */
    final Map<String, String> attributes;
    /** The record's consent, identifier scopes normalized. */
    final RecordConsent consent;
    /** Per term-frequency slot, log2 of the frequency of the record's value (NaN if absent). */
    double[] tfLog;

    int index = -1;
    /** The change epoch in which the entry was inserted. */
    long insertedEpoch = -1;
    /** The change epoch in which the entry was added to the change's touched list. */
    long touchedEpoch = -1;
    /** Scratch for the traversal of one change: the epoch in which it was visited. */
    long visitedEpoch = -1;
    /** Scratch for clustering: local index within its component. */
    int local;
    /** Scratch for profile assignment: the cluster the entry ended in. */
    int cluster;
    ProfileId profile;

    // adjacency: partner index and packed edge (see Edge)
    private int[] partners = EMPTY_INTS;
    private long[] edges = EMPTY_LONGS;
    private int degree;

    private static final int[] EMPTY_INTS = new int[0];
    private static final long[] EMPTY_LONGS = new long[0];

    RecordEntry(SourceRecord record, String[] features, Identifier[] identifiers, Identifier[] linkable,
            long[] keys, int[] keyMeta, long[] lookupKeys, Map<String, String> attributes, RecordConsent consent) {
        this.record = record;
        this.key = record.key();
        this.features = features;
        this.identifiers = identifiers;
        this.linkable = linkable;
        this.keys = keys;
        this.keyMeta = keyMeta;
        this.lookupKeys = lookupKeys;
        this.attributes = attributes;
        this.consent = consent;
    }

    int degree() {
        return degree;
    }

    int partner(int i) {
        return partners[i];
    }

    long edge(int i) {
        return edges[i];
    }

    /** The packed edge to {@code partner}, or {@link Edge#NONE}. */
    long edgeTo(int partner) {
        for (int i = 0; i < degree; i++) {
            if (partners[i] == partner) {
                return edges[i];
            }
        }
        return Edge.NONE;
    }

    /** Sets, replaces or (with {@link Edge#NONE}) removes the edge to {@code partner}. */
    void setEdge(int partner, long edge) {
        for (int i = 0; i < degree; i++) {
            if (partners[i] == partner) {
                if (edge == Edge.NONE) {
                    degree--;
                    partners[i] = partners[degree];
                    edges[i] = edges[degree];
                } else {
                    edges[i] = edge;
                }
                return;
            }
        }
        if (edge == Edge.NONE) {
            return;
        }
        if (degree == partners.length) {
            int capacity = Math.max(2, degree * 2);
            partners = Arrays.copyOf(partners, capacity);
            edges = Arrays.copyOf(edges, capacity);
        }
        partners[degree] = partner;
        edges[degree] = edge;
        degree++;
    }

    /** Appends an edge to a partner that has none yet (the caller guarantees it). */
    void addEdge(int partner, long edge) {
        if (degree == partners.length) {
            int capacity = Math.max(2, degree * 2);
            partners = Arrays.copyOf(partners, capacity);
            edges = Arrays.copyOf(edges, capacity);
        }
        partners[degree] = partner;
        edges[degree] = edge;
        degree++;
    }

    void clearEdges() {
        partners = EMPTY_INTS;
        edges = EMPTY_LONGS;
        degree = 0;
    }

    /** Orders by observation time, oldest first, then by key: "the oldest record". */
    static int compareAge(RecordEntry a, RecordEntry b) {
        int c = a.record.observedAt().compareTo(b.record.observedAt());
        return c != 0 ? c : a.key.compareTo(b.key);
    }

    /** Orders by observation time, most recent first, then by key: survivorship's tie-break. */
    static int compareRecency(RecordEntry a, RecordEntry b) {
        int c = b.record.observedAt().compareTo(a.record.observedAt());
        return c != 0 ? c : a.key.compareTo(b.key);
    }
}
