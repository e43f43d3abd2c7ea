package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.IdentifierProtection;
import io.unum.privacy.IngestContext;
import io.unum.privacy.IngestFilter;
import io.unum.privacy.ProfileView;
import io.unum.spi.NormalizedValue;
import io.unum.store.GraphStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The queries of a graph, over a store's reader: profiles (following aliases), records,
 * identifier look-ups, purpose views and the records past their retention. Reads only; safe on
 * several threads at once while nothing writes the store.
 */
public final class GraphReads {

    private final Engine engine;
    private final GraphStore.Reader graph;

    /**
     * @param engine the stages
     * @param graph the state to read
     */
    public GraphReads(Engine engine, GraphStore.Reader graph) {
        this.engine = engine;
        this.graph = graph;
    }

    /** The profile with this id or alias. */
    public Optional<Profile> profile(ProfileId id) {
        ProfileId current = id;
        for (int hops = 0; hops < 64; hops++) {
            Profile profile = graph.profile(current);
            if (profile != null) {
                return Optional.of(profile);
            }
            ProfileId next = graph.aliasOf(current);
            if (next == null || next.equals(current)) {
                return Optional.empty();
            }
            current = next;
        }
        throw new IllegalStateException("profile id " + id + " leads through more than 64 aliases");
    }

    /** The profile holding a record. */
    public Optional<Profile> profileOf(RecordKey key) {
        int o = graph.ordinal(key);
        ProfileId id = o < 0 ? null : graph.profileOf(o);
        return id == null ? Optional.empty() : Optional.ofNullable(graph.profile(id));
    }

    /** The resident record with a key. */
    public Optional<SourceRecord> record(RecordKey key) {
        int o = graph.ordinal(key);
        return o < 0 ? Optional.empty() : Optional.ofNullable(graph.record(o));
    }

    /** The number of resident records. */
    public int recordCount() {
        return graph.recordCount();
    }

    /** The number of profiles. */
    public int profileCount() {
        return graph.profileCount();
    }

    /** All profiles, sorted by id. */
    public List<Profile> profiles() {
        List<Profile> list = new ArrayList<>(graph.profileCount());
        graph.forEachProfile(list::add);
        engine.parallel.sort(list, (x, y) -> x.id().compareTo(y.id()));
        return list;
    }

    /** Record key to profile id for every resident record, a new map in no particular order. */
    public Map<RecordKey, ProfileId> assignments() {
        HashMap<RecordKey, ProfileId> map = new HashMap<>(graph.recordCount() * 4 / 3 + 1);
        for (int o = 0, n = graph.ordinalBound(); o < n; o++) {
            SourceRecord record = graph.record(o);
            if (record != null) {
                map.put(record.key(), graph.profileOf(o));
            }
        }
        return map;
    }

    /** Id aliases (absorbed id to the id it was merged into). */
    public Map<ProfileId, ProfileId> aliases() {
        Map<ProfileId, ProfileId> map = new HashMap<>();
        graph.forEachAlias(map::put);
        return Map.copyOf(map);
    }

    /** What views need of a member record. */
    public ViewBuilder.Member member(RecordKey key) {
        FeatureRecord entry = (FeatureRecord) graph.derived(graph.ordinal(key));
        return new ViewBuilder.Member(entry.consent, entry.identifiers);
    }

    /** What views need of every resident record, a new map. */
    public Map<RecordKey, ViewBuilder.Member> members() {
        Map<RecordKey, ViewBuilder.Member> map = new HashMap<>(graph.recordCount() * 4 / 3 + 1);
        for (int o = 0, n = graph.ordinalBound(); o < n; o++) {
            FeatureRecord entry = (FeatureRecord) graph.derived(o);
            if (entry != null) {
                map.put(entry.key, new ViewBuilder.Member(entry.consent, entry.identifiers));
            }
        }
        return map;
    }

    /** What a purpose may see of a profile (following aliases), consent evaluated now. */
    public Optional<ProfileView> view(ProfileId id, Purpose purpose) {
        Instant now = engine.now();
        return profile(id).map(p -> engine.viewBuilder.view(p, purpose, now, this::member));
    }

    /**
     * The profiles holding an identifier, sorted by id.
     *
     * @param identifier a raw identifier; it is normalized with its type's configured normalizer
     */
    public List<Profile> profilesWith(Identifier identifier) {
        TreeMap<ProfileId, Profile> found = new TreeMap<>();
        for (Identifier stored : storedForms(identifier)) {
            for (RecordKey key : recordsWith(stored)) {
                ProfileId id = graph.profileOf(graph.ordinal(key));
                if (id != null) {
                    found.put(id, graph.profile(id));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The stored forms of an identifier as given by a caller: normalized, and protected by any
     * identifier-protection stage. Empty if it is malformed.
     */
    public List<Identifier> storedForms(Identifier identifier) {
        EngineConfig config = engine.config;
        IngestContext context = engine.featurizer.context(engine.now());
        List<Identifier> forms = new ArrayList<>(2);
        NormalizedValue normalized = config.normalizer(identifier.type()).normalize(identifier.value());
        if (normalized instanceof NormalizedValue.Valid v) {
            forms.add(new Identifier(identifier.type(), v.value()));
        } else if (normalized instanceof NormalizedValue.NonIdentifying n) {
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
        GraphStore.Members block = graph.block(engine.featurizer.lookupKey(stored));
        List<RecordKey> keys = new ArrayList<>();
        if (block != null && block.tag() == CandidateGenerator.LOOKUP_TAG) {
            for (int i = 0; i < block.size(); i++) {
                FeatureRecord e = (FeatureRecord) graph.derived(block.member(i));
                if (Arrays.binarySearch(e.identifiers, stored) >= 0) {
                    keys.add(e.key);
                }
            }
        }
        keys.sort(null);
        return keys;
    }

    /** Keys of resident records older than their source's retention period, sorted. */
    public List<RecordKey> expired() {
        EngineConfig config = engine.config;
        List<RecordKey> expired = new ArrayList<>();
        if (config.privacy.retention().isEmpty()) {
            return expired;
        }
        Instant now = engine.now();
        for (int o = 0, n = graph.ordinalBound(); o < n; o++) {
            SourceRecord record = graph.record(o);
            if (record != null) {
                java.time.Duration period = config.privacy.retention().get(record.key().source());
                if (period != null && record.observedAt().plus(period).isBefore(now)) {
                    expired.add(record.key());
                }
            }
        }
        expired.sort(null);
        return expired;
    }

    /**
     * The resident records that share a blocking key (probabilistic or deterministic) with
     * {@code record} whose block would not be over the cap with the record in it, featurized as
     * an upsert would but not inserted; the record's own key is left out. Sorted by key. Empty
     * when the record would be rejected or refused.
     */
    public List<RecordKey> candidates(SourceRecord record) {
        FeatureRecord probe = engine.featurizer.featurize(record, engine.now()).entry();
        if (probe == null) {
            return List.of();
        }
        int resident = graph.ordinal(probe.key);
        long[] counted = resident < 0 ? new long[0] : ((FeatureRecord) graph.derived(resident)).keys;
        List<RecordKey> keys = new ArrayList<>();
        engine.generator.forEachPartner(probe, resident, counted, graph, true, null,
                (j, rule) -> keys.add(((FeatureRecord) graph.derived(j)).key));
        keys.sort(null);
        return keys;
    }
}
