package io.unum.spi;

/** Equality as a comparator; see {@link FieldComparator#exact()}. */
enum ExactComparator implements FieldComparator {
    INSTANCE;

    @Override
    public double compare(String a, String b) {
        return a.equals(b) ? 1.0 : 0.0;
    }

    @Override
    public String toString() {
        return "exact";
    }
}
