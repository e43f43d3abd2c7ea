package io.unum.matchers.names;

import io.unum.matchers.internal.Text;
import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link Normalizer} stages for personal names. Each stage is small, stateless, thread-safe and
 * locale-independent, and they compose with {@link Normalizer#andThen}; the ready-made
 * pipelines {@link #givenName()}, {@link #canonicalGivenName()} and {@link #surname()} combine
 * them in the usual order.
 *
 * <p>The building block is {@link #clean()}: Unicode compatibility decomposition (NFKD, Unicode
 * Standard Annex #15, "Unicode Normalization Forms") and diacritic folding ({@code José → jose}, {@code Müller → muller}, {@code Łukasz → lukasz},
 * {@code ß → ss}), case folding with locale-independent rules (a Turkish default locale changes
 * nothing), removal of invisible format characters (zero-width spaces and joiners, bidi
 * controls), apostrophes dropped within words ({@code O'Brien → obrien}), every other
 * punctuation mark, symbol or emoji turned into a word boundary ({@code Smith-Jones → smith
 * jones}), white space collapsed, and Cyrillic or Greek look-alike letters mapped to Latin in
 * words that mix scripts (after Unicode Technical Standard #39, "Unicode Security Mechanisms") ({@code "аnna"} with a Cyrillic {@code а} becomes {@code anna}; a name
 * written wholly in Cyrillic is kept). Names in non-Latin scripts are kept, lower-cased.
 *
 * <p>Every stage returns {@code null} when nothing of the name is left.
 */
public final class NameNormalizers {

    private NameNormalizers() {
    }

    /** Folds, cleans and collapses a name; see the class comment. */
    public static Normalizer clean() {
        return value -> Text.join(words(value));
    }

    /**
     * Removes leading honorifics ({@code Mr}, {@code Dr}, {@code Frau}, …) and trailing
     * generational suffixes and post-nominal letters ({@code Jr}, {@code III}, {@code PhD}, …)
     * from a cleaned name, as long as a word of the name remains: {@code "dr john smith jr" →
     * "john smith"}; a lone {@code "jr"} is kept.
     */
    public static Normalizer withoutAffixes() {
        return value -> {
            List<String> words = split(value);
            strip(words);
            return Text.join(words);
        };
    }

    /**
     * Extracts the canonical honorific of a name ({@code "Dr. Jane Doe" → "dr"},
     * {@code "Mister Smith" → "mr"}), or {@code null} if it has none. Cleans its input.
     */
    public static Normalizer honorific() {
        return value -> {
            List<String> words = words(value);
            return words.size() > 1 ? Affixes.HONORIFICS.get(words.get(0)) : null;
        };
    }

    /**
     * Extracts the canonical generational suffix of a name ({@code "John Smith Jr." → "jr"},
     * {@code "Senior" → "sr"}, {@code "3rd" → "iii"}), or {@code null} if it has none. Cleans
     * its input.
     */
    public static Normalizer generationalSuffix() {
        return value -> {
            List<String> words = words(value);
            for (int i = words.size() - 1; i > 0; i--) {
                String generation = Affixes.generation(words.get(i));
                if (generation != null) {
                    return generation;
                }
                if (!Affixes.isSuffix(words.get(i))) {
                    return null;
                }
            }
            return null;
        };
    }

    /**
     * Replaces each word of a cleaned given name by its canonical form in the
     * {@linkplain Nicknames#bundled() bundled nickname table} ({@code "bobby" → "robert"}).
     */
    public static Normalizer nicknames() {
        return nicknames(Nicknames.bundled());
    }

    /**
     * Replaces each word of a cleaned given name by its canonical form in {@code table}.
     *
     * @param table the nickname table
     */
    public static Normalizer nicknames(Nicknames table) {
        Objects.requireNonNull(table, "nickname table");
        return value -> {
            List<String> words = split(value);
            words.replaceAll(table::canonical);
            return Text.join(words);
        };
    }

    /** Removes the spaces of a cleaned name: {@code "van der berg" → "vanderberg"}, {@code "mc donald" → "mcdonald"}. */
    public static Normalizer compact() {
        return value -> {
            String compact = value.replace(" ", "");
            return compact.isEmpty() ? null : compact;
        };
    }

    /** The first word of a cleaned name. */
    public static Normalizer firstWord() {
        return value -> {
            List<String> words = split(value);
            return words.isEmpty() ? null : words.get(0);
        };
    }

    /** The last word of a cleaned name. */
    public static Normalizer lastWord() {
        return value -> {
            List<String> words = split(value);
            return words.isEmpty() ? null : words.get(words.size() - 1);
        };
    }

    /** The first character (code point) of a cleaned name: its initial. */
    public static Normalizer initial() {
        return value -> value.isEmpty() ? null : value.substring(0, value.offsetByCodePoints(0, 1));
    }

    /** {@link #clean()} then {@link #withoutAffixes()}: a given name as written, e.g. {@code "Dr. Bobby" → "bobby"}. */
    public static Normalizer givenName() {
        return clean().andThen(withoutAffixes());
    }

    /** {@link #givenName()} then {@link #nicknames()}: {@code "Dr. Bobby" → "robert"}. */
    public static Normalizer canonicalGivenName() {
        return givenName().andThen(nicknames());
    }

    /**
     * {@link #clean()} then {@link #withoutAffixes()} for a family name: hyphenated and double
     * surnames become space-separated words ({@code "García-López" → "garcia lopez"}), which
     * token comparators ({@code Comparators.overlapTokens()}, {@code MatchConditions.sharedToken()})
     * match against either part.
     */
    public static Normalizer surname() {
        return clean().andThen(withoutAffixes());
    }

    /**
     * The given name of a full name ({@code "Smith, Dr. Bob" → "bob"}), see {@link PersonName#parse}.
     */
    public static Normalizer givenNameOfFullName() {
        return value -> PersonName.parse(value).given();
    }

    /** The family name of a full name ({@code "Mary Smith-Jones" → "smith jones"}), see {@link PersonName#parse}. */
    public static Normalizer familyNameOfFullName() {
        return value -> PersonName.parse(value).family();
    }

    /** Legal forms dropped from organisation names (as words, after cleaning). */
    private static final java.util.Set<String> LEGAL_FORMS = java.util.Set.of("inc", "incorporated", "ltd", "limited",
            "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "sas", "sarl", "bv",
            "nv", "pte", "pty", "srl", "spa", "oy", "ab", "kg", "se");

    /**
     * An organisation's name: {@link #clean()}, then legal forms ({@code Inc}, {@code Ltd},
     * {@code GmbH}, {@code Pte}, …) dropped as long as a word remains: {@code "Müllenkranz GmbH"
     * → "mullenkranz"}, {@code "Universal Exports (Pte) Ltd." → "universal exports"}.
     */
    public static Normalizer organization() {
        return value -> {
            List<String> words = words(value);
            List<String> kept = new java.util.ArrayList<>(words.size());
            for (String word : words) {
                if (!LEGAL_FORMS.contains(word)) {
                    kept.add(word);
                }
            }
            return Text.join(kept.isEmpty() ? words : kept);
        };
    }

    /**
     * Cleaned words of a raw value; look-alike letters in Latin words and names in another script
     * are first written in Latin letters ({@link Transliteration}).
     */
    static List<String> words(String value) {
        return Text.words(Text.fold(Transliteration.toLatin(value)));
    }

    /** Splits an already cleaned value on spaces into a mutable list. */
    static List<String> split(String cleaned) {
        List<String> words = new ArrayList<>(4);
        int i = 0;
        int n = cleaned.length();
        while (i < n) {
            int end = cleaned.indexOf(' ', i);
            end = end < 0 ? n : end;
            if (end > i) {
                words.add(cleaned.substring(i, end));
            }
            i = end + 1;
        }
        return words;
    }

    /** Drops leading honorifics and trailing suffixes while at least one word remains; returns the honorific. */
    static String strip(List<String> words) {
        String honorific = null;
        while (words.size() > 1 && Affixes.HONORIFICS.containsKey(words.get(0))) {
            String h = Affixes.HONORIFICS.get(words.remove(0));
            honorific = honorific == null ? h : honorific;
        }
        while (words.size() > 1 && Affixes.isSuffix(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return honorific;
    }
}
