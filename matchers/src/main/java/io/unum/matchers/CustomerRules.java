package io.unum.matchers;

import io.unum.Resolver;
import io.unum.matchers.dates.DateNormalizer;
import io.unum.matchers.email.EmailNormalizer;
import io.unum.matchers.email.Emails;
import io.unum.matchers.ids.IdNormalizers;
import io.unum.matchers.names.Nicknames;
import io.unum.matchers.phone.Phones;
import io.unum.model.Attributes;
import io.unum.model.IdentifierType;
import io.unum.rules.BlockingKey;
import io.unum.training.TrainingOptions;
import io.unum.rules.Feature;
import io.unum.rules.MatchRule;
import io.unum.rules.RuleSet;
import io.unum.spi.IdentifierNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ready-made configuration for matching customer records: the features, identifier
 * normalizers, deterministic rules and one probabilistic rule in the model of I. P. Fellegi and
 * A. B. Sunter ("A Theory for Record Linkage", JASA 64(328), 1969) — comparisons with ordered
 * agreement levels in the style of Splink — that suit person records from CRMs, web shops,
 * points of sale and newsletters.
 *
 * <pre>{@code
 * Resolver resolver = Resolver.newBuilder()
 *     .ruleSet(CustomerRules.standard())       // or CustomerRules.builder().defaultRegion("AU").build()
 *     .build();
 * String json = resolver.spec().toJson();      // rule set "customer" and its parameters (none here)
 * Resolver same = Resolver.newBuilder(EngineSpec.fromJson(json)).build();   // resolves alike
 * }</pre>
 *
 * <p><b>As a rule set.</b> {@code CustomerRules} is the {@link RuleSet} named
 * {@value #NAME}: its {@link #parameters()} are the settings of its {@link Builder} that are not
 * at their defaults, as text ({@link Parameters} lists the names and formats), and
 * {@link CustomerRulesProvider} makes an {@linkplain #equals equal} configuration from them. So
 * a resolver built with {@link Resolver.Builder#ruleSet} — or with {@link #applyTo}, which does
 * the same — can describe itself as an {@link io.unum.EngineSpec}, be written as JSON or sent
 * through Java serialization, and be rebuilt elsewhere with the same results.
 *
 * <p><b>What it reads.</b> The well-known {@link Attributes} — first, middle and last name (or a
 * {@code full_name}, parsed when the parts are absent), date of birth, gender, street number and
 * first address line, city, state, postcode — and the identifier types {@code EMAIL},
 * {@code PHONE}, {@code CUSTOMER_ID}, {@code LOYALTY_ID}, {@code NATIONAL_ID}, {@code PASSPORT} and
 * {@code DRIVERS_LICENSE}. Missing values
 * cost nothing: a comparison whose feature is absent on either side contributes no weight.
 *
 * <p><b>Identifier normalizers</b> installed by {@link #applyTo}: e-mail with provider rules and
 * placeholder/role detection ({@link Emails}); phone to E.164 with libphonenumber in the
 * {@linkplain Builder#defaultRegion default region} ({@link Phones}); customer, loyalty and
 * national ids with placeholder detection ({@link IdNormalizers}; a loyalty card is one card
 * with or without its letter prefix and leading zeros). Placeholders are non-identifying, so
 * they never link two records.
 *
 * <p><b>Deterministic rules</b>: one per identifier type in {@link Builder#deterministicTypes}
 * (default e-mail, phone, customer id, loyalty id, and national id unless
 * {@link NationalIdPolicy#IGNORED}): records sharing a linkable value are the same person.
 * Households that share an address or a landline are the classic false positive; remove
 * {@code PHONE} or {@code EMAIL} from the deterministic types for such data and the values still
 * count as strong probabilistic evidence.
 *
 * <p><b>The probabilistic rule</b> {@value #PERSON_RULE} compares given name (exact,
 * nickname-canonical, {@linkplain Nicknames#compatible nickname-compatible}, Jaro–Winkler,
 * initial), family name (exact, Jaro–Winkler, Double Metaphone, shared part of a double surname),
 * given and family names swapped (one comparison, so a swap counts once), middle name,
 * generational suffix, date
 * of birth (exact, day/month swapped, year off by one, one typo, within 31 days, partial, within
 * a year, a generation apart: years 15 or more apart), address (street, postcode and city as one comparison, so that a shared household
 * address counts once; state is not compared separately, it would count the locality twice),
 * gender, e-mail, phone, device id and cookie id (evidence, with term frequencies, since
 * households share devices), and — per the {@link NationalIdPolicy} —
 * national id (exact, one typo). Its m and u probabilities are hand-set, documented estimates for typical customer
 * data (a later step estimates them from the data by expectation–maximisation); the
 * {@linkplain Builder#prior prior} is {@code 1e-4} and a pair links at match probability
 * {@code 0.85} — about 15.8 bits of evidence, such as a full name and a date of birth, or a full
 * name and a street address — and is reported for review from {@code 0.5}. Blocking keys — date
 * of birth; family-name Double Metaphone code + initial; postcode + initial; family-name code +
 * postcode; street + initial; e-mail local part; the sorted pair of given and family name;
 * family-name code + year of birth; family-name code + initial + city — each survive errors in the fields the
 * others use, so recall stays high while blocks stay small. The three keys made of names alone (or names and a
 * city) stop producing candidates for a value shared by more than {@value #NAME_BLOCK_CAP} records (a "John Smith"
 * of a large customer base): those records meet their matches through the keys with a date, a postcode, a street or
 * an e-mail, and candidate pairs grow with the records rather than with their square.
 *
 * <p><b>Households.</b> People of one household share a surname and an address, so among
 * different people a shared surname makes a shared address far likelier than the address's u
 * says, and the two weights added as independent evidence link household members. The rule
 * declares the address comparison dependent on the family-name comparison
 * ({@link io.unum.rules.Dependence}): training measures, among pairs with the same surname that
 * the other comparisons call different people, how much more often they share an address than
 * chance, and subtracts that lift (in bits) when both agree — with a surname equal or one typo
 * apart ({@code jaro-winkler >= 0.92}): a household member's surname keyed in with a typo is the
 * same household, and without the correction two people of one household linked on the typo.
 * Data without households (the FEBRL and Splink sets) show none and get no correction; the
 * hand-set parameters have none.
 *
 * <p><b>Organisations.</b> A record of a company, a shop or an agency carries its name in the
 * attribute {@link io.unum.model.Attributes#ORGANIZATION_NAME}: cleaned, legal forms ({@code Inc},
 * {@code GmbH}) dropped, compared exactly, with one name's words all in the other ("India Exports"
 * and "Universal Exports India"), within two typos, or by a shared word, and blocked with the
 * postcode and with the street.
 *
 * <p><b>National ids.</b> Keyed-in national ids contain typos, and a profile may hold only one
 * national id by default (merge protection). {@link NationalIdPolicy#TOLERANT} (the default)
 * therefore treats the national id as evidence rather than as a hard constraint: exact equality
 * still links deterministically and weighs heavily, a one-character difference counts for the
 * match, a different id counts against it, and the per-profile limit of one is lifted.
 * {@link NationalIdPolicy#STRICT} keeps the limit of one (a typo then splits a person in two);
 * {@link NationalIdPolicy#IGNORED} does not use national ids for matching (the identifier type's
 * own per-profile limit still applies to records that carry them).
 *
 * <p>Instances are immutable and thread-safe; every feature source, normalizer and condition
 * they contain is a pure function.
 */
public final class CustomerRules implements RuleSet {

    /** The rule-set name, under which {@link CustomerRulesProvider} is registered. */
    public static final String NAME = "customer";

    /** The name of the probabilistic rule. */
    public static final String PERSON_RULE = "person";

    static final double DEFAULT_MATCH_THRESHOLD = 0.85;
    static final double DEFAULT_REVIEW_THRESHOLD = 0.5;
    static final double DEFAULT_PRIOR = 0.0001;
    static final double DEFAULT_MAX_CONTRADICTION = 10.0;
    /** The deterministic types unless set otherwise (national id removed under {@link NationalIdPolicy#IGNORED}). */
    static final List<IdentifierType> DEFAULT_DETERMINISTIC_TYPES = List.of(IdentifierType.EMAIL, IdentifierType.PHONE,
            IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID, IdentifierType.NATIONAL_ID, IdentifierType.PASSPORT,
            IdentifierType.DRIVERS_LICENSE);

    /**
     * The block-size cap of the person rule's name-only keys (given and family name, in either
     * order or by family-name code, and family-name code + initial + city). At 1,000,000
     * generated records it takes the candidate pairs those keys give from 20.2 to 10.4 per
     * record while the share of true pairs sharing some key falls from 75.33 % to 75.15 %
     * ({@code BlockingReport} in the benchmarks); below a few hundred thousand records no
     * block reaches it.
     */
    public static final int NAME_BLOCK_CAP = 200;

    /**
     * Generic values ({@link Resolver.Builder#genericValues}): a value that records of this many
     * different people hold — a shop's default loyalty number, its own phone, a family's or an
     * agency's e-mail — stops linking on its own.
     */
    public static final int GENERIC_PEOPLE = 2;

    /**
     * Dates of birth with a two-digit year ({@code 10/27/76}) are read as the latest year ending in
     * those digits that is not after this one ({@code 76 → 1976}, {@code 11 → 2011}). A fixed
     * year rather than the clock's, so that the same records always give the same features.
     */
    public static final int TWO_DIGIT_YEAR_PIVOT = 2026;

    /**
     * Two records are different people, for generic values and for refusing a deterministic
     * link, when they contradict each other by more than this many bits with the shared value
     * not counted — the limit of merge protection ({@link Builder#maxContradiction}): with the
     * hand-set weights a different given name, date of birth and e-mail or family name; one or
     * two differing fields are not enough, as nicknames, typos and marriages change them (8 bits
     * was tried: the bundled sample gained 0.018 and the hand-set splink_fake_1000 lost 0.029
     * more, so the limit stayed with merge protection's). National ids are absolute (never
     * generic, never refused) unless {@link NationalIdPolicy#IGNORED}.
     */
    public static final double IDENTIFIER_CONTRADICTION = 10.0;

    /** How national identity numbers are used. */
    public enum NationalIdPolicy {
        /** Deterministic on exact equality, probabilistic evidence otherwise, no per-profile limit (default). */
        TOLERANT,
        /** Deterministic on exact equality, probabilistic evidence, at most one national id per profile. */
        STRICT,
        /** National ids are not used for matching. */
        IGNORED
    }

    /** The feature names this configuration defines; comparisons and blocking keys refer to them. */
    public static final class Features {
        /** Given name, cleaned, honorifics and suffixes removed. */
        public static final String GIVEN = "given";
        /** Given name with nicknames canonicalized ({@code bob → robert}). */
        public static final String GIVEN_CANONICAL = "given_canonical";
        /** First letter of the canonical given name. */
        public static final String GIVEN_INITIAL = "given_initial";
        /** {@code canonical given|family}, for detecting swapped names. */
        public static final String NAME_PAIR = "name_pair";
        /** Canonical given and family names sorted, a blocking key that survives swapped names. */
        public static final String NAME_SET = "name_set";
        /** Middle names, cleaned. */
        public static final String MIDDLE = "middle";
        /** Family name, cleaned; double surnames space-separated. */
        public static final String FAMILY = "family";
        /** Double Metaphone codes of the family name. */
        public static final String FAMILY_DM = "family_dm";
        /** Generational suffix ({@code jr}, {@code sr}, {@code iii}). */
        public static final String SUFFIX = "suffix";
        /**
         * {@code given␟family␟dob} of a record with a given name, for telling people apart
         * ({@code Resolver.Builder.distinctPeople}); no comparison or blocking key reads it.
         */
        public static final String IDENTITY = "identity";
        /** Date of birth, ISO. */
        public static final String DOB = "dob";
        /** Year of birth. */
        public static final String DOB_YEAR = "dob_year";
        /** Gender, {@code f}, {@code m} or cleaned other value. */
        public static final String GENDER = "gender";
        /** {@code street|postcode|city}, for one address comparison that counts a shared address once. */
        public static final String ADDRESS = "address";
        /** House number and street, canonical, without unit. */
        public static final String STREET = "street";
        /** Postcode, letters and digits. */
        public static final String POSTCODE = "postcode";
        /** City or suburb, cleaned. */
        public static final String CITY = "city";
        /** State, postal abbreviation. */
        public static final String STATE = "state";
        /** First linkable e-mail address. */
        public static final String EMAIL = "email";
        /** Its local part. */
        public static final String EMAIL_LOCAL = "email_local";
        /** First linkable phone number, E.164. */
        public static final String PHONE = "phone";
        /** First device id (mobile advertising id or similar), lower case. */
        public static final String DEVICE = "device";
        /** First cookie id. */
        public static final String COOKIE = "cookie";
        /** First linkable national id. */
        public static final String NATIONAL_ID = "national_id";
        /** First linkable passport number. */
        public static final String PASSPORT = "passport";
        /** First linkable driver's licence number. */
        public static final String DRIVERS_LICENSE = "drivers_license";
        /** An organisation's name, cleaned, legal forms ({@code Inc}, {@code GmbH}) dropped. */
        public static final String ORGANIZATION = "organization";
        /** {@code org} for a record with an organisation's name: organisations are blocked by postcode. */
        public static final String ORGANIZATION_MARK = "organization_mark";

        private Features() {
        }
    }

    final String region;
    final DateNormalizer.DayMonthOrder dateOrder;
    final NationalIdPolicy nationalIds;
    final EmailNormalizer emails;
    final Nicknames nicknames;
    final Set<IdentifierType> deterministicTypes;
    final double matchThreshold;
    final double reviewThreshold;
    final double prior;
    final double maxContradiction;
    private final Map<String, String> parameters;

    private CustomerRules(Builder b) {
        this.region = b.region;
        this.dateOrder = b.dateOrder;
        this.nationalIds = b.nationalIds;
        this.emails = b.emails;
        this.nicknames = b.nicknames;
        this.deterministicTypes = effectiveTypes(b.deterministicTypes != null ? b.deterministicTypes
                : DEFAULT_DETERMINISTIC_TYPES, nationalIds);
        this.matchThreshold = b.matchThreshold;
        this.reviewThreshold = b.reviewThreshold;
        this.prior = b.prior;
        this.maxContradiction = b.maxContradiction;
        this.parameters = CustomerRulesProvider.parameters(this);
    }

    static Set<IdentifierType> effectiveTypes(Collection<IdentifierType> given, NationalIdPolicy policy) {
        Set<IdentifierType> types = new LinkedHashSet<>(given);
        if (policy == NationalIdPolicy.IGNORED) {
            types.remove(IdentifierType.NATIONAL_ID);
        }
        return Collections.unmodifiableSet(types);
    }

    /** The default configuration: no default phone region, day-first dates, {@link NationalIdPolicy#TOLERANT}. */
    public static CustomerRules standard() {
        return builder().build();
    }

    /** Starts a configuration with the defaults of {@link #standard()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds this configuration to a resolver builder as a rule set: the same as
     * {@code builder.ruleSet(this)} (see {@link #configure}), so that the resolver can describe
     * itself as an {@link io.unum.EngineSpec}. The builder must not already have identifier
     * normalizers for these types (or, under {@link NationalIdPolicy#TOLERANT}, a national-id
     * limit), a {@linkplain Resolver.Builder#maxContradiction maxContradiction}, nor features or
     * rules of the same names.
     *
     * @param builder the resolver builder
     * @return the same builder, for chaining
     */
    public Resolver.Builder applyTo(Resolver.Builder builder) {
        Objects.requireNonNull(builder, "resolver builder");
        return builder.ruleSet(this);
    }

    /**
     * The {@linkplain #revision() revision} of what this version derives from records. 1: every
     * version before revisions were recorded (until 2026-12-07); 2: loyalty numbers read without
     * their letter prefix and leading zeros, and the {@code identity} feature of distinct people;
     * 3: the household correction also for surnames one typo apart, distinct people told apart
     * by birth dates a generation apart (a given name without a birth date partial), and
     * organisations' names compared (links of version 2 may split or join); 4: birth dates a
     * generation apart, a level of the date comparison of their own, and values generic also
     * through many holders that contradict each other by half the bits; 5: the match threshold
     * 0.85 (was 0.95), with training's prior taken at the prior itself (a trained model of an
     * earlier revision gives more links).
     * A store built with another revision is refused until its records are resolved again.
     */
    public static final int REVISION = 5;

    /** {@value #REVISION}: see {@link #REVISION}. */
    @Override
    public int revision() {
        return REVISION;
    }

    /** {@value #NAME}, the name {@link CustomerRulesProvider} is registered under. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * The settings that are not at their defaults, by the names of {@link Parameters} and in
     * their formats, sorted by name; empty for {@link #standard()}. A deterministic function of
     * the settings: equal configurations give equal maps, and
     * {@code new CustomerRulesProvider().create(rules.parameters())} equals {@code rules}.
     *
     * @return an unmodifiable map that iterates in name order
     */
    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * Adds this configuration to a resolver builder: the {@linkplain #features() features},
     * the {@linkplain #identifierNormalizers() identifier normalizers} for e-mail, phone,
     * customer, loyalty and national ids, the national-id {@linkplain #limits() limit} of the
     * policy, the {@linkplain #rules() rules}, and the builder's
     * {@linkplain Resolver.Builder#maxContradiction maxContradiction} unless it is infinite.
     * Called by {@link Resolver.Builder#ruleSet}; call that (or {@link #applyTo}) rather than
     * this method, or the resolver cannot describe itself as an {@link io.unum.EngineSpec}.
     *
     * @param builder the resolver builder, see {@link #applyTo} for what it must not have yet
     */
    @Override
    public void configure(Resolver.Builder builder) {
        Objects.requireNonNull(builder, "resolver builder");
        builder.features(features());
        identifierNormalizers().forEach(builder::identifierNormalizer);
        limits().forEach(builder::limit);
        builder.rules(rules());
        if (maxContradiction != Double.POSITIVE_INFINITY) {
            builder.maxContradiction(maxContradiction);
        }
        builder.genericValues(GENERIC_PEOPLE, IDENTIFIER_CONTRADICTION);
        builder.distinctPeople(Features.IDENTITY, DistinctPeople.samePerson(nicknames),
                DistinctPeople::withoutBirthDate);
        if (nationalIds != NationalIdPolicy.IGNORED) {
            builder.absoluteIdentifier(IdentifierType.NATIONAL_ID);
        }
    }

    /** The identifier normalizers {@link #applyTo} installs. */
    public Map<IdentifierType, IdentifierNormalizer> identifierNormalizers() {
        return CustomerFeatures.identifierNormalizers(this);
    }

    /** The per-profile limits {@link #applyTo} sets: none, or no limit on national ids under {@link NationalIdPolicy#TOLERANT}. */
    public Map<IdentifierType, Integer> limits() {
        return nationalIds == NationalIdPolicy.TOLERANT ? Map.of(IdentifierType.NATIONAL_ID, Integer.MAX_VALUE) : Map.of();
    }

    /** The features the rules use; see {@link Features}. */
    public List<Feature> features() {
        return CustomerFeatures.features(this);
    }

    /** The deterministic rules (one per type, named after it) and the probabilistic rule {@value #PERSON_RULE}. */
    public List<MatchRule> rules() {
        List<MatchRule> rules = new ArrayList<>();
        for (IdentifierType type : deterministicTypes) {
            rules.add(MatchRule.deterministic(type.name().replace(':', '-'), type));
        }
        rules.add(personRule());
        return List.copyOf(rules);
    }

    /**
     * The blocking keys to train the probabilistic rule's m values on by expectation–
     * maximisation (see {@code TrainingOptions.Builder.pass}): date of birth, which estimates the
     * name, address and contact comparisons; the full name (given and family, in either order)
     * and the e-mail local part, which estimate the date of birth and the rest. Keys that group households
     * (surname, postcode, street, city) are left out: inside such blocks EM learns "same
     * household" instead of "same person".
     */
    public List<BlockingKey> trainingPasses() {
        return List.of(BlockingKey.on(Features.DOB), BlockingKey.on(Features.NAME_SET), BlockingKey.on(Features.EMAIL_LOCAL));
    }

    /**
     * Training options for these rules: the defaults of {@link TrainingOptions} with EM on
     * {@link #trainingPasses()} instead of every blocking key. This is what {@code unum resolve}
     * trains with; use it for {@code resolver.train(records, rules.trainingOptions())}.
     *
     * @return the options, immutable
     */
    public TrainingOptions trainingOptions() {
        TrainingOptions.Builder options = TrainingOptions.newBuilder();
        trainingPasses().forEach(options::pass);
        return options.build();
    }

    /** The probabilistic rule {@value #PERSON_RULE}. */
    public MatchRule.Probabilistic personRule() {
        return PersonRule.of(this);
    }

    /**
     * Equal when both are the rule set {@value #NAME} with equal {@link #parameters()}, that is
     * when they configure a resolver alike.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CustomerRules other && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return NAME.hashCode() * 31 + parameters.hashCode();
    }

    @Override
    public String toString() {
        return "CustomerRules[region=" + (region == null ? "none" : region) + ", dates=" + dateOrder
                + ", nationalIds=" + nationalIds + ", deterministic=" + deterministicTypes + "]";
    }

    /**
     * The names of the {@linkplain CustomerRules#parameters() parameters} of the rule set
     * {@value CustomerRules#NAME} and their text formats. A parameter that is absent takes the
     * default of the {@link Builder} setting it stands for; {@link CustomerRules#parameters()}
     * writes only the settings that are not at their defaults, numbers as
     * {@link Double#toString(double)} writes them (so they read back exactly), lists
     * comma-separated without spaces. {@link CustomerRulesProvider#create} reads them.
     */
    public static final class Parameters {
        /** {@link Builder#defaultRegion}: an ISO 3166-1 alpha-2 code in upper case, e.g. {@code US}. Default: none. */
        public static final String DEFAULT_REGION = "defaultRegion";
        /** {@link Builder#dateOrder}: {@code DAY_FIRST} (default), {@code MONTH_FIRST} or {@code REJECT_AMBIGUOUS}. */
        public static final String DATE_ORDER = "dateOrder";
        /** {@link Builder#nationalIds}: {@code TOLERANT} (default), {@code STRICT} or {@code IGNORED}. */
        public static final String NATIONAL_IDS = "nationalIds";
        /**
         * {@link Builder#deterministicTypes}: identifier type names in rule order, comma-separated,
         * e.g. {@code customer_id,loyalty_id}; the empty text for none. Default
         * {@code email,phone,customer_id,loyalty_id,national_id} ({@code national_id} is left out
         * under {@code IGNORED}).
         */
        public static final String DETERMINISTIC_TYPES = "deterministicTypes";
        /** The match threshold of {@link Builder#thresholds}: a number in (0, 1), default {@code 0.85}. */
        public static final String MATCH_THRESHOLD = "matchThreshold";
        /** The review threshold of {@link Builder#thresholds}: a number in (0, match threshold], default {@code 0.5}. */
        public static final String REVIEW_THRESHOLD = "reviewThreshold";
        /** {@link Builder#prior}: a number in (0, 1), default {@code 1.0E-4}. */
        public static final String PRIOR = "prior";
        /** {@link Builder#maxContradiction}: a positive number of bits or {@code Infinity} (off), default {@code 10.0}. */
        public static final String MAX_CONTRADICTION = "maxContradiction";
        /** {@link EmailNormalizer#plusTags()}: {@code KNOWN_PROVIDERS} (default), {@code ALL} or {@code NONE}. */
        public static final String EMAIL_PLUS_TAGS = "email.plusTags";
        /** {@link EmailNormalizer#gmailRules()}: {@code true} (default) or {@code false}. */
        public static final String EMAIL_GMAIL_RULES = "email.gmailRules";
        /** {@link EmailNormalizer#roleAddressesIdentify()}: {@code false} (default) or {@code true}. */
        public static final String EMAIL_ROLE_ADDRESSES_IDENTIFY = "email.roleAddressesIdentify";
        /** {@link EmailNormalizer#placeholderLocalParts()}: the added local parts, sorted, comma-separated. Default none. */
        public static final String EMAIL_PLACEHOLDER_LOCAL_PARTS = "email.placeholderLocalParts";
        /** {@link EmailNormalizer#placeholderDomains()}: the added domains, sorted, comma-separated. Default none. */
        public static final String EMAIL_PLACEHOLDER_DOMAINS = "email.placeholderDomains";
        /** {@link Builder#nicknames}: the table in the text form of {@link Nicknames#toText()}. Default {@link Nicknames#bundled()}. */
        public static final String NICKNAMES = "nicknames";

        /** Every parameter name, sorted. */
        static final List<String> ALL = List.of(DATE_ORDER, DEFAULT_REGION, DETERMINISTIC_TYPES, EMAIL_GMAIL_RULES,
                EMAIL_PLACEHOLDER_DOMAINS, EMAIL_PLACEHOLDER_LOCAL_PARTS, EMAIL_PLUS_TAGS, EMAIL_ROLE_ADDRESSES_IDENTIFY,
                MATCH_THRESHOLD, MAX_CONTRADICTION, NATIONAL_IDS, NICKNAMES, PRIOR, REVIEW_THRESHOLD);

        private Parameters() {
        }
    }

    /** Builds {@link CustomerRules}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private String region;
        private DateNormalizer.DayMonthOrder dateOrder = DateNormalizer.DayMonthOrder.DAY_FIRST;
        private boolean dateOrderSet;
        private NationalIdPolicy nationalIds = NationalIdPolicy.TOLERANT;
        private boolean nationalIdsSet;
        private EmailNormalizer emails = EmailNormalizer.standard();
        private boolean emailsSet;
        private Nicknames nicknames = Nicknames.bundled();
        private boolean nicknamesSet;
        private Set<IdentifierType> deterministicTypes;
        private double matchThreshold = DEFAULT_MATCH_THRESHOLD;
        private double reviewThreshold = DEFAULT_REVIEW_THRESHOLD;
        private boolean thresholdsSet;
        private double prior = DEFAULT_PRIOR;
        private boolean priorSet;
        private double maxContradiction = DEFAULT_MAX_CONTRADICTION;
        private boolean maxContradictionSet;

        private Builder() {
        }

        /**
         * The region for phone numbers written without a country code, an ISO 3166-1 alpha-2
         * code such as {@code "US"} or {@code "AU"} (default: none; such numbers are malformed).
         */
        public Builder defaultRegion(String isoRegion) {
            if (region != null) {
                throw new IllegalStateException("defaultRegion was already set to " + region);
            }
            region = Phones.normalizer(Objects.requireNonNull(isoRegion, "default region")).defaultRegion();
            return this;
        }

        /** How ambiguous numeric dates such as {@code 03/07/1984} are read (default day first). */
        public Builder dateOrder(DateNormalizer.DayMonthOrder order) {
            if (dateOrderSet) {
                throw new IllegalStateException("dateOrder was already set to " + dateOrder);
            }
            dateOrderSet = true;
            dateOrder = Objects.requireNonNull(order, "date order");
            return this;
        }

        /** How national ids are used (default {@link NationalIdPolicy#TOLERANT}). */
        public Builder nationalIds(NationalIdPolicy policy) {
            if (nationalIdsSet) {
                throw new IllegalStateException("nationalIds was already set to " + nationalIds);
            }
            nationalIdsSet = true;
            nationalIds = Objects.requireNonNull(policy, "national id policy");
            return this;
        }

        /** The e-mail normalizer (default {@link EmailNormalizer#standard()}). */
        public Builder emails(EmailNormalizer normalizer) {
            if (emailsSet) {
                throw new IllegalStateException("emails was already set to " + emails);
            }
            emailsSet = true;
            emails = Objects.requireNonNull(normalizer, "e-mail normalizer");
            return this;
        }

        /** The nickname table (default {@link Nicknames#bundled()}). */
        public Builder nicknames(Nicknames table) {
            if (nicknamesSet) {
                throw new IllegalStateException("nicknames was already set");
            }
            nicknamesSet = true;
            nicknames = Objects.requireNonNull(table, "nickname table");
            return this;
        }

        /**
         * The identifier types that link deterministically (default e-mail, phone, customer
         * id, loyalty id, national id). Each must be a deterministic type.
         */
        public Builder deterministicTypes(IdentifierType... types) {
            if (deterministicTypes != null) {
                throw new IllegalStateException("deterministicTypes was already set to " + deterministicTypes);
            }
            Set<IdentifierType> set = new LinkedHashSet<>();
            for (IdentifierType type : types) {
                Objects.requireNonNull(type, "identifier type");
                if (!type.deterministic()) {
                    throw new IllegalArgumentException("identifier type " + type.name() + " is not deterministic");
                }
                set.add(type);
            }
            deterministicTypes = set;
            return this;
        }

        /**
         * The match probability at which the probabilistic rule links (default 0.85; 0.95 before
         * revision 5, when training's prior was several times too high) and at
         * which it reports a possible match (default 0.5); both in (0, 1), review at most match.
         */
        public Builder thresholds(double match, double review) {
            if (thresholdsSet) {
                throw new IllegalStateException("thresholds were already set to " + matchThreshold + "/" + reviewThreshold);
            }
            if (!(match > 0 && match < 1) || !(review > 0 && review <= match)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < review <= match < 1, were match "
                        + match + ", review " + review);
            }
            thresholdsSet = true;
            matchThreshold = match;
            reviewThreshold = review;
            return this;
        }

        /**
         * The prior match probability of the probabilistic rule: the probability that two
         * records drawn at random belong to the same person, roughly (records per person − 1)
         * divided by the number of records (default {@code 1e-4}, i.e. a few tens of thousands
         * of records with some duplication). A smaller prior demands more evidence per link.
         */
        public Builder prior(double value) {
            if (priorSet) {
                throw new IllegalStateException("prior was already set to " + prior);
            }
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("prior must be in (0, 1), was " + value);
            }
            priorSet = true;
            prior = value;
            return this;
        }

        /**
         * Merge protection installed by {@link #applyTo}: two records whose comparisons
         * contradict each other by more than {@code bits} (for example a different given name and
         * a different date of birth) never share a profile (default 10 bits, about 1000 to 1
         * against; {@link Double#POSITIVE_INFINITY} turns it off). It stops an under-specified
         * record (a surname and an address) from chaining the members of a household together.
         */
        public Builder maxContradiction(double bits) {
            if (maxContradictionSet) {
                throw new IllegalStateException("maxContradiction was already set to " + maxContradiction);
            }
            if (!(bits > 0)) {
                throw new IllegalArgumentException("maxContradiction must be positive, was " + bits);
            }
            maxContradictionSet = true;
            maxContradiction = bits;
            return this;
        }

        /** Returns the immutable configuration. */
        public CustomerRules build() {
            return new CustomerRules(this);
        }
    }
}
