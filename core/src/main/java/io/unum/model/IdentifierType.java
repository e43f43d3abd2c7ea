package io.unum.model;

import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.IdentifierNormalizers;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of identity value: e-mail, phone, customer id, a social handle on one network, or any
 * type the application defines. The set is open: a new channel is one line,
 * {@code IdentifierType.of("whatsapp")}.
 *
 * <p>A type says
 * <ul>
 *   <li>how its values normalize ({@link #normalizer()}; a resolver may override it, for
 *       example with the libphonenumber-based normalizer from {@code unum-matchers});</li>
 *   <li>whether an exact match on it may link two records ({@link #deterministic()});</li>
 *   <li>its per-profile limit ({@link #maxPerProfile()}): the most distinct values of this type
 *       one golden profile may hold. A join that would exceed it is refused (merge
 *       protection). {@link Integer#MAX_VALUE} means no limit.</li>
 * </ul>
 *
 * <p>Types are identified by {@link #name()}: two instances with the same name are equal. Names
 * are lower-case ASCII letters, digits, {@code _ . : -}, at most 64 characters.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IdentifierType implements Comparable<IdentifierType> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

    /** E-mail address; basic syntax check, case-insensitive. */
    public static final IdentifierType EMAIL = builder("email").normalizer(IdentifierNormalizers.email()).build();
    /** Phone number; digits with an optional leading {@code +}. */
    public static final IdentifierType PHONE = builder("phone").normalizer(IdentifierNormalizers.phoneDigits()).build();
    /** A customer number assigned by a source system. */
    public static final IdentifierType CUSTOMER_ID = of("customer_id");
    /** A loyalty-programme membership number. */
    public static final IdentifierType LOYALTY_ID =
            builder("loyalty_id").normalizer(IdentifierNormalizers.alphanumericUpperCase()).build();
    /** A mobile or hardware device id (IDFA, GAID, …). */
    public static final IdentifierType DEVICE_ID =
            builder("device_id").normalizer(IdentifierNormalizers.caseInsensitive()).build();
    /** A browser cookie id. */
    public static final IdentifierType COOKIE_ID = of("cookie_id");
    /** A national identity number (social security number, tax id, …); one per profile. */
    public static final IdentifierType NATIONAL_ID = builder("national_id")
            .normalizer(IdentifierNormalizers.alphanumericUpperCase()).maxPerProfile(1).build();
    /** A passport number; letters and digits upper-cased. A person may hold several (dual nationality). */
    public static final IdentifierType PASSPORT =
            builder("passport").normalizer(IdentifierNormalizers.alphanumericUpperCase()).build();
    /** A driver's licence number; letters and digits upper-cased. */
    public static final IdentifierType DRIVERS_LICENSE =
            builder("drivers_license").normalizer(IdentifierNormalizers.alphanumericUpperCase()).build();
    /** A handle on X (formerly Twitter). */
    public static final IdentifierType SOCIAL_X = social("x");
    /** A handle on Instagram. */
    public static final IdentifierType SOCIAL_INSTAGRAM = social("instagram");
    /** A handle on Facebook. */
    public static final IdentifierType SOCIAL_FACEBOOK = social("facebook");
    /** A handle on LinkedIn. */
    public static final IdentifierType SOCIAL_LINKEDIN = social("linkedin");
    /** A handle on TikTok. */
    public static final IdentifierType SOCIAL_TIKTOK = social("tiktok");

    /** The suffix of a protected (keyed-hashed) variant's name. */
    private static final String PROTECTED_SUFFIX = ".hmac";
    private static final String IDENTIFYING = "h:";
    private static final String NON_IDENTIFYING = "n:";

    private final String name;
    private final boolean deterministic;
    private final int maxPerProfile;
    private final IdentifierNormalizer normalizer;
    private final IdentifierType base;
    /** {@code name.hashCode()}, kept: identifiers are hashed on the scoring path. */
    private final int hash;

    private IdentifierType(Builder builder) {
        this.name = builder.name;
        this.deterministic = builder.deterministic;
        this.maxPerProfile = builder.maxPerProfile;
        this.normalizer = builder.normalizer;
        this.base = builder.base;
        this.hash = name.hashCode();
    }

    /**
     * A user-defined type with the defaults: deterministic, no per-profile limit, values
     * trimmed and compared case-sensitively.
     *
     * @param name the type's name, e.g. {@code "whatsapp"}
     * @return the type
     * @throws IllegalArgumentException if the name is not of the allowed form
     */
    public static IdentifierType of(String name) {
        return builder(name).build();
    }

    /**
     * The type of a name as {@link #name()} gives it: a built-in type (with its own normalizer
     * and limits) for a built-in name, {@link #social(String)} for {@code social:<network>}, the
     * protected variant for {@code <name>.hmac}, else a user-defined type with the defaults of
     * {@link #of(String)}. Types compare by name, so the result equals the type that had the name;
     * a user-defined type's own normalizer and limits are not known by name.
     *
     * @throws IllegalArgumentException if the name is not of the allowed form
     */
    public static IdentifierType named(String name) {
        Objects.requireNonNull(name, "identifier type name");
        for (IdentifierType builtIn : new IdentifierType[] {EMAIL, PHONE, CUSTOMER_ID, LOYALTY_ID, DEVICE_ID, COOKIE_ID,
            NATIONAL_ID}) {
            if (builtIn.name.equals(name)) {
                return builtIn;
            }
        }
        if (name.endsWith(PROTECTED_SUFFIX) && name.length() > PROTECTED_SUFFIX.length()) {
            return named(name.substring(0, name.length() - PROTECTED_SUFFIX.length())).protectedVariant();
        }
        if (name.startsWith("social:")) {
            IdentifierType social = social(name.substring("social:".length()));
            if (social.name.equals(name)) {
                return social;
            }
        }
        return of(name);
    }

    /**
     * A handle on one social network, named {@code social:<network>}, normalized by dropping a
     * leading {@code @} and lower-casing.
     *
     * @param network the network's name, e.g. {@code "mastodon"}
     * @return the type
     */
    public static IdentifierType social(String network) {
        Objects.requireNonNull(network, "network");
        return builder("social:" + network.strip().toLowerCase(Locale.ROOT))
                .normalizer(IdentifierNormalizers.handle())
                .build();
    }

    /**
     * Starts a type definition.
     *
     * @param name the type's name
     * @return a builder with the defaults of {@link #of(String)}
     */
    public static Builder builder(String name) {
        return new Builder(name, false);
    }

    /** The type's name, its identity. */
    public String name() {
        return name;
    }

    /** Whether records sharing a normalized value of this type may be linked deterministically. */
    public boolean deterministic() {
        return deterministic;
    }

    /** The most distinct values of this type one profile may hold; {@link Integer#MAX_VALUE} for no limit. */
    public int maxPerProfile() {
        return maxPerProfile;
    }

    /** The type's default normalizer. */
    public IdentifierNormalizer normalizer() {
        return normalizer;
    }

    /**
     * The protected variant of this type, named {@code <name>.hmac}: its values are keyed hashes
     * written by {@code PrivacyFilters.hashIdentifiers}, so that matching works without the
     * plaintext. It keeps this type's deterministic flag and limit; a deterministic rule on this
     * type also links its protected values.
     */
    public IdentifierType protectedVariant() {
        if (base != null) {
            return this;
        }
        Builder builder = new Builder(name + PROTECTED_SUFFIX, true).normalizer(IdentifierType::normalizeProtected);
        builder.deterministic = deterministic;
        builder.maxPerProfile = maxPerProfile;
        builder.base = this;
        return builder.build();
    }

    /** Whether this is a protected variant. */
    public boolean isProtected() {
        return base != null;
    }

    /** The type this is the protected variant of, or this type itself. */
    public IdentifierType base() {
        return base != null ? base : this;
    }

    /**
     * The stored form of a protected value.
     *
     * @param hash the keyed hash, in hexadecimal
     * @param identifying whether the plaintext could link records (false for placeholders)
     */
    public static String protectedValue(String hash, boolean identifying) {
        return (identifying ? IDENTIFYING : NON_IDENTIFYING) + hash;
    }

    private static io.unum.spi.NormalizedValue normalizeProtected(String raw) {
        String value = raw.strip();
        boolean hex = value.length() > 2 && value.chars().skip(2).allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (hex && value.startsWith(IDENTIFYING)) {
            return io.unum.spi.NormalizedValue.valid(value);
        }
        if (hex && value.startsWith(NON_IDENTIFYING)) {
            return io.unum.spi.NormalizedValue.nonIdentifying(value, "protected placeholder value");
        }
        return io.unum.spi.NormalizedValue.invalid("a protected value written by the identifier-hashing filter");
    }

    @Override
    public int compareTo(IdentifierType other) {
        return other == this ? 0 : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof IdentifierType other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds an {@link IdentifierType}; each setting may be given once. */
    public static final class Builder {
        private final String name;
        private boolean deterministic = true;
        private boolean deterministicSet;
        private int maxPerProfile = Integer.MAX_VALUE;
        private boolean maxPerProfileSet;
        private IdentifierNormalizer normalizer = IdentifierNormalizers.trimmed();
        private boolean normalizerSet;
        private IdentifierType base;

        private Builder(String name, boolean variant) {
            Objects.requireNonNull(name, "identifier type name");
            if (!variant && name.endsWith(PROTECTED_SUFFIX)) {
                throw new IllegalArgumentException("identifier type names ending in " + PROTECTED_SUFFIX
                        + " are reserved for protected variants; use protectedVariant(), was '" + name + "'");
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("identifier type name must match " + NAME.pattern()
                        + " (lower-case ASCII, at most 64 characters), was '" + name + "'");
            }
            this.name = name;
        }

        /** Whether an exact match on this type may link records (default {@code true}). */
        public Builder deterministic(boolean value) {
            if (deterministicSet) {
                throw new IllegalStateException("deterministic was already set for identifier type " + name);
            }
            deterministicSet = true;
            this.deterministic = value;
            return this;
        }

        /** The most distinct values of this type one profile may hold (default: no limit). */
        public Builder maxPerProfile(int limit) {
            if (maxPerProfileSet) {
                throw new IllegalStateException("maxPerProfile was already set for identifier type " + name);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("maxPerProfile for identifier type " + name
                        + " must be at least 1, was " + limit);
            }
            maxPerProfileSet = true;
            this.maxPerProfile = limit;
            return this;
        }

        /** How values of this type normalize (default: trimmed, case-sensitive). */
        public Builder normalizer(IdentifierNormalizer value) {
            if (normalizerSet) {
                throw new IllegalStateException("normalizer was already set for identifier type " + name);
            }
            normalizerSet = true;
            this.normalizer = Objects.requireNonNull(value, "normalizer");
            return this;
        }

        /** Returns the immutable type. */
        public IdentifierType build() {
            return new IdentifierType(this);
        }
    }
}
