package io.unum.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile's consent for one purpose, combined from its member records by the resolver's
 * {@code ConsentPolicy} at the time the profile was built, with the members that granted and the
 * members that refused (denied or withdrew). When both lists are non-empty the members disagree
 * and {@link #conflict()} is true: the conflict is reported, not hidden.
 */
public final class ConsentStatus {

    private final Purpose purpose;
    private final ConsentState state;
    private final List<RecordKey> granting;
    private final List<RecordKey> refusing;

    /**
     * @param purpose the purpose
     * @param state the combined state, or {@code null} when no member recorded one
     * @param granting members whose latest effective entry grants, sorted
     * @param refusing members whose latest effective entry denies or withdraws, sorted
     */
    public ConsentStatus(Purpose purpose, ConsentState state, List<RecordKey> granting, List<RecordKey> refusing) {
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.state = state;
        this.granting = List.copyOf(granting);
        this.refusing = List.copyOf(refusing);
    }

    /** The purpose. */
    public Purpose purpose() {
        return purpose;
    }

    /** The combined state; empty when no member recorded consent for the purpose. */
    public Optional<ConsentState> state() {
        return Optional.ofNullable(state);
    }

    /** Whether the purpose is allowed: the combined state is {@link ConsentState#GRANTED}. */
    public boolean allows() {
        return state == ConsentState.GRANTED;
    }

    /** Members that granted. */
    public List<RecordKey> granting() {
        return granting;
    }

    /** Members that denied or withdrew. */
    public List<RecordKey> refusing() {
        return refusing;
    }

    /** Whether members disagree. */
    public boolean conflict() {
        return !granting.isEmpty() && !refusing.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentStatus other && purpose.equals(other.purpose) && state == other.state
                && granting.equals(other.granting) && refusing.equals(other.refusing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, state, granting, refusing);
    }

    @Override
    public String toString() {
        return "ConsentStatus[" + purpose + "=" + (state == null ? "none recorded" : state)
                + (conflict() ? ", conflict: " + granting.size() + " granting, " + refusing.size() + " refusing" : "") + "]";
    }
}
