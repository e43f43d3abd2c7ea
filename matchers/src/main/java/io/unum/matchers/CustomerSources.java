package io.unum.matchers;

import io.unum.matchers.address.Addresses;
import io.unum.matchers.names.NameNormalizers;
import io.unum.matchers.names.PersonName;
import io.unum.model.Attributes;
import io.unum.rules.FeatureSource;
import io.unum.rules.RecordView;
import io.unum.spi.Normalizer;

/**
 * The feature sources {@link CustomerRules} reads records with: names (from the parts, or parsed
 * from a full name), the street, the composite address, gender. All pure functions.
 */
final class CustomerSources {

    /** The given name, or the given name parsed from the full name. */
    static final FeatureSource GIVEN = record -> {
        String value = record.attribute(Attributes.FIRST_NAME);
        return present(value) ? value : fromFullName(record, PersonName::given);
    };

    /** The family name, or the family name parsed from the full name. */
    static final FeatureSource FAMILY = record -> {
        String value = record.attribute(Attributes.LAST_NAME);
        return present(value) ? value : fromFullName(record, PersonName::family);
    };

    /** The middle name, or the middle names parsed from the full name. */
    static final FeatureSource MIDDLE = record -> {
        String value = record.attribute(Attributes.MIDDLE_NAME);
        return present(value) ? value : fromFullName(record, PersonName::middle);
    };

    /** House number and first address line. */
    static final FeatureSource STREET = FeatureSource.attributes(Attributes.STREET_NUMBER, Attributes.ADDRESS_1);

    private static final Normalizer STREET_NORMALIZER = Addresses.street();
    private static final Normalizer POSTCODE_NORMALIZER = Addresses.postcode();
    private static final Normalizer CITY_NORMALIZER = Addresses.city();

    /** The composite {@code street|postcode|city}. */
    static String address(RecordView record) {
        String street = STREET.extract(record);
        String postcode = record.attribute(Attributes.POSTCODE);
        String city = record.attribute(Attributes.CITY);
        return AddressLevels.composite(present(street) ? record.normalized(STREET_NORMALIZER, street) : null,
                present(postcode) ? record.normalized(POSTCODE_NORMALIZER, postcode) : null,
                present(city) ? record.normalized(CITY_NORMALIZER, city) : null);
    }

    /** Given, middle and family name joined. */
    private static final FeatureSource NAME_PARTS = FeatureSource.attributes(Attributes.FIRST_NAME,
            Attributes.MIDDLE_NAME, Attributes.LAST_NAME);

    /** The whole name, for the generational suffix. */
    static final FeatureSource WHOLE_NAME = record -> {
        String full = record.attribute(Attributes.FULL_NAME);
        if (present(full)) {
            return full;
        }
        String parts = NAME_PARTS.extract(record);
        return present(parts) ? parts : nativeName(record);
    };

    /** Gender: {@code f}, {@code m}, or the cleaned value. */
    static final Normalizer GENDER = value -> {
        String cleaned = NameNormalizers.clean().normalize(value);
        if (cleaned == null) {
            return null;
        }
        switch (cleaned) {
            case "f":
            case "female":
            case "woman":
            case "w":
                return "f";
            case "m":
            case "male":
            case "man":
                return "m";
            case "u":
            case "unknown":
            case "na":
            case "n a":
            case "not known":
                return null;
            default:
                return cleaned;
        }
    };

    private CustomerSources() {
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String fromFullName(RecordView record, java.util.function.Function<PersonName, String> part) {
        String full = fullName(record);
        return full != null ? part.apply(PersonName.parse(full)) : null;
    }

    /**
     * The full name, or the name in its own script when the record has no other name
     * (transliterated by the normalizers); {@code null} when the record's own name parts say who it is.
     */
    private static String fullName(RecordView record) {
        String full = record.attribute(Attributes.FULL_NAME);
        if (present(full)) {
            return full;
        }
        return present(record.attribute(Attributes.FIRST_NAME)) || present(record.attribute(Attributes.MIDDLE_NAME))
                || present(record.attribute(Attributes.LAST_NAME)) ? null : nativeName(record);
    }

    private static String nativeName(RecordView record) {
        String name = record.attribute(Attributes.NATIVE_NAME);
        return present(name) ? name : null;
    }

    static String nameSet(RecordView record, Normalizer given, Normalizer family) {
        String pair = namePair(record, given, family);
        if (pair == null) {
            return null;
        }
        int bar = pair.indexOf('|');
        String g = pair.substring(0, bar);
        String f = pair.substring(bar + 1);
        return g.compareTo(f) <= 0 ? g + "|" + f : f + "|" + g;
    }

    static String namePair(RecordView record, Normalizer given, Normalizer family) {
        String g = GIVEN.extract(record);
        String f = FAMILY.extract(record);
        String gn = g == null || g.isBlank() ? null : record.normalized(given, g);
        String fn = f == null || f.isBlank() ? null : record.normalized(family, f);
        return gn == null || fn == null ? null : gn + "|" + fn;
    }
}
