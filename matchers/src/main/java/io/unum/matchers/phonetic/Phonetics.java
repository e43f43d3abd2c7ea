package io.unum.matchers.phonetic;

import io.unum.matchers.internal.Text;
import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Nysiis;
import org.apache.commons.codec.language.Soundex;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * Phonetic encoders as {@link Normalizer} stages, so that a phonetic code can be a feature of
 * its own (computed once per record) for blocking keys and exact-match comparison levels. The
 * encodings come from Apache Commons Codec.
 *
 * <p>Every stage folds its input first (diacritics, case; see the names package), splits it into
 * words, keeps only the ASCII letters of each word (the codes are defined over the Latin
 * alphabet; words without one are skipped), encodes each word and joins the codes with one space.
 * A value without any encodable word gives {@code null}. At most {@value #MAX_WORDS} words of at
 * most {@value #MAX_WORD_LENGTH} letters each are encoded, which bounds the cost on hostile
 * input (Beider–Morse in particular grows quickly with length).
 *
 * <p>All stages are stateless, thread-safe and locale-independent.
 */
public final class Phonetics {

    /** The most words of a value that are encoded. */
    public static final int MAX_WORDS = 4;
    /** The most letters of a word that are encoded. */
    public static final int MAX_WORD_LENGTH = 32;
    /** The most UTF-16 code units of a value that are looked at. */
    public static final int MAX_INPUT_LENGTH = 1024;

    private static final Soundex SOUNDEX = Soundex.US_ENGLISH;
    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();
    private static final Nysiis NYSIIS = new Nysiis(true);
    private static final PhoneticEngine BEIDER_MORSE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true);

    private Phonetics() {
    }

    /**
     * American Soundex (R. C. Russell, US patent 1,261,167, 1918; the form of the US National
     * Archives): a letter and three digits per word, e.g. {@code robert → R163}.
     */
    public static Normalizer soundex() {
        return value -> encodeWords(value, SOUNDEX::soundex);
    }

    /**
     * The primary Double Metaphone code of each word (L. Philips, "The double metaphone search
     * algorithm", C/C++ Users Journal 18(6), 2000), e.g. {@code schmidt → XMT},
     * {@code smith → SM0}. Codes are at most four characters long.
     */
    public static Normalizer doubleMetaphone() {
        return value -> encodeWords(value, word -> DOUBLE_METAPHONE.doubleMetaphone(word, false));
    }

    /**
     * The alternate Double Metaphone code of each word (Philips 2000): the secondary
     * pronunciation, equal to the primary code when the word has only one, e.g.
     * {@code smith → XMT}.
     */
    public static Normalizer doubleMetaphoneAlternate() {
        return value -> encodeWords(value, word -> DOUBLE_METAPHONE.doubleMetaphone(word, true));
    }

    /**
     * NYSIIS, the New York State Identification and Intelligence System code (R. L. Taft, "Name
     * Search Techniques", New York State Identification and Intelligence System, 1970), in its
     * strict form of at most six characters.
     */
    public static Normalizer nysiis() {
        return value -> encodeWords(value, NYSIIS::nysiis);
    }

    /**
     * Beider–Morse phonetic matching (A. Beider and S. P. Morse, "Beider-Morse Phonetic
     * Matching: An Alternative to Soundex with Fewer False Hits", Avotaynu 24(2), 2008), generic
     * name type, approximate rules: each word becomes its set of possible phonetic spellings,
     * sorted and joined by {@code |}; words are joined by a space, e.g.
     * {@code schmidt → stzmit|zmit}. Two values sound alike when their sets share a spelling
     * (see {@code Comparators.beiderMorse()}). Encoding costs tens to hundreds of microseconds
     * per word; use it for features, never on the pair-scoring path.
     */
    public static Normalizer beiderMorse() {
        return value -> encodeWords(value, Phonetics::beiderMorseWord);
    }

    private static String beiderMorseWord(String word) {
        String encoded = BEIDER_MORSE.encode(word);
        if (encoded.isEmpty()) {
            return null;
        }
        TreeSet<String> alternatives = new TreeSet<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '|' || c == '(' || c == ')' || c == '-') {
                if (current.length() > 0) {
                    alternatives.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            alternatives.add(current.toString());
        }
        return alternatives.isEmpty() ? null : String.join("|", alternatives);
    }

    /** One word's encoder; returns {@code null} or empty when the word has no code. */
    @FunctionalInterface
    interface WordEncoder {
        String encode(String asciiLetters);
    }

    static String encodeWords(String value, WordEncoder encoder) {
        String head = value.length() > MAX_INPUT_LENGTH ? value.substring(0, MAX_INPUT_LENGTH) : value;
        List<String> words = Text.words(Text.fold(head));
        List<String> codes = new ArrayList<>(Math.min(words.size(), MAX_WORDS));
        StringBuilder letters = new StringBuilder(MAX_WORD_LENGTH);
        for (String word : words) {
            if (codes.size() == MAX_WORDS) {
                break;
            }
            letters.setLength(0);
            for (int i = 0; i < word.length() && letters.length() < MAX_WORD_LENGTH; i++) {
                char c = word.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    letters.append(c);
                }
            }
            if (letters.length() == 0) {
                continue;
            }
            String code = encoder.encode(letters.toString());
            if (code != null && !code.isEmpty()) {
                codes.add(code);
            }
        }
        return codes.isEmpty() ? null : String.join(" ", codes);
    }
}
