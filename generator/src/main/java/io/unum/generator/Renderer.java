package io.unum.generator;

import java.time.Instant;
import java.time.LocalDate;

/*
 * Design: a record is rendered from the person's true values as seen at the record's
 * observed_at instant (the surname and address before a name change or a move), through the
 * source's habits (which fields it fills, its date style, its phone styles, its case) and the
 * error model (independent draws per record and field). Each error sets a bit; the bits are
 * counted once per record into the summary. Rates are written where they are drawn, so the
 * model reads top to bottom per source.
 */
/** Renders a person's records, one source at a time, and counts the errors it puts in. */
final class Renderer {

    static final int RECORD_ID = 0;
    static final int SOURCE = 1;
    static final int OBSERVED_AT = 2;
    static final int FIRST_NAME = 3;
    static final int MIDDLE_NAME = 4;
    static final int LAST_NAME = 5;
    static final int DATE_OF_BIRTH = 6;
    static final int GENDER = 7;
    static final int EMAIL = 8;
    static final int EMAIL_2 = 9;
    static final int PHONE = 10;
    static final int PHONE_2 = 11;
    static final int STREET_NUMBER = 12;
    static final int ADDRESS_1 = 13;
    static final int ADDRESS_2 = 14;
    static final int CITY = 15;
    static final int STATE = 16;
    static final int POSTCODE = 17;
    static final int CUSTOMER_ID = 18;
    static final int LOYALTY_ID = 19;
    static final int DEVICE_ID = 20;
    static final int COOKIE_ID = 21;
    static final int SOCIAL_X = 22;
    static final int SOCIAL_INSTAGRAM = 23;
    static final int COLUMNS = 24;

    private static final String[] TAGS = {"shop", "news", "promo", "orders", "deals"};
    private static final String[] UNIT_STYLES = {"Apt ", "#", "Unit ", "Apt. ", "Suite "};

    private final long[] errors = new long[ErrorKind.values().length];
    private long placeholders;

    /** Bits of the errors in the record being rendered. */
    private int hits;
    private Rng rng;

    long[] errors() {
        return errors;
    }

    long placeholders() {
        return placeholders;
    }

    /** Renders one record of {@code person} from {@code source}; the record id is left empty. */
    String[] render(Person person, Source source, Rng random) {
        this.rng = random;
        this.hits = 0;
        String[] row = new String[COLUMNS];
        long at = Households.between(rng, Households.START, Households.END);
        row[SOURCE] = source.id();
        row[OBSERVED_AT] = Instant.ofEpochSecond(at).toString();
        String last = person.last;
        if (person.previousLast != null && at < person.renamedAt) {
            last = person.previousLast;
            hit(ErrorKind.NAME_CHANGE);
        }
        Person.Address address = person.address;
        if (person.previousAddress != null && at < person.movedAt) {
            address = person.previousAddress;
            hit(ErrorKind.MOVED_ADDRESS);
        }
        switch (source) {
            case CRM:
                crm(row, person, last, address);
                break;
            case WEBSHOP:
                webshop(row, person, last, address);
                break;
            case POS:
                pos(row, person, last, address);
                break;
            case NEWSLETTER:
                newsletter(row, person, last, address);
                break;
            case SUPPORT:
                support(row, person, last, address);
                break;
            default:
                social(row, person, last, address);
        }
        for (ErrorKind kind : ErrorKind.values()) {
            if ((hits & (1 << kind.ordinal())) != 0) {
                errors[kind.ordinal()]++;
            }
        }
        return row;
    }

