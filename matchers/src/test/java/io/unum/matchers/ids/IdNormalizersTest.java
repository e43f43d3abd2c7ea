package io.unum.matchers.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.NormalizedValue;
import org.junit.jupiter.api.Test;

class IdNormalizersTest {

    private static void placeholder(IdentifierNormalizer normalizer, String value) {
        assertInstanceOf(NormalizedValue.NonIdentifying.class, normalizer.normalize(value), value);
    }

    private static void real(IdentifierNormalizer normalizer, String value) {
        assertInstanceOf(NormalizedValue.Valid.class, normalizer.normalize(value), value);
    }

    @Test
    void tillDefaultsAndRunsArePlaceholders() {
        IdentifierNormalizer loyalty = IdNormalizers.loyaltyId();
        for (String value : new String[] {"0000000001", "1000000000", "9999999998", "00000010", "1234567890",
            "0987654321", "000-000-0001", "N/A", "unknown", "0", "XXXXXXXX"}) {
            placeholder(loyalty, value);
        }
    }

    @Test
    void ordinaryNumbersAreNot() {
        IdentifierNormalizer loyalty = IdNormalizers.loyaltyId();
        for (String value : new String[] {"100000", "1000001", "0000000012", "4711084711", "L-2093-7741", "90000001A1"}) {
            real(loyalty, value);
        }
        real(IdNormalizers.customerId(), "C-100000");
    }

    @Test
    void aLoyaltyCardIsOneCardWithOrWithoutItsPrefixAndLeadingZeros() {
        IdentifierNormalizer loyalty = IdNormalizers.loyaltyId();
        for (String value : new String[] {"LY0047110423", "ly-0047110423", "0047110423", "47 110 423", "LY47110423"}) {
            assertEquals(NormalizedValue.valid("47110423"), loyalty.normalize(value), value);
        }
        assertEquals(NormalizedValue.valid("L2093"), loyalty.normalize("L-2093"), "fewer than six digits: kept whole");
        assertEquals(NormalizedValue.valid("ABCDE123456"), loyalty.normalize("ABCDE123456"), "five letters: not a prefix");
        assertEquals(NormalizedValue.valid("90000001A1"), loyalty.normalize("90000001A1"));
        assertEquals(NormalizedValue.valid("12"), loyalty.normalize("0000000012"));
        for (String value : new String[] {"LY0000000001", "LY1234567890", "LY-000-000-0001", "LY9999999999"}) {
            placeholder(loyalty, value);
        }
    }
}
