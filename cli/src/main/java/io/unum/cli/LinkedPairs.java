package io.unum.cli;

import io.unum.CandidatePairConsumer;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the pair whose match weight {@code unum report} explains: collects the probabilistic
 * candidate pairs the engine linked (weight at or above their rule's match threshold, both
 * records in one profile) and the highest-weighted candidate pair. The weights themselves go to
 * an {@link io.unum.evaluation.MatchWeightCollector}.
 *
 * <p>Links are kept as small objects, since there are far fewer of them than candidate pairs.
 * Thread-safe ({@link #accept} is synchronized), and the choice does not depend on the order in
 * which the pairs arrive.
 */
final class LinkedPairs implements CandidatePairConsumer {

    /** A linked candidate pair. */
    record Link(RecordKey first, RecordKey second, String rule, double weight) {
    }

    /** Orders links by weight, then by keys, so that a choice among them is deterministic. */
    static final Comparator<Link> LINK_ORDER = Comparator.comparingDouble(Link::weight)
            .thenComparing(Link::first).thenComparing(Link::second);

    private final Map<RecordKey, ProfileId> profiles;
    private final Map<String, Double> matchThresholds;
    private final List<Link> links = new ArrayList<>();
    private Link top;

    /**
     * @param profiles the profile of each resolved record
     * @param matchThresholds each probabilistic rule's match threshold in bits, by rule name
     */
    LinkedPairs(Map<RecordKey, ProfileId> profiles, Map<String, Double> matchThresholds) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.matchThresholds = Map.copyOf(matchThresholds);
    }

    @Override
    public synchronized void accept(RecordKey first, RecordKey second, String rule, double weight, double probability) {
        if (top == null || weight >= top.weight()) {
            Link pair = new Link(first, second, rule, weight);
            if (top == null || LINK_ORDER.compare(pair, top) > 0) {
                top = pair;
            }
        }
        Double threshold = matchThresholds.get(rule);
        ProfileId profile = profiles.get(first);
        if (threshold != null && weight >= threshold && profile != null && profile.equals(profiles.get(second))) {
            links.add(new Link(first, second, rule, weight));
        }
    }

    /** The linked pairs in {@link #LINK_ORDER}. */
    synchronized List<Link> links() {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(LINK_ORDER);
        return sorted;
    }

    /**
     * The representative link: the one with the median weight (the lower median for an even
     * count), ties broken by record keys; empty when nothing was linked.
     */
    Optional<Link> medianLink() {
        List<Link> sorted = links();
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    /** The candidate pair with the highest weight (the last in {@link #LINK_ORDER}), if any. */
    synchronized Optional<Link> topPair() {
        return Optional.ofNullable(top);
    }
}
