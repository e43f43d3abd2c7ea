package io.unum.training;

/**
 * How training estimates a probabilistic rule's prior λ, the probability that two records drawn
 * at random are a match.
 */
public sealed interface PriorEstimate {

    /** A value the caller knows. */
    record Fixed(double prior) implements PriorEstimate {
        public Fixed {
            if (!(prior > 0 && prior < 1)) {
                throw new IllegalArgumentException("prior must be in (0, 1), was " + prior);
            }
        }
    }

    /**
     * From the deterministic rules: the pairs they link, divided by {@code recall} (the share of
     * all true matches the caller believes they find), over all pairs (as in Splink's
     * {@code estimate_probability_two_random_records_match}).
     */
    record FromDeterministicLinks(double recall) implements PriorEstimate {
        public FromDeterministicLinks {
            if (!(recall > 0 && recall <= 1)) {
                throw new IllegalArgumentException("recall must be in (0, 1], was " + recall);
            }
        }
    }

    /**
     * The default: the matches expected among the rule's candidate pairs under the trained m and
     * u (an EM pass that estimates only the match rate), over all pairs. Assumes the rule's
     * blocking keys find (nearly) all matches.
     */
    record FromExpectedMatches() implements PriorEstimate {
    }
}
