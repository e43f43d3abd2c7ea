package io.unum.matchers.names;

import com.ibm.icu.text.Transliterator;

/**
 * Names written in another script, in Latin letters: {@code "王杰" → "wang jie"},
 * {@code "Александр" → "aleksandr"}, {@code "فيصل" → "fysl"}, so that a record in the native
 * script meets the same person's record in Latin letters. ICU's {@code Any-Latin} transliteration
 * (Han to Pinyin, Cyrillic, Greek, Arabic, Hebrew, Khmer, Thai, …) followed by
 * {@code Latin-ASCII}; a value with only Latin letters (with or without diacritics, which
 * {@link NameNormalizers#clean()} folds) is returned as it is, without touching ICU.
 *
 * <p>ICU takes 4–90 µs a name (Cyrillic to Han, measured on this project's machine), so
 * transliterations are kept in a bounded cache shared by all threads (names repeat: a customer
 * base has far fewer distinct names than records); the cache is emptied when it holds
 * {@value #CACHE_LIMIT} names, and a value longer than {@value #MAX_LENGTH} characters, which is
 * no name, only has its look-alike letters mapped.
 *
 * <p>Thread-safe: each thread has its own transliterator (ICU's are not safe for concurrent use);
 * they are made on first use, so inputs without another script never load ICU's data.
 */
final class Transliteration {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    /** Transliterations kept at most. */
    static final int CACHE_LIMIT = 65_536;

    /** Longer values are not transliterated. */
    static final int MAX_LENGTH = 200;

    private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Transliteration() {
    }

    /** Whether a value has a letter of a script other than Latin (Latin Extended included). */
    static boolean hasOtherScript(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x0250 && Character.isLetter(c) && !latin(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                int cp = value.codePointAt(i);
                if (Character.isLetter(cp)) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private static boolean latin(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /**
     * The value in Latin letters: look-alike letters in Latin words mapped to the Latin letters they
     * look like, then the rest transliterated (a value too long for a name: the look-alikes only);
     * the value itself when it has only Latin letters.
     */
    static String toLatin(String value) {
        if (!hasOtherScript(value)) {
            return value;
        }
        if (value.length() > MAX_LENGTH) {
            return Confusables.toLatinInMixedWords(value); // no name: look-alikes only, not ICU
        }
        String latin = CACHE.get(value);
        if (latin == null) {
            // look-alike letters in a Latin word are the Latin letters they look like ("Рeter"), not a
            // transliteration ("reter"); words wholly in another script are transliterated
            String mapped = Confusables.toLatinInMixedWords(value);
            latin = hasOtherScript(mapped) ? TO_LATIN.get().transliterate(mapped) : mapped;
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(value, latin);
        }
        return latin;
    }
}
