package io.unum.internal;

import io.unum.model.Identifier;
import io.unum.store.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One change's record of the identifier values whose generic status ({@link GenericValues}) it may
 * flip: before the change first modifies a look-up block that holds records, the value and its
 * status are noted; after the change, {@link #flips} lists the values whose status differs. Values
 * nobody held at the beginning are not noted, so a batch into an empty store notes nothing. Not
 * thread-safe: one per {@link ChangeApplier}, cleared at the start of every change.
 */
final class GenericTransitions {

    /** A value whose status flipped: its holders now, its look-up key, and whether it is generic now. */
    record Flip(GraphStore.Members holders, long key, boolean generic) {
    }

    private record Before(Identifier value, boolean generic) {
    }

    private final GenericValues generics;
    private final Map<Long, Before> before = new HashMap<>();

    GenericTransitions(GenericValues generics) {
        this.generics = generics;
    }

    /** Forgets the previous change. */
    void clear() {
        before.clear();
    }

    /** Notes a look-up block's value and status, once per change, before it is first modified. */
    void note(GraphStore.Reader store, FeatureRecord holder, long key) {
        if (!generics.detects() || before.containsKey(key)) {
            return;
        }
        GraphStore.Members block = store.block(key);
        if (block == null || block.size() == 0) {
            return; // a value nobody held: no links to revise
        }
        Identifier id = generics.lookupValueOf(holder, key);
        if (id != null) {
            before.put(key, new Before(id, generics.generic(id, block, store)));
        }
    }

    /** The noted values still held whose status now (in {@code view}) differs from the beginning's. */
    List<Flip> flips(GraphStore.Reader store, GenericValues.View view) {
        List<Flip> flips = new ArrayList<>();
        before.forEach((key, was) -> {
            GraphStore.Members block = store.block(key);
            if (block != null && block.size() > 0) {
                boolean now = view.generic(was.value());
                if (now != was.generic()) {
                    flips.add(new Flip(block, key, now));
                }
            }
        });
        return flips;
    }
}
