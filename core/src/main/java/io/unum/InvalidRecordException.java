package io.unum;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by {@link IdentityGraph#upsert} when a record cannot be resolved. The message names the
 * record key, the field and what was expected, never the offending value.
 */
public final class InvalidRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputIssue> issues;

    /**
     * @param issues the issues that caused the rejection, non-empty
     */
    public InvalidRecordException(List<InputIssue> issues) {
        super(message(issues));
        this.issues = List.copyOf(issues);
    }

    private static String message(List<InputIssue> issues) {
        Objects.requireNonNull(issues, "issues");
        StringBuilder message = new StringBuilder("record rejected:");
        for (InputIssue issue : issues) {
            message.append(' ').append(issue.describe()).append(';');
        }
        return message.toString();
    }

    /** The issues that caused the rejection. */
    public List<InputIssue> issues() {
        return issues;
    }
}
