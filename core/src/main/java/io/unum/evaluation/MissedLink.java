package io.unum.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * A true entity whose records the prediction split across two or more clusters.
 *
 * @param entity the text ({@code String.valueOf}) of the true entity's label
 * @param size the entity's records
 * @param clusters the distinct predicted clusters they fell into, at least 2
 * @param missedPairs pairs of the entity's records that were put in different clusters (the
 *        entity's share of {@link PairCounts#falseNegatives()})
 * @param parts the records grouped by predicted cluster, largest group first (then by first
 *        key); possibly fewer groups or records than there are when the record cap cut the
 *        list short
 * @param <K> the record key type
 */
public record MissedLink<K>(String entity, int size, int clusters, long missedPairs, List<ClusterPart<K>> parts) {

    /**
     * @throws IllegalArgumentException if fewer than 2 clusters or no missed pair
     */
    public MissedLink {
        Objects.requireNonNull(entity, "entity");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (clusters < 2 || missedPairs < 1 || size < clusters) {
            throw new IllegalArgumentException("a missed link needs at least 2 clusters, a missed pair and "
                    + "a record per cluster; had size=" + size + ", clusters=" + clusters + ", missedPairs=" + missedPairs);
        }
    }
}
