package io.unum.matchers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.rules.LevelCondition;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchConditionsTest {

    @Test
    void editDistanceBounds() {
        LevelCondition oneTypo = MatchConditions.damerauLevenshteinAtMost(1);
        assertTrue(oneTypo.test("7654321", "7654312"));
        assertTrue(oneTypo.test("7654321", "7654321"));
        assertFalse(oneTypo.test("7654321", "7653412"));
        assertTrue(MatchConditions.levenshteinAtMost(2).test("7654321", "7654312"));
        assertFalse(MatchConditions.levenshteinAtMost(1).test("7654321", "7654312"));
        assertEquals("damerau-levenshtein <= 1", oneTypo.toString());
        assertThrows(IllegalArgumentException.class, () -> MatchConditions.levenshteinAtMost(-1));
    }

    @Test
    void tokenConditions() {
        assertTrue(MatchConditions.sharedToken().test("garcia lopez", "lopez"));
        assertFalse(MatchConditions.sharedToken().test("garcia lopez", "lopes"));
        assertTrue(MatchConditions.sameTokensAnyOrder().test("anna maria", "maria anna"));
        assertFalse(MatchConditions.sameTokensAnyOrder().test("anna maria", "maria"));
        LevelCondition contained = MatchConditions.tokensContained(2);
        assertTrue(contained.test("india exports", "universal exports india"));
        assertTrue(contained.test("universal exports worldwide", "worldwide exports"));
        assertFalse(contained.test("exports", "universal exports india"), "one word is too little");
        assertFalse(contained.test("singapore exports", "universal exports india"));
        assertTrue(MatchConditions.tokensContained(1).test("exports", "universal exports india"));
        assertThrows(IllegalArgumentException.class, () -> MatchConditions.tokensContained(0));
    }

    @Test
    void initials() {
        LevelCondition initial = MatchConditions.initialMatch();
        assertTrue(initial.test("j", "john"));
        assertTrue(initial.test("john", "j"));
        assertTrue(initial.test("j", "j"));
        assertFalse(initial.test("jo", "john"));
        assertFalse(initial.test("k", "john"));
        assertFalse(initial.test("", "john"));
    }

    @Test
    void sharedPhoneticSpelling() {
        LevelCondition shared = MatchConditions.sharedAlternative();
        assertTrue(shared.test("gartsa|gartso", "garsa|gartsa"));
        assertFalse(shared.test("gartsa|gartso", "zmit"));
        assertTrue(shared.test("a|b c", "b c|d"));
        assertFalse(shared.test("a|b c", "b"), "different number of words");
    }

    @Test
    void distances() {
        assertTrue(MatchConditions.withinKm(400).test("48.8566,2.3522", "51.5074,-0.1278"));
        assertFalse(MatchConditions.withinKm(300).test("48.8566,2.3522", "51.5074,-0.1278"));
        assertFalse(MatchConditions.withinKm(300).test("nowhere", "51.5074,-0.1278"));
        assertTrue(MatchConditions.numericWithin(2).test("10", "12"));
        assertFalse(MatchConditions.numericWithin(2).test("10", "12.5"));
        assertFalse(MatchConditions.numericWithin(2).test("ten", "10"));
    }

    @Test
    void conditionsAreSymmetric() {
        LevelCondition[] conditions = {MatchConditions.damerauLevenshteinAtMost(1), MatchConditions.levenshteinAtMost(2),
            MatchConditions.sharedToken(), MatchConditions.sameTokensAnyOrder(), MatchConditions.initialMatch(),
            MatchConditions.sharedAlternative(), MatchConditions.numericWithin(3), MatchConditions.tokensContained(1),
            MatchConditions.tokensContained(2)};
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            String[] p = Samples.pair(random, 10);
            for (LevelCondition c : conditions) {
                assertEquals(c.test(p[0], p[1]), c.test(p[1], p[0]), c + " on '" + p[0] + "' '" + p[1] + "'");
            }
        }
    }
}
