package io.unum.model;

import java.util.Objects;

/**
 * One surviving attribute value of a golden profile with its provenance. {@link #toString()}
 * masks the value.
 *
 * @param value the value as the source record gave it, trimmed
 * @param provenance where it came from and why it won
 */
public record GoldenValue(String value, Provenance provenance) {

    public GoldenValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String toString() {
        return "GoldenValue[" + Masking.mask(value) + " from " + provenance.record() + " by "
                + provenance.rule().name() + "]";
    }
}
