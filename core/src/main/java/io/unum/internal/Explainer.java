package io.unum.internal;

import io.unum.Explanation;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.rules.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Explains a pair with the engine's own scoring functions, so an explanation always agrees with
 * the decision. Stateless; thread-safe under the same conditions as {@link PairScorer}.
 */
final class Explainer {

    private final EngineConfig config;

    Explainer(EngineConfig config) {
        this.config = config;
    }

    /** The level label of an explanation step that is a dependence's correction. */
    static final String DEPENDENCE_STEP = "dependence correction";

    /**
     * @param blocks the live index to tell oversized blocks by, or {@code null} to judge the two
     *     records alone (every shared key counts)
     */
    Explanation explain(RecordEntry a, RecordEntry b, BlockIndex blocks) {
        List<Explanation.RuleExplanation> rules = new ArrayList<>();
        for (CompiledRule rule : config.rules) {
            boolean candidate = sharesKey(rule, a, b, blocks);
            if (rule.deterministic) {
                TreeSet<IdentifierType> shared = new TreeSet<>();
                for (Identifier id : a.linkable) {
                    if (rule.typeIndex(id.type()) >= 0 && java.util.Arrays.binarySearch(b.linkable, id) >= 0) {
                        shared.add(id.type());
                    }
                }
                Explanation.Outcome outcome = shared.isEmpty() ? Explanation.Outcome.NO_LINK
                        : candidate ? Explanation.Outcome.LINK : Explanation.Outcome.NOT_COMPARED;
                rules.add(new Explanation.Deterministic(rule.name, new ArrayList<>(shared), outcome));
                continue;
            }
            List<Explanation.Step> steps = new ArrayList<>();
            double total = rule.priorWeight;
            steps.add(new Explanation.Step("prior", "prior", rule.priorWeight, 0, total));
            long firstLevels = 0L;
            for (int c = 0; c < rule.comparisons.length; c++) {
                CompiledRule.Comparison comparison = rule.comparisons[c];
                int level = PairScorer.level(comparison, a, b);
                if (level < 0) {
                    steps.add(new Explanation.Step(comparison.name(), level == -1 ? "null" : "no level", 0, 0, total));
                    continue;
                }
                double weight = PairScorer.levelWeight(comparison, level, a);
                double base = comparison.levels()[level].weight();
                total += weight;
                steps.add(new Explanation.Step(comparison.name(), comparison.levels()[level].label(), weight, weight - base,
                        total));
                if (rule.hasDependencies) {
                    double correction = rule.correction(c, level, firstLevels);
                    if (correction != 0) {
                        total += correction;
                        steps.add(new Explanation.Step(rule.comparisons[rule.conditionOf[c]].name() + " & "
                                + comparison.name(), DEPENDENCE_STEP, correction, 0, total));
                    }
                    firstLevels = rule.reached(c, level, firstLevels);
                }
            }
            Explanation.Outcome outcome = !candidate ? Explanation.Outcome.NOT_COMPARED
                    : total >= rule.matchWeight ? Explanation.Outcome.LINK
                    : total >= rule.reviewWeight ? Explanation.Outcome.REVIEW : Explanation.Outcome.NO_LINK;
            rules.add(new Explanation.Probabilistic(rule.name, steps, total, Weights.probability(total), rule.matchWeight,
                    rule.reviewWeight, outcome));
        }
        return new Explanation(a.key, b.key, rules);
    }

    private boolean sharesKey(CompiledRule rule, RecordEntry a, RecordEntry b, BlockIndex blocks) {
        for (int i = 0; i < a.keys.length; i++) {
            if ((a.keyMeta[i] >>> 16) != rule.index) {
                continue;
            }
            if (java.util.Arrays.binarySearch(b.keys, a.keys[i]) < 0) {
                continue;
            }
            if (blocks == null) {
                return true;
            }
            Block block = blocks.get(a.keys[i]);
            if (block != null && !config.oversized(block)) {
                return true;
            }
        }
        return false;
    }
}
