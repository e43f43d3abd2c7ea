package io.unum.matchers;

import io.unum.matchers.CustomerRules.NationalIdPolicy;
import io.unum.matchers.CustomerRules.Parameters;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.matchers.email.EmailNormalizer;
import io.unum.matchers.names.Nicknames;
import io.unum.model.IdentifierType;
import io.unum.spi.RuleSetProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes {@link CustomerRules} — the rule set {@value CustomerRules#NAME} — from its
 * {@linkplain CustomerRules#parameters() parameters}, so that an {@link io.unum.EngineSpec} read
 * from JSON or deserialized on another machine rebuilds the same configuration:
 * {@code new CustomerRulesProvider().create(rules.parameters())} equals {@code rules}.
 * {@link java.util.ServiceLoader} finds it through the module declaration of
 * {@code io.unum.matchers} and, on the class path, through
 * {@code META-INF/services/io.unum.spi.RuleSetProvider}.
 *
 * <p>The parameter names and formats are those of {@link CustomerRules.Parameters}; an absent
 * parameter takes its default. A malformed value or an unknown name is an
 * {@link IllegalArgumentException} whose message names the parameter and what was expected.
 *
 * <p>Stateless and thread-safe.
 */
public final class CustomerRulesProvider implements RuleSetProvider {

    /** Decimal numbers as {@link Double#toString(double)} and people write them, and {@code Infinity}. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|\\+?Infinity");
    /** The longest value a message quotes. */
    private static final int QUOTED = 40;

    /** Used by {@link java.util.ServiceLoader}; the provider has no state. */
    public CustomerRulesProvider() {
    }

    /** {@value CustomerRules#NAME}. */
    @Override
    public String name() {
        return CustomerRules.NAME;
    }

    /**
     * Makes the configuration these parameters describe.
     *
     * @param parameters names of {@link CustomerRules.Parameters} to their text; absent ones take
     *     their defaults, so the empty map makes {@link CustomerRules#standard()}
     * @return the configuration
     * @throws IllegalArgumentException naming the parameter that is unknown or malformed and what
     *     was expected
     */
    @Override
    public CustomerRules create(Map<String, String> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getKey() == null) {
                throw new IllegalArgumentException("rule set \"" + CustomerRules.NAME + "\": a parameter has no name;"
                        + " known parameters: " + String.join(", ", Parameters.ALL));
            }
            if (!Parameters.ALL.contains(parameter.getKey())) {
                throw new IllegalArgumentException("rule set \"" + CustomerRules.NAME + "\" has no parameter "
                        + quote(parameter.getKey()) + "; known parameters: " + String.join(", ", Parameters.ALL));
            }
            if (parameter.getValue() == null) {
                throw new IllegalArgumentException(where(parameter.getKey()) + "expected a value, was null");
            }
        }
        CustomerRules.Builder rules = CustomerRules.builder();
        String value = parameters.get(Parameters.DEFAULT_REGION);
        if (value != null) {
            try {
                rules.defaultRegion(value);
            } catch (IllegalArgumentException e) {
                throw bad(Parameters.DEFAULT_REGION, value,
                        "an ISO 3166-1 alpha-2 region code that libphonenumber supports, such as US, AU or DE");
            }
        }
        value = parameters.get(Parameters.DATE_ORDER);
        if (value != null) {
            rules.dateOrder(constant(Parameters.DATE_ORDER, value, DateNormalizer.DayMonthOrder.class));
        }
        value = parameters.get(Parameters.NATIONAL_IDS);
        if (value != null) {
            rules.nationalIds(constant(Parameters.NATIONAL_IDS, value, NationalIdPolicy.class));
        }
        value = parameters.get(Parameters.DETERMINISTIC_TYPES);
        if (value != null) {
            rules.deterministicTypes(identifierTypes(value));
        }
        String match = parameters.get(Parameters.MATCH_THRESHOLD);
        String review = parameters.get(Parameters.REVIEW_THRESHOLD);
        if (match != null || review != null) {
            double m = match == null ? CustomerRules.DEFAULT_MATCH_THRESHOLD
                    : probability(Parameters.MATCH_THRESHOLD, match);
            double r = review == null ? CustomerRules.DEFAULT_REVIEW_THRESHOLD
                    : probability(Parameters.REVIEW_THRESHOLD, review);
            if (r > m && review != null) {
                throw bad(Parameters.REVIEW_THRESHOLD, review, "a number at most " + Parameters.MATCH_THRESHOLD + " ("
                        + m + ")");
            }
            if (r > m) {
                throw bad(Parameters.MATCH_THRESHOLD, match, "a number at least " + Parameters.REVIEW_THRESHOLD
                        + " (default " + r + ")");
            }
            rules.thresholds(m, r);
        }
        value = parameters.get(Parameters.PRIOR);
        if (value != null) {
            rules.prior(probability(Parameters.PRIOR, value));
        }
        value = parameters.get(Parameters.MAX_CONTRADICTION);
        if (value != null) {
            double bits = number(Parameters.MAX_CONTRADICTION, value, "a positive number of bits or Infinity");
            if (!(bits > 0)) {
                throw bad(Parameters.MAX_CONTRADICTION, value, "a positive number of bits or Infinity");
            }
            rules.maxContradiction(bits);
        }
        EmailNormalizer emails = emails(parameters);
        if (emails != null) {
            rules.emails(emails);
        }
        value = parameters.get(Parameters.NICKNAMES);
        if (value != null) {
            try {
                rules.nicknames(Nicknames.parse(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(Parameters.NICKNAMES) + "expected a nickname table"
                        + " canonical:diminutive,diminutive;canonical:…, but " + e.getMessage(), e);
            }
        }
        return rules.build();
    }

    /** The e-mail normalizer of the {@code email.*} parameters, or {@code null} if none is given. */
    private static EmailNormalizer emails(Map<String, String> parameters) {
        String plusTags = parameters.get(Parameters.EMAIL_PLUS_TAGS);
        String gmail = parameters.get(Parameters.EMAIL_GMAIL_RULES);
        String role = parameters.get(Parameters.EMAIL_ROLE_ADDRESSES_IDENTIFY);
        String localParts = parameters.get(Parameters.EMAIL_PLACEHOLDER_LOCAL_PARTS);
        String domains = parameters.get(Parameters.EMAIL_PLACEHOLDER_DOMAINS);
        if (plusTags == null && gmail == null && role == null && localParts == null && domains == null) {
            return null;
        }
        EmailNormalizer.Builder emails = EmailNormalizer.builder();
        if (plusTags != null) {
            emails.plusTags(constant(Parameters.EMAIL_PLUS_TAGS, plusTags, EmailNormalizer.PlusTags.class));
        }
        if (gmail != null) {
            emails.gmailRules(bool(Parameters.EMAIL_GMAIL_RULES, gmail));
        }
        if (role != null) {
            emails.roleAddressesIdentify(bool(Parameters.EMAIL_ROLE_ADDRESSES_IDENTIFY, role));
        }
        if (localParts != null) {
            List<String> list = list(localParts);
            for (int i = 0; i < list.size(); i++) {
                try {
                    emails.placeholderLocalParts(list.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where(Parameters.EMAIL_PLACEHOLDER_LOCAL_PARTS)
                            + "expected comma-separated e-mail local parts, but entry " + (i + 1) + " of " + list.size()
                            + " is not one (" + e.getMessage() + ")", e);
                }
            }
        }
        if (domains != null) {
            List<String> list = list(domains);
            for (int i = 0; i < list.size(); i++) {
                try {
                    emails.placeholderDomains(list.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where(Parameters.EMAIL_PLACEHOLDER_DOMAINS)
                            + "expected comma-separated domains such as shop.example.com, but entry " + (i + 1) + " of "
                            + list.size() + " is not one (" + e.getMessage() + ")", e);
                }
            }
        }
        return emails.build();
    }

    private static IdentifierType[] identifierTypes(String value) {
        List<String> names = list(value);
        Set<IdentifierType> types = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            IdentifierType type;
            try {
                type = identifierType(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(Parameters.DETERMINISTIC_TYPES) + "expected comma-separated"
                        + " identifier type names such as email,phone,customer_id, but entry " + (i + 1) + " of "
                        + names.size() + ", " + quote(name) + ", is not a type name (lower-case ASCII letters, digits,"
                        + " '_', '.', ':' and '-', at most 64)", e);
            }
            if (!types.add(type)) {
                throw new IllegalArgumentException(where(Parameters.DETERMINISTIC_TYPES) + "names the type "
                        + quote(name) + " twice");
            }
        }
        return types.toArray(new IdentifierType[0]);
    }

    /**
     * A type by name: the built-in types with their own normalizers, social handles, protected
     * variants, or a user-defined type.
     *
     * @throws IllegalArgumentException if the name is not that of a type
     */
    private static IdentifierType identifierType(String name) {
        IdentifierType type = IdentifierType.named(name);
        if (!type.name().equals(name)) {
            throw new IllegalArgumentException("not a type name");
        }
        return type;
    }

    /** Comma-separated items; the empty text is the empty list. */
    private static List<String> list(String value) {
        return value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split(",", -1)));
    }

    private static <E extends Enum<E>> E constant(String parameter, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw bad(parameter, value, "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    private static boolean bool(String parameter, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(parameter, value, "true or false");
        };
    }

    private static double number(String parameter, String value, String expected) {
        if (!NUMBER.matcher(value).matches()) {
            throw bad(parameter, value, expected);
        }
        return Double.parseDouble(value);
    }

    private static double probability(String parameter, String value) {
        String expected = "a number greater than 0 and less than 1, such as 0.95 or 1.0E-4";
        double p = number(parameter, value, expected);
        if (!(p > 0 && p < 1)) {
            throw bad(parameter, value, expected);
        }
        return p;
    }

    private static String where(String parameter) {
        return "rule set \"" + CustomerRules.NAME + "\" parameter \"" + parameter + "\": ";
    }

    private static IllegalArgumentException bad(String parameter, String value, String expected) {
        return new IllegalArgumentException(where(parameter) + "expected " + expected + ", was " + quote(value));
    }

    private static String quote(String value) {
        return value.length() <= QUOTED ? "\"" + value + "\""
                : "\"" + value.substring(0, QUOTED) + "…\" (" + value.length() + " characters)";
    }

    @Override
    public String toString() {
        return "CustomerRulesProvider[" + CustomerRules.NAME + "]";
    }

    /** The parameters of a configuration: every setting not at its default, as text, sorted by name. */
    static Map<String, String> parameters(CustomerRules rules) {
        Map<String, String> p = new TreeMap<>();
        if (rules.region != null) {
            p.put(Parameters.DEFAULT_REGION, rules.region);
        }
        if (rules.dateOrder != DateNormalizer.DayMonthOrder.DAY_FIRST) {
            p.put(Parameters.DATE_ORDER, rules.dateOrder.name());
        }
        if (rules.nationalIds != NationalIdPolicy.TOLERANT) {
            p.put(Parameters.NATIONAL_IDS, rules.nationalIds.name());
        }
        List<IdentifierType> defaults = List.copyOf(CustomerRules.effectiveTypes(CustomerRules.DEFAULT_DETERMINISTIC_TYPES,
                rules.nationalIds));
        if (!List.copyOf(rules.deterministicTypes).equals(defaults)) {
            StringJoiner names = new StringJoiner(",");
            rules.deterministicTypes.forEach(type -> names.add(type.name()));
            p.put(Parameters.DETERMINISTIC_TYPES, names.toString());
        }
        number(p, Parameters.MATCH_THRESHOLD, rules.matchThreshold, CustomerRules.DEFAULT_MATCH_THRESHOLD);
        number(p, Parameters.REVIEW_THRESHOLD, rules.reviewThreshold, CustomerRules.DEFAULT_REVIEW_THRESHOLD);
        number(p, Parameters.PRIOR, rules.prior, CustomerRules.DEFAULT_PRIOR);
        number(p, Parameters.MAX_CONTRADICTION, rules.maxContradiction, CustomerRules.DEFAULT_MAX_CONTRADICTION);
        EmailNormalizer standard = EmailNormalizer.standard();
        if (rules.emails.plusTags() != standard.plusTags()) {
            p.put(Parameters.EMAIL_PLUS_TAGS, rules.emails.plusTags().name());
        }
        if (rules.emails.gmailRules() != standard.gmailRules()) {
            p.put(Parameters.EMAIL_GMAIL_RULES, Boolean.toString(rules.emails.gmailRules()));
        }
        if (rules.emails.roleAddressesIdentify() != standard.roleAddressesIdentify()) {
            p.put(Parameters.EMAIL_ROLE_ADDRESSES_IDENTIFY, Boolean.toString(rules.emails.roleAddressesIdentify()));
        }
        if (!rules.emails.placeholderLocalParts().isEmpty()) {
            p.put(Parameters.EMAIL_PLACEHOLDER_LOCAL_PARTS, String.join(",", rules.emails.placeholderLocalParts()));
        }
        if (!rules.emails.placeholderDomains().isEmpty()) {
            p.put(Parameters.EMAIL_PLACEHOLDER_DOMAINS, String.join(",", rules.emails.placeholderDomains()));
        }
        if (!rules.nicknames.equals(Nicknames.bundled())) {
            p.put(Parameters.NICKNAMES, rules.nicknames.toText());
        }
        return Collections.unmodifiableMap(p);
    }

    private static void number(Map<String, String> p, String name, double value, double defaultValue) {
        if (Double.compare(value, defaultValue) != 0) {
            p.put(name, Double.toString(value));
        }
    }
}
