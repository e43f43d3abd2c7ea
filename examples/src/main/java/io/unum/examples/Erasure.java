package io.unum.examples;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.privacy.ErasureAudit;
import io.unum.privacy.SuppressionList;
import io.unum.rules.MatchRule;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The right to erasure: {@code forget} removes every trace of a person, the audit entry holds no
 * personal data, and the suppression list keeps the person from being re-created when a source
 * sends the same data again. The list is exported (keyed hashes only) to survive a restart.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.unum.examples.Erasure}.
 */
public final class Erasure {

    private Erasure() {
    }

    /** Runs the scenario; returns the graph after the re-ingest attempt. */
    public static IdentityGraph run(PrintStream out) {
        // in production the secret comes from a vault, not from source code
        byte[] secret = "example suppression secret, 32b".getBytes(StandardCharsets.UTF_8);
        Resolver resolver = Resolver.newBuilder()
                .rule(MatchRule.deterministic("contact", IdentifierType.EMAIL, IdentifierType.PHONE))
                .suppressionList(SuppressionList.withSecret(secret))
                .build();
        IdentityGraph graph = resolver.newGraph();
        graph.upsert(person("crm", "C-1"));
        graph.upsert(person("shop", "S-7"));
        graph.upsert(SourceRecord.builder("crm", "C-2").identifier(IdentifierType.EMAIL, "ann@example.com").build());
        out.println("Before: " + graph.size() + " records in " + graph.profileCount() + " profiles");

        ErasureAudit audit = graph.forget(Identifier.of(IdentifierType.EMAIL, "jane@example.com"));
        out.println("Erased: " + audit);
        out.println("After: " + graph.size() + " records in " + graph.profileCount() + " profiles");

        ChangeSet again = graph.upsert(person("newsletter", "N-3"));
        out.println("Re-ingest of the same person: " + again.privacy());
        out.println("Suppression list to persist: " + resolver.suppressionList().export().size() + " keyed hashes");
        return graph;
    }

    private static SourceRecord person(String source, String id) {
        return SourceRecord.builder(source, id)
                .identifier(IdentifierType.EMAIL, "jane@example.com")
                .identifier(IdentifierType.PHONE, "+1 217 555 0134")
                .attribute(Attributes.FIRST_NAME, "Jane")
                .build();
    }

    /** Runs the example. */
    public static void main(String[] args) {
        run(System.out);
    }
}
