package io.unum;

import io.unum.store.GraphStore;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The configuration a store's graph was built with, kept in the store's metadata: the
 * {@link EngineSpec}'s hash and JSON and the blocking secret (block keys in the store are hashed
 * with it). A graph opens a store only with the configuration it was built with; a new store
 * takes the configuration of the first graph that opens it.
 */
final class StoreBinding {

    static final String SPEC_HASH = "spec.hash";
    static final String SPEC_JSON = "spec.json";
    static final String BLOCKING_SECRET = "blocking.secret";

    private StoreBinding() {
    }

    /**
     * Checks that a store was built with this resolver's configuration, or records it in a new
     * store.
     *
     * @throws IllegalStateException naming both configurations and what to do
     */
    static void check(Resolver resolver, GraphStore store) {
        GraphStore.Reader reader = store.snapshot();
        String hash = reader.meta(SPEC_HASH);
        EngineSpec spec = resolver.specOrNull();
        if (hash == null) {
            if (spec != null) {
                record(store, spec);
            }
            return;
        }
        if (spec == null) {
            throw new IllegalStateException("this store was built with configuration " + abbreviated(hash)
                    + "; this resolver was not built from rule sets and cannot be checked against it; build it with"
                    + " Resolver.newBuilder(store)");
        }
        if (!hash.equals(spec.hash())) {
            throw new IllegalStateException("this store was built with another configuration (" + abbreviated(hash)
                    + "; this resolver's is " + abbreviated(spec.hash()) + "): open it with the resolver built from"
                    + " its own, Resolver.newBuilder(store), or re-resolve its records with this one,"
                    + " Resolver.rebuildGraph(store)");
        }
        String secret = reader.meta(BLOCKING_SECRET);
        if (secret != null && !secret.equals(hex(spec.secret()))) {
            throw new IllegalStateException("this store's block keys were made with another blocking secret: build the"
                    + " resolver with Resolver.newBuilder(store), which takes the store's, or re-resolve with"
                    + " Resolver.rebuildGraph(store)");
        }
    }

    /** Records a configuration in a store's metadata, in one transaction. */
    static void record(GraphStore store, EngineSpec spec) {
        try (GraphStore.Transaction tx = store.begin()) {
            record(tx, spec);
            tx.commit();
        }
    }

    static void record(GraphStore.Transaction tx, EngineSpec spec) {
        tx.putMeta(SPEC_HASH, spec.hash());
        tx.putMeta(SPEC_JSON, spec.toJson());
        tx.putMeta(BLOCKING_SECRET, hex(spec.secret()));
    }

    /**
     * The configuration a store was built with, blocking secret included.
     *
     * @throws IllegalStateException if the store records none
     */
    static EngineSpec spec(GraphStore store) {
        GraphStore.Reader reader = store.snapshot();
        String json = reader.meta(SPEC_JSON);
        if (json == null) {
            throw new IllegalStateException("this store records no configuration: it is new, or its graph was built"
                    + " by a resolver without rule sets");
        }
        EngineSpec spec = EngineSpec.fromJson(json);
        String secret = reader.meta(BLOCKING_SECRET);
        if (secret == null) {
            return spec;
        }
        byte[] bytes = HexFormat.of().parseHex(secret);
        if (bytes.length != 16) {
            throw new IllegalStateException("the store's blocking secret is malformed: 32 hex digits expected");
        }
        long k0 = 0;
        long k1 = 0;
        for (int i = 0; i < 8; i++) {
            k0 = (k0 << 8) | (bytes[i] & 0xFF);
            k1 = (k1 << 8) | (bytes[8 + i] & 0xFF);
        }
        return spec.withSecret(new long[] {k0, k1});
    }

    private static String hex(long[] secret) {
        Objects.requireNonNull(secret, "secret");
        return HexFormat.of().toHexDigits(secret[0]) + HexFormat.of().toHexDigits(secret[1]);
    }

    private static String abbreviated(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
