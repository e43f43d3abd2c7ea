package io.unum.privacy;

/** What happens when a record carries an identifier on the suppression list. */
public enum SuppressionPolicy {
    /** The default: the record is refused. */
    REFUSE,
    /**
     * The record is admitted only if it carries a granted {@code identity_resolution} consent
     * given after the identifier was erased; otherwise it is refused.
     */
    ADMIT_WITH_FRESH_CONSENT
}
