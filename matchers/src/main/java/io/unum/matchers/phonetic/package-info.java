/**
 * Phonetic encoders (Soundex, Double Metaphone, NYSIIS, Beider–Morse) as normalizer stages, so
 * that phonetic codes are computed once per record and serve blocking keys and exact-match
 * comparison levels. Backed by Apache Commons Codec.
 */
package io.unum.matchers.phonetic;
