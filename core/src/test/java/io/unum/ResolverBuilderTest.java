package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.IdentifierType;
import io.unum.model.Survivorship;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import org.junit.jupiter.api.Test;

class ResolverBuilderTest {

    @Test
    void settingsCanBeGivenOnceAndNameThemselves() {
        Resolver.Builder builder = Resolver.newBuilder().blockSizeCap(10);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> builder.blockSizeCap(20));
        assertEquals("blockSizeCap was already set to 10", twice.getMessage());
        assertThrows(IllegalStateException.class, () -> builder.survivorship("a", Survivorship.mostRecent())
                .survivorship("a", Survivorship.mostFrequent()));
        assertThrows(IllegalStateException.class, () -> builder.limit(IdentifierType.EMAIL, 3).limit(IdentifierType.EMAIL, 4));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Resolver.newBuilder().parallelism(0));
        assertEquals("parallelism must be at least 1, was 0", negative.getMessage());
    }

    @Test
    void buildChecksReferencesAcrossSettings() {
        MatchRule rule = MatchRule.probabilistic("names")
                .comparison(Comparison.of("surname", ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01)))
                .blockingKey(BlockingKey.on("surname")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resolver.newBuilder().rule(rule).build());
        assertTrue(e.getMessage().startsWith("comparison surname of rule names refers to feature surname, which is not defined"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Resolver.newBuilder().build(), "a rule is required");
        assertThrows(IllegalArgumentException.class, () -> Resolver.newBuilder()
                .rule(MatchRule.deterministic("x", IdentifierType.EMAIL))
                .rule(MatchRule.deterministic("x", IdentifierType.PHONE)).build());
    }

    @Test
    void rulesValidateTheirValues() {
        assertThrows(IllegalArgumentException.class, () -> ComparisonLevel.of("bad", LevelCondition.exact(), 0.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> MatchRule.probabilistic("p")
                .comparison(Comparison.of("f", ComparisonLevel.of("e", LevelCondition.exact(), 0.9, 0.1)))
                .blockingKey(BlockingKey.on("f")).matchThreshold(0.5).reviewThreshold(0.8).build());
        IdentifierType notDeterministic = IdentifierType.builder("session").deterministic(false).build();
        assertThrows(IllegalArgumentException.class, () -> MatchRule.deterministic("s", notDeterministic));
        assertThrows(IllegalArgumentException.class, () -> IdentifierType.of("Upper Case"));
    }

    @Test
    void aUserDefinedIdentifierTypeIsOneLine() {
        IdentifierType whatsapp = IdentifierType.of("whatsapp");
        assertTrue(whatsapp.deterministic());
        assertEquals(Integer.MAX_VALUE, whatsapp.maxPerProfile());
        assertEquals(whatsapp, IdentifierType.of("whatsapp"));
        assertEquals("social:mastodon", IdentifierType.social("Mastodon").name());
    }
}
