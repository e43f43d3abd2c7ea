package io.unum.rules;

import io.unum.model.IdentifierType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A way two records can be found to be the same person. The family is closed:
 * <ul>
 *   <li>{@link Deterministic}: records sharing a normalized, identifying value of one of the
 *       rule's identifier types are the same person. Its blocking keys are those values.</li>
 *   <li>{@link Probabilistic}: a Fellegi–Sunter score over {@link Comparison}s, computed for
 *       pairs that share one of the rule's {@link BlockingKey}s. A pair whose match probability
 *       reaches the match threshold is linked; one between the review and match thresholds is
 *       reported as a possible match and not linked.</li>
 * </ul>
 * Rules are immutable values; a resolver compiles them once.
 */
public sealed interface MatchRule {

    /** The rule's name, unique within a resolver. */
    String name();

    /**
     * Links records that share an identifying value of one of {@code types}.
     *
     * @param name the rule's name
     * @param types the identifier types, non-empty, each {@link IdentifierType#deterministic()}
     */
    record Deterministic(String name, Set<IdentifierType> types) implements MatchRule {
        public Deterministic {
            Objects.requireNonNull(name, "rule name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("rule name must not be blank");
            }
            types = Set.copyOf(Objects.requireNonNull(types, () -> "types of rule " + name));
            if (types.isEmpty()) {
                throw new IllegalArgumentException("deterministic rule " + name + " needs at least one identifier type");
            }
            for (IdentifierType type : types) {
                if (!type.deterministic()) {
                    throw new IllegalArgumentException("identifier type " + type.name()
                            + " is not deterministic and cannot be used by deterministic rule " + name);
                }
            }
        }
    }

