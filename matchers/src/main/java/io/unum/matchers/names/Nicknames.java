package io.unum.matchers.names;

import io.unum.rules.LevelCondition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A table of given names and their diminutives, short forms and spelling variants
 * ({@code robert → bob, rob, bobby}; {@code elizabeth → liz, beth, betty}), used to
 * canonicalize given names and to test whether two given names can denote the same person.
 *
 * <p>The {@linkplain #bundled() bundled table} was written for this project: over 400
 * canonical names, mostly English with common Spanish, Portuguese, Italian, German, Dutch,
 * Russian, Polish, Irish, Greek and Arabic forms, in lower-case ASCII (names are looked up
 * after diacritic folding, so {@code José} finds {@code jose}).
 *
 * <p><b>Canonical form.</b> A canonical name maps to itself, even where it is also listed as a
 * diminutive of another name ({@code nathan} stays {@code nathan} although it is also short for
 * {@code jonathan}). A diminutive of exactly one name maps to that name. An <em>ambiguous</em>
 * diminutive — {@code al} is short for alexander, alan, albert and alfred — maps to the first
 * canonical name in table order that lists it; the bundled table lists more common names
 * first within each section, so {@code al → alexander}, {@code fred → frederick},
 * {@code ted → edward}. The choice is deterministic and independent of the JVM. A name that is
 * in no entry maps to itself. Because an ambiguous diminutive keeps only one canonical form,
 * an exact comparison of canonical forms misses {@code al} against {@code alfred}; the
 * {@link #compatible(String, String)} test (and its {@link #condition()}) covers every reading:
 * two names are compatible when they are equal or share a canonical name they can each stand
 * for.
 *
 * <p><b>Text form.</b> {@link #toText()} writes a table as
 * {@code canonical:diminutive,diminutive;canonical:…} — for example
 * {@code "alexander:al,alex;alfred:al,alf"} — and {@link #parse(String)} reads it back. The text
 * is <em>canonical</em>: it depends only on what the table does ({@link #canonical} and
 * {@link #compatible}), not on how it was written, so two tables are {@linkplain #equals equal}
 * exactly when their texts are. Diminutives are sorted, repeated ones and a name listed as its
 * own diminutive are dropped, and entries are sorted by canonical name except where an
 * ambiguous diminutive needs the name it maps to to come first.
 *
 * <p>Instances are immutable and thread-safe; {@link #canonical} and {@link #compatible}
 * allocate nothing.
 */
public final class Nicknames {

    private static final Pattern NAME = Pattern.compile("[a-z]{1,40}");

    private final Map<String, String> canonical;
    /** For every name in the table: the canonical names it can stand for, in table order. */
    private final Map<String, String[]> readings;
    private final int canonicalNames;
    /** The canonical text form, see {@link #toText()}. */
    private final String text;

    private Nicknames(Map<String, String> canonical, Map<String, String[]> readings, int canonicalNames) {
        this.canonical = canonical;
        this.readings = readings;
        this.canonicalNames = canonicalNames;
        this.text = canonicalText(canonical, readings);
    }

    /** The table bundled with Unum ({@code io/unum/matchers/names/nicknames.tsv}); loaded once. */
    public static Nicknames bundled() {
        return Bundled.TABLE;
    }

    /**
     * A table from canonical names to their diminutives. Iteration order of the map decides
     * ambiguous diminutives (first canonical name wins), so pass a {@link LinkedHashMap} or
     * another ordered map.
     *
     * @param table canonical name → diminutives; names are lower-case ASCII letters, 1–40
     * @return the table
     * @throws IllegalArgumentException naming the entry at fault
     */
    public static Nicknames of(Map<String, ? extends Collection<String>> table) {
        Objects.requireNonNull(table, "nickname table");
        Map<String, String> canonical = new HashMap<>();
        Map<String, List<String>> readings = new LinkedHashMap<>();
        for (String name : table.keySet()) {
            check(name, "canonical name");
            canonical.put(name, name);
            readings.computeIfAbsent(name, n -> new ArrayList<>()).add(name);
        }
        for (Map.Entry<String, ? extends Collection<String>> entry : table.entrySet()) {
            String name = entry.getKey();
            Collection<String> diminutives = Objects.requireNonNull(entry.getValue(), () -> "diminutives of " + name);
            for (String diminutive : diminutives) {
                check(diminutive, "diminutive of " + name);
                canonical.putIfAbsent(diminutive, name);
                List<String> list = readings.computeIfAbsent(diminutive, n -> new ArrayList<>());
                if (!list.contains(name)) {
                    list.add(name);
                }
            }
        }
        Map<String, String[]> frozen = new HashMap<>(readings.size() * 2);
        readings.forEach((k, v) -> frozen.put(k, v.toArray(new String[0])));
        return new Nicknames(Map.copyOf(canonical), Map.copyOf(frozen), table.size());
    }

    /**
     * Reads a table in the text form of {@link #toText()}: entries
     * {@code canonical:diminutive,diminutive} separated by {@code ;}, an entry's diminutives
     * possibly none ({@code "jo:"}), white space around names ignored; the empty text is the
     * empty table. Entries need not be sorted; as in {@link #of(Map)}, an ambiguous diminutive
     * maps to the first entry that lists it.
     *
     * @param text the table, e.g. {@code "robert:bob,bobby,rob;elizabeth:beth,liz"}
     * @return the table
     * @throws IllegalArgumentException naming the entry at fault and what was expected
     */
    public static Nicknames parse(String text) {
        Objects.requireNonNull(text, "nickname table text");
        Map<String, List<String>> table = new LinkedHashMap<>();
        if (text.isBlank()) {
            return of(table);
        }
        String[] entries = text.split(";", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("nickname table entry " + (i + 1) + " of " + entries.length
                        + " must be canonical:diminutive,diminutive… (entries separated by ';'), but has no ':'");
            }
            String name = entry.substring(0, colon).strip();
            check(name, "canonical name of nickname table entry " + (i + 1));
            String rest = entry.substring(colon + 1).strip();
            List<String> diminutives = new ArrayList<>();
            if (!rest.isEmpty()) {
                for (String diminutive : rest.split(",", -1)) {
                    diminutives.add(diminutive.strip());
                }
            }
            if (table.put(name, diminutives) != null) {
                throw new IllegalArgumentException("nickname table entry " + (i + 1) + " repeats the canonical name "
                        + name);
            }
        }
        return of(table);
    }

    /**
     * The table in its canonical text form (see the class comment), which {@link #parse(String)}
     * reads back into an equal table: {@code canonical:diminutive,…} entries separated by
     * {@code ;}, diminutives sorted, entries sorted by canonical name except where an ambiguous
     * diminutive needs the name it maps to to come first; the empty table is the empty text.
     * Deterministic: equal tables give equal texts.
     *
     * @return the text, e.g. {@code "alexander:al,alex;alfred:al,alf"}
     */
    public String toText() {
        return text;
    }

    /**
     * The canonical text: each canonical name with its sorted diminutives, the entries in the
     * least topological order (by name) of "an ambiguous diminutive's canonical form precedes
     * its other readings", so that reading it back maps every diminutive as this table does.
     */
    private static String canonicalText(Map<String, String> canonical, Map<String, String[]> readings) {
        Map<String, Set<String>> diminutives = new HashMap<>();
        canonical.forEach((name, c) -> {
            if (name.equals(c)) {
                diminutives.put(name, new TreeSet<>());
            }
        });
        Map<String, Set<String>> precedes = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        readings.forEach((name, of) -> {
            for (String reading : of) {
                if (!reading.equals(name)) {
                    diminutives.get(reading).add(name);
                }
            }
            String chosen = canonical.get(name);
            if (!chosen.equals(name)) {
                for (String reading : of) {
                    if (!reading.equals(chosen) && precedes.computeIfAbsent(chosen, k -> new HashSet<>()).add(reading)) {
                        waiting.merge(reading, 1, Integer::sum);
                    }
                }
            }
        });
        TreeSet<String> ready = new TreeSet<>();
        for (String name : diminutives.keySet()) {
            if (!waiting.containsKey(name)) {
                ready.add(name);
            }
        }
        StringBuilder out = new StringBuilder();
        int written = 0;
        while (!ready.isEmpty()) {
            String name = ready.pollFirst();
            out.append(written++ == 0 ? "" : ";").append(name).append(':').append(String.join(",", diminutives.get(name)));
            for (String next : precedes.getOrDefault(name, Set.of())) {
                if (waiting.merge(next, -1, Integer::sum) == 0) {
                    waiting.remove(next);
                    ready.add(next);
                }
            }
        }
        if (written != diminutives.size()) {
            // cannot happen: the constraints come from one table order
            throw new IllegalStateException("nickname table has no consistent order");
        }
        return out.toString();
    }

    private static void check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 40 lower-case ASCII letters, was "
                    + (name == null ? "null" : "a value of " + name.length() + " characters"));
        }
    }

    /** The number of canonical names in the table. */
    public int size() {
        return canonicalNames;
    }

    /**
     * The canonical form of one folded, lower-case given name (see the class comment); the name
     * itself when the table does not know it.
     *
     * @param name a single folded name, e.g. {@code "bobby"}
     * @return its canonical form, e.g. {@code "robert"}
     */
    public String canonical(String name) {
        String c = canonical.get(name);
        return c == null ? name : c;
    }

    /**
     * Whether two folded given names can denote the same person: equal, or sharing a canonical
     * name that each can stand for ({@code al} and {@code alfred}; {@code bob} and
     * {@code bobby}). Multi-word values are compatible when they have the same number of words
     * and are compatible word by word. Symmetric.
     */
    public boolean compatible(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (true) {
            while (i < n && a.charAt(i) == ' ') {
                i++;
            }
            while (j < m && b.charAt(j) == ' ') {
                j++;
            }
            if (i == n || j == m) {
                return i == n && j == m;
            }
            int ie = a.indexOf(' ', i);
            int je = b.indexOf(' ', j);
            ie = ie < 0 ? n : ie;
            je = je < 0 ? m : je;
            if (!wordsCompatible(a, i, ie, b, j, je)) {
                return false;
            }
            i = ie;
            j = je;
        }
    }

    private boolean wordsCompatible(String a, int ai, int ae, String b, int bi, int be) {
        if (ae - ai == be - bi && a.regionMatches(ai, b, bi, ae - ai)) {
            return true;
        }
        if (ai == 0 && ae == a.length() && bi == 0 && be == b.length()) {
            return readingsShared(a, b);
        }
        return readingsShared(a.substring(ai, ae), b.substring(bi, be));
    }

    private boolean readingsShared(String a, String b) {
        String[] ra = readings.get(a);
        String[] rb = readings.get(b);
        if (ra == null || rb == null) {
            return false; // an unknown name is compatible only with itself
        }
        for (String x : ra) {
            for (String y : rb) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #compatible} as a comparison-level condition, described as {@code "nickname-compatible"}. */
    public LevelCondition condition() {
        return new LevelCondition() {
            @Override
            public boolean test(String a, String b) {
                return compatible(a, b);
            }

            @Override
            public String toString() {
                return "nickname-compatible";
            }
        };
    }

    /**
     * Equal when both tables map every name to the same canonical form and find the same pairs
     * compatible, that is when their {@linkplain #toText() texts} are equal.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Nicknames other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Nicknames[" + canonicalNames + " canonical names]";
    }

    /** Loads the bundled table on first use (lazy holder idiom). */
    private static final class Bundled {
        static final Nicknames TABLE = load();

        private static Nicknames load() {
            String resource = "nicknames.tsv";
            try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled nickname table " + resource + " is missing");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, Set<String>> table = new LinkedHashMap<>();
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException("nickname table line " + number + " has no tab");
                    }
                    Set<String> diminutives = new LinkedHashSet<>(List.of(line.substring(tab + 1).split(",")));
                    if (table.put(line.substring(0, tab), diminutives) != null) {
                        throw new IllegalStateException("nickname table line " + number + " repeats a canonical name");
                    }
                }
                return of(table);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled nickname table", e);
            }
        }
    }
}
