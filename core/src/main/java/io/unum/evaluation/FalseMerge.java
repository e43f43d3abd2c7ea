package io.unum.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * A predicted cluster that holds records of two or more true entities.
 *
 * @param cluster the text ({@code String.valueOf}) of the predicted cluster's label
 * @param size the records in the predicted cluster
 * @param entities the distinct true entities among them, at least 2
 * @param wrongPairs pairs in the cluster whose records belong to different entities (the
 *        cluster's share of {@link PairCounts#falsePositives()})
 * @param parts the records grouped by true entity, largest group first (then by first key);
 *        possibly fewer groups or records than there are when the record cap cut the list short
 * @param <K> the record key type
 */
public record FalseMerge<K>(String cluster, int size, int entities, long wrongPairs, List<ClusterPart<K>> parts) {

    /**
     * @throws IllegalArgumentException if fewer than 2 entities or no wrong pair
     */
    public FalseMerge {
        Objects.requireNonNull(cluster, "cluster");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (entities < 2 || wrongPairs < 1 || size < entities) {
            throw new IllegalArgumentException("a false merge needs at least 2 entities, a wrong pair and "
                    + "a record per entity; had size=" + size + ", entities=" + entities + ", wrongPairs=" + wrongPairs);
        }
    }
}
