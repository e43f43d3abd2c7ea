package io.unum.examples;

import io.unum.Explanation;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizers;
import java.io.PrintStream;
import java.util.List;

/**
 * Your own rules instead of the ready-made customer rules: one deterministic rule (the same
 * e-mail address is the same person) and one Fellegi–Sunter rule over first name, surname and
 * date of birth, blocked on the date of birth. README.md shows this resolver; this class runs it
 * and {@code OwnRulesTest} proves what the README says it links.
 *
 * <p>The arithmetic, in bits ({@code log2(m/u)} per comparison level): the prior 0.0001 is
 * {@code log2(0.0001/0.9999)} = -13.3 bits, and the match threshold 0.9 needs 3.17 bits. An
 * exact first name adds 6.49, an exact surname 6.49 and an exact date of birth 9.81, so all
 * three together reach 9.5 bits (a link); surname and date of birth alone reach 3.0 bits, just
 * below the threshold, and with a different first name (-3.31) -0.3 bits: two people of one
 * family born the same day are not merged on those two fields.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.unum.examples.OwnRules}.
 */
public final class OwnRules {

    private OwnRules() {
    }

    /** The resolver of README.md's "your own rules". */
    public static Resolver resolver() {
        return Resolver.newBuilder()
                .feature(Feature.of(Attributes.FIRST_NAME))
                .feature(Feature.of(Attributes.LAST_NAME))
                .feature(Feature.of("dob", Attributes.DATE_OF_BIRTH, Normalizers.digits()))
                .rule(MatchRule.deterministic("same-email", IdentifierType.EMAIL))
                .rule(MatchRule.probabilistic("name-and-dob")
                        .comparison(Comparison.of(Attributes.FIRST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .comparison(Comparison.of(Attributes.LAST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .comparison(Comparison.of("dob",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.001),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.999)))
                        .blockingKey(BlockingKey.on("dob"))
                        .build())
                .build();
    }

    /**
     * Four records: a CRM customer and a web-shop order by the same person (same names and birth
     * date, written differently, no shared e-mail); her brother, born the same day; and a
     * newsletter signup sharing her e-mail address.
     */
    public static List<SourceRecord> records() {
        return List.of(
                SourceRecord.builder("crm", "C-1")
                        .attribute(Attributes.FIRST_NAME, "Maria").attribute(Attributes.LAST_NAME, "Garcia")
                        .attribute(Attributes.DATE_OF_BIRTH, "1990-04-12")
                        .identifier(IdentifierType.EMAIL, "maria.garcia@fastmail.com").build(),
                SourceRecord.builder("shop", "S-7")
                        .attribute(Attributes.FIRST_NAME, "Maria").attribute(Attributes.LAST_NAME, "Garcia")
                        .attribute(Attributes.DATE_OF_BIRTH, "19900412").build(),
                SourceRecord.builder("shop", "S-8")
                        .attribute(Attributes.FIRST_NAME, "Jose").attribute(Attributes.LAST_NAME, "Garcia")
                        .attribute(Attributes.DATE_OF_BIRTH, "1990-04-12").build(),
                SourceRecord.builder("newsletter", "N-3")
                        .identifier(IdentifierType.EMAIL, "Maria.Garcia@FastMail.com").build());
    }

    /** Resolves the records, prints the profiles and explains the two decisions that matter. */
    public static Resolution run(PrintStream out) {
        Resolver resolver = resolver();
        List<SourceRecord> records = records();
        Resolution resolution = resolver.resolve(records);
        resolution.profiles().forEach(p -> out.println(p.id() + " " + p.members()));
        Explanation same = resolver.explain(records.get(0), records.get(1));
        Explanation brother = resolver.explain(records.get(1), records.get(2));
        out.print(same.toText());
        out.print(brother.toText());
        return resolution;
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
