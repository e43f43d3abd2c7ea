package io.unum.store;

/** The store contract for the in-memory store. */
class InMemoryGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore newStore() {
        return GraphStore.inMemory();
    }
}