    private void crm(String[] row, Person p, String last, Person.Address address) {
        names(row, p, last, usual(0.98), usual(0.99), 0.05, 0.2, 0.015);
        if (p.middle != null && rng.chance(0.6)) {
            row[MIDDLE_NAME] = rng.chance(0.3) ? p.middle.charAt(0) + "." : p.middle;
        }
        if (usual(0.9)) {
            row[DATE_OF_BIRTH] = date(p, 0.005, Source.CRM);
        }
        if (rng.chance(0.85)) {
            row[GENDER] = p.female ? "F" : "M";
        }
        if (usual(0.9)) {
            row[EMAIL] = email(p, 0, 0.8, 0.01, 0.02, 0.01);
        }
        if (p.emails.length > 1 && rng.chance(0.35)) {
            row[EMAIL_2] = variants(p.emails[1 + rng.nextInt(p.emails.length - 1)], 0.02, 0.01);
        }
        String mobile = p.mobile != null ? p.mobile : p.homePhone;
        if (mobile != null && usual(0.85)) {
            row[PHONE] = phone(mobile, rng.chance(0.6) ? 0 : 1, 0.01, 0.01);
        }
        if (p.homePhone != null && p.mobile != null && rng.chance(0.5)) {
            row[PHONE_2] = phone(p.homePhone, rng.chance(0.6) ? 0 : 1, 0.0, 0.005);
        }
        if (usual(0.95)) {
            address(row, address, rng.chance(0.8) ? 0 : 1, false);
        }
        row[CUSTOMER_ID] = p.customerId;
        if (p.loyaltyId != null && rng.chance(0.7)) {
            row[LOYALTY_ID] = p.loyaltyId;
        }
    }

    private void webshop(String[] row, Person p, String last, Person.Address address) {
        names(row, p, last, usual(0.95), usual(0.95), 0.15, 0.5, 0.015);
        if (row[FIRST_NAME] != null && rng.chance(0.05)) {
            row[FIRST_NAME] = Text.lower(row[FIRST_NAME]);
        }
        if (p.middle != null && rng.chance(0.1)) {
            row[MIDDLE_NAME] = p.middle.substring(0, 1);
        }
        if (rng.chance(0.33)) {
            row[DATE_OF_BIRTH] = date(p, 0.02, Source.WEBSHOP);
        }
        if (rng.chance(0.3)) {
            row[GENDER] = p.female ? "female" : "male";
        }
        if (usual(0.99)) {
            row[EMAIL] = email(p, p.shopEmail, 0.85, 0.015, 0.15, 0.02);
        }
        if (p.emails.length > 1 && rng.chance(0.08)) {
            row[EMAIL_2] = variants(p.emails[rng.nextInt(p.emails.length)], 0.1, 0.01);
        }
        String number = p.mobile != null ? p.mobile : p.homePhone;
        if (number != null && usual(0.7)) {
            row[PHONE] = phone(number, rng.nextInt(10), 0.015, 0.01);
        }
        if (usual(0.9)) {
            address(row, address, rng.nextInt(3), true);
            if (rng.chance(0.15)) {
                row[ADDRESS_1] = row[STREET_NUMBER] + " " + row[ADDRESS_1];
                row[STREET_NUMBER] = null;
            }
            if (rng.chance(0.1)) {
                row[POSTCODE] = row[POSTCODE] + "-" + Person.pad(rng.nextInt(10_000), 4);
            }
        }
        if (p.customerId != null && rng.chance(0.33)) {
            row[CUSTOMER_ID] = p.customerId;
        }
        if (p.cookies.length > 0 && usual(0.85)) {
            row[COOKIE_ID] = rng.chance(0.5) ? p.cookies[0] : rng.pick(p.cookies);
        }
        if (p.devices.length > 0 && rng.chance(0.4)) {
            row[DEVICE_ID] = rng.pick(p.devices);
        }
    }

