package io.unum.matchers.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Locale-independent text folding shared by the normalizers.
 *
 * <p>{@link #fold(String)} applies Unicode compatibility decomposition (NFKD, Unicode Standard
 * Annex #15), drops combining marks, format characters (zero-width spaces and joiners,
 * bidirectional controls, the byte-order mark) and unpaired surrogates, lower-cases each code
 * point with {@link Character#toLowerCase(int)} (never the default locale), and spells out the
 * Latin letters that do not decompose ({@code ß → ss}, {@code æ → ae}, {@code ø → o},
 * {@code ł → l}, {@code đ → d}, {@code þ → th}, {@code ı → i}, …). Letters of other scripts are
 * kept as they are. All methods are pure, thread-safe and linear in the input's length.
 */
public final class Text {

    private Text() {
    }

    /** Folds diacritics, case and compatibility forms; see the class comment. */
    public static String fold(String value) {
        if (isPlainLowerAscii(value)) {
            return value;
        }
        String decomposed = Normalizer.normalize(sanitize(value), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT || type == Character.SURROGATE) {
                continue;
            }
            int lower = Character.toLowerCase(cp);
            String spelled = spelledOut(lower);
            if (spelled != null) {
                out.append(spelled);
            } else {
                out.appendCodePoint(lower);
            }
        }
        return out.toString();
    }

    /**
     * Drops unpaired surrogates and turns apostrophe look-alikes into {@code '} (NFKD would
     * otherwise turn the spacing acute accent into a space).
     */
    private static String sanitize(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            boolean apostrophe = c != '\'' && isApostrophe(c);
            if ((unpaired || apostrophe) && out == null) {
                out = new StringBuilder(value.length());
                out.append(value, 0, i);
            }
            if (out != null) {
                if (apostrophe) {
                    out.append('\'');
                } else if (!unpaired) {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isPlainLowerAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z') || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static String spelledOut(int cp) {
        switch (cp) {
            case 'ß': return "ss";
            case 'æ': return "ae";
            case 'œ': return "oe";
            case 'ø': return "o";
            case 'đ': return "d";
            case 'ð': return "d";
            case 'þ': return "th";
            case 'ł': return "l";
            case 'ı': return "i";
            case 'ħ': return "h";
            case 'ŧ': return "t";
            case 'ŀ': return "l";
            case 'ĸ': return "k";
            case 'ſ': return "s";
            case 'ƒ': return "f";
            default: return null;
        }
    }

    /**
     * Keeps letters and digits; drops apostrophes (so {@code o'brien} becomes {@code obrien});
     * turns every other character (punctuation, symbols, emoji, white space) into a token
     * boundary; returns the tokens. Input should already be {@linkplain #fold folded}.
     */
    public static List<String> words(String folded) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (isApostrophe(cp)) {
                continue;
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** ASCII and typographic apostrophes and their look-alikes. */
    public static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '`' || cp == '\u2018' || cp == '\u2019' || cp == '\u02BC' || cp == '\u00B4'
                || cp == '\u02B9' || cp == '\uFF07';
    }

    /** Joins with single spaces; {@code null} for an empty list. */
    public static String join(List<String> words) {
        return words.isEmpty() ? null : String.join(" ", words);
    }
}
