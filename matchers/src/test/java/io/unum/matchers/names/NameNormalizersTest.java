package io.unum.matchers.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.matchers.compare.Samples;
import io.unum.spi.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameNormalizersTest {

    private final Normalizer clean = NameNormalizers.clean();

    @Test
    void foldsDiacriticsAndCase() {
        assertEquals("jose", clean.normalize("José"));
        assertEquals("muller", clean.normalize("MÜLLER"));
        assertEquals("lukasz", clean.normalize("Łukasz"));
        assertEquals("strasse", clean.normalize("Straße"));
        assertEquals("aeron", clean.normalize("Æron"));
        assertEquals("bjorn", clean.normalize("Bjørn"));
        assertEquals("francois", clean.normalize("François"));
        assertEquals("dvorak", clean.normalize("Dvořák"));
        assertEquals("istanbul", clean.normalize("İstanbul"));
        assertEquals("iii", clean.normalize("ııı"), "dotless i");
        assertEquals("fi", clean.normalize("ﬁ"), "compatibility ligature");
        assertEquals("john", clean.normalize("ＪＯＨＮ"), "full-width letters");
    }

    @Test
    void isIndependentOfTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("ingrid irma", clean.normalize("INGRID IRMA"));
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void namesInAnotherScriptAreWrittenInLatinLetters() {
        Normalizer clean = NameNormalizers.clean();
        assertEquals("wang jie", clean.normalize("王杰"));
        assertEquals("aleksandr", clean.normalize("Александр"));
        assertEquals("fysl sdyqy", clean.normalize("فيصل صديقي"));
        assertEquals("jose garcia", clean.normalize("José García"), "Latin letters with diacritics are folded, not transliterated");
        assertEquals("lukasz", clean.normalize("Łukasz"));
        PersonName chinese = PersonName.parse("张伟");
        assertEquals("zhang", chinese.given());
        assertEquals("wei", chinese.family(), "the transliteration's space parts the two names");
        PersonName russian = PersonName.parse("ВАСИЛЬЕВ, Александр Павлович");
        assertEquals("aleksandr", russian.given());
        assertEquals("vasilev", russian.family());
        assertEquals("pavlovic", russian.middle());
    }

    @Test
    void organisationNamesLoseTheirLegalForm() {
        Normalizer organization = NameNormalizers.organization();
        assertEquals("mullenkranz", organization.normalize("Müllenkranz GmbH"));
        assertEquals("universal exports", organization.normalize("Universal Exports (Pte) Ltd."));
        assertEquals("hajah mamunah jln pisang", organization.normalize("Hajah Mamunah (Jln Pisang)"));
        assertEquals("ltd", organization.normalize("Ltd."), "a legal form alone is kept");
        assertEquals("coca cola", organization.normalize("Coca-Cola Co"));
    }

    @Test
    void punctuationAndWhiteSpace() {
        assertEquals("obrien", clean.normalize("O'Brien"));
        assertEquals("obrien", clean.normalize("O’Brien"));
        assertEquals("obrien", clean.normalize("O´Brien"), "spacing acute accent used as an apostrophe");
        assertEquals("smith jones", clean.normalize("Smith-Jones"));
        assertEquals("jean pierre", clean.normalize("  Jean--Pierre \t"));
        assertEquals("j r r tolkien", clean.normalize("J.R.R. Tolkien"));
        assertNull(clean.normalize(" - . ' "));
        assertNull(clean.normalize("😀"));
    }

    @Test
    void invisibleAndBidiCharactersAreRemoved() {
        assertEquals("john", clean.normalize("jo\u200Bhn"));
        assertEquals("john", clean.normalize("\uFEFFjohn\u200D"));
        assertEquals("evil name", clean.normalize("\u202Eevil\u202C name"));
        assertEquals("slwm", clean.normalize("\u202Bשלום\u202C"), "right-to-left names are kept, in Latin letters");
    }

    @Test
    void confusablesAreMappedOnlyInMixedScriptWords() {
        assertEquals("anna", clean.normalize("\u0430nna"), "Cyrillic а in a Latin word");
        assertEquals("john", clean.normalize("J\u041EHN"), "Cyrillic capital О");
        assertEquals("peter", clean.normalize("\u0420eter"), "Cyrillic Р in a Latin word is a p, not the r it transliterates to");
        assertEquals("peter", PersonName.parse("\u0420eter Smith").given(), "in a full name too");
        assertEquals("pavel", clean.normalize("\u041F\u0430\u0432\u0435\u043B"), "a whole Cyrillic word is transliterated");
        assertEquals("anna", clean.normalize("Анна"), "a Cyrillic name is written in Latin letters");
        assertEquals("alex", clean.normalize("Αλεξ"), "a Greek one too");
    }

    @Test
    void affixesAreSplitOff() {
        Normalizer given = NameNormalizers.givenName();
        assertEquals("john smith", NameNormalizers.clean().andThen(NameNormalizers.withoutAffixes())
                .normalize("Dr. John Smith Jr."));
        assertEquals("john", given.normalize("Mr John"));
        assertEquals("jr", given.normalize("Jr"), "a lone suffix is kept");
        assertEquals("don", given.normalize("Don"), "don is a given name, not an honorific here");
        assertEquals("dr", NameNormalizers.honorific().normalize("Dr. Jane Doe"));
        assertEquals("mr", NameNormalizers.honorific().normalize("Mister Smith"));
        assertNull(NameNormalizers.honorific().normalize("Jane Doe"));
        assertNull(NameNormalizers.honorific().normalize("Mr"), "an honorific alone is no name");
        assertEquals("jr", NameNormalizers.generationalSuffix().normalize("John Smith Jr."));
        assertEquals("sr", NameNormalizers.generationalSuffix().normalize("John Smith, Senior"));
        assertEquals("iii", NameNormalizers.generationalSuffix().normalize("John Smith III"));
        assertEquals("iii", NameNormalizers.generationalSuffix().normalize("John Smith 3rd"));
        assertEquals("ii", NameNormalizers.generationalSuffix().normalize("John Smith II PhD"));
        assertNull(NameNormalizers.generationalSuffix().normalize("John Smith PhD"));
        assertNull(NameNormalizers.generationalSuffix().normalize("Junior"));
    }

    @Test
    void nicknamesAreCanonicalized() {
        Normalizer canonical = NameNormalizers.canonicalGivenName();
        assertEquals("robert", canonical.normalize("Bobby"));
        assertEquals("robert", canonical.normalize("ROB"));
        assertEquals("elizabeth", canonical.normalize("Betty"));
        assertEquals("elizabeth", canonical.normalize("Liz"));
        assertEquals("william", canonical.normalize("Dr. Bill"));
        assertEquals("jose", canonical.normalize("Pepe"));
        assertEquals("jose", canonical.normalize("José"));
        assertEquals("mary anne", canonical.normalize("Molly-Ann"));
        assertEquals("zebulon", canonical.normalize("Zebulon"), "unknown names are kept");
    }

    @Test
    void surnamesAndHelpers() {
        assertEquals("garcia lopez", NameNormalizers.surname().normalize("García-López"));
        assertEquals("vanderberg", NameNormalizers.surname().andThen(NameNormalizers.compact()).normalize("van der Berg"));
        assertEquals("garcia", NameNormalizers.surname().andThen(NameNormalizers.firstWord()).normalize("García López"));
        assertEquals("lopez", NameNormalizers.surname().andThen(NameNormalizers.lastWord()).normalize("García López"));
        assertEquals("g", NameNormalizers.surname().andThen(NameNormalizers.initial()).normalize("García"));
        assertEquals("😀", NameNormalizers.initial().normalize("😀x"), "an initial is a whole code point");
        assertEquals("mcdonald", NameNormalizers.surname().andThen(NameNormalizers.compact()).normalize("Mc Donald"));
    }

    @Test
    void fullNames() {
        assertEquals("bob", NameNormalizers.givenNameOfFullName().normalize("Smith, Dr. Bob"));
        assertEquals("smith jones", NameNormalizers.familyNameOfFullName().normalize("Mary Smith-Jones"));
    }

    @Test
    void hostileInputNeverThrows() {
        List<Normalizer> stages = List.of(NameNormalizers.clean(), NameNormalizers.givenName(),
                NameNormalizers.canonicalGivenName(), NameNormalizers.surname(), NameNormalizers.honorific(),
                NameNormalizers.generationalSuffix(), NameNormalizers.givenNameOfFullName(),
                NameNormalizers.familyNameOfFullName(), NameNormalizers.clean().andThen(NameNormalizers.compact()));
        for (String value : Samples.hostile()) {
            for (Normalizer stage : stages) {
                String out = stage.normalize(value);
                if (out != null) {
                    assertTrue(!out.isEmpty(), "normalizers return null, never empty");
                    for (int i = 0; i < out.length(); i++) {
                        int type = Character.getType(out.charAt(i));
                        assertTrue(type != Character.FORMAT && type != Character.CONTROL,
                                "no invisible or control characters survive");
                    }
                    assertTrue(!hasUnpairedSurrogate(out), "well-formed UTF-16 out");
                }
            }
        }
    }

    @Test
    void cleaningIsIdempotent() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String value = Samples.randomString(random, 30);
            String once = clean.normalize(value);
            if (once != null) {
                assertEquals(once, clean.normalize(once), () -> "not idempotent on '" + value + "'");
            }
        }
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
