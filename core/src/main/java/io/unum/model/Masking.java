package io.unum.model;

/** Masks personal values for {@code toString()} and messages. */
final class Masking {

    private Masking() {
    }

    /** Keeps nothing of the value but its length: {@code "***(12)"}. */
    static String mask(String value) {
        return "***(" + value.length() + ")";
    }
}
