package io.unum.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.unum.matchers.address.Addresses;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.matchers.dates.Dates;
import io.unum.matchers.email.EmailNormalizer;
import io.unum.matchers.email.Emails;
import io.unum.matchers.ids.IdNormalizers;
import io.unum.matchers.names.NameNormalizers;
import io.unum.matchers.names.PersonName;
import io.unum.matchers.phone.PhoneNormalizer;
import io.unum.matchers.phone.Phones;
import io.unum.matchers.phonetic.Phonetics;
import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.IdentifierNormalizers;
import io.unum.spi.NormalizedValue;
import io.unum.spi.Normalizer;
import io.unum.spi.Normalizers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the normalizers of core ({@link Normalizers}, {@link IdentifierNormalizers}) and
 * matchers (e-mail, phone through libphonenumber, names, addresses, dates, ids, phonetic codes)
 * with Jazzer, against their contracts ({@link Normalizer}, {@link IdentifierNormalizer}):
 * <ul>
 *   <li>they never throw;</li>
 *   <li>they are pure: the same value twice gives the same result;</li>
 *   <li>an identifier's outcome is never {@code null}, and its reason or expectation never holds
 *       the value ({@link Leaks#copiedWindow}, and {@link Leaks#canaryRun} for values written in
 *       the canary alphabet);</li>
 *   <li>each value takes at most the {@link Timeout}.</li>
 * </ul>
 * The fuzzer picks the normalizer, then the value: raw text, or text shaped like an e-mail
 * address, phone number or date with canary letters and characters from several scripts.
 * Seeds: {@code src/test/resources/io/unum/fuzz/NormalizersFuzzTestInputs/normalize}, each a
 * value, a byte {@code 01} (raw text) and the normalizer's number.
 */
class NormalizersFuzzTest {

    private static final Map<String, Normalizer> NORMALIZERS = Map.ofEntries(
            Map.entry("core.trim", Normalizers.trim()),
            Map.entry("core.basic", Normalizers.basic()),
            Map.entry("core.alphanumeric", Normalizers.alphanumeric()),
            Map.entry("core.digits", Normalizers.digits()),
            Map.entry("core.prefix3", Normalizers.prefix(3)),
            Map.entry("email.feature", Emails.feature()),
            Map.entry("email.localPart", Emails.localPart()),
            Map.entry("email.domain", Emails.domain()),
            Map.entry("email.asFeature", EmailNormalizer.builder().build().asFeature()),
            Map.entry("phone.featureUS", Phones.feature("US")),
            Map.entry("phone.featureGB", Phones.feature("GB")),
            Map.entry("phone.lastDigits", Phones.lastDigits(4)),
            Map.entry("name.clean", NameNormalizers.clean()),
            Map.entry("name.withoutAffixes", NameNormalizers.withoutAffixes()),
            Map.entry("name.honorific", NameNormalizers.honorific()),
            Map.entry("name.generationalSuffix", NameNormalizers.generationalSuffix()),
            Map.entry("name.nicknames", NameNormalizers.nicknames()),
            Map.entry("name.compact", NameNormalizers.compact()),
            Map.entry("name.firstWord", NameNormalizers.firstWord()),
            Map.entry("name.lastWord", NameNormalizers.lastWord()),
            Map.entry("name.initial", NameNormalizers.initial()),
            Map.entry("name.givenName", NameNormalizers.givenName()),
            Map.entry("name.canonicalGivenName", NameNormalizers.canonicalGivenName()),
            Map.entry("name.surname", NameNormalizers.surname()),
            Map.entry("name.givenNameOfFullName", NameNormalizers.givenNameOfFullName()),
            Map.entry("name.familyNameOfFullName", NameNormalizers.familyNameOfFullName()),
            Map.entry("address.street", Addresses.street()),
            Map.entry("address.streetName", Addresses.streetName()),
            Map.entry("address.houseNumber", Addresses.houseNumber()),
            Map.entry("address.unit", Addresses.unit()),
            Map.entry("address.postcode", Addresses.postcode()),
            Map.entry("address.postcodeUs", Addresses.postcodeUs()),
            Map.entry("address.postcodeAu", Addresses.postcodeAu()),
            Map.entry("address.state", Addresses.state()),
            Map.entry("address.city", Addresses.city()),
            Map.entry("address.coordinates", Addresses.coordinates()),
            Map.entry("date.dayFirst", Dates.normalizer()),
            Map.entry("date.monthFirst", Dates.normalizer(DateNormalizer.DayMonthOrder.MONTH_FIRST)),
            Map.entry("date.rejectAmbiguous", DateNormalizer.builder()
                    .order(DateNormalizer.DayMonthOrder.REJECT_AMBIGUOUS).twoDigitYearPivot(2020).build()),
            Map.entry("date.year", Dates.year()),
            Map.entry("date.yearMonth", Dates.yearMonth()),
            Map.entry("date.monthDay", Dates.monthDay()),
            Map.entry("phonetic.soundex", Phonetics.soundex()),
            Map.entry("phonetic.doubleMetaphone", Phonetics.doubleMetaphone()),
            Map.entry("phonetic.doubleMetaphoneAlternate", Phonetics.doubleMetaphoneAlternate()),
            Map.entry("phonetic.nysiis", Phonetics.nysiis()),
            Map.entry("phonetic.beiderMorse", Phonetics.beiderMorse()));

    private static final Map<String, IdentifierNormalizer> IDENTIFIERS = Map.ofEntries(
            Map.entry("core.trimmed", IdentifierNormalizers.trimmed()),
            Map.entry("core.caseInsensitive", IdentifierNormalizers.caseInsensitive()),
            Map.entry("core.alphanumericUpperCase", IdentifierNormalizers.alphanumericUpperCase()),
            Map.entry("core.handle", IdentifierNormalizers.handle()),
            Map.entry("core.email", IdentifierNormalizers.email()),
            Map.entry("core.phoneDigits", IdentifierNormalizers.phoneDigits()),
            Map.entry("email.standard", Emails.normalizer()),
            Map.entry("email.keepTags", EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.ALL)
                    .gmailRules(false).build()),
            Map.entry("phone.US", Phones.normalizer("US")),
            Map.entry("phone.DE", Phones.normalizer("DE")),
            Map.entry("phone.internationalOnly", Phones.internationalOnly()),
            Map.entry("phone.strict", PhoneNormalizer.builder().defaultRegion("AU")
                    .validation(PhoneNormalizer.Validation.VALID).build()),
            Map.entry("id.customer", IdNormalizers.customerId()),
            Map.entry("id.loyalty", IdNormalizers.loyaltyId()),
            Map.entry("id.national", IdNormalizers.nationalId()));

    private static final List<String> NORMALIZER_NAMES = NORMALIZERS.keySet().stream().sorted().toList();
    private static final List<String> IDENTIFIER_NAMES = IDENTIFIERS.keySet().stream().sorted().toList();

    /** Characters that matter to the parsers, from several scripts, besides canary letters. */
    private static final String SHAPES = "@.+-_ ()/:,#'\"0123456789xXeEtT\u00a0\u200b\u0130\u0131\u00df\u0301"
            + "\uff10\u0660\u096610jJ";

    /**
     * One fuzz test for both kinds, so that one bounded run (one JVM: Jazzer fuzzes one test per
     * JVM) covers them all. The fuzzer's last byte picks the normalizer: first the
     * {@link Normalizer}s, then the {@link IdentifierNormalizer}s, each in name order.
     */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void normalize(FuzzedDataProvider data) {
        int pick = data.consumeInt(0, NORMALIZER_NAMES.size() + IDENTIFIER_NAMES.size() - 1);
        if (pick < NORMALIZER_NAMES.size()) {
            normalizer(NORMALIZER_NAMES.get(pick), value(data));
        } else {
            identifier(IDENTIFIER_NAMES.get(pick - NORMALIZER_NAMES.size()), value(data));
        }
    }

    private static void normalizer(String name, String value) {
        Normalizer normalizer = NORMALIZERS.get(name);
        String first = normalizer.normalize(value);
        String again = normalizer.normalize(value);
        assertEquals(first, again, () -> name + " is not a pure function");
        PersonName parsed = PersonName.parse(value);
        assertNotNull(parsed, "PersonName.parse");
        assertEquals(parsed, PersonName.parse(value), "PersonName.parse is not a pure function");
    }

    private static void identifier(String name, String raw) {
        IdentifierNormalizer normalizer = IDENTIFIERS.get(name);
        if (raw.isBlank()) {
            return; // the contract: never null or blank
        }
        NormalizedValue outcome = normalizer.normalize(raw);
        assertNotNull(outcome, () -> name + " returned null");
        assertEquals(outcome, normalizer.normalize(raw), () -> name + " is not a pure function");
        String reason = null;
        if (outcome instanceof NormalizedValue.NonIdentifying kept) {
            reason = kept.reason();
        } else if (outcome instanceof NormalizedValue.Invalid invalid) {
            reason = invalid.expected();
        }
        String shown = reason;
        String run = Leaks.canaryRun(shown);
        assertNull(run, () -> name + ": the reason quotes the value (" + run + "): " + shown);
        String copied = Leaks.copiedWindow(shown, raw, List.of());
        assertNull(copied, () -> name + ": the reason quotes the value (" + copied + "): " + shown);
    }

    /** Raw text, or text shaped like an identifier with canary letters in it. */
    private static String value(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsString();
        }
        StringBuilder value = new StringBuilder();
        int length = data.consumeInt(0, 40);
        for (int i = 0; i < length && data.remainingBytes() > 0; i++) {
            value.append(data.consumeBoolean()
                    ? SHAPES.charAt(data.consumeInt(0, SHAPES.length() - 1))
                    : Leaks.CANARY.charAt(data.consumeInt(0, Leaks.CANARY.length() - 1)));
        }
        return value.toString();
    }
}
