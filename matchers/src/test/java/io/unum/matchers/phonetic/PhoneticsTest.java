package io.unum.matchers.phonetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.matchers.compare.Samples;
import io.unum.spi.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneticsTest {

    @Test
    void soundex() {
        assertEquals("R163", Phonetics.soundex().normalize("Robert"));
        assertEquals("R163", Phonetics.soundex().normalize("Rupert"));
        assertEquals("A261", Phonetics.soundex().normalize("Ashcraft"));
        assertEquals("G620 L120", Phonetics.soundex().normalize("García-López"));
    }

    @Test
    void doubleMetaphone() {
        assertEquals("SM0", Phonetics.doubleMetaphone().normalize("Smith"));
        assertEquals("XMT", Phonetics.doubleMetaphoneAlternate().normalize("Smith"));
        assertEquals("XMT", Phonetics.doubleMetaphone().normalize("Schmidt"));
        assertEquals("KRS", Phonetics.doubleMetaphone().normalize("garcia"));
        assertEquals("JN", Phonetics.doubleMetaphone().normalize("Jean"));
    }

    @Test
    void nysiis() {
        assertEquals("MCANT", Phonetics.nysiis().normalize("MacIntosh"));
        assertEquals(Phonetics.nysiis().normalize("Knight"), Phonetics.nysiis().normalize("Night"));
    }

    @Test
    void beiderMorse() {
        assertEquals("stzmit|zmit", Phonetics.beiderMorse().normalize("Schmidt"));
        assertEquals("zmit", Phonetics.beiderMorse().normalize("Smith"));
        String garcia = Phonetics.beiderMorse().normalize("García");
        assertTrue(garcia.contains("gartsa"), garcia);
    }

    @Test
    void valuesWithoutLatinLettersHaveNoCode() {
        for (Normalizer n : List.of(Phonetics.soundex(), Phonetics.doubleMetaphone(), Phonetics.nysiis(),
                Phonetics.beiderMorse())) {
            assertNull(n.normalize("123"));
            assertNull(n.normalize("王"));
            assertNull(n.normalize("   "));
        }
    }

    @Test
    void inputIsFoldedFirst() {
        assertEquals(Phonetics.doubleMetaphone().normalize("jose"), Phonetics.doubleMetaphone().normalize("JOSÉ"));
        assertEquals(Phonetics.soundex().normalize("muller"), Phonetics.soundex().normalize("Müller"));
    }

    @Test
    void hostileInputIsBoundedAndNeverThrows() {
        for (Normalizer n : List.of(Phonetics.soundex(), Phonetics.doubleMetaphone(), Phonetics.doubleMetaphoneAlternate(),
                Phonetics.nysiis(), Phonetics.beiderMorse())) {
            for (String value : Samples.hostile()) {
                String code = n.normalize(value);
                if (code != null) {
                    assertTrue(code.split(" ").length <= Phonetics.MAX_WORDS);
                }
            }
        }
    }
}
