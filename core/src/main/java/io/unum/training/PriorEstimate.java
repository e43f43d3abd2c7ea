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
     * u, over all pairs, each pair's match probability taken at that prior itself (the largest
     * fixed point), so that the agreement on a blocking key, already in a pair's comparisons, is
     * not counted twice and the prior falls with the number of pairs as the true one does. A
     * blocking key that no comparison reads counts as a comparison of its own. Assumes the rule's
     * blocking keys find (nearly) all matches.
     */
    record FromExpectedMatches() implements PriorEstimate {
    }
}
