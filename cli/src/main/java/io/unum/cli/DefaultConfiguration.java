package io.unum.cli;

import io.unum.Resolver;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizers;

/** The configuration the CLI resolves with. */
final class DefaultConfiguration {

    private DefaultConfiguration() {
    }

    static Resolver resolver() {
        return Resolver.newBuilder()
                .feature(Feature.of(Attributes.FIRST_NAME))
                .feature(Feature.of(Attributes.LAST_NAME))
                .feature(Feature.of("dob", Attributes.DATE_OF_BIRTH, Normalizers.digits()))
                .feature(Feature.of(Attributes.POSTCODE, Attributes.POSTCODE, Normalizers.alphanumeric()))
                .feature(Feature.of(Attributes.CITY))
                .rule(MatchRule.deterministic("identifiers", IdentifierType.EMAIL, IdentifierType.PHONE,
                        IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID))
                .rule(MatchRule.probabilistic("person")
                        .comparison(Comparison.of(Attributes.FIRST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.8, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.2, 0.99)))
                        .comparison(Comparison.of(Attributes.LAST_NAME,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.85, 0.005),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.15, 0.995)))
                        .comparison(Comparison.of("dob",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.85, 0.0005),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.15, 0.9995)))
                        .comparison(Comparison.of(Attributes.POSTCODE,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.8, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.2, 0.99)))
                        .comparison(Comparison.of(Attributes.CITY,
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.8, 0.02),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.2, 0.98)))
                        .blockingKey(BlockingKey.on("dob"))
                        .blockingKey(BlockingKey.on(Attributes.LAST_NAME, Attributes.FIRST_NAME))
                        .blockingKey(BlockingKey.on(Attributes.POSTCODE, Attributes.LAST_NAME))
                        .prior(0.0005)
                        .matchThreshold(0.9)
                        .reviewThreshold(0.5)
                        .build())
                .build();
    }
}
