package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A pattern packs each comparison's level in the bits its levels need, and unpacks to the same levels. */
class PatternLayoutTest {

    private static CompiledRule.Comparison[] comparisons(int... levels) {
        CompiledRule.Comparison[] comparisons = new CompiledRule.Comparison[levels.length];
        for (int c = 0; c < levels.length; c++) {
            CompiledRule.Level[] l = new CompiledRule.Level[levels[c]];
            for (int i = 0; i < l.length; i++) {
                l[i] = new CompiledRule.Level("level " + i, 0, io.unum.rules.LevelCondition.always(), 0);
            }
            comparisons[c] = new CompiledRule.Comparison("c" + c, 0, l, -1, -1, 0, 0, null);
        }
        return comparisons;
    }

    @Test
    void eachComparisonTakesTheBitsOfItsLevelCount() {
        assertEquals(2, PatternLayout.bits(2));
        assertEquals(2, PatternLayout.bits(3));
        assertEquals(3, PatternLayout.bits(4));
        assertEquals(3, PatternLayout.bits(7));
        assertEquals(4, PatternLayout.bits(8));
        assertEquals(4, PatternLayout.bits(15));
        assertEquals(5, PatternLayout.bits(16));
        assertEquals(2 + 2 + 3 + 3 + 4 + 4, PatternLayout.bits(comparisons(2, 3, 4, 7, 8, 15)));
    }

    @Test
    void levelsPackAndUnpack() {
        int[] levels = {2, 3, 4, 7, 8, 15, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}; // 18 + 38 = 56 bits
        PatternLayout layout = PatternLayout.of(comparisons(levels));
        Random random = new Random(1);
        for (int trial = 0; trial < 10_000; trial++) {
            int[] chosen = new int[levels.length];
            long code = 0;
            for (int c = 0; c < levels.length; c++) {
                chosen[c] = random.nextInt(levels[c] + 1) - 1; // -1: null
                code = layout.with(code, c, chosen[c]);
            }
            for (int c = 0; c < levels.length; c++) {
                assertEquals(chosen[c], layout.level(code, c), "comparison " + c);
            }
        }
    }

    @Test
    void moreThanSixtyFourBitsHaveNoLayout() {
        int[] levels = new int[33];
        java.util.Arrays.fill(levels, 3); // 66 bits
        assertNull(PatternLayout.of(comparisons(levels)));
        assertEquals(64, PatternLayout.bits(comparisons(java.util.Arrays.copyOf(levels, 32))));
    }
}
