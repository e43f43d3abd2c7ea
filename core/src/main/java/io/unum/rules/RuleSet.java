package io.unum.rules;

import io.unum.Resolver;
import java.util.Map;

/**
 * A named, parameterized piece of configuration — features, identifier normalizers, per-profile
 * limits, match rules and merge protection — that a resolver is built from. A rule set is a
 * <em>factory</em> described by data: its {@link #name()} and {@link #parameters()} are all it
 * takes to make it again, through the {@link io.unum.spi.RuleSetProvider} registered under that
 * name. That is what lets a resolver's whole configuration travel as an
 * {@link io.unum.EngineSpec} — to a file, a store or a Spark executor — and be rebuilt there
 * exactly, where captured lambdas could not.
 *
 * <pre>{@code
 * Resolver resolver = Resolver.newBuilder()
 *     .ruleSet(CustomerRules.builder().defaultRegion("US").build())
 *     .build();
 * EngineSpec spec = resolver.spec();          // JSON-able, serializable, content-hashed
 * }</pre>
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Immutable and thread-safe; {@link #configure} may be called any number of times and
 *       always adds the same configuration.</li>
 *   <li>{@code provider.create(ruleSet.parameters())}, with the provider whose
 *       {@link io.unum.spi.RuleSetProvider#name()} equals {@link #name()}, configures a builder
 *       exactly as {@code ruleSet} does (the contract test in the rule set's module checks it).</li>
 *   <li>{@link #parameters()} is a deterministic function of the rule set: the same settings
 *       always give the same map (so the spec's content hash is stable).</li>
 *   <li>{@link #revision()} is bumped whenever a release derives other features, identifiers or
 *       keys from the same records and parameters.</li>
 * </ul>
 */
public interface RuleSet {

    /** The name its {@link io.unum.spi.RuleSetProvider} is registered under, e.g. {@code "customer"}. */
    String name();

    /**
     * The settings that, with the name, make this rule set again: string keys and values,
     * without the settings left at their defaults. Never {@code null}.
     */
    Map<String, String> parameters();

    /**
     * The revision of what this rule set derives from a record — its features, normalized
     * identifiers and blocking keys — which its authors bump whenever a new version of the rule
     * set derives something else from the same record and parameters. It is part of the
     * {@link io.unum.EngineSpec} (and of its hash) when it is not 1: a graph kept in a store by an
     * earlier revision holds what that revision derived, and is refused until its records are
     * resolved again ({@link Resolver#rebuildGraph}), instead of being read as if this revision
     * had made it. {@code provider.create(parameters())} makes the same revision.
     *
     * @return at least 1; 1 unless the rule set says otherwise
     */
    default int revision() {
        return 1;
    }

    /**
     * Adds this rule set's configuration to a resolver builder. Called by
     * {@link Resolver.Builder#ruleSet(RuleSet)}; call that method rather than this one, so that
     * the builder can describe the resolver as an {@link io.unum.EngineSpec}.
     *
     * @param builder the builder
     */
    void configure(Resolver.Builder builder);
}
