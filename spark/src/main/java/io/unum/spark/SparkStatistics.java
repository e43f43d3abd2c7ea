package io.unum.spark;

import io.unum.OversizedBlock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a Spark resolution counted, with the meanings of {@link io.unum.ResolutionStatistics}.
 *
 * @param records records resolved (after duplicate keys)
 * @param rejectedRecords rows not resolved (no record id, or rejected by the engine)
 * @param profiles golden profiles
 * @param candidatePairs pairs scored, each once
 * @param links scored pairs that are links
 * @param oversizedBlocks blocks over their cap, largest first
 * @param genericValues identifier values found generic over the whole data set (shared by
 *     different people, or by more records than the block-size cap: they link nobody)
 * @param components connected components of the links (records without a link count one each)
 * @param largestComponents the sizes of the largest components, largest first (at most ten): a
 *     component is clustered by one task, so a giant one is where the job stops scaling
 * @param componentRounds the large-star/small-star rounds
 * @param stageTimes wall time per stage, in pipeline order
 */
public record SparkStatistics(long records, long rejectedRecords, long profiles, long candidatePairs, long links,
        List<OversizedBlock> oversizedBlocks, long genericValues, long components, List<Long> largestComponents, int componentRounds,
        Map<String, Duration> stageTimes) {

    public SparkStatistics {
        oversizedBlocks = List.copyOf(Objects.requireNonNull(oversizedBlocks, "oversizedBlocks"));
        largestComponents = List.copyOf(Objects.requireNonNull(largestComponents, "largestComponents"));
        stageTimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageTimes));
    }
}
