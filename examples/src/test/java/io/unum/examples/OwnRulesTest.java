package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.Explanation;
import io.unum.Resolution;
import io.unum.Resolver;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README.md's "your own rules" links what it claims, for the reasons its javadoc gives. */
class OwnRulesTest {

    @Test
    void linksTheSamePersonByNamesAndBirthDateAndByEmail() {
        Resolution resolution = OwnRules.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        var maria = resolution.assignments().get(RecordKey.of("crm", "C-1"));
        assertEquals(maria, resolution.assignments().get(RecordKey.of("shop", "S-7")), "names and birth date");
        assertEquals(maria, resolution.assignments().get(RecordKey.of("newsletter", "N-3")), "the same e-mail");
        assertNotEquals(maria, resolution.assignments().get(RecordKey.of("shop", "S-8")), "her brother stays apart");
        assertEquals(2, resolution.profiles().size());
    }

    @Test
    void theWeightsAreTheOnesTheJavadocStates() {
        Resolver resolver = OwnRules.resolver();
        List<SourceRecord> records = OwnRules.records();
        Explanation same = resolver.explain(records.get(0), records.get(1));
        assertTrue(same.linked(), same.toText());
        assertEquals(9.5, probabilistic(same).weight(), 0.05, same.toText());
        Explanation brother = resolver.explain(records.get(1), records.get(2));
        assertFalse(brother.linked(), brother.toText());
        assertEquals(-0.3, probabilistic(brother).weight(), 0.05, brother.toText());
    }

    private static Explanation.Probabilistic probabilistic(Explanation explanation) {
        return explanation.rules().stream().filter(Explanation.Probabilistic.class::isInstance)
                .map(Explanation.Probabilistic.class::cast).findFirst().orElseThrow();
    }
}