    /**
     * Links records whose Fellegi–Sunter match probability reaches {@code matchThreshold}.
     *
     * <p>The match weight of a pair is {@code log2(prior / (1 - prior))} plus the weights of
     * the levels its comparisons reach; the match probability is
     * {@code 2^w / (1 + 2^w)}.
     *
     * @param name the rule's name
     * @param comparisons the comparisons, non-empty, names unique
     * @param blockingKeys the blocking keys, non-empty, names unique
     * @param prior the prior probability λ that two records drawn at random are a match, in (0, 1);
     *     blocking only chooses which pairs are scored, so the prior is over all pairs (about
     *     one over the number of records for data with few duplicates per person)
     * @param matchThreshold the match probability at or above which a pair is linked, in (0, 1)
     * @param reviewThreshold the match probability at or above which an unlinked pair is
     *     reported as a possible match; in (0, matchThreshold]
     * @param dependencies comparisons whose agreement goes together among non-matches, with
     *     their corrections (see {@link Dependence}); a comparison is dependent in at most one
     */
    record Probabilistic(String name, List<Comparison> comparisons, List<BlockingKey> blockingKeys,
            double prior, double matchThreshold, double reviewThreshold, List<Dependence> dependencies)
            implements MatchRule {

        public Probabilistic {
            Objects.requireNonNull(name, "rule name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("rule name must not be blank");
            }
            comparisons = List.copyOf(Objects.requireNonNull(comparisons, () -> "comparisons of rule " + name));
            blockingKeys = List.copyOf(Objects.requireNonNull(blockingKeys, () -> "blocking keys of rule " + name));
            if (comparisons.isEmpty()) {
                throw new IllegalArgumentException("probabilistic rule " + name + " needs at least one comparison");
            }
            if (blockingKeys.isEmpty()) {
                throw new IllegalArgumentException("probabilistic rule " + name + " needs at least one blocking key");
            }
            unique(name, "comparison", comparisons.stream().map(Comparison::name).toList());
            unique(name, "blocking key", blockingKeys.stream().map(BlockingKey::name).toList());
            openUnit(name, "prior", prior);
            openUnit(name, "match threshold", matchThreshold);
            openUnit(name, "review threshold", reviewThreshold);
            if (reviewThreshold > matchThreshold) {
                throw new IllegalArgumentException("review threshold of rule " + name + " (" + reviewThreshold
                        + ") must not exceed its match threshold (" + matchThreshold + ")");
            }
            dependencies = List.copyOf(Objects.requireNonNull(dependencies, () -> "dependencies of rule " + name));
            List<String> names = comparisons.stream().map(Comparison::name).toList();
            Set<String> dependents = new HashSet<>();
            Map<String, Integer> conditioningLevels = new HashMap<>();
            for (Dependence d : dependencies) {
                Integer levels = conditioningLevels.putIfAbsent(d.conditioning(), d.conditioningLevels());
                if (levels != null && levels != d.conditioningLevels()) {
                    throw new IllegalArgumentException("comparison " + d.conditioning() + " of rule " + name
                            + " conditions two dependencies on different numbers of levels (" + levels + " and "
                            + d.conditioningLevels() + ")");
                }
                int c = names.indexOf(d.conditioning());
                int x = names.indexOf(d.dependent());
                if (c < 0 || x < 0) {
                    throw new IllegalArgumentException("dependence " + d.conditioning() + " ~ " + d.dependent() + " of rule "
                            + name + " names a comparison the rule does not have; comparisons: " + names);
                }
                if (c > x || c >= 64) {
                    throw new IllegalArgumentException("dependence " + d.conditioning() + " ~ " + d.dependent() + " of rule "
                            + name + ": the conditioning comparison must come before the dependent one (and among"
                            + " the first 64)");
                }
                if (!dependents.add(d.dependent())) {
                    throw new IllegalArgumentException("comparison " + d.dependent() + " of rule " + name
                            + " is dependent in two dependencies");
                }
                List<String> conditioningLabels = comparisons.get(c).levels().stream().map(ComparisonLevel::label).toList();
                if (d.conditioningLevels() > conditioningLabels.size()) {
                    throw new IllegalArgumentException("dependence " + d.conditioning() + " ~ " + d.dependent() + " of rule "
                            + name + " is conditioned on " + d.conditioningLevels() + " levels of " + d.conditioning()
                            + ", which has " + conditioningLabels.size() + ": " + conditioningLabels);
                }
                List<String> labels = comparisons.get(x).levels().stream().map(ComparisonLevel::label).toList();
                for (String label : d.corrections().keySet()) {
                    if (!labels.contains(label)) {
                        throw new IllegalArgumentException("dependence " + d.conditioning() + " ~ " + d.dependent()
                                + " of rule " + name + " corrects level " + label + ", which " + d.dependent()
                                + " does not have; levels: " + labels);
                    }
                }
            }
        }

        /** A rule without dependencies. */
        public Probabilistic(String name, List<Comparison> comparisons, List<BlockingKey> blockingKeys, double prior,
                double matchThreshold, double reviewThreshold) {
            this(name, comparisons, blockingKeys, prior, matchThreshold, reviewThreshold, List.of());
        }

        private static void unique(String rule, String what, List<String> names) {
            Set<String> seen = new HashSet<>();
            for (String n : names) {
                if (!seen.add(n)) {
                    throw new IllegalArgumentException("rule " + rule + " has two " + what + "s named " + n);
                }
            }
        }

        private static void openUnit(String rule, String what, double value) {
            if (!(value > 0.0 && value < 1.0)) {
                throw new IllegalArgumentException(what + " of rule " + rule + " must be in (0, 1), was " + value);
            }
        }

        /** This rule with another prior and other comparisons (for example trained ones). */
        public Probabilistic withParameters(double newPrior, List<Comparison> newComparisons) {
            return new Probabilistic(name, newComparisons, blockingKeys, newPrior, matchThreshold, reviewThreshold,
                    dependencies);
        }

        /** This rule with other dependencies (for example with trained corrections). */
        public Probabilistic withDependencies(List<Dependence> newDependencies) {
            return new Probabilistic(name, comparisons, blockingKeys, prior, matchThreshold, reviewThreshold,
                    newDependencies);
        }

        /** This rule with other thresholds. */
        public Probabilistic withThresholds(double newMatchThreshold, double newReviewThreshold) {
            return new Probabilistic(name, comparisons, blockingKeys, prior, newMatchThreshold, newReviewThreshold,
                    dependencies);
        }

        /** The prior's weight in bits: {@code log2(prior / (1 - prior))}. */
        public double priorWeight() {
            return Weights.logit2(prior);
        }

        /** The match threshold as a weight in bits. */
        public double matchWeightThreshold() {
            return Weights.logit2(matchThreshold);
        }

        /** The review threshold as a weight in bits. */
        public double reviewWeightThreshold() {
            return Weights.logit2(reviewThreshold);
        }
    }

