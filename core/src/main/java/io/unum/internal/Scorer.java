package io.unum.internal;

import io.unum.Explanation;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.rules.Weights;
import io.unum.spi.FieldComparator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Scores pairs of records under the probabilistic rules, reading only features, and explains a
 * score with the same loop: {@link #score} walks a rule's comparisons once and, when given a
 * {@link Steps} sink, reports each level, term-frequency adjustment and dependence correction as
 * it adds them — so an explanation (and the contradiction test of merge protection) can never
 * drift from the decision, as Lucene's {@code Similarity.SimScorer} keeps score and explain
 * together. Stateless apart from its configuration; thread-safe.
 *
 * <p>A probabilistic rule sums Fellegi–Sunter level weights (Fellegi &amp; Sunter 1969) onto its
 * prior and links at or above its match threshold, or reports a possible match at or above its
 * review threshold. A pair's edge is the strongest outcome over the rules under which it is a
 * candidate (see {@link CandidateGenerator#sharedRules}): a link beats a review, a larger weight
 * beats a smaller one, and the lower rule index breaks ties.
 */
final class Scorer {

    /** The level label of an explanation step that is a dependence's correction. */
    static final String DEPENDENCE_STEP = "dependence correction";

    /** The level label of an identifier comparison whose records agree only on generic values. */
    static final String GENERIC_STEP = "generic value (not counted)";

    /** The level {@link Steps#level} reports for an agreement on generic values only. */
    static final int GENERIC_LEVEL = -3;

    /**
     * Tells generic identifier values ({@link GenericValues}); an identifier comparison whose two
     * records share only generic values of its type counts as the null level.
     */
    @FunctionalInterface
    interface Generics {
        /** No value is generic. */
        Generics NONE = id -> false;

        boolean generic(Identifier id);
    }

    /** Hears the steps of one score, in order. */
    interface Steps {
        /**
         * A comparison's outcome.
         *
         * @param c the comparison's index
         * @param level the level reached, {@code -1} for the null level, {@code -2} for none,
         *     {@link #GENERIC_LEVEL} for an agreement on generic values only
         * @param weight the weight added (0 for negative levels)
         * @param base the level's weight without a term-frequency adjustment
         * @param total the weight so far, this step included
         */
        void level(int c, int level, double weight, double base, double total);

        /** A dependence's correction of comparison {@code c}, already added to {@code total}. */
        void correction(int c, double correction, double total);
    }

    private final EngineConfig config;

    Scorer(EngineConfig config) {
        this.config = config;
    }

    /**
     * The packed edge ({@link Edge}) between two records under the probabilistic rules in the
     * bit set {@code rules}, or {@link Edge#NONE}.
     */
    long evaluate(FeatureRecord a, FeatureRecord b, long rules, Generics generics) {
        long best = Edge.NONE;
        while (rules != 0L) {
            int rule = Long.numberOfTrailingZeros(rules);
            rules &= rules - 1;
            CompiledRule compiled = config.rules[rule];
            double weight = score(compiled, a, b, compiled.reviewWeight, null, generics);
            int kind = weight >= compiled.matchWeight ? Edge.LINK
                    : weight >= compiled.reviewWeight ? Edge.REVIEW : 0;
            if (kind == 0) {
                continue;
            }
            long candidate = Edge.of(kind, rule, (float) weight);
            if (best == Edge.NONE || Edge.kind(candidate) > Edge.kind(best)
                    || (Edge.kind(candidate) == Edge.kind(best) && Edge.weight(candidate) > Edge.weight(best))) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The Fellegi–Sunter weight of a pair under a probabilistic rule, prior included, or
     * {@link Double#NEGATIVE_INFINITY} as soon as it is certain to stay below {@code floor}:
     * before each comparison, the weight so far plus the largest weight each remaining
     * comparison with both values present could add is checked against the floor. Above the
     * floor the result does not depend on it.
     *
     * @param steps hears every step, or {@code null}; give no floor ({@code -Infinity}) with a sink
     * @param generics tells generic values
     */
    static double score(CompiledRule rule, FeatureRecord a, FeatureRecord b, double floor, Steps steps,
            Generics generics) {
        CompiledRule.Comparison[] comparisons = rule.comparisons;
        double possible = 0;
        if (floor != Double.NEGATIVE_INFINITY) {
            String[] fa = a.features();
            String[] fb = b.features();
            for (CompiledRule.Comparison comparison : comparisons) {
                if (fa[comparison.slot()] != null && fb[comparison.slot()] != null) {
                    possible += comparison.maxWeight();
                }
            }
        }
        double weight = rule.priorWeight;
        if (weight + possible < floor) {
            return Double.NEGATIVE_INFINITY;
        }
        long firstLevels = 0L; // conditioning comparisons (among the first 64) that reached a conditioning level
        for (int c = 0; c < comparisons.length; c++) {
            CompiledRule.Comparison comparison = comparisons[c];
            int level = level(comparison, a, b);
            if (level >= 0 && comparison.identifier() != null && generics != Generics.NONE
                    && sharesOnlyGeneric(a, b, comparison.identifier(), generics)) {
                level = GENERIC_LEVEL;
            }
            if (level == -1 || level == GENERIC_LEVEL) {
                if (steps != null) {
                    steps.level(c, level, 0, 0, weight);
                }
                continue;
            }
            possible -= comparison.maxWeight();
            if (level >= 0) {
                double w = levelWeight(comparison, level, a);
                weight += w;
                if (steps != null) {
                    steps.level(c, level, w, comparison.levels()[level].weight(), weight);
                }
                if (rule.hasDependencies) {
                    double correction = rule.correction(c, level, firstLevels); // zero or negative: the bound holds
                    weight += correction;
                    if (steps != null && correction != 0) {
                        steps.correction(c, correction, weight);
                    }
                    firstLevels = rule.reached(c, level, firstLevels);
                }
            } else if (steps != null) {
                steps.level(c, -2, 0, 0, weight);
            }
            if (weight + possible < floor) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return weight;
    }

    /** The weight of a pair under a probabilistic rule, prior included (no floor). */
    static double score(CompiledRule rule, FeatureRecord a, FeatureRecord b, Generics generics) {
        return score(rule, a, b, Double.NEGATIVE_INFINITY, null, generics);
    }

    /**
     * Whether two records share at least one linkable value of {@code type} and every value of
     * that type they share is generic.
     */
    static boolean sharesOnlyGeneric(FeatureRecord a, FeatureRecord b, io.unum.model.IdentifierType type,
            Generics generics) {
        // most pairs share no identifier at all: their look-up keys (one per identifier, equal
        // for equal identifiers) tell so without reading an identifier
        if (!shareAny(a.lookupKeys, b.lookupKeys)) {
            return false;
        }
        // both arrays are sorted by type, then value: only the two runs of this type are read,
        // and a value's cached hash is compared before its characters
        Identifier[] x = a.linkable;
        Identifier[] y = b.linkable;
        int yFirst = firstOfType(y, type);
        if (yFirst == y.length || !y[yFirst].type().equals(type)) {
            return false;
        }
        boolean shared = false;
        for (int i = firstOfType(x, type); i < x.length && x[i].type().equals(type); i++) {
            Identifier id = x[i];
            String value = id.value();
            int hash = value.hashCode();
            for (int j = yFirst; j < y.length && y[j].type().equals(type); j++) {
                String other = y[j].value();
                if (other.hashCode() == hash && other.equals(value)) {
                    if (!generics.generic(id)) {
                        return false;
                    }
                    shared = true;
                    break;
                }
            }
        }
        return shared;
    }

    /** Whether two sorted arrays have an element in common. */
    private static boolean shareAny(long[] x, long[] y) {
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The first index of a sorted identifier array whose type is not before {@code type}. */
    private static int firstOfType(Identifier[] ids, io.unum.model.IdentifierType type) {
        int low = 0;
        int high = ids.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ids[mid].type().compareTo(type) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Whether two records contradict each other too much to share a profile: under some
     * probabilistic rule, the negative weights of the levels they reach sum to more than
     * {@code limit} bits (for example a different first name and a different date of birth)
     * and the pair's whole weight stays below the rule's review threshold, so that the pair
     * would not be linked on its own. Independent of blocking: merge protection asks it of any
     * two records about to share a profile.
     */
    boolean contradicts(FeatureRecord a, FeatureRecord b, double limit, Generics generics) {
        return contradiction(a, b, generics) > limit;
    }

    /**
     * How much two records contradict each other ({@link #contradicts} asks whether it exceeds a
     * limit): the largest sum of negative weights under a probabilistic rule whose whole weight
     * for the pair stays below its review threshold, 0 when there is none.
     */
    double contradiction(FeatureRecord a, FeatureRecord b, Generics generics) {
        Against against = new Against();
        double most = 0;
        for (CompiledRule rule : config.rules) {
            if (rule.deterministic) {
                continue;
            }
            against.bits = 0;
            double total = score(rule, a, b, Double.NEGATIVE_INFINITY, against, generics);
            if (total < rule.reviewWeight) {
                most = Math.max(most, against.bits);
            }
        }
        return most;
    }

    /**
     * Whether two records are <em>distinct people</em> ({@code Resolver.Builder.distinctPeople}):
     * both have the distinct-people feature, its values fail the configuration's same-person
     * test, they share no value of an absolute identifier type, and no probabilistic rule links
     * them on their own evidence (reaches its match threshold with the identifier values they
     * share not counted: they may be a household's). Such records are never linked to each other.
     */
    boolean distinct(FeatureRecord a, FeatureRecord b, Generics generics) {
        int slot = config.distinctSlot;
        if (slot < 0) {
            return false;
        }
        String x = a.features()[slot];
        String y = b.features()[slot];
        if (x == null || y == null || config.generic.distinct().samePerson().test(x, y)) {
            return false;
        }
        for (Identifier id : a.linkable) {
            if (config.absolute(id.type()) && Arrays.binarySearch(b.linkable, id) >= 0) {
                return false; // an absolute identifier is a verdict
            }
        }
        Generics personal = id -> !config.absolute(id.type()) || generics.generic(id);
        for (CompiledRule rule : config.rules) {
            if (!rule.deterministic && score(rule, a, b, rule.matchWeight, null, personal) >= rule.matchWeight) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code bridge} fits both {@code x} and {@code y}, so that it cannot tell them apart:
     * it lacks the distinct-people feature, or its value is partial and may be the same person's
     * as each of theirs (a record fits itself, and a record without the feature fits it). A
     * bridge with a complete value fits no pair: it joins what its links join.
     */
    boolean fitsBoth(FeatureRecord bridge, FeatureRecord x, FeatureRecord y) {
        int slot = config.distinctSlot;
        if (slot < 0) {
            return false;
        }
        String value = bridge.features()[slot];
        if (value == null) {
            return true;
        }
        EngineConfig.Distinct distinct = config.generic.distinct();
        if (!distinct.partial().test(value)) {
            return false;
        }
        return fits(distinct, value, bridge, x) && fits(distinct, value, bridge, y);
    }

    private boolean fits(EngineConfig.Distinct distinct, String value, FeatureRecord bridge, FeatureRecord other) {
        String v = other.features()[config.distinctSlot];
        return other == bridge || v == null || distinct.samePerson().test(value, v);
    }

    /** Whether a record can tell every pair of people apart: its distinct-people value is complete. */
    boolean distinguishes(FeatureRecord record) {
        int slot = config.distinctSlot;
        String value = slot < 0 ? null : record.features()[slot];
        return value != null && !config.generic.distinct().partial().test(value);
    }

    /** Sums the bits of evidence against a match: the negative level weights. */
    private static final class Against implements Steps {
        double bits;

        @Override
        public void level(int c, int level, double weight, double base, double total) {
            if (weight < 0) {
                bits -= weight;
            }
        }

        @Override
        public void correction(int c, double correction, double total) {
        }
    }

    /**
     * Explains a pair under every rule.
     *
     * @param candidates the bit set of rules under which the pair is a candidate (shares a key
     *     that is not oversized); a deterministic rule links a candidate pair that shares a value
     */
    Explanation explain(FeatureRecord a, FeatureRecord b, long candidates, Generics generics) {
        List<Explanation.RuleExplanation> rules = new ArrayList<>();
        for (CompiledRule rule : config.rules) {
            boolean candidate = (candidates & (1L << rule.index)) != 0;
            if (rule.deterministic) {
                TreeSet<IdentifierType> shared = new TreeSet<>();
                for (Identifier id : a.linkable) {
                    if (rule.typeIndex(id.type()) >= 0 && Arrays.binarySearch(b.linkable, id) >= 0) {
                        shared.add(id.type());
                    }
                }
                Explanation.Outcome outcome = shared.isEmpty() ? Explanation.Outcome.NO_LINK
                        : candidate ? Explanation.Outcome.LINK : Explanation.Outcome.NOT_COMPARED;
                rules.add(new Explanation.Deterministic(rule.name, new ArrayList<>(shared), outcome));
                continue;
            }
            List<Explanation.Step> steps = new ArrayList<>();
            steps.add(new Explanation.Step("prior", "prior", rule.priorWeight, 0, rule.priorWeight));
            double total = score(rule, a, b, Double.NEGATIVE_INFINITY, new Steps() {
                @Override
                public void level(int c, int level, double weight, double base, double sum) {
                    CompiledRule.Comparison comparison = rule.comparisons[c];
                    String label = level >= 0 ? comparison.levels()[level].label() : level == -1 ? "null"
                            : level == GENERIC_LEVEL ? GENERIC_STEP : "no level";
                    steps.add(new Explanation.Step(comparison.name(), label, weight, level >= 0 ? weight - base : 0, sum));
                }

                @Override
                public void correction(int c, double correction, double sum) {
                    steps.add(new Explanation.Step(rule.comparisons[rule.conditionOf[c]].name() + " & "
                            + rule.comparisons[c].name(), DEPENDENCE_STEP, correction, 0, sum));
                }
            }, generics);
            Explanation.Outcome outcome = !candidate ? Explanation.Outcome.NOT_COMPARED
                    : total >= rule.matchWeight ? Explanation.Outcome.LINK
                    : total >= rule.reviewWeight ? Explanation.Outcome.REVIEW : Explanation.Outcome.NO_LINK;
            rules.add(new Explanation.Probabilistic(rule.name, steps, total, Weights.probability(total), rule.matchWeight,
                    rule.reviewWeight, outcome));
        }
        return new Explanation(a.key, b.key, rules);
    }

    /** The comparison vector packed by the rule's {@link PatternLayout}: 0 for the null level (or no level), else level + 1. */
    static long pattern(CompiledRule rule, FeatureRecord a, FeatureRecord b) {
        PatternLayout layout = rule.layout;
        long code = 0;
        for (int c = 0; c < rule.comparisons.length; c++) {
            code = layout.with(code, c, level(rule.comparisons[c], a, b));
        }
        return code;
    }

    /** Level reached: -1 for the null level (a value is missing), -2 when no level applies. */
    static int level(CompiledRule.Comparison comparison, FeatureRecord a, FeatureRecord b) {
        String[] fa = a.features();
        String[] fb = b.features();
        if (fa[comparison.slot()] == null || fb[comparison.slot()] == null) {
            return -1; // null level: no evidence either way
        }
        CompiledRule.Level[] levels = comparison.levels();
        FieldComparator lastComparator = null;
        int lastSlot = -1;
        double similarity = 0;
        for (int l = 0; l < levels.length; l++) {
            CompiledRule.Level level = levels[l];
            String la = fa[level.slot()];
            String lb = fb[level.slot()];
            if (la == null || lb == null) {
                continue;
            }
            FieldComparator comparator = level.comparator();
            if (comparator != null) {
                // one similarity for consecutive thresholds of the same comparator on the same feature
                if (comparator != lastComparator || level.slot() != lastSlot) {
                    similarity = comparator.compare(la, lb);
                    lastComparator = comparator;
                    lastSlot = level.slot();
                }
                if (similarity >= level.threshold()) {
                    return l;
                }
            } else if (level.condition().test(la, lb)) {
                return l;
            }
        }
        return -2;
    }

    /**
     * The weight of a reached level; on a term-frequency level, {@code log2(m / tf(value))} using
     * {@code a}'s value (equal to {@code b}'s on an exact level).
     */
    static double levelWeight(CompiledRule.Comparison comparison, int level, FeatureRecord a) {
        if (level == comparison.tfLevel() && comparison.tfSlot() >= 0) {
            double tfLog = a.tfLog[comparison.tfSlot()];
            if (!Double.isNaN(tfLog)) {
                return comparison.tfLog2M() - tfLog;
            }
        }
        return comparison.levels()[level].weight();
    }
}
