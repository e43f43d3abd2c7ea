package io.unum.rules;

import io.unum.spi.Normalizer;
import io.unum.spi.Normalizers;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named comparison feature: a raw value read from a record by a {@link FeatureSource} and
 * turned into its comparable form by a {@link Normalizer}. The engine computes every feature
 * once per record; comparisons and blocking keys refer to features by name.
 *
 * @param name the feature's name, unique within a resolver: letters, digits, {@code _ . -}
 * @param source where the raw value comes from
 * @param normalizer how it is normalized; {@code null} from it means "no value"
 */
public record Feature(String name, FeatureSource source, Normalizer normalizer) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Feature {
        Objects.requireNonNull(name, "feature name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feature name must match " + NAME.pattern() + ", was '" + name + "'");
        }
        Objects.requireNonNull(source, () -> "source of feature " + name);
        Objects.requireNonNull(normalizer, () -> "normalizer of feature " + name);
    }

    /** A feature read from the attribute of the same name, normalized by {@link Normalizers#basic()}. */
    public static Feature of(String attribute) {
        return new Feature(attribute, FeatureSource.attribute(attribute), Normalizers.basic());
    }

    /** A feature read from one attribute with the given normalizer. */
    public static Feature of(String name, String attribute, Normalizer normalizer) {
        return new Feature(name, FeatureSource.attribute(attribute), normalizer);
    }

    /** A feature from any source with the given normalizer. */
    public static Feature of(String name, FeatureSource source, Normalizer normalizer) {
        return new Feature(name, source, normalizer);
    }
}
