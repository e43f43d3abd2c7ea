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

    private static int setBits(String encoding) {
        int count = 0;
        for (byte b : java.util.Base64.getUrlDecoder().decode(encoding.substring(BloomFilters.PREFIX.length()))) {
            count += Integer.bitCount(b & 0xFF);
        }
        return count;
    }

    private static int bytes(String encoding) {
        return java.util.Base64.getUrlDecoder().decode(encoding.substring(BloomFilters.PREFIX.length())).length;
    }

    @Test
    void xorFoldingHalvesTheFilterAndKeepsSimilarValuesCloser() {
        Normalizer folded = BloomFilters.encoder(SECRET, 512, 20, BloomFilters.Hardening.XOR_FOLD);
        assertEquals(32, bytes(folded.normalize("smith")), "512 bits folded to 256");
        double typo = dice.compare(folded.normalize("jonathan"), folded.normalize("johnathan"));
        double other = dice.compare(folded.normalize("jonathan"), folded.normalize("garcia"));
        assertTrue(typo > other + 0.2, "similar " + typo + " vs different " + other);
        assertNotEquals(folded.normalize("smith"), encoder.normalize("smith"));
        assertThrows(IllegalArgumentException.class,
                () -> BloomFilters.encoder(SECRET, 520, 20, BloomFilters.Hardening.XOR_FOLD), "520 is not a multiple of 16");
    }

    @Test
    void balancedFiltersHaveHalfTheirBitsSetWhateverTheValue() {
        Normalizer balanced = BloomFilters.encoder(SECRET, 256, 10, BloomFilters.Hardening.BALANCE);
        for (String value : new String[] {"al", "smith", "maximilian alexander von humboldt-wittgenstein"}) {
            String encoding = balanced.normalize(value);
            assertEquals(64, bytes(encoding), "256 bits and their complement");
            assertEquals(256, setBits(encoding), "exactly half the bits set for " + value);
        }
        double typo = dice.compare(balanced.normalize("jonathan"), balanced.normalize("johnathan"));
        double other = dice.compare(balanced.normalize("jonathan"), balanced.normalize("garcia"));
        assertTrue(typo > other + 0.1, "similar " + typo + " vs different " + other);
        assertEquals(balanced.normalize("smith"), BloomFilters.encoder(SECRET, 256, 10, BloomFilters.Hardening.BALANCE)
                .normalize("smith"), "the permutation follows from the secret");
        Normalizer both = BloomFilters.encoder(SECRET, 256, 10, BloomFilters.Hardening.BALANCE, BloomFilters.Hardening.XOR_FOLD);
        assertEquals(32, bytes(both.normalize("smith")), "folded to 128 bits, then balanced to 256");
        assertEquals(128, setBits(both.normalize("smith")));
    }

    @Test
    void saltedEncodingsMatchOnlyWithinTheirSalt() {
        BloomFilters.Encoder salted = BloomFilters.encoder(SECRET);
        assertEquals(salted.encode("smith", "1984"), salted.encode("SMITH", "1984"));
        assertNotEquals(salted.encode("smith", "1984"), salted.encode("smith", "1985"));
        assertEquals(salted.normalize("smith"), salted.encode("smith", null), "no salt is the plain encoding");
        assertTrue(dice.compare(salted.encode("jonathan", "1984"), salted.encode("johnathan", "1984")) > 0.75);
        assertTrue(dice.compare(salted.encode("smith", "1984"), salted.encode("smith", "1985")) < 0.5,
                "equal names under different salts look unrelated");
    }

    private static String word(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(8); i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
