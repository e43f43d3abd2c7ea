package io.unum.matchers.address;

import io.unum.matchers.internal.Text;
import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link Normalizer} stages for postal addresses, with United States and Australian conventions.
 * Every stage folds diacritics and case (locale-independent), treats punctuation as word
 * boundaries, is stateless and thread-safe, and returns {@code null} when nothing is left.
 *
 * <p><b>Street lines.</b> Street types and directions are written in one canonical
 * abbreviation whichever way the source spelled them ({@code Street}, {@code Str},
 * {@code St} → {@code st}; {@code Avenue} → {@code ave}; {@code Crescent} → {@code cres};
 * {@code Circuit} → {@code cct}; {@code North} → {@code n}; {@code Fifth} → {@code 5th}),
 * following USPS Publication 28 and Australia Post usage. {@code Saint} and {@code St} are
 * both {@code st}: the form is canonical, not a guess at meaning, so {@code "St Kilda Road"} and
 * {@code "Saint Kilda Rd"} agree. Units and apartments are split off: a designator and its
 * number anywhere ({@code Apt 4B}, {@code Unit 5}, {@code Flat 2}, {@code Suite 100},
 * {@code #12}) or the Australian {@code unit/number} prefix ({@code 5/23 Smith St}).
 *
 * <p><b>Postcodes</b> are strings, never numbers, so leading zeros survive ({@code 02134},
 * Australian {@code 0800}); the US and Australian stages also restore zeros that a spreadsheet
 * dropped.
 */
public final class Addresses {

    private Addresses() {
    }

    /**
     * A street line without its unit, canonical: {@code "123 North Main Street, Apt 4B" →
     * "123 n main st"}, {@code "5/23 Smith Street" → "23 smith st"}. A line without a street
     * name (a house number alone) gives {@code null}: it cannot be compared as a street.
     */
    public static Normalizer street() {
        return value -> {
            StreetAddress a = StreetAddress.parse(value);
            if (a.street.isEmpty()) {
                return null;
            }
            List<String> words = new ArrayList<>(a.street.size() + 1);
            if (a.number != null) {
                words.add(a.number);
            }
            words.addAll(a.street);
            return Text.join(words);
        };
    }

    /** The street name and type without house number and unit: {@code "123 North Main Street" → "n main st"}. */
    public static Normalizer streetName() {
        return value -> Text.join(StreetAddress.parse(value).street);
    }

    /** The house number of a street line: {@code "123a Main St" → "123a"}, {@code "5/23 Smith St" → "23"}. */
    public static Normalizer houseNumber() {
        return value -> StreetAddress.parse(value).number;
    }

    /**
     * The unit, apartment, flat or suite of an address line: {@code "Apt 4B" → "4b"},
     * {@code "#12" → "12"}, {@code "5/23 Smith St" → "5"}; {@code null} when there is none.
     */
    public static Normalizer unit() {
        return value -> StreetAddress.parse(value).unit;
    }

    /**
     * A generic postcode: letters and digits only, upper-case ({@code "sw1a 1aa" → "SW1A1AA"},
     * {@code "02134" → "02134"}).
     */
    public static Normalizer postcode() {
        return value -> {
            StringBuilder out = new StringBuilder(value.length());
            String folded = Text.fold(value);
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
                    out.append(c);
                }
            }
            return out.length() == 0 ? null : out.toString().toUpperCase(Locale.ROOT);
        };
    }

    /**
     * A US ZIP code as five digits: ZIP+4 loses its extension ({@code "02134-1234" → "02134"});
     * three or four digits get back the leading zeros a spreadsheet dropped
     * ({@code "2134" → "02134"}); anything else is {@code null}.
     */
    public static Normalizer postcodeUs() {
        return value -> {
            String digits = digits(value);
            if (digits.length() == 9) {
                return digits.substring(0, 5);
            }
            if (digits.length() >= 3 && digits.length() <= 5) {
                return "0".repeat(5 - digits.length()) + digits;
            }
            return null;
        };
    }

    /**
     * An Australian postcode as four digits; three digits get their leading zero back
     * ({@code "800" → "0800"}); anything else is {@code null}.
     */
    public static Normalizer postcodeAu() {
        return value -> {
            String digits = digits(value);
            if (digits.length() == 3 || digits.length() == 4) {
                return digits.length() == 3 ? "0" + digits : digits;
            }
            return null;
        };
    }

    /**
     * A US or Australian state or territory as its lower-case postal abbreviation
     * ({@code "New South Wales" → "nsw"}, {@code "California" → "ca"}, {@code "Vic." → "vic"});
     * other values are cleaned and kept.
     */
    public static Normalizer state() {
        return value -> {
            String cleaned = Text.join(Text.words(Text.fold(value)));
            if (cleaned == null) {
                return null;
            }
            String state = AddressWords.STATES.get(cleaned);
            return state != null ? state : cleaned;
        };
    }

    /**
     * A city, town or suburb, cleaned, with {@code Saint/St/Ste}, {@code Mount/Mt},
     * {@code Fort/Ft} and directions abbreviated ({@code "Saint Kilda" → "st kilda"},
     * {@code "North Sydney" → "n sydney"}).
     */
    public static Normalizer city() {
        return value -> {
            List<String> words = Text.words(Text.fold(value));
            words.replaceAll(Addresses::cityWord);
            return Text.join(words);
        };
    }

    private static String cityWord(String w) {
        switch (w) {
            case "saint":
            case "ste":
                return "st";
            case "mount":
            case "mt":
                return "mt";
            case "fort":
                return "ft";
            default:
                String d = AddressWords.DIRECTIONS.get(w);
                return d != null && w.length() > 2 ? d : w;
        }
    }

    /**
     * Geographic coordinates as {@code "lat,lon"} with six decimals
     * ({@code " 52.52 , 13.405 " → "52.520000,13.405000"}), for {@code Comparators.geoDistance}.
     * Accepts a comma, semicolon or white space between the two numbers; latitude must be in
     * [-90, 90] and longitude in [-180, 180], otherwise {@code null}.
     */
    public static Normalizer coordinates() {
        return value -> {
            String[] parts = value.strip().split("\\s*[,;]\\s*|\\s+");
            if (parts.length != 2) {
                return null;
            }
            try {
                double lat = Double.parseDouble(parts[0]);
                double lon = Double.parseDouble(parts[1]);
                if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                    return null;
                }
                return String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
            } catch (NumberFormatException e) {
                return null;
            }
        };
    }

    private static String digits(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
