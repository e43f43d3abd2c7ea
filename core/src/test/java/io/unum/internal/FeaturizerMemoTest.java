package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.spi.Normalizer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batch memo of normalizations stops remembering a normalizer whose values do not repeat. */
class FeaturizerMemoTest {

    private static final class Counting implements Normalizer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String normalize(String value) {
            calls.incrementAndGet();
            return value.equals("none") ? null : value.toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void repeatedValuesAreNormalizedOnceAndUniqueOnesStopBeingRemembered() {
        Counting repeated = new Counting();
        Counting unique = new Counting();
        NormalizationMemo memo = new NormalizationMemo();
        int n = 3 * NormalizationMemo.PROBE;
        for (int i = 0; i < n; i++) {
            String name = i % 7 == 0 ? "none" : "Name" + (i % 10);
            assertEquals(name.equals("none") ? null : name.toLowerCase(Locale.ROOT), memo.normalize(repeated, name));
            assertEquals("id" + i, memo.normalize(unique, "ID" + i));
        }
        assertEquals(11, repeated.calls.get(), "\"none\" and ten names, each normalized once");
        assertFalse(memo.off(repeated));
        assertTrue(memo.off(unique), "unique ids are normalized directly after the probe");
        assertEquals(n, unique.calls.get(), "every id normalized exactly once");
        // still correct for values seen before the memo stopped
        assertEquals("id5", memo.normalize(unique, "ID5"));
        assertNull(memo.normalize(repeated, "none"));
    }
}
