package io.unum.generator;

/**
 * Kinds of records that look alike but belong to different people, which a resolver must keep
 * apart. {@link GenerationSummary#hardNegatives()} counts the <em>people</em> involved in each
 * kind, except {@link #PLACEHOLDER_VALUE}, which counts records.
 */
public enum HardNegative {
    /** People sharing an address with at least one other person (couples, families, roommates). */
    HOUSEHOLD,
    /** Twins: same surname, date of birth, address and family e-mail; different first name and personal e-mail. */
    TWINS,
    /** Father and son with the same first, middle and last name and address; birth 25 to 30 years apart. */
    JUNIOR_SENIOR,
    /** Unrelated people with one of a dozen very common full names living in one of three crowded cities. */
    COMMON_NAME_STRANGER,
    /** People who use a family e-mail address shared with another household member. */
    SHARED_FAMILY_EMAIL,
    /** People sharing a household's landline. */
    SHARED_HOME_PHONE,
    /** People sharing a household device id (a family tablet). */
    SHARED_DEVICE,
    /** Records carrying placeholder junk shared by many strangers: {@code test@test.com}, {@code 000-000-0000}, {@code 1900-01-01}. */
    PLACEHOLDER_VALUE
}
