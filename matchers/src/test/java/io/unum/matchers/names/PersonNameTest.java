package io.unum.matchers.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void givenMiddleFamily() {
        assertEquals(new PersonName(null, "john", "ronald reuel", "tolkien", null),
                PersonName.parse("John Ronald Reuel Tolkien"));
        assertEquals(new PersonName(null, "madonna", null, null, null), PersonName.parse("Madonna"));
    }

    @Test
    void familyFirstWithComma() {
        assertEquals(new PersonName("dr", "bob", null, "smith", null), PersonName.parse("Smith, Dr. Bob"));
        assertEquals(new PersonName("dr", "john", "q", "public", null), PersonName.parse("Dr. Public, John Q."));
    }

    @Test
    void affixesGoToTheirOwnFields() {
        assertEquals(new PersonName("mr", "john", null, "smith", "jr"), PersonName.parse("Mr. John Smith, Jr."));
        assertEquals(new PersonName(null, "martin", "luther", "king", "jr"), PersonName.parse("Martin Luther King Jr"));
        assertEquals(new PersonName(null, "henry", null, "ford", "ii"), PersonName.parse("Henry Ford II PhD"));
    }

    @Test
    void doubleAndParticleSurnames() {
        assertEquals(new PersonName(null, "mary", null, "smith jones", null), PersonName.parse("Mary Smith-Jones"));
        assertEquals(new PersonName(null, "ludwig", null, "van beethoven", null), PersonName.parse("Ludwig van Beethoven"));
        assertEquals(new PersonName(null, "maria", null, "de la cruz", null), PersonName.parse("María de la Cruz"));
        assertEquals(new PersonName(null, "maria", "garcia", "lopez", null), PersonName.parse("María García López"));
    }

    @Test
    void nothingUsable() {
        assertEquals(new PersonName(null, null, null, null, null), PersonName.parse(" , ,"));
        assertEquals(new PersonName(null, "mr", null, null, null), PersonName.parse("Mr"));
    }
}
