package io.unum.examples;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.ProfileChange;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.GoldenValue;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.SourceRecord;
import io.unum.model.Survivorship;
import io.unum.matchers.CustomerRules;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Embedding Unum in ten lines: three sources (a CRM, a web shop, a newsletter) describe two
 * people; Unum links them into golden profiles and says where every value came from. Then the
 * same resolver runs a live graph, one record at a time.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java}.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /**
     * The resolver: the ready-made customer rules (nicknames, phone numbers in E.164, e-mail
     * provider rules, a Fellegi–Sunter rule over names, birth dates, addresses and contact
     * details), with the CRM first for names. On a data set of a few thousand records or more,
     * train the rule on the data itself: {@code resolver.withModel(resolver.train(records,
     * rules.trainingOptions()))} with {@code rules} the {@link CustomerRules}; this example has four records, so it uses the rules'
     * hand-set parameters.
     */
    public static Resolver resolver() {
        return CustomerRules.builder().defaultRegion("US").build()
                .applyTo(Resolver.newBuilder())
                .survivorship(Attributes.FIRST_NAME, Survivorship.sourcePriority("crm", "shop", "newsletter"))
                .build();
    }

    /** The three sources' records. */
    public static List<SourceRecord> records() {
        return List.of(
                SourceRecord.builder("crm", "C-17").observedAt(Instant.parse("2023-05-01T09:00:00Z"))
                        .attribute(Attributes.FIRST_NAME, "Robert").attribute(Attributes.LAST_NAME, "Smith")
                        .attribute(Attributes.DATE_OF_BIRTH, "1980-02-03").attribute(Attributes.CITY, "Springfield")
                        .identifier(IdentifierType.EMAIL, "bob.smith@gmail.com").build(),
                SourceRecord.builder("shop", "order-991").observedAt(Instant.parse("2024-11-20T18:30:00Z"))
                        .attribute(Attributes.FIRST_NAME, "Bob").attribute(Attributes.LAST_NAME, "Smith")
                        .attribute(Attributes.DATE_OF_BIRTH, "19800203").attribute(Attributes.CITY, "Shelbyville")
                        .identifier(IdentifierType.PHONE, "+1 217 555 0134").build(),
                SourceRecord.builder("newsletter", "sub-4").observedAt(Instant.parse("2025-01-02T07:00:00Z"))
                        .attribute(Attributes.FIRST_NAME, "Bobby")
                        .identifier(IdentifierType.EMAIL, "Bob.Smith@GMail.com").build(),
                SourceRecord.builder("crm", "C-18").observedAt(Instant.parse("2023-06-11T10:00:00Z"))
                        .attribute(Attributes.FIRST_NAME, "Alice").attribute(Attributes.LAST_NAME, "Jones")
                        .attribute(Attributes.DATE_OF_BIRTH, "1975-09-30")
                        .identifier(IdentifierType.EMAIL, "alice.jones@yahoo.com").build());
    }

    /** Resolves the records and prints the golden profiles with provenance. */
    public static Resolution run(PrintStream out) {
        Resolver resolver = resolver();
        Resolution resolution = resolver.resolve(records());
        out.println(resolution.profiles().size() + " golden profiles from " + resolution.assignments().size() + " records:");
        for (Profile profile : resolution.profiles()) {
            print(out, profile);
        }

        // The same engine, live: records arrive one at a time and profiles follow.
        IdentityGraph graph = resolver.newGraph();
        graph.addListener(changes -> out.println("  live change: " + describe(changes)));
        out.println("Live graph:");
        for (SourceRecord record : records()) {
            graph.upsert(record);
        }
        return resolution;
    }

    private static void print(PrintStream out, Profile profile) {
        out.println("Profile " + profile.id() + " (" + profile.members().size() + " records: " + profile.members() + ")");
        profile.identifiers().forEach(id -> out.println("  " + id.type() + ": " + id.value()));
        for (Map.Entry<String, List<GoldenValue>> attribute : profile.attributes().entrySet()) {
            GoldenValue value = attribute.getValue().get(0);
            out.println("  " + attribute.getKey() + " = " + value.value() + "  <- " + value.provenance().record()
                    + " (" + value.provenance().rule().name() + ")");
        }
    }

    private static String describe(ChangeSet changes) {
        StringBuilder text = new StringBuilder();
        for (ProfileChange change : changes.changes()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(change.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            if (change instanceof ProfileChange.Created c) {
                text.append(' ').append(c.profile().id());
            } else if (change instanceof ProfileChange.Updated u) {
                text.append(' ').append(u.profile().id()).append(" now ").append(u.profile().members().size()).append(" records");
            } else if (change instanceof ProfileChange.Merged m) {
                text.append(' ').append(m.absorbed()).append(" into ").append(m.survivor().id());
            }
        }
        return text.toString();
    }

    /** Runs the example. */
    public static void main(String[] args) {
        run(System.out);
    }
}
