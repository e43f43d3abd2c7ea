package io.unum.rules;

import java.util.List;
import java.util.Objects;

/**
 * A blocking key of a probabilistic rule: the concatenation of one or more features. Two
 * records become a candidate pair under the rule when they share the key's value; a record
 * with any of the features missing has no value for the key.
 *
 * <p>Good keys are selective (surname + date of birth, postcode + first initial): the engine
 * caps the size of a block (see the resolver's {@code blockSizeCap}, 1,000 by default) and does
 * not compare records through a block above the cap. A key whose values are sometimes shared by
 * many unrelated records — a full name, where "John Smith" is common and most names are rare —
 * can carry its own, lower cap ({@link #withMaxBlockSize(int)}): its common values then stop
 * making candidates, and the rule's more selective keys (name + city, name + birth year) find
 * those records' matches, so that candidate pairs grow with the records rather than with their
 * square. A block over its cap is reported in the resolution's statistics like any oversized
 * block; whether a block is oversized depends only on the resident records, so batch and live
 * resolution agree.
 *
 * @param name the key's name, unique within its rule
 * @param features the feature names whose values make up the key; non-empty
 * @param maxBlockSize the most records a block of this key may hold and still be compared
 *     through, or {@code 0} for the resolver's {@code blockSizeCap}; the lower of the two
 *     applies
 */
public record BlockingKey(String name, List<String> features, int maxBlockSize) {

    public BlockingKey {
        Objects.requireNonNull(name, "blocking key name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("blocking key name must not be blank");
        }
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        if (features.isEmpty()) {
            throw new IllegalArgumentException("blocking key " + name + " needs at least one feature");
        }
        if (maxBlockSize != 0 && maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize of blocking key " + name
                    + " must be 0 (the resolver's cap) or at least 2, was " + maxBlockSize);
        }
    }

    /** A key with the resolver's block-size cap. */
    public BlockingKey(String name, List<String> features) {
        this(name, features, 0);
    }

    /** A key named after its features joined by {@code +}, with the resolver's block-size cap. */
    public static BlockingKey on(String... features) {
        return new BlockingKey(String.join("+", features), List.of(features));
    }

    /**
     * This key with its own block-size cap: a block of more than {@code records} records is
     * oversized (if the resolver's {@code blockSizeCap} is lower, that one applies).
     *
     * @param records the cap, at least 2
     * @throws IllegalArgumentException if {@code records < 2}
     */
    public BlockingKey withMaxBlockSize(int records) {
        if (records < 2) {
            throw new IllegalArgumentException("maxBlockSize of blocking key " + name + " must be at least 2, was "
                    + records);
        }
        return new BlockingKey(name, features, records);
    }
}
