package io.unum.matchers.compare;

/**
 * Allocation-free parsing of plain decimal numbers ({@code -12}, {@code 3.25}, {@code +0.5}),
 * for the numeric and geographic comparators. Up to 18 significant digits are read exactly and
 * scaled by a power of ten, so results agree with {@link Double#parseDouble} to within a few
 * units in the last place — ample for similarity scoring. Exponents, {@code NaN},
 * {@code Infinity}, grouping separators and anything else give {@code NaN}.
 */
final class Decimals {

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private Decimals() {
    }

    /** Parses {@code s[from, to)}, ignoring surrounding spaces; {@code NaN} when it is not a plain decimal. */
    static double parse(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        boolean negative = false;
        char first = s.charAt(from);
        if (first == '-' || first == '+') {
            negative = first == '-';
            from++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        boolean point = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (significant < 18) {
                    if (mantissa != 0 || c != '0') {
                        significant++;
                    }
                    mantissa = mantissa * 10 + (c - '0');
                    if (point) {
                        exponent--;
                    }
                } else if (!point) {
                    exponent++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        double value = mantissa;
        if (exponent < 0) {
            value = -exponent < POWERS.length ? value / POWERS[-exponent] : value * Math.pow(10, exponent);
        } else if (exponent > 0) {
            value = exponent < POWERS.length ? value * POWERS[exponent] : value * Math.pow(10, exponent);
        }
        return negative ? -value : value;
    }
}
