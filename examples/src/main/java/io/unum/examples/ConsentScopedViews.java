package io.unum.examples;

import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.ConsentEntry;
import io.unum.model.ConsentState;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Purpose;
import io.unum.model.SourceRecord;
import io.unum.privacy.PrivacyFilters;
import io.unum.privacy.ProfileView;
import io.unum.rules.MatchRule;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Consent decides what may be linked and what each purpose may see.
 *
 * <ul>
 *   <li>Linking: records may be linked only with consent to identity resolution, except on the
 *       CRM customer id, which the person gave under contract.</li>
 *   <li>Output: the e-mail marketing team sees the addresses it may write to; an address the
 *       person opted out of is masked; the analytics team, without consent, sees masks only.</li>
 * </ul>
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.unum.examples.ConsentScopedViews}.
 */
public final class ConsentScopedViews {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private ConsentScopedViews() {
    }

    /** A resolver that links by consent and shows each purpose what it may use. */
    public static Resolver resolver() {
        return Resolver.newBuilder()
                .rule(MatchRule.deterministic("contact", IdentifierType.EMAIL, IdentifierType.CUSTOMER_ID))
                .linkingFilter(PrivacyFilters.linkOnlyWithConsent(Purpose.IDENTITY_RESOLUTION)
                        .exceptDeterministicOn(IdentifierType.CUSTOMER_ID))
                .outputFilter(PrivacyFilters.withhold("internal_notes"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    /** Three records: the CRM and the shop know the same person; a newsletter signup did not consent. */
    public static List<SourceRecord> records() {
        Identifier work = Identifier.of(IdentifierType.EMAIL, "jane.doe@work.example");
        return List.of(
                SourceRecord.builder("crm", "C-1").observedAt(NOW.minusSeconds(86_400))
                        .identifier(IdentifierType.CUSTOMER_ID, "C-1")
                        .identifier(IdentifierType.EMAIL, "jane@example.com")
                        .attribute(Attributes.FIRST_NAME, "Jane").attribute("internal_notes", "VIP")
                        .consent(ConsentEntry.of(Purpose.IDENTITY_RESOLUTION, ConsentState.GRANTED, NOW.minusSeconds(90_000), "crm"))
                        .consent(ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.GRANTED, NOW.minusSeconds(90_000), "crm"))
                        .build(),
                SourceRecord.builder("shop", "S-9").observedAt(NOW.minusSeconds(3_600))
                        .identifier(IdentifierType.CUSTOMER_ID, "C-1").identifier(work)
                        .attribute(Attributes.CITY, "Springfield")
                        .consent(ConsentEntry.of(Purpose.EMAIL_MARKETING, ConsentState.DENIED, NOW.minusSeconds(3_600), "shop")
                                .forIdentifier(work))
                        .build(),
                SourceRecord.builder("newsletter", "N-4").observedAt(NOW.minusSeconds(60))
                        .identifier(IdentifierType.EMAIL, "jane@example.com")
                        .consent(ConsentEntry.of(Purpose.IDENTITY_RESOLUTION, ConsentState.DENIED, NOW.minusSeconds(60), "newsletter"))
                        .build());
    }

    /** Resolves and prints each purpose's view. */
    public static Resolution run(PrintStream out) {
        Resolution resolution = resolver().resolve(records());
        out.println(resolution.profiles().size() + " profiles (the newsletter signup refused linking)");
        for (Purpose purpose : List.of(Purpose.EMAIL_MARKETING, Purpose.ANALYTICS)) {
            out.println("View for " + purpose + ":");
            for (ProfileView view : resolution.view(purpose)) {
                out.println("  " + view.id() + " consent=" + view.consent());
                view.identifiers().forEach(id -> out.println("    " + id.type() + ": " + id.value() + (id.masked() ? " (masked)" : "")));
                view.attributes().forEach((name, values) -> out.println("    " + name + " = " + values.get(0).value()
                        + (values.get(0).masked() ? " (masked)" : "")));
            }
        }
        return resolution;
    }

    /** Runs the example. */
    public static void main(String[] args) {
        run(System.out);
    }
}
