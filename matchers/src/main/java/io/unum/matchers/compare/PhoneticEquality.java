package io.unum.matchers.compare;

import io.unum.matchers.phonetic.Phonetics;
import io.unum.spi.FieldComparator;
import io.unum.spi.Normalizer;

/**
 * Phonetic equality: {@code 1} when two values sound alike under an encoder from
 * {@link Phonetics}, {@code 0} otherwise (also when either value has no code, e.g. no Latin
 * letter). Equal values score {@code 1} without encoding.
 *
 * <p>"Sound alike" means: equal Soundex or NYSIIS codes; equal primary or alternate Double
 * Metaphone codes (any of the four combinations); for Beider–Morse, the same number of words
 * and, word by word, at least one shared phonetic spelling. Codes are compared over all encoded
 * words of the value.
 *
 * <p>Encoding allocates (the encoders are Apache Commons Codec's). On the pair-scoring hot path
 * prefer a phonetic {@link Normalizer} feature from {@link Phonetics} with an exact level, which
 * encodes once per record.
 */
final class PhoneticEquality implements FieldComparator {

    enum Kind { SOUNDEX, NYSIIS, DOUBLE_METAPHONE, BEIDER_MORSE }

    private static final Normalizer SOUNDEX = Phonetics.soundex();
    private static final Normalizer NYSIIS = Phonetics.nysiis();
    private static final Normalizer DM_PRIMARY = Phonetics.doubleMetaphone();
    private static final Normalizer DM_ALTERNATE = Phonetics.doubleMetaphoneAlternate();
    private static final Normalizer BEIDER_MORSE = Phonetics.beiderMorse();

    private final Kind kind;

    PhoneticEquality(Kind kind) {
        this.kind = kind;
    }

    @Override
    public double compare(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        switch (kind) {
            case SOUNDEX:
                return equalCodes(SOUNDEX.normalize(a), SOUNDEX.normalize(b));
            case NYSIIS:
                return equalCodes(NYSIIS.normalize(a), NYSIIS.normalize(b));
            case DOUBLE_METAPHONE: {
                String pa = DM_PRIMARY.normalize(a);
                String pb = DM_PRIMARY.normalize(b);
                if (pa == null || pb == null) {
                    return 0.0;
                }
                String aa = DM_ALTERNATE.normalize(a);
                String ab = DM_ALTERNATE.normalize(b);
                return pa.equals(pb) || pa.equals(ab) || pb.equals(aa) || (aa != null && aa.equals(ab)) ? 1.0 : 0.0;
            }
            default:
                return sharedSpellings(BEIDER_MORSE.normalize(a), BEIDER_MORSE.normalize(b));
        }
    }

    private static double equalCodes(String x, String y) {
        return x != null && x.equals(y) ? 1.0 : 0.0;
    }

    /** Word-by-word intersection of {@code |}-separated spelling sets. */
    static double sharedSpellings(String x, String y) {
        if (x == null || y == null) {
            return 0.0;
        }
        String[] wx = x.split(" ");
        String[] wy = y.split(" ");
        if (wx.length != wy.length) {
            return 0.0;
        }
        for (int w = 0; w < wx.length; w++) {
            if (!intersect(wx[w].split("\\|"), wy[w].split("\\|"))) {
                return 0.0;
            }
        }
        return 1.0;
    }

    private static boolean intersect(String[] x, String[] y) {
        for (String s : x) {
            for (String t : y) {
                if (s.equals(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-equal";
    }
}
