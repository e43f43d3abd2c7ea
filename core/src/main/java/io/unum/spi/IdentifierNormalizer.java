package io.unum.spi;

/**
 * Normalizes the raw value of one identifier type (e-mail, phone, customer id, …) and decides
 * whether it may link records.
 *
 * <p>Contract: a pure, thread-safe function of its input, independent of the default locale;
 * never {@code null}; never logs or embeds the value in a reason. The engine calls it once per
 * identifier per record. Basic implementations are in {@link IdentifierNormalizers};
 * library-backed ones (libphonenumber, provider-aware e-mail rules, placeholder lists) are in
 * {@code unum-matchers}.
 */
@FunctionalInterface
public interface IdentifierNormalizer {

    /**
     * Normalizes one raw identifier value.
     *
     * @param raw the value as the source gave it, never {@code null} or blank
     * @return the outcome, never {@code null}
     */
    NormalizedValue normalize(String raw);
}
