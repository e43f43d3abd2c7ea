package io.unum.training;

import io.unum.rules.BlockingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings for training a resolver's probabilistic rules. Immutable; built with
 * {@link #newBuilder()}; {@link #defaults()} suits most data.
 *
 * <p>Defaults: EM passes on each rule's own blocking keys; u from 1,000,000 random pairs; at
 * most 2,000,000 pairs per EM pass (sampled beyond); at most 300,000 records (a seeded sample
 * beyond); at most 50 EM iterations, stopping when no m moves by more than 0.0001; the prior from
 * expected matches; seed 42.
 */
public final class TrainingOptions {

    private final List<BlockingKey> passes;
    private final long randomPairs;
    private final long maxPairsPerPass;
    private final int maxRecords;
    private final int maxIterations;
    private final double tolerance;
    private final PriorEstimate prior;
    private final long seed;

    private TrainingOptions(Builder b) {
        this.passes = List.copyOf(b.passes);
        this.randomPairs = b.randomPairs;
        this.maxPairsPerPass = b.maxPairsPerPass;
        this.maxRecords = b.maxRecords;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.prior = b.prior;
        this.seed = b.seed;
    }

    /** The defaults. */
    public static TrainingOptions defaults() {
        return newBuilder().build();
    }

    /** Starts from the defaults. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Blocking keys of the EM passes; empty means each rule's own blocking keys. */
    public List<BlockingKey> passes() {
        return passes;
    }

    /** Random pairs sampled to estimate u. */
    public long randomPairs() {
        return randomPairs;
    }

    /** The most pairs an EM pass uses. */
    public long maxPairsPerPass() {
        return maxPairsPerPass;
    }

    /** The most records training reads. */
    public int maxRecords() {
        return maxRecords;
    }

    /** The most EM iterations per pass. */
    public int maxIterations() {
        return maxIterations;
    }

    /** EM stops when no m changes by more than this. */
    public double tolerance() {
        return tolerance;
    }

    /** How the prior is estimated. */
    public PriorEstimate prior() {
        return prior;
    }

    /** The seed of every sample. */
    public long seed() {
        return seed;
    }

    /** Builds {@link TrainingOptions}; each setting may be given once. */
    public static final class Builder {
        private final List<BlockingKey> passes = new ArrayList<>();
        private long randomPairs = 1_000_000;
        private long maxPairsPerPass = 2_000_000;
        private int maxRecords = 300_000;
        private int maxIterations = 50;
        private double tolerance = 1e-4;
        private PriorEstimate prior = new PriorEstimate.FromExpectedMatches();
        private long seed = 42;
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private Builder() {
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        /** Adds an EM pass blocked on this key (replacing the default passes). */
        public Builder pass(BlockingKey key) {
            passes.add(Objects.requireNonNull(key, "pass"));
            return this;
        }

        /** Random pairs for u (at least 1,000). */
        public Builder randomPairs(long value) {
            once("randomPairs");
            if (value < 1000) {
                throw new IllegalArgumentException("randomPairs must be at least 1000, was " + value);
            }
            randomPairs = value;
            return this;
        }

        /** The most pairs per EM pass (at least 1,000). */
        public Builder maxPairsPerPass(long value) {
            once("maxPairsPerPass");
            if (value < 1000) {
                throw new IllegalArgumentException("maxPairsPerPass must be at least 1000, was " + value);
            }
            maxPairsPerPass = value;
            return this;
        }

        /** The most records read (at least 2). */
        public Builder maxRecords(int value) {
            once("maxRecords");
            if (value < 2) {
                throw new IllegalArgumentException("maxRecords must be at least 2, was " + value);
            }
            maxRecords = value;
            return this;
        }

        /** The most EM iterations per pass (at least 1). */
        public Builder maxIterations(int value) {
            once("maxIterations");
            if (value < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, was " + value);
            }
            maxIterations = value;
            return this;
        }

        /** The convergence tolerance on m (positive). */
        public Builder tolerance(double value) {
            once("tolerance");
            if (!(value > 0)) {
                throw new IllegalArgumentException("tolerance must be positive, was " + value);
            }
            tolerance = value;
            return this;
        }

        /** How the prior is estimated. */
        public Builder prior(PriorEstimate value) {
            once("prior");
            prior = Objects.requireNonNull(value, "prior");
            return this;
        }

        /** The seed of every sample. */
        public Builder seed(long value) {
            once("seed");
            seed = value;
            return this;
        }

        /** Returns the options. */
        public TrainingOptions build() {
            return new TrainingOptions(this);
        }
    }
}
