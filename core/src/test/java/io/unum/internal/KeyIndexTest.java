package io.unum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.unum.model.RecordKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyIndex} against a {@code HashMap} oracle: seeded random inserts (through growths),
 * {@code putIfAbsent} of present and absent keys, removals (backward shifts) and look-ups of
 * present and absent keys agree at every step.
 */
class KeyIndexTest {

    @Test
    void agreesWithAHashMapThroughGrowthsAndRemovals() {
        Random random = new Random(1234);
        KeyIndex index = new KeyIndex();
        Map<RecordKey, Integer> oracle = new HashMap<>();
        List<RecordKey> known = new ArrayList<>();
        String[] sources = {"crm", "web", "pos", "a", "b"};
        for (int step = 0; step < 60_000; step++) {
            int op = random.nextInt(10);
            if (op < 6 || known.isEmpty()) {
                RecordKey key = RecordKey.of(sources[random.nextInt(sources.length)], "id-" + random.nextInt(40_000));
                int value = random.nextInt(1_000_000);
                Integer before = oracle.putIfAbsent(key, value);
                assertEquals(before == null ? -1 : before, index.putIfAbsent(key, value));
                if (before == null) {
                    known.add(key);
                }
            } else if (op < 8) {
                RecordKey key = known.remove(random.nextInt(known.size()));
                oracle.remove(key);
                index.remove(key);
                assertEquals(-1, index.get(key));
            } else {
                RecordKey key = random.nextBoolean() ? known.get(random.nextInt(known.size()))
                        : RecordKey.of("web", "absent-" + random.nextInt(100));
                assertEquals(oracle.getOrDefault(key, -1), index.get(key));
            }
            assertEquals(oracle.size(), index.size());
        }
        for (Map.Entry<RecordKey, Integer> entry : oracle.entrySet()) {
            assertEquals(entry.getValue(), index.get(entry.getKey()));
            assertEquals(entry.getValue(), index.putIfAbsent(entry.getKey(), -5));
        }
        RecordKey present = known.get(0);
        assertThrows(IllegalStateException.class, () -> index.put(present, 1));
        index.clear();
        assertEquals(0, index.size());
        assertEquals(-1, index.get(present));
    }
}
