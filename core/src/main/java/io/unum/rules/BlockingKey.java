package io.unum.rules;

import java.util.List;
import java.util.Objects;

/**
 * A blocking key of a probabilistic rule: the concatenation of one or more features. Two
 * records become a candidate pair under the rule when they share the key's value; a record
 * with any of the features missing has no value for the key.
 *
 * <p>Good keys are selective (surname + date of birth, postcode + first initial): the engine
 * caps the size of a block (see the resolver's {@code blockSizeCap}) and does not compare
 * records through a block above the cap.
 *
 * @param name the key's name, unique within its rule
 * @param features the feature names whose values make up the key; non-empty
 */
public record BlockingKey(String name, List<String> features) {

    public BlockingKey {
        Objects.requireNonNull(name, "blocking key name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("blocking key name must not be blank");
        }
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        if (features.isEmpty()) {
            throw new IllegalArgumentException("blocking key " + name + " needs at least one feature");
        }
    }

    /** A key named after its features joined by {@code +}. */
    public static BlockingKey on(String... features) {
        return new BlockingKey(String.join("+", features), List.of(features));
    }
}
