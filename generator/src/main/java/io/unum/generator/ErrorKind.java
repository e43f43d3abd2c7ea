package io.unum.generator;

/**
 * The kinds of variation the error model puts between records of one person.
 * {@link GenerationSummary#errors()} counts the <em>records</em> affected by each kind (a record
 * may have several).
 */
public enum ErrorKind {
    /** A first or last name with one keyboard typo (substitution, deletion, doubling or transposition). */
    NAME_TYPO,
    /** A nickname in place of the formal first name (Robert / Bob, Elizabeth / Liz). */
    NICKNAME,
    /** First and last name swapped. */
    SWAPPED_NAMES,
    /** Diacritics dropped or transliterated (José / Jose, Müller / Mueller). */
    DIACRITICS_DROPPED,
    /** A date of birth with day and month swapped, one day off, or a wrong last year digit (same style). */
    DATE_VARIANT,
    /** The address the person had before moving (records observed before the move). */
    MOVED_ADDRESS,
    /** The surname the person had before a name change, e.g. at marriage. */
    NAME_CHANGE,
    /** An e-mail written differently but delivered alike: case, gmail dots, {@code +tag}. */
    EMAIL_VARIANT,
    /** An e-mail with a typo in the domain or the local part. */
    EMAIL_TYPO,
    /** A phone number with one wrong digit. */
    PHONE_TYPO,
    /** A value the source usually has was left empty. */
    MISSING_VALUE
}
