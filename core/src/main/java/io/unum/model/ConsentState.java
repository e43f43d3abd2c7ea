package io.unum.model;

/** The state of one consent decision. */
public enum ConsentState {
    /** The person agreed to the purpose. */
    GRANTED,
    /** The person refused the purpose. */
    DENIED,
    /** The person agreed earlier and has since withdrawn. */
    WITHDRAWN;

    /** Whether this state allows the purpose. */
    public boolean allows() {
        return this == GRANTED;
    }
}
