package io.unum;

import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable result of resolving a set of records: the golden profiles, which profile each
 * record belongs to, the possible matches left for review, statistics, and the input issues.
 * Thread-safe.
 */
public final class Resolution {

    private final List<Profile> profiles;
    private final Map<ProfileId, Profile> byId;
    private final Map<RecordKey, ProfileId> assignments;
    private final List<PossibleMatch> possibleMatches;
    private final ResolutionStatistics statistics;
    private final List<InputIssue> issues;

    Resolution(List<Profile> profiles, Map<RecordKey, ProfileId> assignments, List<PossibleMatch> possibleMatches,
            ResolutionStatistics statistics, List<InputIssue> issues) {
        this.profiles = List.copyOf(profiles);
        Map<ProfileId, Profile> map = new HashMap<>(profiles.size() * 2);
        for (Profile profile : profiles) {
            map.put(profile.id(), profile);
        }
        this.byId = map;
        this.assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        this.possibleMatches = List.copyOf(possibleMatches);
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.issues = List.copyOf(issues);
    }

    /** The golden profiles, sorted by id. */
    public List<Profile> profiles() {
        return profiles;
    }

    /** The profile with an id. */
    public Optional<Profile> profile(ProfileId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The profile a record belongs to; empty for unknown or rejected records. */
    public Optional<Profile> profileOf(RecordKey key) {
        ProfileId id = assignments.get(key);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Record key to profile id for every resolved record, sorted by key. */
    public Map<RecordKey, ProfileId> assignments() {
        return assignments;
    }

    /** Pairs between a rule's review and match thresholds that ended in different profiles. */
    public List<PossibleMatch> possibleMatches() {
        return possibleMatches;
    }

    /** Counts and timings. */
    public ResolutionStatistics statistics() {
        return statistics;
    }

    /** Every input issue, in input order. */
    public List<InputIssue> issues() {
        return issues;
    }

    /** The issues that kept a record out of the resolution. */
    public List<InputIssue> rejected() {
        return issues.stream().filter(InputIssue::rejectsRecord).toList();
    }

    @Override
    public String toString() {
        return "Resolution[" + assignments.size() + " records, " + profiles.size() + " profiles, "
                + issues.size() + " issues]";
    }
}
