package io.unum.internal;

import io.unum.ChangeSet;
import io.unum.Stage;
import java.time.Duration;
import java.util.Map;

/**
 * The result of one {@link ChangeApplier#apply}: the change set and the work done.
 *
 * @param changes the profile changes and input issues
 * @param candidatePairs the pairs scored
 * @param stageTimes wall time per stage
 */
public record Outcome(ChangeSet changes, long candidatePairs, Map<Stage, Duration> stageTimes) {
}
