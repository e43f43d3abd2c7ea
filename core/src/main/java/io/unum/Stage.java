package io.unum;

/** The stages of the pipeline, for timing statistics. */
public enum Stage {
    /** Validating records and computing features and blocking keys. */
    FEATURES,
    /** Maintaining the blocking index. */
    BLOCKING,
    /** Generating and scoring candidate pairs. */
    SCORING,
    /** Finding the touched parts of the match graph and clustering them. */
    CLUSTERING,
    /** Assigning profile ids and building golden profiles. */
    SURVIVORSHIP
}
