package io.unum;

import io.unum.internal.Diagnostics;
import io.unum.internal.Engine;
import io.unum.internal.GraphReads;
import io.unum.internal.ViewBuilder;
import io.unum.store.GraphStore;
import java.time.Duration;
import io.unum.model.Profile;
import io.unum.model.Purpose;
import io.unum.privacy.PrivacyDecision;
import io.unum.privacy.ProfileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Supplier;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The immutable result of resolving a set of records: the golden profiles, which profile each
 * record belongs to, the possible matches left for review, statistics, and the input issues.
 * Thread-safe.
 */
public final class Resolution {

    private final List<Profile> profiles;
    private final Map<ProfileId, Profile> byId;
    private final Map<RecordKey, ProfileId> assignments;
    private final Supplier<List<PossibleMatch>> possibleMatchesSource;
    private volatile List<PossibleMatch> possibleMatches;
    private final ResolutionStatistics statistics;
    private final List<InputIssue> issues;
    private final List<PrivacyDecision> privacy;
    private final Views views;

    /** What purpose views of a snapshot need. */
    record Views(ViewBuilder builder, java.util.function.Function<RecordKey, ViewBuilder.Member> members,
            Supplier<Instant> clock) {
    }

    Resolution(List<Profile> profiles, Map<RecordKey, ProfileId> assignments, Supplier<List<PossibleMatch>> possibleMatches,
            ResolutionStatistics statistics, List<InputIssue> issues, List<PrivacyDecision> privacy, Views views) {
        this.profiles = List.copyOf(profiles);
        Map<ProfileId, Profile> map = new HashMap<>(profiles.size() * 2);
        for (Profile profile : profiles) {
            map.put(profile.id(), profile);
        }
        this.byId = map;
        this.assignments = Collections.unmodifiableMap(assignments);
        this.possibleMatchesSource = Objects.requireNonNull(possibleMatches, "possibleMatches");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.issues = List.copyOf(issues);
        this.privacy = List.copyOf(privacy);
        this.views = Objects.requireNonNull(views, "views");
    }

    /**
     * A detached resolution of a state: profiles, assignments, possible matches, statistics and
     * what purpose views need are copied, so the resolution holds its results and not the engine
     * or the store.
     */
    static Resolution detached(Engine engine, GraphStore.Reader graph, List<InputIssue> issues,
            List<io.unum.privacy.PrivacyDecision> privacy, long candidatePairs, Map<Stage, Duration> times) {
        return detached(engine, graph, new Diagnostics(engine, graph), issues, privacy, candidatePairs, times);
    }

    /** As above, with the diagnostics of {@code graph} given (they may know its generic values already). */
    static Resolution detached(Engine engine, GraphStore.Reader graph, Diagnostics diagnostics, List<InputIssue> issues,
            List<io.unum.privacy.PrivacyDecision> privacy, long candidatePairs, Map<Stage, Duration> times) {
        long rejected = issues.stream().filter(InputIssue::rejectsRecord).count()
                + privacy.stream().filter(d -> d.outcome() == io.unum.privacy.PrivacyDecision.Outcome.REFUSED).count();
        GraphReads reads = new GraphReads(engine, graph);
        // independent reads of one state, each a pass over the whole graph: side by side
        var possible = new AtomicReference<List<PossibleMatch>>();
        var links = new AtomicLong();
        var oversized = new AtomicReference<List<OversizedBlock>>();
        var largest = new AtomicReference<List<BlockSize>>();
        var members = new AtomicReference<Map<RecordKey, ViewBuilder.Member>>();
        var profiles = new AtomicReference<List<Profile>>();
        var assignments = new AtomicReference<Map<RecordKey, ProfileId>>();
        engine.runAll(() -> possible.set(diagnostics.possibleMatches()), () -> links.set(diagnostics.linkCount()),
                () -> oversized.set(diagnostics.oversizedBlocks()), () -> largest.set(diagnostics.largestBlocks(20)),
                () -> members.set(reads.members()), () -> profiles.set(reads.profiles()),
                () -> assignments.set(reads.assignments()));
        List<PossibleMatch> possibleMatches = possible.get();
        ResolutionStatistics statistics = new ResolutionStatistics(graph.recordCount(), rejected,
                graph.profileCount(), candidatePairs, links.get(), possibleMatches.size(), oversized.get(), largest.get(),
                times);
        Map<RecordKey, ViewBuilder.Member> memberMap = members.get();
        return new Resolution(profiles.get(), assignments.get(), () -> possibleMatches, statistics, issues, privacy,
                new Resolution.Views(engine.viewBuilder(), memberMap::get, engine::now));
    }

    /**
     * What a purpose may see of every profile: values the purpose may use in clear, the others
     * masked or withheld, by consent evaluated now and the resolver's output filters.
     */
    public List<ProfileView> view(Purpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        Instant now = views.clock().get();
        List<ProfileView> list = new ArrayList<>(profiles.size());
        for (Profile profile : profiles) {
            list.add(views.builder().view(profile, purpose, now, views.members()));
        }
        return list;
    }

    /** What a purpose may see of one profile. */
    public Optional<ProfileView> profile(ProfileId id, Purpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return profile(id).map(p -> views.builder().view(p, purpose, views.clock().get(), views.members()));
    }

    /** Privacy decisions that changed or refused input records, in input order. */
    public List<PrivacyDecision> privacyDecisions() {
        return privacy;
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

    /** Record key to profile id for every resolved record, in no particular order. */
    public Map<RecordKey, ProfileId> assignments() {
        return assignments;
    }

    /**
     * Pairs between a rule's review and match thresholds that ended in different profiles, sorted;
     * built on first use.
     */
    public List<PossibleMatch> possibleMatches() {
        List<PossibleMatch> list = possibleMatches;
        if (list == null) {
            synchronized (this) {
                list = possibleMatches;
                if (list == null) {
                    list = List.copyOf(possibleMatchesSource.get());
                    possibleMatches = list;
                }
            }
        }
        return list;
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
