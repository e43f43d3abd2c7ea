package io.unum.generator;

import java.util.Locale;

/**
 * The source systems the generator simulates. Each fills its own subset of the columns, in its
 * own style; the {@code date_of_birth} style of each is fixed (errors change a date's value,
 * never its style) so that date normalizers meet every style. Phone numbers are US numbers
 * (region {@code US}, country code 1) in many written forms.
 */
public enum Source {

    /**
     * The CRM: every record has a {@code customer_id} ({@code C} + 8 digits, one per person);
     * full name with middle name, {@code date_of_birth} as ISO {@code 1984-03-07}, gender
     * {@code F}/{@code M}, e-mail (mostly the primary one) and sometimes a second, mobile and
     * home phone in {@code +1 415-555-0134} or {@code (415) 555-0134} form, the full postal
     * address, and the {@code loyalty_id} for most loyalty members. A few people
     * have a second, later CRM record with the same customer id (a re-export after changes).
     */
    CRM,

    /**
     * The web shop: name, e-mail (any of a person's addresses, often with case variants, gmail
     * dots or {@code +tags}), phone in any form, the shipping address (abbreviated street types,
     * ZIP+4 sometimes), {@code cookie_id} and {@code device_id}, the CRM {@code customer_id} on
     * about a third of its records for CRM customers, gender {@code female}/{@code male}, and
     * {@code date_of_birth} as {@code MM/DD/YYYY} ({@code 03/07/1984}) on a third of them.
     */
    WEBSHOP,

    /**
     * Point of sale: {@code loyalty_id} ({@code LY} + 10 digits, or the bare digits as a card
     * scanner reads them), often upper-case ASCII names, phone mostly as bare digits
     * {@code 4155550134}, postcode, sometimes e-mail and city, and {@code date_of_birth} as
     * {@code YYYYMMDD} ({@code 19840307}) on a quarter of them. Placeholder junk is most common
     * here, typed by cashiers to get past required fields.
     */
    POS,

    /**
     * E-mail marketing: e-mail always, sometimes first name, last name, postcode and
     * {@code cookie_id}, and {@code date_of_birth} for the birthday club as {@code d MMM yyyy}
     * ({@code 7 Mar 1984}).
     */
    NEWSLETTER,

    /**
     * Customer support tickets: name, e-mail, phone (work phones with extensions such as
     * {@code x204} or {@code ext. 45}), sometimes city, state, {@code customer_id} and
     * {@code device_id}, and rarely {@code date_of_birth} as {@code MMMM d, yyyy}
     * ({@code March 7, 1984}).
     */
    SUPPORT,

    /**
     * Social handles: {@code social_x} ({@code @handle}) and/or {@code social_instagram}, a
     * display first name (often a nickname), sometimes last name, city, e-mail and
     * {@code device_id}; never a date of birth.
     */
    SOCIAL;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The source's name in the {@code source} column and in record ids, e.g. {@code "crm"}. */
    public String id() {
        return id;
    }
}
