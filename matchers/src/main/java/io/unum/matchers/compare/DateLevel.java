package io.unum.matchers.compare;

/**
 * How two dates agree, from the strongest agreement to none — the typical error patterns of
 * recorded dates of birth (P. Christen, "Data Matching", Springer 2012, section 5.7); the result of
 * {@link DateComparator#level(String, String)}. Each level has the fixed similarity that
 * {@link DateComparator#compare(String, String)} returns for it, chosen so that a comparison's
 * levels can also be written as similarity thresholds.
 */
public enum DateLevel {

    /** The same date (or the same partial date, or equal strings). Similarity 1. */
    EXACT(1.0),
    /** Two full dates of the same year whose day and month are swapped (03-07 against 07-03). Similarity 0.9. */
    DAY_MONTH_SWAPPED(0.9),
    /** Two full dates with the same month and day whose years differ by one. Similarity 0.8. */
    YEAR_OFF_BY_ONE(0.8),
    /** Two full dates at most the comparator's window of days apart. Similarity 0.7. */
    WITHIN_DAYS(0.7),
    /**
     * At least one date is partial ({@code 1984} or {@code 1984-03}) and every component both
     * have agrees. Similarity 0.5.
     */
    PARTIAL_AGREEMENT(0.5),
    /** None of the above, or a value that is not an ISO date. Similarity 0. */
    DIFFERENT(0.0);

    private final double similarity;

    DateLevel(double similarity) {
        this.similarity = similarity;
    }

    /** The similarity in {@code [0, 1]} that the date comparator returns for this level. */
    public double similarity() {
        return similarity;
    }
}
