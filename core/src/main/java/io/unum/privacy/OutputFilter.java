package io.unum.privacy;

/**
 * A stage that shapes what a purpose may see of a profile: withholding or masking values.
 * Stages run in order on a {@link ProfileView}; the consent stage
 * ({@link PrivacyFilters#consentMasking()}) always runs first.
 *
 * <p>Contract: a pure, thread-safe function; it may only remove or mask values, never add them.
 */
@FunctionalInterface
public interface OutputFilter {

    /**
     * @param view the view so far
     * @param context consent and provenance of the members
     * @return the view after this stage
     */
    ProfileView apply(ProfileView view, OutputContext context);
}
