package io.unum.internal;

import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.ConsentStatus;
import io.unum.model.GoldenValue;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.Provenance;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.Survivorship;
import io.unum.privacy.ConsentPolicy;
import io.unum.privacy.RecordConsent;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds golden {@link Profile}s from member records by survivorship. A pure function of the
 * members and the configuration; thread-safe.
 *
 * <p>Per attribute, the configured {@link Survivorship} picks the value; its own criterion is
 * followed by the common tie-break (most recently observed record, then smallest key), so the
 * result never depends on member order. Identifiers are always collected: the profile holds the
 * distinct normalized identifiers of all members.
 */
final class ProfileBuilder {

    private final EngineConfig config;

    ProfileBuilder(EngineConfig config) {
        this.config = config;
    }

    /**
     * The golden profile of members (in key order).
     *
     * @param members the members' features, sorted by key
     */
    Profile build(ProfileId id, long version, List<FeatureRecord> members, Instant now) {
        List<RecordKey> keys = new ArrayList<>(members.size());
        for (FeatureRecord member : members) {
            keys.add(member.key);
        }
        List<Identifier> identifiers;
        Map<String, List<GoldenValue>> golden = new LinkedHashMap<>();
        if (members.size() == 1) {
            // the common case: one record is its own golden record
            FeatureRecord only = members.get(0);
            identifiers = java.util.Arrays.asList(only.identifiers);
            Map<Survivorship, Provenance> provenance = new HashMap<>(2);
            for (Map.Entry<String, String> attribute : only.attributes.entrySet()) {
                Survivorship rule = config.survivorship(attribute.getKey());
                Provenance p = provenance.computeIfAbsent(rule,
                        r -> new Provenance(only.key, only.record.observedAt(), r));
                golden.put(attribute.getKey(), List.of(new GoldenValue(attribute.getValue().strip(), p)));
            }
        } else {
            TreeSet<Identifier> merged = new TreeSet<>();
            Map<String, List<Candidate>> candidates = new TreeMap<>();
            for (FeatureRecord member : members) {
                java.util.Collections.addAll(merged, member.identifiers);
                for (Map.Entry<String, String> attribute : member.attributes.entrySet()) {
                    candidates.computeIfAbsent(attribute.getKey(), k -> new ArrayList<>(members.size()))
                            .add(new Candidate(attribute.getValue().strip(), member));
                }
            }
            identifiers = new ArrayList<>(merged);
            for (Map.Entry<String, List<Candidate>> attribute : candidates.entrySet()) {
                golden.put(attribute.getKey(), survive(config.survivorship(attribute.getKey()), attribute.getValue()));
            }
        }
        Map<Purpose, ConsentStatus> consent = Map.of();
        for (FeatureRecord member : members) {
            if (!member.consent.entries().isEmpty()) {
                Map<RecordKey, RecordConsent> consents = new TreeMap<>();
                for (FeatureRecord m : members) {
                    consents.put(m.key, m.consent.at(now));
                }
                consent = consent(consents, config.privacy.consentPolicy());
                break;
            }
        }
        return new Profile(id, version, keys, identifiers, golden, consent);
    }

    /**
     * Combines members' record-wide consent per purpose by the policy; see {@link ConsentPolicy}.
     * Only purposes with at least one effective entry appear.
     */
    static Map<Purpose, ConsentStatus> consent(Map<RecordKey, RecordConsent> members, ConsentPolicy policy) {
        TreeSet<Purpose> purposes = new TreeSet<>();
        for (RecordConsent consent : members.values()) {
            for (ConsentEntry entry : consent.entries()) {
                if (entry.identifier() == null) {
                    purposes.add(entry.purpose());
                }
            }
        }
        Map<Purpose, ConsentStatus> result = new TreeMap<>();
        for (Purpose purpose : purposes) {
            List<RecordKey> granting = new ArrayList<>();
            List<RecordKey> refusing = new ArrayList<>();
            ConsentEntry latestRefusal = null;
            ConsentEntry latest = null;
            for (Map.Entry<RecordKey, RecordConsent> member : members.entrySet()) {
                Optional<ConsentEntry> entry = member.getValue().latest(purpose);
                if (entry.isEmpty()) {
                    continue;
                }
                ConsentEntry e = entry.get();
                if (e.state().allows()) {
                    granting.add(member.getKey());
                } else {
                    refusing.add(member.getKey());
                    if (latestRefusal == null || e.at().isAfter(latestRefusal.at())) {
                        latestRefusal = e;
                    }
                }
                if (latest == null || e.at().isAfter(latest.at())
                        || (e.at().equals(latest.at()) && !e.state().allows())) {
                    latest = e;
                }
            }
            if (latest == null) {
                continue;
            }
            ConsentState state = policy == ConsentPolicy.MOST_RECENT ? latest.state()
                    : latestRefusal != null ? latestRefusal.state() : ConsentState.GRANTED;
            result.put(purpose, new ConsentStatus(purpose, state, granting, refusing));
        }
        return result;
    }

    private record Candidate(String value, FeatureRecord record) {
    }

    private static final Comparator<Candidate> RECENCY = (x, y) -> FeatureRecord.compareRecency(x.record, y.record);

    static List<GoldenValue> survive(Survivorship rule, List<Candidate> candidates) {
        if (rule instanceof Survivorship.MostRecent) {
            return List.of(golden(min(candidates, RECENCY), rule));
        }
        if (rule instanceof Survivorship.MostComplete) {
            Comparator<Candidate> byLength = Comparator.comparingInt(
                    (Candidate c) -> c.value.codePointCount(0, c.value.length())).reversed();
            return List.of(golden(min(candidates, byLength.thenComparing(RECENCY)), rule));
        }
        if (rule instanceof Survivorship.SourcePriority priority) {
            List<String> sources = priority.sources();
            Comparator<Candidate> byPriority = Comparator.comparingInt((Candidate c) -> {
                int rank = sources.indexOf(c.record.key.source());
                return rank < 0 ? Integer.MAX_VALUE : rank;
            });
            return List.of(golden(min(candidates, byPriority.thenComparing(RECENCY)), rule));
        }
        // frequency-based: MostFrequent and CollectAll
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Candidate> latest = new HashMap<>();
        for (Candidate c : candidates) {
            counts.merge(c.value, 1, Integer::sum);
            latest.merge(c.value, c, (x, y) -> RECENCY.compare(x, y) <= 0 ? x : y);
        }
        List<Candidate> distinct = new ArrayList<>(latest.values());
        distinct.sort(Comparator.comparingInt((Candidate c) -> counts.get(c.value)).reversed().thenComparing(RECENCY));
        if (rule instanceof Survivorship.MostFrequent) {
            return List.of(golden(distinct.get(0), rule));
        }
        List<GoldenValue> all = new ArrayList<>(distinct.size());
        for (Candidate c : distinct) {
            all.add(golden(c, rule));
        }
        return all;
    }

    private static Candidate min(List<Candidate> candidates, Comparator<Candidate> order) {
        Candidate best = candidates.get(0);
        for (int i = 1; i < candidates.size(); i++) {
            if (order.compare(candidates.get(i), best) < 0) {
                best = candidates.get(i);
            }
        }
        return best;
    }

    private static GoldenValue golden(Candidate c, Survivorship rule) {
        return new GoldenValue(c.value, new Provenance(c.record.key, c.record.record.observedAt(), rule));
    }
}
