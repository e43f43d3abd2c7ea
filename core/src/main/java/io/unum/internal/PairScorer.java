package io.unum.internal;

/**
 * Scores a pair of records under every probabilistic rule for which they are candidates,
 * reading only features. Thread-safe as long as the blocking index is not written concurrently.
 *
 * <p>A pair is a candidate under a rule when it shares one of the rule's blocking keys whose
 * block is not oversized. A probabilistic rule sums Fellegi–Sunter level weights onto its prior
 * and links at or above its match threshold, or reports a possible match at or above its review
 * threshold. The result is the strongest outcome over the rules: a link beats a review, a larger
 * weight beats a smaller one, and the lower rule index breaks ties. Because the result depends
 * only on the two records and on which blocks are oversized, the match graph is a function of
 * the set of records.
 *
 * <p>Deterministic rules need no scoring: the members of a deterministic block (records sharing
 * an identifying value) are linked implicitly, see {@link Clusterer}.
 */
final class PairScorer {

    private final EngineConfig config;
    private final boolean singleProbabilisticRule;

    PairScorer(EngineConfig config) {
        this.config = config;
        int probabilistic = 0;
        for (CompiledRule rule : config.rules) {
            probabilistic += rule.deterministic ? 0 : 1;
        }
        this.singleProbabilisticRule = probabilistic == 1;
    }

    /** The packed probabilistic edge between {@code a} and {@code b}, or {@link Edge#NONE}. */
    long evaluate(RecordEntry a, RecordEntry b, BlockIndex blocks) {
        return scoreRules(a, b, sharedProbabilisticRules(a, b, blocks));
    }

    /**
     * As {@link #evaluate(RecordEntry, RecordEntry, BlockIndex)} for a pair known to share a
     * non-oversized key of probabilistic rule {@code viaRule}: with a single probabilistic rule
     * no other key needs checking.
     */
    long evaluate(RecordEntry a, RecordEntry b, BlockIndex blocks, int viaRule) {
        long rules = singleProbabilisticRule ? 1L << viaRule : sharedProbabilisticRules(a, b, blocks);
        return scoreRules(a, b, rules);
    }

    private long scoreRules(RecordEntry a, RecordEntry b, long rules) {
        long best = Edge.NONE;
        while (rules != 0L) {
            int rule = Long.numberOfTrailingZeros(rules);
            rules &= rules - 1;
            CompiledRule compiled = config.rules[rule];
            double weight = scoreAtLeast(compiled, a, b, compiled.reviewWeight);
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
     * Whether two records contradict each other too much to share a profile: under some
     * probabilistic rule, the negative weights of the levels they reach sum to more than
     * {@code limit} bits (for example a different first name and a different date of birth)
     * and the pair's whole weight stays below the rule's review threshold, so that the pair
     * would not be linked on its own. Independent of blocking: merge protection asks it of any
     * two records about to share a profile.
     */
    boolean contradicts(RecordEntry a, RecordEntry b, double limit) {
        for (CompiledRule rule : config.rules) {
            if (rule.deterministic) {
                continue;
            }
            double against = 0;
            double total = rule.priorWeight;
            long firstLevels = 0L;
            for (int c = 0; c < rule.comparisons.length; c++) {
                CompiledRule.Comparison comparison = rule.comparisons[c];
                int level = level(comparison, a, b);
                if (level >= 0) {
                    double weight = levelWeight(comparison, level, a);
                    total += weight;
                    if (weight < 0) {
                        against -= weight;
                    }
                    if (rule.hasDependencies) {
                        total += rule.correction(c, level, firstLevels);
                        firstLevels = rule.reached(c, level, firstLevels);
                    }
                }
            }
            if (against > limit && total < rule.reviewWeight) {
                return true;
            }
        }
        return false;
    }

    /** A bit set of the probabilistic rules under which the pair shares a non-oversized key. */
    private long sharedProbabilisticRules(RecordEntry a, RecordEntry b, BlockIndex blocks) {
        long[] ka = a.keys;
        long[] kb = b.keys;
        long rules = 0L;
        int i = 0;
        int j = 0;
        while (i < ka.length && j < kb.length) {
            long x = ka[i];
            long y = kb[j];
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                int rule = a.keyMeta[i] >>> 16;
                if (!config.rules[rule].deterministic && (rules & (1L << rule)) == 0) {
                    Block block = blocks.get(x);
                    if (block != null && !config.oversized(block)) {
                        rules |= 1L << rule;
                    }
                }
                i++;
                j++;
            }
        }
        return rules;
    }

    /** The Fellegi–Sunter match weight of a pair under a probabilistic rule, prior included. */
    static double score(CompiledRule rule, RecordEntry a, RecordEntry b) {
        return scoreAtLeast(rule, a, b, Double.NEGATIVE_INFINITY); // no floor: never exits early
    }

    /**
     * The weight of a pair under a rule, or {@link Double#NEGATIVE_INFINITY} as soon as it is
     * certain to stay below {@code floor}: before each comparison, the weight so far plus the
     * largest weight each remaining comparison with both values present could add is checked
     * against the floor. Above the floor the result equals {@link #score}.
     */
    static double scoreAtLeast(CompiledRule rule, RecordEntry a, RecordEntry b, double floor) {
        CompiledRule.Comparison[] comparisons = rule.comparisons;
        double possible = 0;
        for (CompiledRule.Comparison comparison : comparisons) {
            if (a.features[comparison.slot()] != null && b.features[comparison.slot()] != null) {
                possible += comparison.maxWeight();
            }
        }
        double weight = rule.priorWeight;
        if (weight + possible < floor) {
            return Double.NEGATIVE_INFINITY;
        }
        long firstLevels = 0L; // comparisons (among the first 64) that reached their first level
        for (int c = 0; c < comparisons.length; c++) {
            CompiledRule.Comparison comparison = comparisons[c];
            int level = level(comparison, a, b);
            if (level == -1) {
                continue;
            }
            possible -= comparison.maxWeight();
            if (level >= 0) {
                weight += levelWeight(comparison, level, a);
                if (rule.hasDependencies) {
                    weight += rule.correction(c, level, firstLevels); // zero or negative: the bound holds
                    firstLevels = rule.reached(c, level, firstLevels);
                }
            }
            if (weight + possible < floor) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return weight;
    }

    /** Level reached: -1 for the null level (a value is missing), -2 when no level applies. */
    static int level(CompiledRule.Comparison comparison, RecordEntry a, RecordEntry b) {
        if (a.features[comparison.slot()] == null || b.features[comparison.slot()] == null) {
            return -1; // null level: no evidence either way
        }
        CompiledRule.Level[] levels = comparison.levels();
        io.unum.spi.FieldComparator lastComparator = null;
        int lastSlot = -1;
        double similarity = 0;
        for (int l = 0; l < levels.length; l++) {
            CompiledRule.Level level = levels[l];
            String la = a.features[level.slot()];
            String lb = b.features[level.slot()];
            if (la == null || lb == null) {
                continue;
            }
            io.unum.spi.FieldComparator comparator = level.comparator();
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
    static double levelWeight(CompiledRule.Comparison comparison, int level, RecordEntry a) {
        if (level == comparison.tfLevel() && comparison.tfSlot() >= 0) {
            double tfLog = a.tfLog[comparison.tfSlot()];
            if (!Double.isNaN(tfLog)) {
                return comparison.tfLog2M() - tfLog;
            }
        }
        return comparison.levels()[level].weight();
    }
}
