package io.unum.matchers.names;

/**
 * Maps Cyrillic and Greek letters that look like Latin ones to those Latin letters, in words
 * that mix Latin with Cyrillic or Greek — the signature of a look-alike typed by mistake or to
 * deceive ({@code "аnna"} with a Cyrillic {@code а}). Words written wholly in Cyrillic or Greek
 * are real names in those scripts and are left alone. The mapping is a small subset of the
 * Unicode confusables data (Unicode Technical Standard #39) for lower-case letters.
 */
final class Confusables {

    private Confusables() {
    }

    static String toLatinIfMixed(String word) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (latinLookAlike(c) != 0) {
                other = true;
            }
        }
        if (!latin || !other) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char mapped = latinLookAlike(c);
            out.append(mapped != 0 ? mapped : c);
        }
        return out.toString();
    }

    /**
     * {@link #toLatinIfMixed} for each run of letters of a raw value (any case; a mapped letter
     * becomes lower case, which cleaning makes of every letter anyway): {@code "Рeter Smith"} with
     * a Cyrillic {@code Р} becomes {@code "peter Smith"}, so that transliteration, which would
     * read the {@code Р} as an {@code r}, sees a Latin name.
     */
    static String toLatinInMixedWords(String value) {
        StringBuilder out = null;
        int start = 0;
        while (start < value.length()) {
            if (!Character.isLetter(value.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            while (end < value.length() && Character.isLetter(value.charAt(end))) {
                end++;
            }
            String word = value.substring(start, end);
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            String mapped = lower.length() == word.length() ? toLatinIfMixed(lower) : lower;
            if (mapped != lower) {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.replace(start, end, mapped);
            }
            start = end;
        }
        return out == null ? value : out.toString();
    }

    /** The Latin letter a lower-case Cyrillic or Greek letter looks like, or 0. */
    static char latinLookAlike(char c) {
        switch (c) {
            case '\u0430': return 'a'; // а
            case '\u0435': return 'e'; // е
            case '\u043E': return 'o'; // о
            case '\u0440': return 'p'; // р
            case '\u0441': return 'c'; // с
            case '\u0443': return 'y'; // у
            case '\u0445': return 'x'; // х
            case '\u0456': return 'i'; // і
            case '\u0458': return 'j'; // ј
            case '\u0455': return 's'; // ѕ
            case '\u0501': return 'd'; // ԁ
            case '\u04BB': return 'h'; // һ
            case '\u04CF': return 'l'; // ӏ
            case '\u051B': return 'q'; // ԛ
            case '\u051D': return 'w'; // ԝ
            case '\u043A': return 'k'; // к
            case '\u03B1': return 'a'; // α
            case '\u03BF': return 'o'; // ο
            case '\u03C1': return 'p'; // ρ
            case '\u03B9': return 'i'; // ι
            case '\u03BA': return 'k'; // κ
            case '\u03BD': return 'v'; // ν
            case '\u03C5': return 'u'; // υ
            case '\u03C7': return 'x'; // χ
            default: return 0;
        }
    }
}
