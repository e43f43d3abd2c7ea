package io.unum.matchers.email;

import io.unum.spi.Normalizer;

/**
 * E-mail normalization: the {@linkplain #normalizer() identifier normalizer} for
 * {@code IdentifierType.EMAIL} and feature stages over normalized addresses. All stages are
 * stateless, thread-safe and locale-independent.
 */
public final class Emails {

    private Emails() {
    }

    /** The standard {@link EmailNormalizer}: Gmail rules, known providers' {@code +tags}, placeholders and role addresses flagged. */
    public static EmailNormalizer normalizer() {
        return EmailNormalizer.standard();
    }

    /**
     * A feature stage for raw addresses: the standard normalizer's result when the address
     * identifies a person, otherwise {@code null}.
     */
    public static Normalizer feature() {
        return EmailNormalizer.standard().asFeature();
    }

    /** The local part of a normalized address ({@code "john.smith@example.org" → "john.smith"}); {@code null} without {@code @}. */
    public static Normalizer localPart() {
        return value -> {
            int at = value.lastIndexOf('@');
            return at <= 0 ? null : value.substring(0, at);
        };
    }

    /** The domain of a normalized address ({@code "john@example.org" → "example.org"}); {@code null} without {@code @}. */
    public static Normalizer domain() {
        return value -> {
            int at = value.lastIndexOf('@');
            return at < 0 || at == value.length() - 1 ? null : value.substring(at + 1);
        };
    }
}
