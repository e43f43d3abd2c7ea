package io.unum.matchers.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of test strings: names, mixed scripts, near-duplicates and hostile input. */
public final class Samples {

    private static final String ASCII = "abcdefghijklmnopqrstuvwxyz";
    private static final String LATIN = "aeiouyáéíóúàèìòùäöüßñçøåæœłšžčřćęąőűëïâêîôûÿ";
    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String GREEK = "αβγδεζηθικλμνξοπρστυφχψω";
    private static final String CJK = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String ARABIC_HEBREW = "محمدعلياחנהדוד";
    private static final String[] EMOJI = {"😀", "👍", "🎉", "👩‍👩‍👧", "🇩🇪", "❤️"};
    private static final String[] ALPHABETS = {ASCII, ASCII, ASCII, LATIN, CYRILLIC, GREEK, CJK, ARABIC_HEBREW};

    private Samples() {
    }

    /** A random string of 0 to {@code maxLength} code units from one or two alphabets, with spaces and emoji now and then. */
    public static String randomString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        String second = random.nextInt(5) == 0 ? ALPHABETS[random.nextInt(ALPHABETS.length)] : alphabet;
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int kind = random.nextInt(40);
            if (kind == 0) {
                out.append(' ');
            } else if (kind == 1) {
                out.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else {
                String from = random.nextBoolean() ? alphabet : second;
                out.append(from.charAt(random.nextInt(from.length())));
            }
        }
        return out.toString();
    }

    /** A short random string over a tiny alphabet: many repeated characters, the hard cases for Jaro. */
    public static String smallAlphabet(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(3)));
        }
        return out.toString();
    }

    /** {@code s} with 0 to {@code maxEdits} random insertions, deletions, substitutions and transpositions. */
    public static String mutate(Random random, String s, int maxEdits) {
        StringBuilder out = new StringBuilder(s);
        int edits = random.nextInt(maxEdits + 1);
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(4);
            int n = out.length();
            char c = n > 0 && random.nextBoolean() ? out.charAt(random.nextInt(n)) : (char) ('a' + random.nextInt(26));
            if (kind == 0 || n == 0) {
                out.insert(random.nextInt(n + 1), c);
            } else if (kind == 1) {
                out.deleteCharAt(random.nextInt(n));
            } else if (kind == 2) {
                out.setCharAt(random.nextInt(n), c);
            } else if (n >= 2) {
                int i = random.nextInt(n - 1);
                char t = out.charAt(i);
                out.setCharAt(i, out.charAt(i + 1));
                out.setCharAt(i + 1, t);
            }
        }
        return out.toString();
    }

    /**
     * A seeded pair: half near-duplicates (a random string and a mutation of it), half
     * independent strings, of up to {@code maxLength} code units.
     */
    public static String[] pair(Random random, int maxLength) {
        String a = random.nextInt(8) == 0 ? smallAlphabet(random, maxLength) : randomString(random, maxLength);
        String b = random.nextBoolean() ? mutate(random, a, 4) : randomString(random, maxLength);
        return random.nextBoolean() ? new String[] {a, b} : new String[] {b, a};
    }

    /** Hostile values: huge, malformed UTF-16, invisible, bidirectional, emoji and confusable. */
    public static List<String> hostile() {
        List<String> values = new ArrayList<>();
        values.add("a".repeat(1 << 20));
        values.add("ab ".repeat((1 << 20) / 3));
        values.add(randomString(new Random(7), 1 << 20));
        values.add("\uD800");
        values.add("\uDC00abc\uD800");
        values.add("x\uD83Dy\uDE00z");
        values.add("שלום עולם");
        values.add("\u202Eevil\u202C name");
        values.add("مرحبا بالعالم");
        values.add("😀😀😀");
        values.add("👩‍👩‍👧 family");
        values.add("jo\u200Bhn");
        values.add("\uFEFFjohn\u200D");
        values.add("\u0430nna"); // Cyrillic a
        values.add("anna");
        values.add("\u0000\u0001\u001F");
        values.add("   ");
        values.add("\t\n");
        values.add("1984-03-07");
        values.add("52.52,13.405");
        values.add("-0.0");
        values.add("9".repeat(400));
        return values;
    }
}