    private void pos(String[] row, Person p, String last, Person.Address address) {
        names(row, p, last, usual(0.75), usual(0.85), 0.2, 0.8, 0.015);
        if (rng.chance(0.6)) {
            row[FIRST_NAME] = row[FIRST_NAME] == null ? null : Text.upper(row[FIRST_NAME]);
            row[LAST_NAME] = row[LAST_NAME] == null ? null : Text.upper(row[LAST_NAME]);
        }
        if (rng.chance(0.25)) {
            row[DATE_OF_BIRTH] = date(p, 0.04, Source.POS);
        }
        String number = p.homePhone != null && (p.mobile == null || rng.chance(0.3)) ? p.homePhone : p.mobile;
        if (number != null && usual(0.75)) {
            row[PHONE] = phone(number, rng.chance(0.7) ? 3 : 4, 0.05, 0.015);
        }
        if (usual(0.7)) {
            row[POSTCODE] = address.zip();
        }
        if (rng.chance(0.3)) {
            row[CITY] = Text.upper(address.city().name());
        }
        if (rng.chance(0.3)) {
            row[EMAIL] = email(p, 0, 0.6, 0.08, 0.05, 0.03);
        }
        if (p.loyaltyId != null && usual(0.9)) {
            row[LOYALTY_ID] = rng.chance(0.7) ? p.loyaltyId : p.loyaltyId.substring(2);
        }
    }

    private void newsletter(String[] row, Person p, String last, Person.Address address) {
        names(row, p, last, rng.chance(0.5), rng.chance(0.3), 0.2, 0.5, 0.0);
        if (rng.chance(0.2)) {
            row[DATE_OF_BIRTH] = date(p, 0.005, Source.NEWSLETTER);
        }
        row[EMAIL] = email(p, p.newsletterEmail, 0.95, 0.005, 0.15, 0.015);
        if (rng.chance(0.4)) {
            row[POSTCODE] = address.zip();
        }
        if (p.cookies.length > 0 && rng.chance(0.5)) {
            row[COOKIE_ID] = rng.pick(p.cookies);
        }
    }

    private void support(String[] row, Person p, String last, Person.Address address) {
        names(row, p, last, usual(0.9), usual(0.9), 0.15, 0.4, 0.02);
        if (rng.chance(0.1)) {
            row[DATE_OF_BIRTH] = date(p, 0.0, Source.SUPPORT);
        }
        if (usual(0.85)) {
            row[EMAIL] = email(p, 0, 0.8, 0.005, 0.08, 0.02);
        }
        boolean work = p.workPhone != null && rng.chance(0.6);
        String number = work ? p.workPhone : p.mobile != null ? p.mobile : p.homePhone;
        if (number != null && usual(0.8)) {
            row[PHONE] = phone(number, rng.nextInt(10), 0.01, 0.01);
            if (work && rng.chance(0.7)) {
                row[PHONE] += extension();
            }
        }
        if (rng.chance(0.3)) {
            row[CITY] = address.city().name();
            row[STATE] = address.city().state();
        }
        if (p.customerId != null && rng.chance(0.2)) {
            row[CUSTOMER_ID] = p.customerId;
        }
        if (p.devices.length > 0 && rng.chance(0.2)) {
            String device = rng.pick(p.devices);
            row[DEVICE_ID] = rng.chance(0.3) ? Text.upper(device) : device;
        }
    }

    private void social(String[] row, Person p, String last, Person.Address address) {
        names(row, p, last, usual(0.8), rng.chance(0.6), 0.45, 0.3, 0.0);
        if (rng.chance(0.4)) {
            row[CITY] = address.city().name();
        }
        if (rng.chance(0.35)) {
            row[EMAIL] = email(p, 0, 0.6, 0.0, 0.05, 0.01);
        }
        if (p.devices.length > 0 && rng.chance(0.35)) {
            row[DEVICE_ID] = rng.pick(p.devices);
        }
        row[SOCIAL_X] = p.socialX;
        if (p.socialInstagram != null) {
            row[SOCIAL_INSTAGRAM] = rng.chance(0.3) ? "@" + p.socialInstagram : p.socialInstagram;
        }
    }

    /** A fill draw for a field the source usually has; a miss counts as {@link ErrorKind#MISSING_VALUE}. */
    private boolean usual(double fill) {
        if (rng.chance(fill)) {
            return true;
        }
        hit(ErrorKind.MISSING_VALUE);
        return false;
    }

