package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.rules.Feature;
import io.unum.spi.Normalizer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batch memo of feature normalizations stops remembering a feature whose values do not repeat. */
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
        Feature names = Feature.of("name", "name", repeated);
        Feature ids = Feature.of("id", "id", unique);
        Featurizer.Memo memo = new Featurizer.Memo(2);
        int n = 3 * Featurizer.Memo.PROBE;
        for (int i = 0; i < n; i++) {
            String name = i % 7 == 0 ? "none" : "Name" + (i % 10);
            assertEquals(name.equals("none") ? null : name.toLowerCase(Locale.ROOT), memo.normalize(0, names, name));
            assertEquals("id" + i, memo.normalize(1, ids, "ID" + i));
        }
        assertEquals(11, repeated.calls.get(), "\"none\" and ten names, each normalized once");
        assertFalse(memo.off(0));
        assertTrue(memo.off(1), "unique ids are normalized directly after the probe");
        assertEquals(n, unique.calls.get(), "every id normalized exactly once");
        // still correct for values seen before the memo stopped
        assertEquals("id5", memo.normalize(1, ids, "ID5"));
        assertNull(memo.normalize(0, names, "none"));
    }
}
