package io.unum;

/**
 * Receives every non-empty {@link ChangeSet} of an {@link IdentityGraph}, synchronously on the
 * writing thread, after the change is applied and in the order changes are applied.
 *
 * <p>A listener may read the graph but must not modify it. A listener that throws is logged
 * (its class and the exception's class, never data) and does not affect the graph or other
 * listeners. Keep listeners fast: writers wait for them.
 */
@FunctionalInterface
public interface ChangeListener {

    /**
     * Called after a change.
     *
     * @param changes what changed
     */
    void onChange(ChangeSet changes);
}
