package io.unum.examples;

import io.unum.EngineSpec;
import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.store.GraphStore;
import java.io.PrintStream;

/**
 * A configuration as a value: the {@link Quickstart} resolver describes itself as an
 * {@link EngineSpec} (its rule sets, settings and model, as JSON, without the blocking secret),
 * another process rebuilds the same engine from the JSON, and a live graph keeps its state in a
 * {@link GraphStore} of the caller's choosing.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java
 * -Dexec.mainClass=io.unum.examples.SharedConfiguration}.
 */
public final class SharedConfiguration {

    private SharedConfiguration() {
    }

    /** The round trip; returns the resolution of the rebuilt engine. */
    public static Resolution run(PrintStream out) {
        Resolver original = Quickstart.resolver();
        EngineSpec spec = original.spec();
        String json = spec.toJson();                         // store it, send it, commit it
        out.println("spec " + spec.hash().substring(0, 12) + ", " + json.length() + " characters of JSON");

        // elsewhere: the rule sets are made again by their providers (CustomerRules is "customer")
        EngineSpec read = EngineSpec.fromJson(json);
        Resolver rebuilt = Resolver.newBuilder(read).build();
        out.println("rebuilt, same hash: " + read.hash().equals(spec.hash()));
        Resolution resolution = rebuilt.resolve(Quickstart.records());
        out.println(resolution.profiles().size() + " profiles, as the original makes: "
                + resolution.assignments().equals(original.resolve(Quickstart.records()).assignments()));

        // a live graph over a store given to it: each change is one transaction of the store
        try (GraphStore store = GraphStore.inMemory()) {
            IdentityGraph graph = rebuilt.newGraph(store);
            graph.upsertAll(Quickstart.records());
            out.println("the graph's store recorded " + store.snapshot().changeSequence() + " change(s), "
                    + store.snapshot().recordCount() + " records");
        }
        return resolution;
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
