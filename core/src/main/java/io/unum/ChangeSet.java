package io.unum;

import io.unum.privacy.PrivacyDecision;
import java.util.List;
import java.util.Objects;

/**
 * What one change to an {@link IdentityGraph} did: the profile changes in a deterministic order
 * (by kind, then profile id), and the input issues found on the way.
 *
 * @param changes the profile changes
 * @param issues problems with the input records (ignored values, superseded duplicates, rejected
 *     records)
 * @param privacy privacy decisions that changed or refused input records
 */
public record ChangeSet(List<ProfileChange> changes, List<InputIssue> issues, List<PrivacyDecision> privacy) {

    /** The change set of a change that changed nothing. */
    public static final ChangeSet EMPTY = new ChangeSet(List.of(), List.of(), List.of());

    public ChangeSet {
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
        privacy = List.copyOf(Objects.requireNonNull(privacy, "privacy"));
    }

    /** Whether no profile changed. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes of one kind, e.g. {@code ofKind(ProfileChange.Merged.class)}. */
    public <T extends ProfileChange> List<T> ofKind(Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
