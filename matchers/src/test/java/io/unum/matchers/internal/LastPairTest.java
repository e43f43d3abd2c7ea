package io.unum.matchers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LastPair} tells a pair by the identity of its two strings, in order. */
class LastPairTest {

    @Test
    void holdsOnlyTheSameTwoStringsInOrder() {
        String a = new String("12 main st|90210|springfield");
        String b = new String("4 oak ave|90210|springfield");
        LastPair last = new LastPair();
        assertFalse(last.holds(a, b), "nothing held yet");
        last.hold(a, b, 7, 9);
        assertTrue(last.holds(a, b));
        assertEquals(7, last.first());
        assertEquals(9, last.second());
        assertFalse(last.holds(b, a), "the other order is another pair");
        assertFalse(last.holds(new String(a), b), "an equal string is another value to parse");
        last.hold(b, a, 1, 2);
        assertFalse(last.holds(a, b));
        assertEquals(1, last.first());
    }
}
