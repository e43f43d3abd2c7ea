package io.unum.generator;

/**
 * One simulated person: the true values from which the person's records are rendered, and the
 * number of records each source holds about them. Internal, mutable while its household is
 * built, then only read.
 */
final class Person {

    /** A postal address. */
    record Address(int number, String street, int suffix, String unit, Tables.City city, String zip) {
    }

    final long index;
    final String id;

    boolean female;
    String first;
    String middle;
    String last;
    /** "Jr." or "Sr." for a junior/senior pair, else null. */
    String suffix;
    /** The surname before a name change at {@link #renamedAt}, or null. */
    String previousLast;
    long renamedAt;

    int birthYear;
    int birthMonth;
    int birthDay;

    /** Personal e-mails, the first being the primary one. */
    String[] emails;
    /** The e-mail (index into {@link #emails}) of the web shop account and of the newsletter subscription. */
    int shopEmail;
    int newsletterEmail;
    /** A family e-mail shared with household members, or null. */
    String familyEmail;

    /** Ten-digit US numbers, or null. */
    String mobile;
    String homePhone;
    String workPhone;

    Address address;
    /** The address before a move at {@link #movedAt}, or null. */
    Address previousAddress;
    long movedAt;

    String customerId;
    String loyaltyId;
    String[] devices = new String[0];
    String[] cookies = new String[0];
    String socialX;
    String socialInstagram;

    /**
     * The parent (the household's first adult) of a child in a family household, or null. Set
     * without a random draw, so that it changes nothing else; read only by {@link Junk}.
     */
    Person parent;
    /** Junk plan ({@link Junk#plan}): the index of the person's shop, or -1 before the plan. */
    int shop = -1;
    /** Junk plan: the index of the agency that registers the person, or -1 for none. */
    int agency = -1;
    /** Junk plan: whether a parent registered this child's accounts with the parent's own e-mail. */
    boolean registeredByParent;

    /** Records per source, indexed by {@link Source#ordinal()}. */
    final int[] records = new int[Source.values().length];

    /** Bit set of {@link HardNegative} ordinals this person takes part in. */
    int hardNegatives;

    Person(long index) {
        this.index = index;
        this.id = "P" + pad(index + 1, 7);
    }

    void mark(HardNegative kind) {
        hardNegatives |= 1 << kind.ordinal();
    }

    void unmark(HardNegative kind) {
        hardNegatives &= ~(1 << kind.ordinal());
    }

    boolean is(HardNegative kind) {
        return (hardNegatives & (1 << kind.ordinal())) != 0;
    }

    int recordCount() {
        int total = 0;
        for (int count : records) {
            total += count;
        }
        return total;
    }

    /** Decimal digits of a non-negative value, zero-padded to at least {@code width}. */
    static String pad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder out = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }
}
