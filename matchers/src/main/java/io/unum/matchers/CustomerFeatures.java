package io.unum.matchers;

import io.unum.matchers.CustomerRules.Features;
import io.unum.matchers.CustomerRules.NationalIdPolicy;
import io.unum.matchers.address.Addresses;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.matchers.dates.Dates;
import io.unum.matchers.email.Emails;
import io.unum.matchers.ids.IdNormalizers;
import io.unum.matchers.names.NameNormalizers;
import io.unum.matchers.phone.Phones;
import io.unum.matchers.phonetic.Phonetics;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.rules.Feature;
import io.unum.rules.FeatureSource;
import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.Normalizer;
import io.unum.spi.Normalizers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CustomerRules} derives from a record: its {@linkplain CustomerRules.Features
 * features} (cleaned names, nickname-canonical given names, phonetic family names, dates,
 * address parts, identifier values) and the normalizers of its identifier types. The rule that
 * compares them is {@link PersonRule}.
 */
final class CustomerFeatures {

    private CustomerFeatures() {
    }

    /** The features of a configuration (its nickname table, date order and national-id policy). */
    static List<Feature> features(CustomerRules rules) {
        Normalizer given = NameNormalizers.givenName();
        Normalizer canonical = given.andThen(NameNormalizers.nicknames(rules.nicknames));
        Normalizer family = NameNormalizers.surname();
        List<Feature> features = new ArrayList<>();
        features.add(Feature.of(Features.GIVEN, CustomerSources.GIVEN, given));
        features.add(Feature.of(Features.GIVEN_CANONICAL, CustomerSources.GIVEN, canonical));
        features.add(Feature.of(Features.GIVEN_INITIAL, CustomerSources.GIVEN, canonical.andThen(NameNormalizers.initial())));
        features.add(Feature.of(Features.NAME_PAIR, record -> CustomerSources.namePair(record, canonical, family), Normalizers.identity()));
        features.add(Feature.of(Features.NAME_SET, record -> CustomerSources.nameSet(record, canonical, family), Normalizers.identity()));
        features.add(Feature.of(Features.MIDDLE, CustomerSources.MIDDLE, NameNormalizers.clean()));
        features.add(Feature.of(Features.FAMILY, CustomerSources.FAMILY, family));
        features.add(Feature.of(Features.FAMILY_DM, CustomerSources.FAMILY, family.andThen(Phonetics.doubleMetaphone())));
        features.add(Feature.of(Features.SUFFIX, CustomerSources.WHOLE_NAME, NameNormalizers.generationalSuffix()));
        DateNormalizer birthDates = DateNormalizer.builder().order(rules.dateOrder).twoDigitYearPivot(CustomerRules.TWO_DIGIT_YEAR_PIVOT).build();
        features.add(Feature.of(Features.DOB, Attributes.DATE_OF_BIRTH, birthDates));
        features.add(Feature.of(Features.DOB_YEAR, Attributes.DATE_OF_BIRTH, birthDates.andThen(Dates.year())));
        features.add(Feature.of(Features.IDENTITY, record -> DistinctPeople.identity(record, given, family, birthDates),
                Normalizers.identity()));
        features.add(Feature.of(Features.GENDER, Attributes.GENDER, CustomerSources.GENDER));
        features.add(Feature.of(Features.STREET, CustomerSources.STREET, Addresses.street()));
        features.add(Feature.of(Features.POSTCODE, Attributes.POSTCODE, Addresses.postcode()));
        features.add(Feature.of(Features.CITY, Attributes.CITY, Addresses.city()));
        features.add(Feature.of(Features.ADDRESS, CustomerSources::address, Normalizers.identity()));
        features.add(Feature.of(Features.STATE, Attributes.STATE, Addresses.state()));
        features.add(Feature.of(Features.EMAIL, FeatureSource.identifier(IdentifierType.EMAIL), Normalizers.identity()));
        features.add(Feature.of(Features.EMAIL_LOCAL, FeatureSource.identifier(IdentifierType.EMAIL), Emails.localPart()));
        features.add(Feature.of(Features.PHONE, FeatureSource.identifier(IdentifierType.PHONE), Normalizers.identity()));
        features.add(Feature.of(Features.DEVICE, FeatureSource.identifier(IdentifierType.DEVICE_ID), Normalizers.identity()));
        features.add(Feature.of(Features.COOKIE, FeatureSource.identifier(IdentifierType.COOKIE_ID), Normalizers.identity()));
        if (rules.nationalIds != NationalIdPolicy.IGNORED) {
            features.add(Feature.of(Features.NATIONAL_ID, FeatureSource.identifier(IdentifierType.NATIONAL_ID),
                    Normalizers.identity()));
        }
        features.add(Feature.of(Features.PASSPORT, FeatureSource.identifier(IdentifierType.PASSPORT), Normalizers.identity()));
        features.add(Feature.of(Features.ORGANIZATION, Attributes.ORGANIZATION_NAME, NameNormalizers.organization()));
        features.add(Feature.of(Features.ORGANIZATION_MARK, Attributes.ORGANIZATION_NAME,
                NameNormalizers.organization().andThen(name -> name == null || name.isEmpty() ? null : "org")));
        features.add(Feature.of(Features.DRIVERS_LICENSE, FeatureSource.identifier(IdentifierType.DRIVERS_LICENSE),
                Normalizers.identity()));
        return List.copyOf(features);
    }

    /** The identifier normalizers of a configuration (its e-mail normalizer, phone region and national-id policy). */
    static Map<IdentifierType, IdentifierNormalizer> identifierNormalizers(CustomerRules rules) {
        Map<IdentifierType, IdentifierNormalizer> map = new LinkedHashMap<>();
        map.put(IdentifierType.EMAIL, rules.emails);
        map.put(IdentifierType.PHONE, rules.region == null ? Phones.internationalOnly() : Phones.normalizer(rules.region));
        map.put(IdentifierType.CUSTOMER_ID, IdNormalizers.customerId());
        map.put(IdentifierType.LOYALTY_ID, IdNormalizers.loyaltyId());
        if (rules.nationalIds != NationalIdPolicy.IGNORED) {
            map.put(IdentifierType.NATIONAL_ID, IdNormalizers.nationalId());
        }
        map.put(IdentifierType.PASSPORT, IdNormalizers.document());
        map.put(IdentifierType.DRIVERS_LICENSE, IdNormalizers.document());
        return Collections.unmodifiableMap(map);
    }
}
