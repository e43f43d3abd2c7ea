package io.unum.spi;

import io.unum.rules.RuleSet;
import java.util.Map;

/**
 * Makes {@link RuleSet}s of one name from their parameters, so that an
 * {@link io.unum.EngineSpec} read from JSON (or deserialized on another machine) can rebuild the
 * rule sets it names. Providers are found with {@link java.util.ServiceLoader}: a module
 * declares {@code provides io.unum.spi.RuleSetProvider with ...}, a plain jar lists the class in
 * {@code META-INF/services/io.unum.spi.RuleSetProvider}.
 *
 * <p>Implementations are stateless and thread-safe and have a public no-argument constructor.
 */
public interface RuleSetProvider {

    /** The rule-set name this provider makes, equal to {@link RuleSet#name()} of what it makes. */
    String name();

    /**
     * Makes the rule set with these parameters.
     *
     * @param parameters as {@link RuleSet#parameters()} gave them; absent keys take their defaults
     * @return the rule set
     * @throws IllegalArgumentException naming the parameter that is unknown or malformed and what
     *     was expected
     */
    RuleSet create(Map<String, String> parameters);
}
