package io.unum.matchers.address;

import io.unum.matchers.internal.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * One address line split into unit, house number and street, with street types, directions and
 * ordinal words in canonical form. Package-private: the public face is {@link Addresses}.
 *
 * <p>A line holding a whole address ({@code street, city, postcode}) gives the street part.
 * Recognised unit forms: a designator and its number anywhere in the line ({@code Apt 4B},
 * {@code Unit 5}, {@code Flat 2}, {@code Suite 100}, {@code #12}); the Australian
 * {@code unit/number} form at the start ({@code 5/23 Smith St}: unit 5, number 23).
 */
final class StreetAddress {

    final String unit;
    final String number;
    /** Street words after the house number, canonical. */
    final List<String> street;

    private StreetAddress(String unit, String number, List<String> street) {
        this.unit = unit;
        this.number = number;
        this.street = street;
    }

    /**
     * Parses an address line. A line with commas may be a whole address in one field
     * ({@code "18 Danver Place, Loughborough, LE11 1UU"}, {@code "Suite 900, 1450 N City Rd"}):
     * its street is the first comma-separated part with a house number and street words, and a
     * unit named in an earlier part is kept.
     */
    static StreetAddress parse(String raw) {
        if (raw.indexOf(',') >= 0) {
            String unit = null;
            StreetAddress street = null;
            for (String part : raw.split(",")) {
                StreetAddress p = parseLine(part);
                if (street == null && p.number != null && !p.street.isEmpty()) {
                    street = p;
                }
                if (unit == null) {
                    unit = p.unit;
                }
            }
            if (street != null) {
                return new StreetAddress(street.unit != null ? street.unit : unit, street.number, street.street);
            }
        }
        return parseLine(raw);
    }

    private static StreetAddress parseLine(String raw) {
        String folded = Text.fold(raw).replace("#", " unit ");
        String unit = null;
        // Australian "5/23 smith st" (also "5 / 23", "5a/23")
        int slash = folded.indexOf('/');
        if (slash > 0) {
            String left = folded.substring(0, slash).strip();
            String right = folded.substring(slash + 1).stripLeading();
            int end = 0;
            while (end < right.length() && Character.isLetterOrDigit(right.charAt(end))) {
                end++;
            }
            if (!left.isEmpty() && left.length() <= 6 && isAlphanumeric(left) && hasDigit(left)
                    && end > 0 && Character.isDigit(right.charAt(0))) {
                List<String> leftWords = Text.words(left);
                unit = leftWords.get(leftWords.size() - 1);
                folded = right;
            }
        }
        List<String> words = Text.words(folded);
        List<String> rest = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (AddressWords.UNIT_DESIGNATORS.contains(w) && i + 1 < words.size() && isUnitNumber(words.get(i + 1))) {
                if (unit == null) {
                    unit = words.get(i + 1);
                }
                i++;
                continue;
            }
            rest.add(w);
        }
        rest = withoutBuildingName(rest);
        String number = null;
        List<String> street = new ArrayList<>(rest.size());
        for (String w : rest) {
            if (number == null && street.isEmpty() && hasDigit(w)) {
                number = w;
                continue;
            }
            street.add(canonical(w));
        }
        return new StreetAddress(unit, number, street);
    }

    /**
     * The words from the house number on when a building's or a complex's name comes first
     * ({@code "adventura apartments 638 downey st"} → {@code "638 downey st"}): words without a
     * digit and without a street type, then a word with a digit, then words with a street type.
     * Otherwise the words as they are (a street before its number, {@code "rue de la paix 12
     * bis"}, {@code "hardenbergstrasse 87"}, keeps its name).
     */
    private static List<String> withoutBuildingName(List<String> words) {
        int number = -1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (hasDigit(w)) {
                number = i;
                break;
            }
            if (isStreetType(w)) {
                return words;
            }
        }
        if (number <= 0) {
            return words;
        }
        for (int i = number + 1; i < words.size(); i++) {
            if (isStreetType(words.get(i))) {
                return words.subList(number, words.size());
            }
        }
        return words;
    }

    /** Street types as written and in canonical form. */
    private static final java.util.Set<String> STREET_TYPE_WORDS;

    static {
        java.util.Set<String> words = new java.util.HashSet<>(AddressWords.STREET_TYPES.keySet());
        words.addAll(AddressWords.STREET_TYPES.values());
        STREET_TYPE_WORDS = java.util.Set.copyOf(words);
    }

    private static boolean isStreetType(String word) {
        return STREET_TYPE_WORDS.contains(word);
    }

    /** Street type, direction or ordinal in canonical form; other words unchanged. */
    static String canonical(String word) {
        String c = AddressWords.STREET_TYPES.get(word);
        if (c == null) {
            c = AddressWords.DIRECTIONS.get(word);
        }
        if (c == null) {
            c = AddressWords.ORDINALS.get(word);
        }
        return c == null ? word : c;
    }

    private static boolean isUnitNumber(String word) {
        return hasDigit(word) || word.length() == 1;
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                return false;
            }
        }
        return true;
    }
}