    private void hit(ErrorKind kind) {
        hits |= 1 << kind.ordinal();
    }

    private void names(String[] row, Person p, String last, boolean withFirst, boolean withLast, double nickname,
            double ascii, double swap) {
        String first = p.first;
        String[] nicknames = Tables.NICKNAMES.get(first);
        if (nicknames != null && rng.chance(nickname)) {
            first = rng.pick(nicknames);
            hit(ErrorKind.NICKNAME);
        }
        first = withFirst ? spell(first, ascii) : null;
        String surname = withLast ? spell(last, ascii) : null;
        if (surname != null && p.suffix != null && rng.chance(0.3)) {
            surname = surname + " " + p.suffix;
        }
        if (first != null && surname != null && rng.chance(swap)) {
            String swapped = first;
            first = surname;
            surname = swapped;
            hit(ErrorKind.SWAPPED_NAMES);
        }
        row[FIRST_NAME] = first;
        row[LAST_NAME] = surname;
    }

    /** A name as a source spells it: diacritics kept or not, sometimes a typo (3%). */
    private String spell(String name, double ascii) {
        String spelt = name;
        if (!Text.isAscii(name) && rng.chance(ascii)) {
            spelt = rng.chance(0.3) ? Text.transliterate(name) : Text.stripDiacritics(name);
            hit(ErrorKind.DIACRITICS_DROPPED);
        }
        if (rng.chance(0.03)) {
            spelt = Text.typo(spelt, rng);
            hit(ErrorKind.NAME_TYPO);
        }
        return spelt;
    }

    /** The date of birth in the source's style; sometimes a placeholder, sometimes a variant (3%). */
    private String date(Person p, double junk, Source source) {
        int year = p.birthYear;
        int month = p.birthMonth;
        int day = p.birthDay;
        if (rng.chance(junk)) {
            int[] placeholder = Tables.JUNK_DATES[rng.nextInt(Tables.JUNK_DATES.length)];
            year = placeholder[0];
            month = placeholder[1];
            day = placeholder[2];
            placeholders++;
        } else if (rng.chance(0.03)) {
            hit(ErrorKind.DATE_VARIANT);
            int variant = rng.nextInt(3);
            if (variant == 0 && day <= 12 && day != month) {
                int swapped = day;
                day = month;
                month = swapped;
            } else if (variant <= 1) {
                LocalDate shifted = LocalDate.of(year, month, day).plusDays(rng.chance(0.5) ? 1 : -1);
                year = shifted.getYear();
                month = shifted.getMonthValue();
                day = shifted.getDayOfMonth();
            } else {
                year = year % 10 == 9 ? year - 1 : year + 1;
            }
        }
        return formatDate(source, year, month, day);
    }

    static String formatDate(Source source, int year, int month, int day) {
        String y = Person.pad(year, 4);
        String m = Person.pad(month, 2);
        String d = Person.pad(day, 2);
        switch (source) {
            case CRM:
                return y + "-" + m + "-" + d;
            case WEBSHOP:
                return m + "/" + d + "/" + y;
            case POS:
                return y + m + d;
            case NEWSLETTER:
                return day + " " + Tables.MONTH_SHORT[month - 1] + " " + y;
            case SUPPORT:
                return Tables.MONTH_LONG[month - 1] + " " + day + ", " + y;
            default:
                throw new IllegalArgumentException("source " + source + " has no date of birth");
        }
    }

    /** One of the person's e-mails; sometimes the family one, a placeholder, a variant or a typo. */
    /**
     * @param preferred the e-mail the source usually holds for the person (its account e-mail)
     * @param loyalty how often it holds that one rather than any of the person's e-mails
     */
    private String email(Person p, int preferred, double loyalty, double junk, double variant, double typo) {
        if (rng.chance(junk)) {
            placeholders++;
            return rng.pick(Tables.JUNK_EMAILS);
        }
        String email;
        if (p.familyEmail != null && rng.chance(0.35)) {
            email = p.familyEmail;
        } else if (rng.chance(loyalty)) {
            email = p.emails[preferred];
        } else {
            email = p.emails[rng.nextInt(p.emails.length)];
        }
        return variants(email, variant, typo);
    }

