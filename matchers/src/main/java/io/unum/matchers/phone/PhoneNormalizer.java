package io.unum.matchers.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.NormalizedValue;
import io.unum.spi.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Normalizes phone numbers to E.164 ({@code +14155552671}; ITU-T Recommendation E.164, "The
 * international public telecommunication numbering plan") with Google's libphonenumber, and
 * flags placeholder numbers as non-identifying. Values longer than 64 characters are
 * malformed.
 *
 * <p>Steps: the number is parsed with libphonenumber, taking numbers without an international
 * prefix ({@code +} or the region's international dialling prefix) to be in the
 * {@linkplain Builder#defaultRegion(String) default region}; an extension ({@code ext. 12},
 * {@code x12}, {@code #12}) is parsed and dropped, as E.164 has none. Then, on the national
 * significant number:
 * <ul>
 *   <li><b>Length</b>: a number whose length is impossible for its country is
 *       {@link NormalizedValue.Invalid}.</li>
 *   <li><b>Placeholders</b> — one repeated digit ({@code 000-000-0000}, {@code 555-555-5555}),
 *       ascending or descending runs ({@code 123-456-7890}, {@code 0123456789},
 *       {@code 987-654-3210}), and the North American fictional range {@code 555-01xx} —
 *       are returned as {@link NormalizedValue.NonIdentifying}.</li>
 *   <li><b>Validation</b>: with {@link Validation#POSSIBLE} (default) that is all; with
 *       {@link Validation#VALID} the number must also be in an assigned range of
 *       libphonenumber's metadata (stricter, and it changes as numbering plans change), or it is
 *       {@link NormalizedValue.Invalid}.</li>
 * </ul>
 *
 * <p><b>Fast path.</b> With the default region {@code US} and {@link Validation#POSSIBLE}, a
 * number written in one of the usual North American ways — ten digits whose first is 2–9,
 * optionally after {@code 1} or {@code +1}, separated only by spaces, hyphens, dots and
 * parentheses — is normalized without libphonenumber (whose regular expressions cost several
 * microseconds a number); anything else goes through libphonenumber. The fast path gives the
 * same result as libphonenumber on every input, which the tests check on 200,000 seeded inputs.
 *
 * <p>Reasons and expectations never contain the number. Instances are immutable and
 * thread-safe ({@link PhoneNumberUtil} is).
 */
public final class PhoneNormalizer implements IdentifierNormalizer {

    /** How strictly numbers are checked. */
    public enum Validation {
        /** The length is possible for the number's country (libphonenumber {@code isPossibleNumber}). */
        POSSIBLE,
        /** The number is in an assigned range (libphonenumber {@code isValidNumber}). */
        VALID
    }

    static final String EXPECTED = "a phone number with a country code (+...) or in the default region";
    static final String EXPECTED_VALID = "a phone number that is valid for its country";
    static final String PLACEHOLDER = "placeholder phone number";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final Validation validation;
    private final boolean fastPath;

    private PhoneNormalizer(String defaultRegion, Validation validation, boolean fastPath) {
        this.defaultRegion = defaultRegion;
        this.validation = validation;
        this.fastPath = fastPath && defaultRegion.equals("US") && validation == Validation.POSSIBLE;
    }

    /** Starts a configuration: no default region, {@link Validation#POSSIBLE}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default region, or {@code "ZZ"} (unknown) when numbers must carry a country code. */
    public String defaultRegion() {
        return defaultRegion;
    }

    @Override
    public NormalizedValue normalize(String raw) {
        String value = raw.strip();
        if (value.length() > 64) {
            return NormalizedValue.invalid(EXPECTED);
        }
        if (fastPath) {
            String national = northAmerican(value);
            if (national != null) {
                String e164 = "+1" + national;
                return isPlaceholder(national, 1) ? NormalizedValue.nonIdentifying(e164, PLACEHOLDER)
                        : NormalizedValue.valid(e164);
            }
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(value, defaultRegion);
        } catch (NumberParseException e) {
            return NormalizedValue.invalid(EXPECTED);
        }
        if (!UTIL.isPossibleNumber(number)) {
            return NormalizedValue.invalid(EXPECTED);
        }
        String national = UTIL.getNationalSignificantNumber(number);
        String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (isPlaceholder(national, number.getCountryCode())) {
            return NormalizedValue.nonIdentifying(e164, PLACEHOLDER);
        }
        if (validation == Validation.VALID && !UTIL.isValidNumber(number)) {
            return NormalizedValue.invalid(EXPECTED_VALID);
        }
        return NormalizedValue.valid(e164);
    }

    /**
     * This normalizer as a feature stage: the E.164 number when it identifies a line,
     * {@code null} when it is malformed or a placeholder.
     */
    public Normalizer asFeature() {
        return value -> normalize(value) instanceof NormalizedValue.Valid v ? v.value() : null;
    }

    /**
     * The ten-digit national number of a North American number in a usual format — an optional
     * {@code +1} or {@code 1}, then ten digits starting with 2–9, with only spaces, hyphens,
     * dots and parentheses between the digits — or {@code null} for anything else.
     */
    static String northAmerican(String value) {
        int n = value.length();
        if (n < 10 || n > 24) {
            return null;
        }
        char[] digits = new char[11];
        int count = 0;
        int start = 0;
        boolean plus = value.charAt(0) == '+';
        if (plus) {
            start = 1;
        }
        for (int i = start; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == 11) {
                    return null;
                }
                digits[count++] = c;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        int from;
        if (count == 11 && digits[0] == '1') {
            from = 1;
        } else if (count == 10 && !plus) {
            from = 0;
        } else {
            return null;
        }
        if (digits[from] < '2') {
            return null;
        }
        return new String(digits, from, 10);
    }

    /** Whether {@link #normalize} may take the fast path (for the tests). */
    boolean fastPath() {
        return fastPath;
    }

    /** The same normalizer without the fast path: libphonenumber on every input (the tests' oracle). */
    PhoneNormalizer withoutFastPath() {
        return new PhoneNormalizer(defaultRegion, validation, false);
    }

    static boolean isPlaceholder(String national, int countryCode) {
        int n = national.length();
        if (n < 4) {
            return true;
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < n; i++) {
            int d = national.charAt(i) - national.charAt(i - 1);
            same &= d == 0;
            up &= d == 1 || d == -9; // ...8 9 0 continues a run
            down &= d == -1 || d == 9;
        }
        if (same || up || down || io.unum.matchers.ids.IdNormalizers.oneCharacterAside(national)) {
            return true;
        }
        // NANP fictional numbers: NXX-555-01XX
        return countryCode == 1 && n == 10 && national.startsWith("55501", 3);
    }

    @Override
    public String toString() {
        return "phone(region=" + defaultRegion + ", " + validation + ")";
    }

    /** Builds a {@link PhoneNormalizer}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private String region = "ZZ";
        private boolean regionSet;
        private Validation validation = Validation.POSSIBLE;
        private boolean validationSet;

        private Builder() {
        }

        /**
         * The region assumed for numbers written without a country code, as an ISO 3166-1
         * alpha-2 code such as {@code "US"}, {@code "AU"} or {@code "DE"} (default: none; such
         * numbers are then invalid).
         */
        public Builder defaultRegion(String isoRegion) {
            if (regionSet) {
                throw new IllegalStateException("defaultRegion was already set to " + region);
            }
            Objects.requireNonNull(isoRegion, "default region");
            String upper = isoRegion.strip().toUpperCase(Locale.ROOT);
            if (!UTIL.getSupportedRegions().contains(upper)) {
                throw new IllegalArgumentException("default region must be an ISO 3166-1 alpha-2 code that "
                        + "libphonenumber supports, such as US, AU or DE; was '" + isoRegion + "'");
            }
            regionSet = true;
            region = upper;
            return this;
        }

        /** How strictly numbers are checked (default {@link Validation#POSSIBLE}). */
        public Builder validation(Validation value) {
            if (validationSet) {
                throw new IllegalStateException("validation was already set to " + validation);
            }
            validationSet = true;
            validation = Objects.requireNonNull(value, "validation");
            return this;
        }

        /** Returns the immutable normalizer. */
        public PhoneNormalizer build() {
            return new PhoneNormalizer(region, validation, true);
        }
    }
}
