package io.unum.generator;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers of the error model. Stateless; independent of the default locale. */
final class Text {

    private Text() {
    }

    static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Drops diacritics the way a plain-ASCII system does: José → Jose, Müller → Muller, Søren → Soren. */
    static String stripDiacritics(String value) {
        if (isAscii(value)) {
            return value;
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ø': out.append('o'); break;
                case 'Ø': out.append('O'); break;
                case 'ł': out.append('l'); break;
                case 'Ł': out.append('L'); break;
                case 'ß': out.append("ss"); break;
                case 'æ': out.append("ae"); break;
                case 'ı': out.append('i'); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** Transliterates German-style umlauts (Müller → Mueller, Søndergaard → Soendergaard), then drops the rest. */
    static String transliterate(String value) {
        if (isAscii(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case 'ä': out.append("ae"); break;
                case 'ö': case 'ø': out.append("oe"); break;
                case 'ü': out.append("ue"); break;
                case 'Ä': out.append("Ae"); break;
                case 'Ö': case 'Ø': out.append("Oe"); break;
                case 'Ü': out.append("Ue"); break;
                default: out.append(c);
            }
        }
        return stripDiacritics(out.toString());
    }

    /** Lower-case ASCII letters only, for e-mail local parts and handles: "O'Brien" → "obrien". */
    static String handle(String value) {
        String ascii = stripDiacritics(value);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * One keyboard typo in a word of at least two letters: a neighbouring key, a dropped letter,
     * a doubled letter or two letters swapped. The first letter is kept (people rarely mistype
     * it), and the result always differs from the input.
     */
    static String typo(String value, Rng rng) {
        if (value.length() < 3) {
            return value + value.charAt(value.length() - 1);
        }
        int at = 1 + rng.nextInt(value.length() - 1);
        char c = value.charAt(at);
        StringBuilder out = new StringBuilder(value);
        switch (rng.nextInt(4)) {
            case 0: {
                char neighbour = neighbour(c, rng);
                if (neighbour != c) {
                    out.setCharAt(at, neighbour);
                    break;
                }
                out.insert(at, c);
                break;
            }
            case 1:
                out.deleteCharAt(at);
                break;
            case 2:
                out.insert(at, c);
                break;
            default:
                if (at + 1 < value.length() && value.charAt(at + 1) != c) {
                    out.setCharAt(at, value.charAt(at + 1));
                    out.setCharAt(at + 1, c);
                } else if (value.charAt(at - 1) != c && at - 1 > 0) {
                    out.setCharAt(at, value.charAt(at - 1));
                    out.setCharAt(at - 1, c);
                } else {
                    out.deleteCharAt(at);
                }
        }
        return out.toString();
    }

    /** A key next to {@code c} on a QWERTY keyboard, in the same case; {@code c} itself if none. */
    private static char neighbour(char c, Rng rng) {
        char lower = Character.toLowerCase(c);
        for (String row : Tables.KEYBOARD_ROWS) {
            int i = row.indexOf(lower);
            if (i >= 0) {
                int j = i == 0 ? 1 : i == row.length() - 1 ? i - 1 : (rng.chance(0.5) ? i - 1 : i + 1);
                char n = row.charAt(j);
                return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
            }
        }
        return c;
    }
}
