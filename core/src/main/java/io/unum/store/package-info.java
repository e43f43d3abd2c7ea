/**
 * The storage seam of identity graphs: {@link io.unum.store.GraphStore}, a read snapshot and one
 * atomic write transaction over resident records, block membership, edges, profiles, aliases,
 * suppression entries and a change sequence. Its javadoc is the contract; core's test-jar ships
 * {@code GraphStoreContract}, which any implementation runs. {@link
 * io.unum.store.GraphStore#inMemory()} is the default store of every graph and batch.
 */
package io.unum.store;
