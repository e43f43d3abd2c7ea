package io.unum.matchers.compare;

import io.unum.spi.FieldComparator;

/**
 * Similarity of two numbers by their absolute difference, {@code max(0, 1 - |a - b| / scale)},
 * or by their relative difference, {@code max(0, 1 - (|a - b| / max(|a|, |b|)) / scale)} (two
 * zeros are identical). Values that are not plain decimals (see {@link Decimals}) score
 * {@code 1} when the strings are equal and {@code 0} otherwise. Allocation-free, immutable,
 * thread-safe.
 */
final class NumericComparator implements FieldComparator {

    private final boolean relative;
    private final double scale;

    NumericComparator(boolean relative, double scale) {
        this.relative = relative;
        this.scale = scale;
    }

    @Override
    public double compare(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        double x = Decimals.parse(a, 0, a.length());
        double y = Decimals.parse(b, 0, b.length());
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return 0.0;
        }
        double difference = Math.abs(x - y);
        if (relative) {
            double magnitude = Math.max(Math.abs(x), Math.abs(y));
            if (magnitude == 0.0) {
                return 1.0;
            }
            difference /= magnitude;
        }
        double similarity = 1.0 - difference / scale;
        return similarity > 0.0 ? similarity : 0.0;
    }

    @Override
    public String toString() {
        return (relative ? "numeric-relative(" : "numeric-absolute(") + scale + ")";
    }
}
