package io.unum.evaluation;

/**
 * What {@link ClusteringEvaluator} does with a record key that one clustering has and the other
 * lacks, such as a record the engine rejected (absent from the prediction) or an unlabelled
 * record (absent from the truth). Whatever the policy, the {@link QualityReport} counts such keys.
 */
public enum MissingKeys {

    /**
     * The default: evaluate over the union of the keys; a key absent from one clustering is
     * placed there in a cluster of its own. A rejected record thus counts as a predicted
     * singleton (its true pairs are missed, lowering recall), and an unlabelled record as a true
     * singleton (any pair the prediction puts it in is wrong, lowering precision).
     */
    SINGLETONS,

    /** Evaluate over the keys that both clusterings have; ignore the others. */
    IGNORE,

    /**
     * Refuse to evaluate: throw {@link IllegalArgumentException} with the numbers of missing
     * keys and a few examples when the key sets differ.
     */
    REJECT
}