    private String variants(String email, double variant, double typo) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (rng.chance(variant)) {
            hit(ErrorKind.EMAIL_VARIANT);
            int kind = rng.nextInt(3);
            int cut = 1 + rng.nextInt(local.length() - 1);
            if (kind == 1 && domain.equals("gmail.com") && local.indexOf('.') >= 0) {
                local = local.replace(".", "");
            } else if (kind == 1 && domain.equals("gmail.com") && local.charAt(cut) != '.'
                    && local.charAt(cut - 1) != '.') {
                local = local.substring(0, cut) + "." + local.substring(cut);
            } else if (kind == 2 && (domain.equals("gmail.com") || domain.equals("outlook.com")
                    || domain.equals("icloud.com"))) {
                local = local + "+" + rng.pick(TAGS);
            } else if (rng.chance(0.5)) {
                local = Character.toUpperCase(local.charAt(0)) + local.substring(1);
                domain = Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
            } else {
                local = Text.upper(local);
                domain = Text.upper(domain);
            }
        }
        if (rng.chance(typo)) {
            hit(ErrorKind.EMAIL_TYPO);
            String[] typos = Tables.DOMAIN_TYPOS.get(Text.lower(domain));
            if (typos != null && rng.chance(0.6)) {
                domain = rng.pick(typos);
            } else {
                local = Text.typo(local, rng);
            }
        }
        return local + "@" + domain;
    }

    /** A ten-digit number in one of ten US styles; sometimes a placeholder or a one-digit typo. */
    private String phone(String digits, int style, double junk, double typo) {
        String number = digits;
        if (rng.chance(junk)) {
            placeholders++;
            number = rng.pick(Tables.JUNK_PHONES);
        } else if (rng.chance(typo)) {
            hit(ErrorKind.PHONE_TYPO);
            int at = 3 + rng.nextInt(7);
            char wrong = (char) ('0' + (number.charAt(at) - '0' + 1 + rng.nextInt(9)) % 10);
            number = number.substring(0, at) + wrong + number.substring(at + 1);
        }
        return formatPhone(number, style);
    }

    static String formatPhone(String n, int style) {
        String area = n.substring(0, 3);
        String exchange = n.substring(3, 6);
        String line = n.substring(6);
        switch (style) {
            case 0: return "+1 " + area + "-" + exchange + "-" + line;
            case 1: return "(" + area + ") " + exchange + "-" + line;
            case 2: return "(" + area + ") " + exchange + " " + line;
            case 3: return n;
            case 4: return area + "-" + exchange + "-" + line;
            case 5: return area + "." + exchange + "." + line;
            case 6: return "1-" + area + "-" + exchange + "-" + line;
            case 7: return "+1" + n;
            case 8: return area + " " + exchange + " " + line;
            default: return "1 (" + area + ") " + exchange + "-" + line;
        }
    }

    private String extension() {
        int number = rng.between(2, 4999);
        switch (rng.nextInt(3)) {
            case 0: return " x" + number;
            case 1: return " ext. " + number;
            default: return " ext " + number;
        }
    }

    /** Street number, street (style 0 full, 1 abbreviated, 2 abbreviated with a dot), unit, city, state, zip. */
    private void address(String[] row, Person.Address address, int style, boolean anyUnitStyle) {
        row[STREET_NUMBER] = Integer.toString(address.number());
        row[ADDRESS_1] = address.street() + " " + Tables.STREET_SUFFIXES[address.suffix()][style];
        if (address.unit() != null) {
            row[ADDRESS_2] = (anyUnitStyle ? rng.pick(UNIT_STYLES) : "Apt ") + address.unit();
        }
        row[CITY] = address.city().name();
        row[STATE] = address.city().state();
        row[POSTCODE] = address.zip();
    }
}
