package io.unum.matchers.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NicknamesTest {

    private final Nicknames table = Nicknames.bundled();

    @Test
    void bundledTableHasAtLeast300CanonicalNames() {
        assertTrue(table.size() >= 300, "canonical names: " + table.size());
    }

    @Test
    void diminutivesMapToTheirName() {
        assertEquals("robert", table.canonical("bob"));
        assertEquals("robert", table.canonical("bobby"));
        assertEquals("robert", table.canonical("rob"));
        assertEquals("elizabeth", table.canonical("liz"));
        assertEquals("elizabeth", table.canonical("beth"));
        assertEquals("elizabeth", table.canonical("betty"));
        assertEquals("margaret", table.canonical("peggy"));
        assertEquals("william", table.canonical("bill"));
        assertEquals("richard", table.canonical("dick"));
        assertEquals("francisco", table.canonical("paco"));
    }

    @Test
    void canonicalNamesMapToThemselves() {
        assertEquals("robert", table.canonical("robert"));
        assertEquals("nathan", table.canonical("nathan"), "canonical although also short for jonathan");
        assertEquals("qwxyz", table.canonical("qwxyz"), "unknown names map to themselves");
    }

    @Test
    void ambiguousDiminutivesTakeTheFirstNameInTableOrder() {
        assertEquals("alexander", table.canonical("al"));
        assertEquals("frederick", table.canonical("fred"));
        assertEquals("edward", table.canonical("ted"));
        // ... but compatibility covers every reading
        assertTrue(table.compatible("al", "alfred"));
        assertTrue(table.compatible("al", "albert"));
        assertTrue(table.compatible("alan", "al"));
        assertTrue(table.compatible("ted", "theodore"));
        assertFalse(table.compatible("alfred", "albert"), "two full names are not compatible through a shared nickname");
    }

    @Test
    void compatibility() {
        assertTrue(table.compatible("bob", "robert"));
        assertTrue(table.compatible("bob", "bobby"));
        assertTrue(table.compatible("robert", "robert"));
        assertTrue(table.compatible("qwxyz", "qwxyz"));
        assertFalse(table.compatible("qwxyz", "robert"));
        assertFalse(table.compatible("robert", "william"));
        assertTrue(table.compatible("mary anne", "molly ann"), "word by word");
        assertFalse(table.compatible("mary anne", "molly"), "different number of words");
        assertTrue(table.condition().test("liz", "beth"));
        assertEquals("nickname-compatible", table.condition().toString());
        for (String[] pair : new String[][] {{"al", "alfred"}, {"bob", "robert"}, {"mary anne", "molly ann"}, {"x", "y"}}) {
            assertEquals(table.compatible(pair[0], pair[1]), table.compatible(pair[1], pair[0]));
        }
    }

    @Test
    void customTables() {
        Map<String, List<String>> custom = new LinkedHashMap<>();
        custom.put("alberto", List.of("beto", "al"));
        custom.put("alfonso", List.of("al", "poncho"));
        Nicknames small = Nicknames.of(custom);
        assertEquals(2, small.size());
        assertEquals("alberto", small.canonical("al"));
        assertTrue(small.compatible("al", "alfonso"));
        assertThrows(IllegalArgumentException.class, () -> Nicknames.of(Map.of("Robert", List.of("bob"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nicknames.of(Map.of("robert", List.of("bob-secret"))));
        assertFalse(e.getMessage().contains("bob-secret"), "messages never contain the value");
    }
}
