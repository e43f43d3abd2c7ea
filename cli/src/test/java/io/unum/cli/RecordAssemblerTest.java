package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The observed-at parser's fast path agrees with {@code java.time}'s formatters. */
class RecordAssemblerTest {

    @Test
    void fastInstantsEqualTheFormatters() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            String v = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62));
            if (random.nextInt(10) == 0) { // a character out of place
                char[] chars = v.toCharArray();
                chars[random.nextInt(chars.length)] = "0-T:Z x/".charAt(random.nextInt(8));
                v = new String(chars);
            }
            String value = random.nextInt(20) == 0 ? " " + v + " " : v;
            assertEquals(RecordAssembler.parseWithFormatters(value.strip()), RecordAssembler.parseInstant(value), value);
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), RecordAssembler.parseInstant("2024-02-29T23:59:59Z"));
        assertNull(RecordAssembler.parseInstant("2023-02-29T00:00:00Z"));
        assertEquals(Instant.parse("2016-12-31T23:59:60Z"), RecordAssembler.parseInstant("2016-12-31T23:59:60Z"));
        assertEquals(Instant.parse("2024-06-19T00:00:00Z"), RecordAssembler.parseInstant("2024-06-19"));
    }
}
