package io.unum.internal;

import io.unum.model.IdentifierType;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;

/**
 * A {@link MatchRule} with feature names resolved to slots and weights precomputed. Immutable.
 */
final class CompiledRule {

    /**
     * One level of a compiled comparison. For a similarity condition, {@code comparator} and
     * {@code threshold} are set so that one similarity serves consecutive levels.
     */
    record Level(String label, int slot, LevelCondition condition, double weight,
            io.unum.spi.FieldComparator comparator, double threshold) {
        Level(String label, int slot, LevelCondition condition, double weight) {
            this(label, slot, condition, weight, condition.comparator(), condition.threshold());
        }
    }

    /**
     * One compiled comparison. With term frequencies, {@code tfSlot} indexes the per-record
     * {@code tfLog} array and level {@code tfLevel} weighs {@code log2(m) - tfLog}. An identifier
     * comparison (its feature reads an identifier, {@code FeatureSource.identifier}) names the
     * type in {@code identifier}, else {@code null}.
     */
    record Comparison(String name, int slot, Level[] levels, int tfSlot, int tfLevel, double tfLog2M, double maxWeight,
            IdentifierType identifier) {
        /** Whether the comparison's levels or own feature read a feature slot. */
        boolean reads(int featureSlot) {
            if (slot == featureSlot) {
                return true;
            }
            for (Level level : levels) {
                if (level.slot() == featureSlot) {
                    return true;
                }
            }
            return false;
        }
    }

    final int index;
    final MatchRule rule;
    final String name;
    final boolean deterministic;
    /** Deterministic rules: the identifier types, and the hash sub-key of each. */
    final IdentifierType[] types;
    final long[] typeSeeds;
    /** Probabilistic rules. */
    final Comparison[] comparisons;
    final int[][] blockingSlots;
    final String[] blockingNames;
    final long[] blockingSeeds;
    final double priorWeight;
    final double matchWeight;
    final double reviewWeight;
    /**
     * Dependencies, per comparison: the index of the comparison that conditions it, or -1; and
     * per level the correction in bits applied when that comparison reached one of its conditioning
     * levels.
     */
    final int[] conditionOf;
    final double[][] correction;
    /** Per comparison: its bit when it conditions a dependence (validated to be among the first 64), else 0. */
    private final long[] conditioningBit;
    /** Per comparison: how many of its first levels condition a dependence (0 when it conditions none). */
    private final int[] conditioningLevels;
    /** Whether any comparison has a dependence (the scorer then tracks first levels). */
    final boolean hasDependencies;
    /**
     * How training packs a pair's levels into a {@code long}; {@code null} for a deterministic
     * rule and for one whose comparisons need more than {@value PatternLayout#BITS} bits.
     */
    final PatternLayout layout;

    CompiledRule(int index, MatchRule.Deterministic rule, IdentifierType[] types, long[] typeSeeds) {
        this.index = index;
        this.rule = rule;
        this.name = rule.name();
        this.deterministic = true;
        this.types = types;
        this.typeSeeds = typeSeeds;
        this.comparisons = new Comparison[0];
        this.blockingSlots = new int[0][];
        this.blockingNames = new String[0];
        this.blockingSeeds = new long[0];
        this.priorWeight = 0;
        this.matchWeight = Double.NEGATIVE_INFINITY;
        this.reviewWeight = Double.NEGATIVE_INFINITY;
        this.conditionOf = new int[0];
        this.correction = new double[0][];
        this.conditioningBit = new long[0];
        this.conditioningLevels = new int[0];
        this.hasDependencies = false;
        this.layout = null;
    }

    CompiledRule(int index, MatchRule.Probabilistic rule, Comparison[] comparisons, int[][] blockingSlots,
            long[] blockingSeeds) {
        this.index = index;
        this.rule = rule;
        this.name = rule.name();
        this.deterministic = false;
        this.types = new IdentifierType[0];
        this.typeSeeds = new long[0];
        this.comparisons = comparisons;
        this.blockingSlots = blockingSlots;
        this.blockingNames = rule.blockingKeys().stream().map(k -> k.name()).toArray(String[]::new);
        this.blockingSeeds = blockingSeeds;
        this.priorWeight = rule.priorWeight();
        this.matchWeight = rule.matchWeightThreshold();
        this.reviewWeight = rule.reviewWeightThreshold();
        this.conditionOf = new int[comparisons.length];
        java.util.Arrays.fill(conditionOf, -1);
        this.correction = new double[comparisons.length][];
        this.conditioningBit = new long[comparisons.length];
        this.conditioningLevels = new int[comparisons.length];
        for (io.unum.rules.Dependence d : rule.dependencies()) {
            int c = indexOf(comparisons, d.conditioning());
            int x = indexOf(comparisons, d.dependent());
            conditionOf[x] = c;
            conditioningBit[c] = 1L << c;
            conditioningLevels[c] = d.conditioningLevels(); // the same in each of its dependencies (MatchRule checks)
            correction[x] = new double[comparisons[x].levels().length];
            for (int l = 0; l < correction[x].length; l++) {
                correction[x][l] = d.corrections().getOrDefault(comparisons[x].levels()[l].label(), 0.0);
            }
        }
        this.hasDependencies = !rule.dependencies().isEmpty();
        this.layout = PatternLayout.of(comparisons);
    }

    /** The index of the comparison named {@code name} (one the rule has). */
    int comparisonIndex(String name) {
        return indexOf(comparisons, name);
    }

    private static int indexOf(Comparison[] comparisons, String name) {
        for (int i = 0; i < comparisons.length; i++) {
            if (comparisons[i].name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no comparison " + name); // MatchRule.Probabilistic validated the names
    }

    /**
     * The correction for comparison {@code c} at {@code level}, given the bit set of comparisons
     * that reached one of their conditioning levels so far; 0 without a dependence.
     */
    double correction(int c, int level, long firstLevels) {
        int conditioning = conditionOf[c];
        return conditioning >= 0 && (firstLevels & (1L << conditioning)) != 0 ? correction[c][level] : 0.0;
    }

    /**
     * The bit set of conditioning agreements after comparison {@code c} reached {@code level}: set
     * for a conditioning comparison at one of its conditioning levels.
     */
    long reached(int c, int level, long firstLevels) {
        return level >= 0 && level < conditioningLevels[c] ? firstLevels | conditioningBit[c] : firstLevels;
    }

    /** Deterministic rules: the index of a type in {@link #types}, or -1. */
    int typeIndex(IdentifierType type) {
        return java.util.Arrays.binarySearch(types, type);
    }

    /** The name of key {@code keyIndex} of this rule, for statistics. */
    String keyName(int keyIndex) {
        return deterministic ? types[keyIndex].name() : blockingNames[keyIndex];
    }
}
