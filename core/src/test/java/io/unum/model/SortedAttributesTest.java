package io.unum.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SortedAttributes.Builder} against a {@code TreeMap} oracle (what the record builder used
 * before): seeded random puts, replacements and removals, names in order, reversed and at
 * random; and a record's attributes given in any order come out sorted.
 */
class SortedAttributesTest {

    @Test
    void theBuilderAgreesWithATreeMapOnRandomPutsAndRemovals() {
        Random random = new Random(20240501);
        for (int round = 0; round < 2_000; round++) {
            TreeMap<String, String> oracle = new TreeMap<>();
            SortedAttributes.Builder<String> builder = new SortedAttributes.Builder<>();
            int ops = random.nextInt(60);
            int mode = random.nextInt(3); // 0: names ascending, 1: descending, 2: random
            for (int i = 0; i < ops; i++) {
                String name = switch (mode) {
                    case 0 -> String.format("a%03d", i);
                    case 1 -> String.format("a%03d", 100 - i);
                    default -> "n" + random.nextInt(25);
                };
                if (random.nextInt(6) == 0) {
                    oracle.remove(name);
                    builder.remove(name);
                } else {
                    String value = "v" + random.nextInt(1000);
                    oracle.put(name, value);
                    builder.put(name, value);
                }
                if (random.nextInt(10) == 0) {
                    assertEquals(oracle, builder.build(), "a build in between");
                }
            }
            SortedAttributes<String> built = builder.build();
            assertEquals(oracle, built);
            assertIterableEquals(oracle.entrySet(), built.entrySet());
            assertIterableEquals(oracle.values(), built.values(), "values in name order");
            assertEquals(oracle.size(), built.values().size());
            assertEquals(oracle.hashCode(), built.hashCode());
        }
    }

    @Test
    void aRecordsAttributesInAnyOrderAreSortedAndTheLastValueWins() {
        SourceRecord record = SourceRecord.builder("crm", "1").attribute("zip", "0150").attribute("city", "Oslo")
                .attribute("name", "Åse").attribute("city", "Bergen").attribute("age", " ").attribute("zip", null)
                .build();
        assertEquals(Map.of("city", "Bergen", "name", "Åse"), record.attributes());
        assertIterableEquals(new TreeMap<>(record.attributes()).entrySet(), record.attributes().entrySet());
        assertEquals(record, record.toBuilder().build());
        assertEquals(record.attributes(), record.toBuilder().attribute("b", "x").build().attributes().entrySet().stream()
                .filter(e -> !e.getKey().equals("b")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue)));
    }
}
