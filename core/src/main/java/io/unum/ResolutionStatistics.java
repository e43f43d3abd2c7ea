package io.unum;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts and timings of a resolution.
 *
 * @param records records resolved (rejected ones excluded)
 * @param rejectedRecords records rejected
 * @param profiles golden profiles
 * @param candidatePairs pairs scored
 * @param links pairs linked (edges of the match graph)
 * @param possibleMatches pairs between the review and match thresholds
 * @param oversizedBlocks blocking key values shared by more records than the cap
 * @param largestBlocks the twenty largest blocks, oversized or not, largest first
 * @param stageTimes wall time per stage
 */
public record ResolutionStatistics(long records, long rejectedRecords, long profiles, long candidatePairs,
        long links, long possibleMatches, List<OversizedBlock> oversizedBlocks, List<BlockSize> largestBlocks,
        Map<Stage, Duration> stageTimes) {

    public ResolutionStatistics {
        oversizedBlocks = List.copyOf(Objects.requireNonNull(oversizedBlocks, "oversizedBlocks"));
        largestBlocks = List.copyOf(Objects.requireNonNull(largestBlocks, "largestBlocks"));
        Map<Stage, Duration> times = new EnumMap<>(Stage.class);
        times.putAll(Objects.requireNonNull(stageTimes, "stageTimes"));
        stageTimes = java.util.Collections.unmodifiableMap(times);
    }

    /** The total of the stage times. */
    public Duration totalTime() {
        Duration total = Duration.ZERO;
        for (Duration d : stageTimes.values()) {
            total = total.plus(d);
        }
        return total;
    }
}
