package io.unum;

import java.util.Objects;

/**
 * How many candidate pairs one blocking key of a probabilistic rule makes, for diagnostics (the
 * data of Splink's "comparisons per blocking rule" chart). Counts blocks and records, never
 * values.
 *
 * <p>{@link #pairs()} counts every pair of records that share a value of the key in a block
 * within its cap, so a pair that shares two keys counts under both. {@link #newPairs()} counts
 * each candidate pair once, under the first key through which it is a candidate, in rule order
 * and then in the rule's key order: over all keys the new pairs add up to the distinct
 * probabilistic candidate pairs, and a key with many pairs but few new ones adds little that
 * the keys before it do not already find.
 *
 * @param rule the probabilistic rule
 * @param key the blocking key's name
 * @param blocks values of the key shared by two or more records, within the cap
 * @param records records in those blocks (a record counts once per key)
 * @param pairs pairs within those blocks: the sum of n(n-1)/2 over them
 * @param newPairs candidate pairs found through this key and through no key before it
 * @param oversizedBlocks values shared by more records than the cap, which make no pairs
 * @param oversizedRecords records in those oversized blocks
 */
public record BlockingKeyPairs(String rule, String key, long blocks, long records, long pairs, long newPairs,
        long oversizedBlocks, long oversizedRecords) {

    /**
     * @throws IllegalArgumentException if a count is negative or there are more new pairs than
     *     pairs
     */
    public BlockingKeyPairs {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(key, "key");
        if (blocks < 0 || records < 0 || pairs < 0 || newPairs < 0 || oversizedBlocks < 0 || oversizedRecords < 0
                || newPairs > pairs) {
            throw new IllegalArgumentException("blocking key counts must not be negative and new pairs must not"
                    + " exceed pairs; had pairs=" + pairs + ", newPairs=" + newPairs);
        }
    }
}
