package io.unum.cli;

import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides where each input column goes: recognizes columns by their header, using common names
 * for record ids, sources, name parts, dates of birth, addresses, e-mails, phones and other
 * identifiers (see {@link #KNOWN}), unless a {@link InputMapping mapping file} says otherwise.
 * Headers are compared after trimming, lower-casing and turning spaces and hyphens into
 * underscores. A column named {@code social_<network>} or {@code <network>_handle} is a social
 * handle on that network. Any other column becomes an attribute of its normalized header name,
 * kept on the records and profiles but not used by the default rules.
 *
 * <p>Precedence for one column: the ground-truth column (never data), then ignored columns
 * ({@code --ignore-column}), then the mapping file, then header recognition (unless the mapping
 * says {@code "unmapped": "ignore"}). When the mapping names the record id (or source) column, a
 * column that header recognition would take as the record id (or source) is kept as an attribute.
 */
final class ColumnMapping {

    /** Attribute for an organisation's name (Senzing {@code PRIMARY_NAME_ORG} / {@code NAME_ORG}). */
    static final String ORGANIZATION_NAME = io.unum.model.Attributes.ORGANIZATION_NAME;
    /** Passport number: an identifier the default rules do not link on. */
    static final IdentifierType PASSPORT = IdentifierType.PASSPORT;
    /** Driver's licence number: an identifier the default rules do not link on. */
    static final IdentifierType DRIVERS_LICENSE = IdentifierType.DRIVERS_LICENSE;
    /** Tax id number: an identifier the default rules do not link on. */
    static final IdentifierType TAX_ID = IdentifierType.of("tax_id");

    private static final Map<String, ColumnTarget> KNOWN = new HashMap<>();
    private static final Map<String, IdentifierType> BUILT_IN_TYPES = new HashMap<>();

    private static void known(ColumnTarget target, String... headers) {
        for (String header : headers) {
            KNOWN.put(header, target);
        }
        if (target instanceof ColumnTarget.Identifier i) {
            BUILT_IN_TYPES.put(i.type().name(), i.type());
        }
    }

    static {
        known(new ColumnTarget.Id(), "record_id", "rec_id", "id", "unique_id", "recordid", "record");
        known(new ColumnTarget.Source(), "source", "data_source", "source_dataset", "source_system", "system");
        known(new ColumnTarget.ObservedAt(), "observed_at", "updated_at", "last_updated", "last_modified", "timestamp",
                "modified_at", "created_at");
        known(new ColumnTarget.Attribute(Attributes.FIRST_NAME), "first_name", "given_name", "firstname", "fname",
                "forename", "primary_name_first", "name_first");
        known(new ColumnTarget.Attribute(Attributes.MIDDLE_NAME), "middle_name", "middle", "middlename",
                "primary_name_middle", "name_middle");
        known(new ColumnTarget.Attribute(Attributes.LAST_NAME), "last_name", "surname", "lastname", "lname",
                "family_name", "primary_name_last", "name_last");
        known(new ColumnTarget.Attribute(Attributes.FULL_NAME), "full_name", "name", "primary_name_full", "name_full");
        known(new ColumnTarget.Attribute(Attributes.NATIVE_NAME), "native_name", "native_name_full", "name_native");
        known(new ColumnTarget.Attribute(ORGANIZATION_NAME), "organization_name", "organisation_name", "company_name",
                "primary_name_org", "name_org");
        known(new ColumnTarget.Attribute(Attributes.DATE_OF_BIRTH), "dob", "date_of_birth", "birth_date", "birthdate",
                "birthday");
        known(new ColumnTarget.Attribute(Attributes.GENDER), "gender", "sex");
        known(new ColumnTarget.Attribute(Attributes.STREET_NUMBER), "street_number", "house_number", "street_no");
        known(new ColumnTarget.Attribute(Attributes.ADDRESS_1), "address_1", "address1", "street", "street_address",
                "address", "addr_line1", "address_line_1", "address_line1", "addr_full");
        known(new ColumnTarget.Attribute(Attributes.ADDRESS_2), "address_2", "address2", "addr_line2", "address_line_2",
                "address_line2");
        known(new ColumnTarget.Attribute(Attributes.CITY), "city", "suburb", "town", "addr_city", "locality");
        known(new ColumnTarget.Attribute(Attributes.STATE), "state", "province", "region", "addr_state");
        known(new ColumnTarget.Attribute(Attributes.POSTCODE), "postcode", "zip", "zipcode", "zip_code", "postal_code",
                "addr_postal_code", "post_code");
        known(new ColumnTarget.Attribute(Attributes.COUNTRY), "country", "addr_country");
        known(new ColumnTarget.Identifier(IdentifierType.EMAIL), "email", "email_address", "e_mail", "mail", "email_2",
                "email2", "alt_email", "secondary_email", "work_email", "personal_email");
        known(new ColumnTarget.Identifier(IdentifierType.PHONE), "phone", "phone_number", "telephone", "tel", "mobile",
                "cell", "home_phone", "work_phone", "mobile_phone", "phone_2", "phone2");
        known(new ColumnTarget.Identifier(IdentifierType.NATIONAL_ID), "soc_sec_id", "ssn", "ssn_number",
                "national_id", "national_id_number", "social_security_number");
        known(new ColumnTarget.Identifier(IdentifierType.LOYALTY_ID), "loyalty_id", "loyalty_number", "loyalty",
                "loyalty_card");
        known(new ColumnTarget.Identifier(IdentifierType.CUSTOMER_ID), "customer_id", "customer_number", "cust_id",
                "customer_no");
        known(new ColumnTarget.Identifier(IdentifierType.DEVICE_ID), "device_id", "idfa", "gaid", "advertising_id");
        known(new ColumnTarget.Identifier(IdentifierType.COOKIE_ID), "cookie_id", "cookie", "anonymous_id");
        known(new ColumnTarget.Identifier(PASSPORT), "passport", "passport_number", "passport_no");
        known(new ColumnTarget.Identifier(DRIVERS_LICENSE), "drivers_license", "drivers_license_number",
                "driver_license_number", "driving_licence_number");
        known(new ColumnTarget.Identifier(TAX_ID), "tax_id", "tax_id_number");
    }

    private final List<String> headers;
    private final List<ColumnTarget> targets;

    private ColumnMapping(List<String> headers, List<ColumnTarget> targets) {
        this.headers = headers;
        this.targets = targets;
    }

    /**
     * Maps a file's headers by header recognition alone.
     *
     * @param headers the headers as written in the file
     * @param ignored normalized header names not to read (e.g. the ground-truth column)
     */
    static ColumnMapping of(List<String> headers, Set<String> ignored) {
        return of(headers, new ReadOptions(ignored, InputMapping.NONE, null, null));
    }

    /**
     * Maps a file's headers.
     *
     * @param headers the headers as written in the file
     * @param options the ignored columns, the mapping file and the truth column
     */
    static ColumnMapping of(List<String> headers, ReadOptions options) {
        List<ColumnTarget> targets = new ArrayList<>(headers.size());
        for (String header : headers) {
            targets.add(target(header, options));
        }
        return new ColumnMapping(List.copyOf(headers), List.copyOf(targets));
    }

    /** Where the column with this header goes (see the class comment for the precedence). */
    static ColumnTarget target(String header, ReadOptions options) {
        String name = normalize(header);
        if (name.equals(options.truthColumn())) {
            return new ColumnTarget.Truth();
        }
        if (options.ignored().contains(name)) {
            return new ColumnTarget.Ignored();
        }
        InputMapping mapping = options.mapping();
        ColumnTarget mapped = mapping.columns().get(name);
        if (mapped != null) {
            return mapped;
        }
        if (!mapping.autoDetect()) {
            return new ColumnTarget.Ignored();
        }
        ColumnTarget recognized = target(name);
        if ((recognized instanceof ColumnTarget.Id && mapping.mapsId())
                || (recognized instanceof ColumnTarget.Source && mapping.mapsSource())) {
            return new ColumnTarget.Attribute(name);
        }
        return recognized;
    }

    /**
     * The identifier type of a name: the built-in type (with its normalizer) for a built-in
     * name such as {@code email}, else a user-defined type.
     *
     * @throws IllegalArgumentException if the name is not a valid type name
     */
    static IdentifierType identifierType(String name) {
        IdentifierType builtIn = BUILT_IN_TYPES.get(name);
        return builtIn != null ? builtIn : IdentifierType.named(name);
    }

    /** Lower-case, trimmed, spaces and hyphens as underscores. */
    static String normalize(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && name.charAt(0) == '\uFEFF') {
            name = name.substring(1).strip();
        }
        return name.replace(' ', '_').replace('-', '_');
    }

    private static ColumnTarget target(String name) {
        ColumnTarget known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        if (name.startsWith("social_") && name.length() > "social_".length()) {
            return social(name.substring("social_".length()), name);
        }
        if (name.endsWith("_handle") && name.length() > "_handle".length()) {
            return social(name.substring(0, name.length() - "_handle".length()), name);
        }
        if (name.isEmpty()) {
            return new ColumnTarget.Ignored();
        }
        return new ColumnTarget.Attribute(name);
    }

    /**
     * A social handle on {@code network}, or, when the network's name cannot name an identifier
     * type ({@code social_é}, {@code x.hmac_handle}), an attribute of the column's name.
     */
    private static ColumnTarget social(String network, String name) {
        try {
            return new ColumnTarget.Identifier(IdentifierType.social(network));
        } catch (IllegalArgumentException e) {
            return new ColumnTarget.Attribute(name);
        }
    }

    List<ColumnTarget> targets() {
        return targets;
    }

    int indexOf(Class<? extends ColumnTarget> kind) {
        for (int i = 0; i < targets.size(); i++) {
            if (kind.isInstance(targets.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Header to target, in column order, for the summary the CLI prints. */
    Map<String, String> describe() {
        Map<String, String> description = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            ColumnTarget t = targets.get(i);
            String what;
            if (t instanceof ColumnTarget.Attribute a) {
                what = "attribute " + a.name();
            } else if (t instanceof ColumnTarget.Identifier id) {
                what = "identifier " + id.type().name();
            } else if (t instanceof ColumnTarget.Id) {
                what = "record id";
            } else if (t instanceof ColumnTarget.Source) {
                what = "source";
            } else if (t instanceof ColumnTarget.ObservedAt) {
                what = "observed at";
            } else if (t instanceof ColumnTarget.Truth) {
                what = "ground truth (not read as data)";
            } else {
                what = "ignored";
            }
            description.put(headers.get(i).strip(), what);
        }
        return description;
    }
}
