package io.unum.internal;

import io.unum.model.Identifier;

/**
 * Scores a pair of records under every rule for which they are candidates, reading only
 * features. Stateless apart from the configuration; thread-safe as long as the blocking index is
 * not written concurrently.
 *
 * <p>A pair is a candidate under a rule when it shares one of the rule's blocking keys whose
 * block is not oversized. A deterministic rule links such a pair (after checking the shared
 * identifier really is equal, which rules out hash collisions); a probabilistic rule sums
 * Fellegi–Sunter level weights onto its prior and links at or above its match threshold,
 * or reports a possible match at or above its review threshold. The result is the strongest
 * outcome over the rules: a link beats a review, a larger weight beats a smaller one, and the
 * lower rule index breaks ties. Because the result depends only on the two records and on which
 * blocks are oversized, the match graph is a function of the set of records.
 */
final class PairScorer {

    private final EngineConfig config;
    private final Featurizer featurizer;

    PairScorer(EngineConfig config, Featurizer featurizer) {
        this.config = config;
        this.featurizer = featurizer;
    }

    /** The packed edge between {@code a} and {@code b}, or {@link Edge#NONE}. */
    long evaluate(RecordEntry a, RecordEntry b, BlockIndex blocks) {
        long[] ka = a.keys;
        long[] kb = b.keys;
        long probabilisticRules = 0L;
        int deterministicRule = Integer.MAX_VALUE;
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
                Block block = blocks.get(x);
                if (block != null && block.size() <= config.blockSizeCap) {
                    int meta = a.keyMeta[i];
                    int rule = meta >>> 16;
                    CompiledRule compiled = config.rules[rule];
                    if (compiled.deterministic) {
                        if (rule < deterministicRule && sharesIdentifier(compiled, meta & 0xFFFF, x, a, b)) {
                            deterministicRule = rule;
                        }
                    } else {
                        probabilisticRules |= 1L << rule;
                    }
                }
                i++;
                j++;
            }
        }
        if (deterministicRule != Integer.MAX_VALUE) {
            return Edge.of(Edge.LINK, deterministicRule, Float.POSITIVE_INFINITY);
        }
        long best = Edge.NONE;
        while (probabilisticRules != 0L) {
            int rule = Long.numberOfTrailingZeros(probabilisticRules);
            probabilisticRules &= probabilisticRules - 1;
            CompiledRule compiled = config.rules[rule];
            double weight = score(compiled, a, b);
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

    /** The Fellegi–Sunter match weight of a pair under a probabilistic rule, prior included. */
    static double score(CompiledRule rule, RecordEntry a, RecordEntry b) {
        double weight = rule.priorWeight;
        for (CompiledRule.Comparison comparison : rule.comparisons) {
            String va = a.features[comparison.slot()];
            String vb = b.features[comparison.slot()];
            if (va == null || vb == null) {
                continue; // null level: no evidence either way
            }
            for (CompiledRule.Level level : comparison.levels()) {
                String la = a.features[level.slot()];
                String lb = b.features[level.slot()];
                if (la != null && lb != null && level.condition().test(la, lb)) {
                    weight += level.weight();
                    break;
                }
            }
        }
        return weight;
    }

    private boolean sharesIdentifier(CompiledRule rule, int typeIndex, long key, RecordEntry a, RecordEntry b) {
        String va = identifierWithKey(rule, typeIndex, key, a);
        if (va == null) {
            return false;
        }
        for (Identifier id : b.linkable) {
            if (id.type().equals(rule.types[typeIndex]) && id.value().equals(va)) {
                return true;
            }
        }
        return false;
    }

    private String identifierWithKey(CompiledRule rule, int typeIndex, long key, RecordEntry entry) {
        for (Identifier id : entry.linkable) {
            if (id.type().equals(rule.types[typeIndex])
                    && featurizer.deterministicKey(rule, typeIndex, id.value()) == key) {
                return id.value();
            }
        }
        return null;
    }
}
