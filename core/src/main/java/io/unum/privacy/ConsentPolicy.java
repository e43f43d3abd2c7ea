package io.unum.privacy;

/**
 * How a profile's consent for a purpose is combined from its member records' latest effective
 * entries. Members that recorded nothing for the purpose do not take part. Either way,
 * disagreement between members is reported as a conflict on the profile's
 * {@link io.unum.model.ConsentStatus}.
 */
public enum ConsentPolicy {
    /**
     * The default: if any member denied or withdrew, the profile has not consented (the
     * member's refusal that was recorded last is the profile's state); otherwise it consented if
     * any member granted.
     */
    MOST_RESTRICTIVE,
    /** The latest entry across all members wins (ties: a refusal wins). */
    MOST_RECENT
}
