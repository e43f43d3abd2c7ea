package io.unum;

import io.unum.model.RecordKey;

/**
 * Receives scored candidate pairs, for diagnostics such as a match-weight histogram. Called
 * from one thread.
 */
@FunctionalInterface
public interface CandidatePairConsumer {

    /**
     * One candidate pair of a probabilistic rule.
     *
     * @param first the record with the smaller key
     * @param second the record with the larger key
     * @param rule the rule with the highest weight for the pair
     * @param weight that weight in bits
     * @param probability the corresponding match probability
     */
    void accept(RecordKey first, RecordKey second, String rule, double weight, double probability);
}
