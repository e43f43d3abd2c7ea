package io.unum.matchers.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @Test
    void textFormIsCanonicalAndReadsBack() {
        Map<String, List<String>> alfredFirst = new LinkedHashMap<>();
        alfredFirst.put("alfred", List.of("alf", "al"));
        alfredFirst.put("alexander", List.of("alex", "al", "alex", "alexander"));
        Nicknames a = Nicknames.of(alfredFirst);
        assertEquals("alfred:al,alf;alexander:al,alex", a.toText(),
                "diminutives sorted, repeats and the name itself dropped; alfred first because al maps to it");
        Map<String, List<String>> alexanderFirst = new LinkedHashMap<>();
        alexanderFirst.put("alexander", List.of("alex", "al"));
        alexanderFirst.put("alfred", List.of("al", "alf"));
        Nicknames b = Nicknames.of(alexanderFirst);
        assertEquals("alexander:al,alex;alfred:al,alf", b.toText());
        assertNotEquals(a, b, "al maps differently");
        Map<String, List<String>> unambiguous = new LinkedHashMap<>();
        unambiguous.put("zoe", List.of("zo"));
        unambiguous.put("anna", List.of("annie", "ann"));
        assertEquals("anna:ann,annie;zoe:zo", Nicknames.of(unambiguous).toText(), "sorted where order does not matter");
        assertEquals(Nicknames.of(unambiguous), Nicknames.parse("zoe:zo;anna:annie,ann"));
        assertEquals(Nicknames.of(unambiguous).hashCode(), Nicknames.parse(" zoe : zo ; anna : annie , ann ").hashCode());
        assertEquals(a, Nicknames.parse(a.toText()));
        assertEquals("", Nicknames.of(Map.of()).toText());
        assertEquals(0, Nicknames.parse("").size());
        assertEquals("jo:", Nicknames.parse("jo:").toText(), "a name without diminutives");
        assertEquals("Nicknames[2 canonical names]", a.toString());
    }

    @Test
    void bundledTableReadsBackFromItsText() {
        String text = table.toText();
        Nicknames copy = Nicknames.parse(text);
        assertEquals(table, copy);
        assertEquals(text, copy.toText());
        assertEquals(table.size(), copy.size());
        for (String entry : text.split(";")) {
            String name = entry.substring(0, entry.indexOf(':'));
            assertEquals(name, copy.canonical(name));
            for (String diminutive : entry.substring(entry.indexOf(':') + 1).split(",")) {
                if (!diminutive.isEmpty()) {
                    assertEquals(table.canonical(diminutive), copy.canonical(diminutive), diminutive);
                    assertTrue(copy.compatible(diminutive, name), diminutive + " " + name);
                }
            }
        }
        assertNotEquals(table, Nicknames.parse(text.substring(0, text.lastIndexOf(';'))));
    }

    /** Random tables over a small alphabet (many ambiguous diminutives, canonical names that are also diminutives). */
    @Test
    void equalityIsBehaviourOnRandomTables() {
        Random random = new Random(20240611L);
        List<String> universe = new ArrayList<>();
        for (char x = 'a'; x <= 'f'; x++) {
            for (char y = 'a'; y <= 'c'; y++) {
                universe.add("" + x + y);
            }
        }
        for (int round = 0; round < 500; round++) {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            int size = random.nextInt(7);
            while (entries.size() < size) {
                List<String> diminutives = new ArrayList<>();
                for (int d = random.nextInt(5); d > 0; d--) {
                    diminutives.add(universe.get(random.nextInt(universe.size())));
                }
                entries.put(universe.get(random.nextInt(universe.size())), diminutives);
            }
            Nicknames original = Nicknames.of(entries);
            Nicknames read = Nicknames.parse(original.toText());
            assertEquals(original, read, original.toText());
            assertEquals(original.toText(), read.toText());
            assertEquals(original.size(), read.size());
            assertTrue(sameBehaviour(original, read, universe), original.toText());

            List<String> keys = new ArrayList<>(entries.keySet());
            Collections.shuffle(keys, random);
            Map<String, List<String>> reordered = new LinkedHashMap<>();
            for (String key : keys) {
                List<String> diminutives = new ArrayList<>(entries.get(key));
                Collections.shuffle(diminutives, random);
                reordered.put(key, diminutives);
            }
            Nicknames other = Nicknames.of(reordered);
            assertEquals(sameBehaviour(original, other, universe), original.equals(other),
                    original.toText() + " vs " + other.toText());
            if (original.equals(other)) {
                assertEquals(original.hashCode(), other.hashCode());
            }
        }
    }

    private static boolean sameBehaviour(Nicknames a, Nicknames b, List<String> universe) {
        for (String x : universe) {
            if (!a.canonical(x).equals(b.canonical(x))) {
                return false;
            }
            for (String y : universe) {
                if (a.compatible(x, y) != b.compatible(x, y)) {
                    return false;
                }
            }
        }
        return a.size() == b.size();
    }

    @Test
    void malformedTextIsRejectedWithTheEntry() {
        IllegalArgumentException noColon = assertThrows(IllegalArgumentException.class,
                () -> Nicknames.parse("robert:bob;william"));
        assertTrue(noColon.getMessage().contains("entry 2 of 2"), noColon.getMessage());
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> Nicknames.parse("robert:bob;robert:rob"));
        assertTrue(repeated.getMessage().contains("repeats the canonical name robert"), repeated.getMessage());
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                () -> Nicknames.parse("robert:bob;Will1am:bill"));
        assertTrue(badName.getMessage().contains("entry 2"), badName.getMessage());
        IllegalArgumentException badDiminutive = assertThrows(IllegalArgumentException.class,
                () -> Nicknames.parse("robert:bob,,rob"));
        assertTrue(badDiminutive.getMessage().contains("diminutive of robert"), badDiminutive.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nicknames.parse("robert:bob;"), "a trailing separator");
    }
}
