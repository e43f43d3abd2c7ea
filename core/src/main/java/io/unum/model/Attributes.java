package io.unum.model;

/**
 * Well-known attribute names. Attributes are open: any other name may be used as well; these
 * are the ones the ready-made rules, the CLI and the examples understand.
 */
public final class Attributes {

    /** Given name. */
    public static final String FIRST_NAME = "first_name";
    /** Middle name or initial. */
    public static final String MIDDLE_NAME = "middle_name";
    /** Family name. */
    public static final String LAST_NAME = "last_name";
    /** A full name when the source does not split it. */
    public static final String FULL_NAME = "full_name";
    /** Date of birth, in whatever form the source gives it. */
    public static final String DATE_OF_BIRTH = "date_of_birth";
    /** Gender as the source records it. */
    public static final String GENDER = "gender";
    /** House or street number. */
    public static final String STREET_NUMBER = "street_number";
    /** First address line (street). */
    public static final String ADDRESS_1 = "address_1";
    /** Second address line (unit, building, locality). */
    public static final String ADDRESS_2 = "address_2";
    /** City, town or suburb. */
    public static final String CITY = "city";
    /** State, province or region. */
    public static final String STATE = "state";
    /** Postal code. */
    public static final String POSTCODE = "postcode";
    /** Country. */
    public static final String COUNTRY = "country";
    /**
     * The full name as written in its own script ({@code "王杰"}, {@code "Александр Васильев"}),
     * read when a record has no other name.
     */
    public static final String NATIVE_NAME = "native_name";
    /** An organisation's name (a company, a shop, an agency), for records of organisations. */
    public static final String ORGANIZATION_NAME = "organization_name";

    private Attributes() {
    }
}
