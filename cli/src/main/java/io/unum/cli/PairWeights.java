package io.unum.cli;

import io.unum.CandidatePairConsumer;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the match weights of the probabilistic candidate pairs for {@code unum report}: every
 * weight, split into true matches and the rest when a ground truth is given, and the pairs the
 * engine linked (weight at or above their rule's match threshold, both records in one profile),
 * from which one representative link is chosen for the waterfall.
 *
 * <p>Weights are kept in primitive arrays (8 bytes a pair); links as small objects, since there
 * are far fewer of them. Not thread-safe; {@link io.unum.Resolver#candidatePairs} calls it from
 * one thread.
 */
final class PairWeights implements CandidatePairConsumer {

    /** A linked candidate pair. */
    record Link(RecordKey first, RecordKey second, String rule, double weight) {
    }

    /** Orders links by weight, then by keys, so that a choice among them is deterministic. */
    static final Comparator<Link> LINK_ORDER = Comparator.comparingDouble(Link::weight)
            .thenComparing(Link::first).thenComparing(Link::second);

    private final Map<RecordKey, String> truth;
    private final Map<RecordKey, ProfileId> profiles;
    private final Map<String, Double> matchThresholds;
    private final Weights matches = new Weights();
    private final Weights others = new Weights();
    private final List<Link> links = new ArrayList<>();
    private Link top;

    /**
     * @param truth record key to true entity, or {@code null} without a ground truth; records
     *     without a label are entities of their own
     * @param profiles the profile of each resolved record
     * @param matchThresholds each probabilistic rule's match threshold in bits, by rule name
     */
    PairWeights(Map<RecordKey, String> truth, Map<RecordKey, ProfileId> profiles, Map<String, Double> matchThresholds) {
        this.truth = truth;
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.matchThresholds = Map.copyOf(matchThresholds);
    }

    @Override
    public void accept(RecordKey first, RecordKey second, String rule, double weight, double probability) {
        if (Double.isNaN(weight)) {
            throw new IllegalStateException("rule " + rule + " gave a pair the weight NaN");
        }
        boolean match = false;
        if (truth != null) {
            String label = truth.get(first);
            match = label != null && label.equals(truth.get(second));
        }
        (match ? matches : others).add(weight);
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

    /** Whether the pairs are split by a ground truth. */
    boolean hasTruth() {
        return truth != null;
    }

    /** Weights of the true matches, ascending (empty without a ground truth). */
    double[] matches() {
        return matches.sorted();
    }

    /** Weights of the pairs that are not true matches (all pairs without a ground truth), ascending. */
    double[] others() {
        return others.sorted();
    }

    /** The linked pairs in {@link #LINK_ORDER}. */
    List<Link> links() {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(LINK_ORDER);
        return sorted;
    }

    /**
     * The representative link: the one with the median weight (the lower median for an even
     * count), ties broken by record keys; empty when nothing was linked.
     */
    java.util.Optional<Link> medianLink() {
        List<Link> sorted = links();
        return sorted.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    /** The candidate pair with the highest weight (the last in {@link #LINK_ORDER}), if any. */
    java.util.Optional<Link> topPair() {
        return java.util.Optional.ofNullable(top);
    }

    /** Candidate pairs received. */
    long pairs() {
        return matches.size + others.size;
    }

    /** A growable array of doubles. */
    private static final class Weights {
        private double[] values = new double[1024];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        double[] sorted() {
            double[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
