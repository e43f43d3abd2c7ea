package io.unum.privacy;

import io.unum.model.Identifier;
import io.unum.rules.MatchRule;

/**
 * Decides whether a record may take part in a rule's links, from its consent. Applied once per
 * record when it is ingested; a refused record gets no blocking keys for that rule (or that
 * identifier), so the link is never made, in batch or live, whatever the arrival order.
 *
 * <p>Contract: a pure, thread-safe function of its arguments.
 */
@FunctionalInterface
public interface LinkingFilter {

    /**
     * @param consent the record's consent at ingest time
     * @param rule the rule
     * @param identifier for a deterministic rule, the normalized identifier the link would use;
     *     {@code null} for a probabilistic rule
     * @return whether the record may be linked by this rule (on this identifier)
     */
    boolean allows(RecordConsent consent, MatchRule rule, Identifier identifier);

    /** Links everything: the default when no filter is configured. */
    static LinkingFilter allowAll() {
        return (consent, rule, identifier) -> true;
    }
}
