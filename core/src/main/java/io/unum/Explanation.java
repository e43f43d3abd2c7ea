package io.unum;

import io.unum.model.IdentifierType;
import io.unum.model.RecordKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why two records are, or are not, linked: for every rule, what it saw. A probabilistic rule
 * lists each comparison's level, its weight in bits (with any term-frequency adjustment) and the
 * running total from the prior to the final weight and probability, the data of a waterfall
 * chart; {@link #toText()} renders it for people. Explanations name fields and levels, never
 * values.
 *
 * @param first one record
 * @param second the other record
 * @param rules one entry per rule, in rule order
 */
public record Explanation(RecordKey first, RecordKey second, List<RuleExplanation> rules) {

    public Explanation {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        rules = List.copyOf(rules);
    }

    /** What a rule decided about the pair. */
    public enum Outcome {
        /** The rule links the pair. */
        LINK,
        /** The pair is a possible match for review. */
        REVIEW,
        /** The rule compared the pair and does not link it. */
        NO_LINK,
        /** The pair shares none of the rule's blocking keys (or only oversized ones): not compared. */
        NOT_COMPARED
    }

    /** One rule's view of the pair. */
    public sealed interface RuleExplanation {
        /** The rule's name. */
        String rule();

        /** What the rule decided. */
        Outcome outcome();
    }

    /**
     * A deterministic rule's view.
     *
     * @param rule the rule
     * @param shared the identifier types on which the records share an identifying value
     * @param outcome {@link Outcome#LINK} when they share one through a non-oversized block
     * @param reason why a shared value does not link them, or {@code null}: the values they share
     *     are generic (held by several different people), or the two records contradict each
     *     other too much for a deterministic link (see {@code Resolver.Builder.genericValues})
     */
    public record Deterministic(String rule, List<IdentifierType> shared, Outcome outcome, String reason)
            implements RuleExplanation {
        public Deterministic {
            shared = List.copyOf(shared);
        }

        /** A view without a reason. */
        public Deterministic(String rule, List<IdentifierType> shared, Outcome outcome) {
            this(rule, shared, outcome, null);
        }
    }

    /**
     * One step of a probabilistic explanation.
     *
     * @param comparison the comparison's name ({@code "prior"} for the first step)
     * @param level the level reached: a level label, {@code "null"} when a value is missing, or
     *     {@code "no level"}
     * @param weight the step's weight in bits, adjustment included
     * @param termFrequencyAdjustment the part of {@code weight} due to the value's frequency
     * @param total the running total after this step
     */
    public record Step(String comparison, String level, double weight, double termFrequencyAdjustment, double total) {
    }

    /**
     * A probabilistic rule's view.
     *
     * @param rule the rule
     * @param steps the prior, then one step per comparison
     * @param weight the final match weight in bits
     * @param probability the match probability
     * @param matchThreshold the weight at or above which the rule links
     * @param reviewThreshold the weight at or above which it reports a possible match
     * @param outcome what it decided
     * @param reason why a weight at or above the match threshold does not link the pair, or
     *     {@code null}: the records are distinct people (see {@code Resolver.Builder.distinctPeople})
     */
    public record Probabilistic(String rule, List<Step> steps, double weight, double probability, double matchThreshold,
            double reviewThreshold, Outcome outcome, String reason) implements RuleExplanation {
        public Probabilistic {
            steps = List.copyOf(steps);
        }

        /** A view without a reason. */
        public Probabilistic(String rule, List<Step> steps, double weight, double probability, double matchThreshold,
                double reviewThreshold, Outcome outcome) {
            this(rule, steps, weight, probability, matchThreshold, reviewThreshold, outcome, null);
        }
    }

    /** Whether any rule links the pair. */
    public boolean linked() {
        return rules.stream().anyMatch(r -> r.outcome() == Outcome.LINK);
    }

    /** The explanation as text, one rule per paragraph. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(first).append(" vs ").append(second).append(": ").append(linked() ? "linked" : "not linked").append('\n');
        for (RuleExplanation rule : rules) {
            if (rule instanceof Deterministic d) {
                out.append("rule ").append(d.rule()).append(" (deterministic): ").append(d.outcome());
                if (!d.shared().isEmpty()) {
                    out.append(", shared ").append(d.shared().stream().map(IdentifierType::name).toList());
                }
                if (d.reason() != null) {
                    out.append(": ").append(d.reason());
                }
                out.append('\n');
            } else if (rule instanceof Probabilistic p) {
                out.append(String.format(Locale.ROOT, "rule %s (probabilistic): %s, weight %.2f bits, probability %.4f"
                        + " (link at %.2f, review at %.2f)%n", p.rule(), p.outcome(), p.weight(), p.probability(),
                        p.matchThreshold(), p.reviewThreshold()));
                if (p.reason() != null) {
                    out.append("  ").append(p.reason()).append('\n');
                }
                for (Step step : p.steps()) {
                    out.append(String.format(Locale.ROOT, "  %-22s %-24s %+8.2f  total %8.2f%s%n", step.comparison(),
                            step.level(), step.weight(), step.total(), step.termFrequencyAdjustment() == 0 ? ""
                                    : String.format(Locale.ROOT, "  (term frequency %+.2f)", step.termFrequencyAdjustment())));
                }
            }
        }
        return out.toString();
    }
}
