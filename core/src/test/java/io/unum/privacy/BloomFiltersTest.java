package io.unum.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.spi.FieldComparator;
import io.unum.spi.Normalizer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BloomFiltersTest {

    private static final byte[] SECRET = "bloom filter secret 0123".getBytes(StandardCharsets.UTF_8);
    private final Normalizer encoder = BloomFilters.encoder(SECRET);
    private final FieldComparator dice = BloomFilters.dice();

    @Test
    void encodingIsDeterministicKeyedAndNormalized() {
        assertEquals(encoder.normalize("Smith"), encoder.normalize("  SMITH "));
        assertNotEquals(encoder.normalize("smith"),
                BloomFilters.encoder("another secret 01234567".getBytes(StandardCharsets.UTF_8)).normalize("smith"));
        assertNull(encoder.normalize("---"), "no letters or digits, no encoding");
        assertTrue(encoder.normalize("smith").startsWith(BloomFilters.PREFIX));
        assertThrows(IllegalArgumentException.class, () -> BloomFilters.encoder(SECRET, 100, 10));
    }

    @Test
    void diceReflectsSharedBigrams() {
        double typo = dice.compare(encoder.normalize("smith"), encoder.normalize("smyth"));
        double other = dice.compare(encoder.normalize("smith"), encoder.normalize("garcia"));
        assertTrue(typo > 0.45 && typo < 0.9, "smith/smyth " + typo);
        assertTrue(other < 0.3, "smith/garcia " + other);
        assertTrue(dice.compare(encoder.normalize("jonathan"), encoder.normalize("johnathan")) > 0.75);
    }

    @Test
    void diceHonoursTheComparatorContract() {
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            String a = encoder.normalize(word(random));
            String b = encoder.normalize(word(random));
            double ab = dice.compare(a, b);
            assertTrue(ab >= 0 && ab <= 1, "range");
            assertEquals(ab, dice.compare(b, a), "symmetry");
            assertEquals(1.0, dice.compare(a, a), "identity");
        }
        assertEquals(0.0, dice.compare("plain", "text"), "non-encodings compare as 0 unless equal");
        assertEquals(1.0, dice.compare("plain", "plain"));
    }

    private static String word(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(8); i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
