package io.unum.matchers.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.matchers.compare.Samples;
import io.unum.spi.NormalizedValue;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    private final PhoneNormalizer us = Phones.normalizer("US");

    private static String valid(PhoneNormalizer n, String raw) {
        return assertInstanceOf(NormalizedValue.Valid.class, n.normalize(raw), raw).value();
    }

    @Test
    void e164WithDefaultRegion() {
        assertEquals("+14155552671", valid(us, "(415) 555-2671"));
        assertEquals("+14155552671", valid(us, "415.555.2671"));
        assertEquals("+14155552671", valid(us, "+1 415 555 2671"));
        assertEquals("+14155552671", valid(Phones.normalizer("DE"), "00 1 415 555 2671"), "international dialling prefix of the region");
        assertEquals("+61291234567", valid(Phones.normalizer("AU"), "(02) 9123 4567"));
        assertEquals("+61412345678", valid(Phones.normalizer("au"), "0412 345 678"));
        assertEquals("+493012345678", valid(us, "+49 30 12345678"), "a country code wins over the default region");
        assertEquals("+12125550142", assertInstanceOf(NormalizedValue.NonIdentifying.class, us.normalize("212-555-0142")).value(),
                "555-01xx is the fictional range");
        assertEquals("+442079460958", valid(Phones.normalizer("GB"), "020 7946 0958"));
    }

    @Test
    void extensionsAreDropped() {
        assertEquals("+14155552671", valid(us, "415-555-2671 ext. 42"));
        assertEquals("+14155552671", valid(us, "415-555-2671 x42"));
        assertEquals("+14155552671", valid(us, "415-555-2671#42"));
    }

    @Test
    void placeholdersAreNonIdentifying() {
        for (String raw : List.of("000-000-0000", "555-555-5555", "123-456-7890", "(111) 111-1111", "999 999 9999",
                "0123456789", "987-654-3210", "+1 212 555 0142", "+44 0000 000000")) {
            NormalizedValue.NonIdentifying v = assertInstanceOf(NormalizedValue.NonIdentifying.class, us.normalize(raw), raw);
            assertEquals(PhoneNormalizer.PLACEHOLDER, v.reason());
            assertEquals('+', v.value().charAt(0));
        }
    }

    @Test
    void malformedNumbersAreInvalid() {
        for (String raw : List.of("hello", "12", "+999 123", "415-555", "4155552671456789")) {
            assertInstanceOf(NormalizedValue.Invalid.class, us.normalize(raw), raw);
        }
        PhoneNormalizer international = Phones.internationalOnly();
        assertEquals("ZZ", international.defaultRegion());
        assertInstanceOf(NormalizedValue.Invalid.class, international.normalize("(415) 555-2671"));
        assertEquals("+14155552671", valid(international, "+1 (415) 555-2671"));
    }

    @Test
    void strictValidation() {
        PhoneNormalizer strict = PhoneNormalizer.builder().defaultRegion("US").validation(PhoneNormalizer.Validation.VALID).build();
        // 555 is not an assigned area code: possible, not valid
        assertInstanceOf(NormalizedValue.Valid.class, us.normalize("555-234-5678"));
        assertInstanceOf(NormalizedValue.Invalid.class, strict.normalize("555-234-5678"));
        assertInstanceOf(NormalizedValue.Valid.class, strict.normalize("(415) 555-2671"));
    }

    @Test
    void configurationErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Phones.normalizer("Atlantis"));
        assertEquals(true, e.getMessage().contains("ISO 3166"));
        assertThrows(IllegalStateException.class, () -> PhoneNormalizer.builder().defaultRegion("US").defaultRegion("AU"));
    }

    @Test
    void messagesNeverContainTheNumber() {
        for (String raw : List.of("415-555-9876", "9876", "000-000-0000", "+1 415 555 9876 ext 9876")) {
            NormalizedValue v = us.normalize(raw);
            String message = v instanceof NormalizedValue.Invalid i ? i.expected()
                    : v instanceof NormalizedValue.NonIdentifying n ? n.reason() : "";
            assertFalse(message.matches(".*\\d{3}.*"), message);
            assertFalse(v.toString().contains("9876"), v.toString());
        }
    }

    @Test
    void featureStages() {
        assertEquals("+14155552671", Phones.feature("US").normalize("415 555 2671"));
        assertNull(Phones.feature("US").normalize("000-000-0000"));
        assertNull(Phones.feature("US").normalize("nope"));
        assertEquals("5552671", Phones.lastDigits(7).normalize("+14155552671"));
        assertNull(Phones.lastDigits(7).normalize("+1234"));
        assertThrows(IllegalArgumentException.class, () -> Phones.lastDigits(0));
    }

    @Test
    void hostileInputNeverThrows() {
        for (String raw : Samples.hostile()) {
            us.normalize(raw);
            us.normalize("+1 415 555 2671" + raw);
        }
    }

    @Test
    void theFastPathAgreesWithLibphonenumberOnSeededInputs() {
        PhoneNormalizer oracle = us.withoutFastPath();
        assertTrue(us.fastPath() && !oracle.fastPath());
        assertFalse(Phones.normalizer("CA").fastPath(), "only the US default region takes the fast path");
        Random random = new Random(20261123);
        String[] prefixes = {"", "", "", "1", "1 ", "1-", "+1", "+1 ", "+1-", "+", "+44 ", "011 ", "001 ", "0", "+11"};
        String separators = " -.()";
        String others = "/x#ae+ ,";
        int fast = 0;
        int total = 200_000;
        for (int i = 0; i < total; i++) {
            StringBuilder b = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int digits = random.nextBoolean() ? 10 : 7 + random.nextInt(7); // 7..13, 10 most often
            boolean plausible = random.nextInt(4) != 0;
            for (int d = 0; d < digits; d++) {
                char digit = (char) ('0' + random.nextInt(10));
                if (plausible && (d == 0 || d == 3) && digit < '2') {
                    digit = (char) ('2' + random.nextInt(8));
                }
                b.append(digit);
                int r = random.nextInt(20);
                if (r < 4) {
                    b.append(separators.charAt(random.nextInt(separators.length())));
                } else if (r == 4 && random.nextInt(4) == 0) {
                    b.append(others.charAt(random.nextInt(others.length())));
                }
            }
            if (random.nextInt(30) == 0) {
                b.append(" ext. ").append(random.nextInt(999));
            }
            String input = random.nextInt(50) == 0 ? " " + b + " " : b.toString();
            if (PhoneNormalizer.northAmerican(input.strip()) != null) {
                fast++;
            }
            assertEquals(oracle.normalize(input), us.normalize(input), () -> "input " + input);
        }
        // the usual formats, and numbers from the generator's styles, all take the fast path
        for (String usual : List.of("(415) 555-2671", "415.555.2671", "415-555-2671", "4155552671", "+1 415 555 2671",
                "1-415-555-2671", "+14155552671", "1 (415) 555-2671", "000-000-0000".replace('0', '2'))) {
            assertTrue(PhoneNormalizer.northAmerican(usual) != null, usual);
            assertEquals(oracle.normalize(usual), us.normalize(usual), usual);
        }
        assertTrue(fast > total / 5, "inputs on the fast path: " + fast);
        assertTrue(fast < total * 9 / 10, "inputs on libphonenumber's path: " + (total - fast));
    }
}
