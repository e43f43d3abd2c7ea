package io.unum.matchers.email;

import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.NormalizedValue;
import io.unum.spi.Normalizer;
import java.net.IDN;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Normalizes e-mail addresses and decides whether they identify a person.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li><b>Trim and unwrap</b>: surrounding white space, a {@code mailto:} prefix and a display
 *       name with angle brackets ({@code "Jane <jane@example.org>"}) are removed.</li>
 *   <li><b>Lower-case</b> with {@link Locale#ROOT}. (RFC 5321 lets a server treat local parts
 *       case-sensitively; no major provider does.)</li>
 *   <li><b>Syntax</b>: one {@code @}; a local part of 1–64 characters — letters, digits and
 *       {@code !#$%&'*+/=?^_`{|}~.-}, no leading, trailing or doubled dot (RFC 5322
 *       {@code dot-atom}; quoted local parts are rejected); a domain of at most 253 characters
 *       and two or more labels of letters, digits and inner hyphens, the last alphabetic.
 *       Internationalized domains are converted to their ASCII (punycode) form (RFC 5891), so
 *       both spellings compare equal; a trailing dot is dropped.</li>
 *   <li><b>Provider rules</b>: {@code googlemail.com} becomes {@code gmail.com}, and Gmail
 *       addresses lose their dots and {@code +tag} (Gmail delivers {@code j.o.h.n+shop@} to
 *       {@code john@}). Other providers' {@code +tags} are removed according to the
 *       {@link PlusTags} policy: by default only for providers known to deliver sub-addresses
 *       to the main mailbox (Outlook/Hotmail/Live, iCloud, Fastmail, Proton, Yandex, Zoho).</li>
 *   <li><b>Placeholders and role addresses</b> are well-formed but never link two people; they
 *       come back as {@link NormalizedValue.NonIdentifying}: reserved domains
 *       ({@code example.com}, {@code *.test}, {@code *.invalid}, RFC 2606) and common
 *       placeholder domains; placeholder local parts ({@code test}, {@code noemail},
 *       {@code none}, {@code noreply}, {@code donotreply}, {@code unknown}, {@code dummy}, …);
 *       a local part equal to the domain's name ({@code none@none.com},
 *       {@code test@test.com}); a local part of one repeated character ({@code xxx@…}); and,
 *       unless disabled, role addresses ({@code info@}, {@code admin@}, {@code sales@},
 *       {@code support@}, {@code office@}, …) that a whole organisation shares.</li>
 * </ol>
 *
 * <p>Reasons and expectations never contain the address. Instances are immutable and
 * thread-safe; {@link #normalize} is a pure function of its input. A normalizer is described
 * completely by its settings ({@link #plusTags()}, {@link #gmailRules()},
 * {@link #roleAddressesIdentify()}, {@link #placeholderLocalParts()},
 * {@link #placeholderDomains()}): two normalizers with equal settings are {@linkplain #equals
 * equal} and normalize every address alike, and a builder given those settings makes an equal
 * normalizer.
 */
public final class EmailNormalizer implements IdentifierNormalizer {

    /** Which providers' {@code +tag} sub-addresses are folded into the main address. */
    public enum PlusTags {
        /** Providers known to deliver {@code user+tag@} to {@code user@} (the default). */
        KNOWN_PROVIDERS,
        /** Every domain: {@code user+tag@any.example} becomes {@code user@any.example}. */
        ALL,
        /** None (Gmail's rule still applies unless {@link Builder#gmailRules(boolean)} is off). */
        NONE
    }

    static final String EXPECTED = "an e-mail address: a local part, one '@', a dotted domain, no spaces";
    static final String PLACEHOLDER = "placeholder address";
    static final String ROLE = "role address shared by an organisation";

    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_PROVIDERS = Set.of("outlook.com", "hotmail.com", "hotmail.co.uk",
            "hotmail.fr", "hotmail.de", "live.com", "live.co.uk", "msn.com", "icloud.com", "me.com", "mac.com",
            "fastmail.com", "fastmail.fm", "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "yandex.ru",
            "yandex.com", "zoho.com");
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "test.com", "test.org", "test.net", "none.com", "noemail.com", "nomail.com", "no-email.com",
            "noreply.com", "donotreply.com", "domain.com", "yourdomain.com", "email.invalid", "fake.com",
            "dummy.com", "unknown.com", "sample.com", "mailinator.com", "localhost.localdomain");
    private static final Set<String> RESERVED_TLDS = Set.of("test", "example", "invalid", "localhost", "local");
    private static final Set<String> PLACEHOLDER_LOCAL_PARTS = Set.of("test", "testing", "tester", "test1",
            "test123", "noemail", "no-email", "no_email", "no.email", "noemails", "nomail", "no-mail", "none",
            "null", "nil", "na", "n/a", "unknown", "notprovided", "not-provided", "not_provided", "noreply",
            "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "dummy", "fake", "asdf", "qwerty",
            "abc", "abc123", "nobody", "anonymous", "email", "mail", "user", "sample", "example", "declined",
            "refused", "optout", "opt-out", "noone", "no-one", "nothing", "nope", "blank", "empty", "invalid",
            "someone", "somebody", "customer", "guest", "no", "x", "xx", "xxx", "noname", "no-name", "no_name");
    private static final Set<String> ROLE_LOCAL_PARTS = Set.of("info", "admin", "administrator", "contact",
            "contactus", "sales", "support", "help", "helpdesk", "office", "hello", "enquiries", "enquiry",
            "inquiries", "inquiry", "webmaster", "postmaster", "hostmaster", "abuse", "billing", "accounts",
            "accounting", "marketing", "team", "service", "customerservice", "hr", "jobs", "careers", "press",
            "media", "reception", "security", "feedback", "orders", "bookings", "reservations", "newsletter",
            "mailer-daemon", "root", "all", "staff", "general", "mail-daemon");

    private final PlusTags plusTags;
    private final boolean gmailRules;
    private final boolean roleAddressesIdentify;
    private final Set<String> extraPlaceholderLocalParts;
    private final Set<String> extraPlaceholderDomains;
    private final SortedSet<String> sortedPlaceholderLocalParts;
    private final SortedSet<String> sortedPlaceholderDomains;

    private EmailNormalizer(Builder b) {
        this.plusTags = b.plusTags;
        this.gmailRules = b.gmailRules;
        this.roleAddressesIdentify = b.roleAddressesIdentify;
        this.extraPlaceholderLocalParts = Set.copyOf(b.placeholderLocalParts);
        this.extraPlaceholderDomains = Set.copyOf(b.placeholderDomains);
        this.sortedPlaceholderLocalParts = Collections.unmodifiableSortedSet(new TreeSet<>(b.placeholderLocalParts));
        this.sortedPlaceholderDomains = Collections.unmodifiableSortedSet(new TreeSet<>(b.placeholderDomains));
    }

    /** The default configuration: Gmail rules, {@link PlusTags#KNOWN_PROVIDERS}, role addresses non-identifying. */
    public static EmailNormalizer standard() {
        return Default.INSTANCE;
    }

    /** Starts a configuration with the defaults of {@link #standard()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which providers' {@code +tags} are removed ({@link PlusTags#KNOWN_PROVIDERS} unless set otherwise). */
    public PlusTags plusTags() {
        return plusTags;
    }

    /** Whether Gmail's dot and {@code +tag} rules apply ({@code true} unless set otherwise). */
    public boolean gmailRules() {
        return gmailRules;
    }

    /** Whether role addresses ({@code info@}, {@code sales@}, …) may link records ({@code false} unless set otherwise). */
    public boolean roleAddressesIdentify() {
        return roleAddressesIdentify;
    }

    /**
     * The placeholder local parts added with {@link Builder#placeholderLocalParts}, lower-case
     * and sorted; empty for {@link #standard()}. The built-in placeholder list is not included.
     *
     * @return an unmodifiable sorted set
     */
    public SortedSet<String> placeholderLocalParts() {
        return sortedPlaceholderLocalParts;
    }

    /**
     * The placeholder domains added with {@link Builder#placeholderDomains}, in lower-case ASCII
     * (punycode) and sorted; empty for {@link #standard()}. The built-in placeholder and
     * reserved domains are not included.
     *
     * @return an unmodifiable sorted set
     */
    public SortedSet<String> placeholderDomains() {
        return sortedPlaceholderDomains;
    }

    @Override
    public NormalizedValue normalize(String raw) {
        String value = unwrap(raw.strip()).toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
            return NormalizedValue.invalid(EXPECTED);
        }
        String local = value.substring(0, at);
        String domain = asciiDomain(value.substring(at + 1));
        if (domain == null || !validLocalPart(local)) {
            return NormalizedValue.invalid(EXPECTED);
        }
        if (GMAIL.contains(domain) && gmailRules) {
            domain = "gmail.com";
            local = withoutTag(local).replace(".", "");
            if (local.isEmpty()) {
                return NormalizedValue.invalid(EXPECTED);
            }
        } else if (plusTags == PlusTags.ALL || (plusTags == PlusTags.KNOWN_PROVIDERS && PLUS_PROVIDERS.contains(domain))) {
            local = withoutTag(local);
            if (local.isEmpty()) {
                return NormalizedValue.invalid(EXPECTED);
            }
        }
        String normalized = local + "@" + domain;
        String reason = nonIdentifying(local, domain);
        return reason == null ? NormalizedValue.valid(normalized) : NormalizedValue.nonIdentifying(normalized, reason);
    }

    /**
     * This normalizer as a feature stage: the normalized address when it identifies a person,
     * {@code null} when it is malformed, a placeholder or a role address.
     */
    public Normalizer asFeature() {
        return value -> normalize(value) instanceof NormalizedValue.Valid v ? v.value() : null;
    }

    private String nonIdentifying(String local, String domain) {
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        String name = domain.substring(0, domain.indexOf('.'));
        String bareLocal = withoutTag(local);
        if (PLACEHOLDER_DOMAINS.contains(domain) || extraPlaceholderDomains.contains(domain) || RESERVED_TLDS.contains(tld)
                || PLACEHOLDER_LOCAL_PARTS.contains(bareLocal) || extraPlaceholderLocalParts.contains(bareLocal)
                || bareLocal.equals(name) || oneRepeatedCharacter(bareLocal)) {
            return PLACEHOLDER;
        }
        if (!roleAddressesIdentify && ROLE_LOCAL_PARTS.contains(bareLocal)) {
            return ROLE;
        }
        return null;
    }

    private static boolean oneRepeatedCharacter(String s) {
        if (s.length() < 2) {
            return s.length() == 1 && !Character.isLetterOrDigit(s.charAt(0));
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static String unwrap(String value) {
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close).strip();
        }
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7).strip();
        }
        return value;
    }

    private static String withoutTag(String local) {
        int plus = local.indexOf('+');
        return plus < 0 ? local : local.substring(0, plus);
    }

    static boolean validLocalPart(String local) {
        if (local.isEmpty() || local.length() > 64 || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0
                    || (c >= 0x80 && Character.isLetterOrDigit(c));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The domain in lower-case ASCII, or {@code null} if it is not a valid host name. */
    static String asciiDomain(String domain) {
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || domain.length() > 253) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            try {
                domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return null;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return null;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return null;
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.length() < 2 || !(tld.startsWith("xn--") || tld.chars().allMatch(c -> c >= 'a' && c <= 'z'))) {
            return null;
        }
        return domain;
    }

    /** Equal when all settings are equal (then both normalize every address alike). */
    @Override
    public boolean equals(Object o) {
        return o instanceof EmailNormalizer other && plusTags == other.plusTags && gmailRules == other.gmailRules
                && roleAddressesIdentify == other.roleAddressesIdentify
                && extraPlaceholderLocalParts.equals(other.extraPlaceholderLocalParts)
                && extraPlaceholderDomains.equals(other.extraPlaceholderDomains);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plusTags, gmailRules, roleAddressesIdentify, extraPlaceholderLocalParts,
                extraPlaceholderDomains);
    }

    @Override
    public String toString() {
        return "email(plusTags=" + plusTags + ", gmailRules=" + gmailRules + ", roleAddressesIdentify="
                + roleAddressesIdentify
                + (sortedPlaceholderLocalParts.isEmpty() ? "" : ", " + sortedPlaceholderLocalParts.size()
                        + " placeholder local parts")
                + (sortedPlaceholderDomains.isEmpty() ? "" : ", " + sortedPlaceholderDomains.size()
                        + " placeholder domains")
                + ")";
    }

    private static final class Default {
        static final EmailNormalizer INSTANCE = new Builder().build();
    }

    /** Builds an {@link EmailNormalizer}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private PlusTags plusTags = PlusTags.KNOWN_PROVIDERS;
        private boolean plusTagsSet;
        private boolean gmailRules = true;
        private boolean gmailRulesSet;
        private boolean roleAddressesIdentify;
        private boolean roleSet;
        private final Set<String> placeholderLocalParts = new TreeSet<>();
        private final Set<String> placeholderDomains = new TreeSet<>();

        private Builder() {
        }

        /** Which providers' {@code +tags} are removed (default {@link PlusTags#KNOWN_PROVIDERS}). */
        public Builder plusTags(PlusTags policy) {
            if (plusTagsSet) {
                throw new IllegalStateException("plusTags was already set to " + plusTags);
            }
            plusTagsSet = true;
            plusTags = Objects.requireNonNull(policy, "plusTags policy");
            return this;
        }

        /** Whether Gmail's dot and {@code +tag} rules apply (default {@code true}). */
        public Builder gmailRules(boolean value) {
            if (gmailRulesSet) {
                throw new IllegalStateException("gmailRules was already set to " + gmailRules);
            }
            gmailRulesSet = true;
            gmailRules = value;
            return this;
        }

        /**
         * Whether role addresses ({@code info@}, {@code sales@}, …) may link records (default
         * {@code false}: they are shared by an organisation). Set {@code true} for business
         * customers whose company address is their identity.
         */
        public Builder roleAddressesIdentify(boolean value) {
            if (roleSet) {
                throw new IllegalStateException("roleAddressesIdentify was already set to " + roleAddressesIdentify);
            }
            roleSet = true;
            roleAddressesIdentify = value;
            return this;
        }

        /** Adds local parts that mark a placeholder address in this data (lower-case, without {@code +tag}). */
        public Builder placeholderLocalParts(String... localParts) {
            for (String local : localParts) {
                Objects.requireNonNull(local, "placeholder local part");
                if (!validLocalPart(local.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("placeholder local part must be a valid local part of "
                            + local.length() + " characters");
                }
                placeholderLocalParts.add(local.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Adds domains whose addresses are placeholders in this data (e.g. the shop's own domain). */
        public Builder placeholderDomains(String... domains) {
            for (String domain : domains) {
                Objects.requireNonNull(domain, "placeholder domain");
                String ascii = asciiDomain(domain.strip().toLowerCase(Locale.ROOT));
                if (ascii == null) {
                    throw new IllegalArgumentException("placeholder domain must be a host name with a dot");
                }
                placeholderDomains.add(ascii);
            }
            return this;
        }

        /** Returns the immutable normalizer. */
        public EmailNormalizer build() {
            return new EmailNormalizer(this);
        }
    }
}
