package io.unum.generator;

/**
 * How much of one {@link JunkKind} a run of {@link CustomerDataGenerator} wrote.
 *
 * @param records records carrying a value of this kind (a record counts once per kind)
 * @param values distinct values of this kind written (a value written in several styles, such as
 *        a card number with and without its {@code LY} prefix or a phone in several formats,
 *        counts once)
 * @param mostPeople the largest number of distinct people whose records carry one value of this
 *        kind; for {@link JunkKind#FAMILY_EMAIL}, the parent and the children who carry the
 *        parent's e-mail
 */
public record JunkStatistics(long records, long values, long mostPeople) {

    /** No junk of a kind: all counts zero. */
    public static final JunkStatistics NONE = new JunkStatistics(0, 0, 0);

    /**
     * @throws IllegalArgumentException if a count is negative, or values or people are
     *         positive without records
     */
    public JunkStatistics {
        if (records < 0 || values < 0 || mostPeople < 0) {
            throw new IllegalArgumentException("junk counts must not be negative, had records=" + records
                    + " values=" + values + " mostPeople=" + mostPeople);
        }
        if (records == 0 && (values > 0 || mostPeople > 0)) {
            throw new IllegalArgumentException("junk values or people without records: values=" + values
                    + " mostPeople=" + mostPeople);
        }
    }
}