    /**
     * A deterministic rule.
     *
     * @see Deterministic
     */
    static Deterministic deterministic(String name, IdentifierType... types) {
        return new Deterministic(name, Set.of(types));
    }

    /**
     * Starts a probabilistic rule with defaults: prior 0.0001, match threshold 0.9, review
     * threshold 0.5.
     */
    static ProbabilisticBuilder probabilistic(String name) {
        return new ProbabilisticBuilder(name);
    }

    /** Builds a {@link Probabilistic} rule. Not thread-safe. */
    final class ProbabilisticBuilder {
        private final String name;
        private final List<Comparison> comparisons = new ArrayList<>();
        private final List<BlockingKey> blockingKeys = new ArrayList<>();
        private final List<Dependence> dependencies = new ArrayList<>();
        private double prior = 0.0001;
        private double matchThreshold = 0.9;
        private double reviewThreshold = 0.5;

        private ProbabilisticBuilder(String name) {
            this.name = name;
        }

        /** Adds a comparison. */
        public ProbabilisticBuilder comparison(Comparison comparison) {
            comparisons.add(Objects.requireNonNull(comparison, "comparison"));
            return this;
        }

        /** Adds a blocking key. */
        public ProbabilisticBuilder blockingKey(BlockingKey key) {
            blockingKeys.add(Objects.requireNonNull(key, "blocking key"));
            return this;
        }

        /**
         * Declares that agreement on {@code dependent} goes together with an exact (first-level)
         * agreement on {@code conditioning} among non-matches — a shared surname and a shared
         * address in one household — so that training estimates a correction for it (see
         * {@link Dependence}). {@code conditioning} must be added before {@code dependent}.
         */
        public ProbabilisticBuilder dependence(String conditioning, String dependent) {
            dependencies.add(Dependence.of(conditioning, dependent));
            return this;
        }

        /**
         * As {@link #dependence(String, String)}, conditioned on any of the first
         * {@code conditioningLevels} levels of {@code conditioning} (for example an exact surname
         * or one a typo apart).
         */
        public ProbabilisticBuilder dependence(String conditioning, int conditioningLevels, String dependent) {
            dependencies.add(Dependence.of(conditioning, conditioningLevels, dependent));
            return this;
        }

        /** Adds a dependence with its corrections. */
        public ProbabilisticBuilder dependence(Dependence dependence) {
            dependencies.add(Objects.requireNonNull(dependence, "dependence"));
            return this;
        }

        /** The prior probability that two random records are a match. */
        public ProbabilisticBuilder prior(double value) {
            this.prior = value;
            return this;
        }

        /** The match probability at or above which a pair is linked. */
        public ProbabilisticBuilder matchThreshold(double value) {
            this.matchThreshold = value;
            return this;
        }

        /** The match probability at or above which an unlinked pair is a possible match. */
        public ProbabilisticBuilder reviewThreshold(double value) {
            this.reviewThreshold = value;
            return this;
        }

        /** Returns the rule; validation errors name the rule and the setting. */
        public Probabilistic build() {
            return new Probabilistic(name, comparisons, blockingKeys, prior, matchThreshold, reviewThreshold,
                    dependencies);
        }
    }
}
