package io.unum;

import io.unum.model.RecordKey;
import java.util.Objects;

/**
 * A pair whose match probability reached a rule's review threshold but not its match
 * threshold: kept for clerical review, not linked.
 *
 * @param first the record with the smaller key
 * @param second the record with the larger key
 * @param rule the rule that scored the pair
 * @param weight the match weight in bits
 * @param probability the match probability
 */
public record PossibleMatch(RecordKey first, RecordKey second, String rule, double weight, double probability) {

    public PossibleMatch {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(rule, "rule");
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("first must sort before second: " + first + ", " + second);
        }
    }
}
