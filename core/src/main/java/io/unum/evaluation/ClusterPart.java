package io.unum.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The records that a predicted cluster and a true entity have in common, as part of a
 * {@link FalseMerge} or a {@link MissedLink}.
 *
 * @param cluster the text ({@code String.valueOf}) of the other side's label: for a false merge
 *        the true entity, for a missed link the predicted cluster; for a key absent from that
 *        clustering (see {@link MissingKeys#SINGLETONS}) the empty string
 * @param absent whether the records are absent from that clustering (and so stand alone)
 * @param size how many records the cluster and the entity share, at least 1
 * @param records the shared records in key order, possibly fewer than {@code size} when the
 *        report's record cap cut the list short
 * @param <K> the record key type
 */
public record ClusterPart<K>(String cluster, boolean absent, int size, List<K> records) {

    /**
     * @throws IllegalArgumentException if {@code size < 1} or there are more records than
     *         {@code size}
     */
    public ClusterPart {
        Objects.requireNonNull(cluster, "cluster");
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        if (size < 1 || records.size() > size) {
            throw new IllegalArgumentException("cluster part size must be at least 1 and at least the number of "
                    + "records listed (" + records.size() + "), was " + size);
        }
    }
}
