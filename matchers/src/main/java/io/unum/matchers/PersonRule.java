package io.unum.matchers;

import io.unum.matchers.CustomerRules.Features;
import io.unum.matchers.compare.Comparators;
import io.unum.matchers.compare.DateComparator;
import io.unum.matchers.compare.DateLevel;
import io.unum.matchers.compare.MatchConditions;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.FieldComparator;
import java.util.List;

/**
 * The probabilistic rule {@value CustomerRules#PERSON_RULE} of {@link CustomerRules}: its
 * comparisons with their levels and hand-set m and u, its blocking keys and its dependence; see
 * the class javadoc of {@link CustomerRules} for what each means.
 */
final class PersonRule {

    private PersonRule() {
    }

    /** The rule for a configuration (its nickname table, national-id policy, prior and thresholds). */
    static MatchRule.Probabilistic of(CustomerRules rules) {
        FieldComparator jw = Comparators.jaroWinkler();
        LevelCondition swapped = MatchConditions.swappedParts(Comparators.exact(), 1.0);
        LevelCondition swappedFuzzy = MatchConditions.swappedParts(jw, 0.9);
        DateComparator dates = Comparators.date(31);
        DateComparator year = Comparators.date(366);
        MatchRule.ProbabilisticBuilder rule = MatchRule.probabilistic(CustomerRules.PERSON_RULE)
                .comparison(comparison(Features.GIVEN,
                        level("exact", null, LevelCondition.exact(), 0.80, 0.01),
                        level("nickname", Features.GIVEN_CANONICAL, LevelCondition.exact(), 0.04, 0.002),
                        level("nickname-compatible", null, rules.nicknames.condition(), 0.02, 0.002),
                        level("jaro-winkler >= 0.92", null, LevelCondition.atLeast(jw, 0.92), 0.05, 0.003),
                        level("initial", null, MatchConditions.initialMatch(), 0.01, 0.004),
                        level("jaro-winkler >= 0.8", null, LevelCondition.atLeast(jw, 0.8), 0.03, 0.02),
                        level("else", null, LevelCondition.always(), 0.05, 0.95)).withTermFrequencies())
                .comparison(comparison(Features.FAMILY,
                        level("exact", null, LevelCondition.exact(), 0.82, 0.004),
                        level("jaro-winkler >= 0.92", null, LevelCondition.atLeast(jw, 0.92), 0.07, 0.002),
                        level("double-metaphone", Features.FAMILY_DM, LevelCondition.exact(), 0.03, 0.004),
                        level("shared part", null, MatchConditions.sharedToken(), 0.02, 0.001),
                        level("jaro-winkler >= 0.8", null, LevelCondition.atLeast(jw, 0.8), 0.02, 0.015),
                        level("else", null, LevelCondition.always(), 0.04, 0.97)).withTermFrequencies())
                // swapped given and family names are one piece of evidence, not one per name: the
                // name comparisons above see a swap as disagreement, this one as agreement
                .comparison(new Comparison("swapped names", Features.NAME_PAIR, List.of(
                        // a swap agrees on both names, and the given and family comparisons above count
                        // it against twice (their "else", -8.85 bits by hand): u is set so that a swap
                        // weighs in all what agreeing names do (exact: +14.0 bits, a typo in each: +9.2);
                        // trained models estimate u from the data
                        level("swapped", null, swapped, 0.01, 0.0000000013),
                        level("swapped, typo", null, swappedFuzzy, 0.005, 0.000000019),
                        level("else", null, LevelCondition.always(), 0.985, 0.9998))))
                .comparison(comparison(Features.MIDDLE,
                        level("exact", null, LevelCondition.exact(), 0.70, 0.05),
                        level("initial", null, MatchConditions.initialMatch(), 0.15, 0.08),
                        level("else", null, LevelCondition.always(), 0.15, 0.87)))
                .comparison(comparison(Features.SUFFIX,
                        level("exact", null, LevelCondition.exact(), 0.995, 0.4),
                        level("else", null, LevelCondition.always(), 0.005, 0.6)))
                .comparison(comparison(Features.DOB,
                        level("exact", null, LevelCondition.exact(), 0.84, 0.0001),
                        level("day/month swapped", null, dates.condition(DateLevel.DAY_MONTH_SWAPPED), 0.02, 0.00002),
                        level("year off by one", null, dates.condition(DateLevel.YEAR_OFF_BY_ONE), 0.02, 0.00005),
                        level("one typo", null, MatchConditions.damerauLevenshteinAtMost(1), 0.03, 0.0003),
                        level("within 31 days", null, dates.condition(DateLevel.WITHIN_DAYS), 0.02, 0.003),
                        level("partial agreement", null, dates.condition(DateLevel.PARTIAL_AGREEMENT), 0.01, 0.01),
                        level("within a year", null, year.condition(DateLevel.WITHIN_DAYS), 0.02, 0.02),
                        // after every level that takes a typo: a parent and a child of one name. By hand,
                        // about one in a hundred of a person's pairs of records (a parent's date keyed for
                        // a child, a default year); trained models estimate it (see Trainer)
                        level("a generation apart", null, generationApart(), 0.01, 0.6),
                        level("else", null, LevelCondition.always(), 0.03, 0.377)))
                .comparison(comparison(Features.GENDER,
                        level("exact", null, LevelCondition.exact(), 0.96, 0.5),
                        level("else", null, LevelCondition.always(), 0.04, 0.5)))
                .comparison(comparison(Features.ADDRESS,
                        level("street and locality", null, AddressLevels.streetAndLocality(), 0.50, 0.0001),
                        level("street", null, AddressLevels.street(), 0.03, 0.00005),
                        level("similar street, same locality", null, AddressLevels.similarStreetSameLocality(jw, 0.9),
                                0.10, 0.0002),
                        level("related street, same locality", null, AddressLevels.similarStreetSameLocality(jw, 0.75),
                                0.03, 0.001),
                        level("postcode, no street to compare", null, AddressLevels.postcode(false), 0.10, 0.00125),
                        level("city, no street to compare", null, AddressLevels.city(false), 0.06, 0.0025),
                        level("postcode, streets differ", null, AddressLevels.postcode(true), 0.03, 0.008),
                        level("city, streets differ", null, AddressLevels.city(true), 0.02, 0.01),
                        level("similar postcode or city", null, AddressLevels.similarLocality(
                                Comparators.damerauLevenshtein(1), 0.01, jw, 0.9), 0.03, 0.03),
                        level("else", null, LevelCondition.always(), 0.06, 0.94)))
                .comparison(comparison(Features.EMAIL,
                        level("exact", null, LevelCondition.exact(), 0.70, 0.00001),
                        level("local part", Features.EMAIL_LOCAL, LevelCondition.exact(), 0.03, 0.0001),
                        level("levenshtein <= 2", null, MatchConditions.levenshteinAtMost(2), 0.07, 0.001),
                        level("else", null, LevelCondition.always(), 0.20, 0.9989)))
                .comparison(comparison(Features.PHONE,
                        level("exact", null, LevelCondition.exact(), 0.70, 0.00001),
                        level("one typo", null, MatchConditions.damerauLevenshteinAtMost(1), 0.05, 0.0001),
                        level("else", null, LevelCondition.always(), 0.25, 0.99989)))
                // devices and cookies are shared within households: strong evidence, not a deterministic link
                .comparison(comparison(Features.DEVICE,
                        level("exact", null, LevelCondition.exact(), 0.50, 0.00001),
                        level("else", null, LevelCondition.always(), 0.50, 0.99999)).withTermFrequencies())
                .comparison(comparison(Features.COOKIE,
                        level("exact", null, LevelCondition.exact(), 0.50, 0.00001),
                        level("else", null, LevelCondition.always(), 0.50, 0.99999)).withTermFrequencies());
        if (rules.nationalIds != CustomerRules.NationalIdPolicy.IGNORED) {
            rule.comparison(comparison(Features.NATIONAL_ID,
                    level("exact", null, LevelCondition.exact(), 0.85, 0.000001),
                    level("one typo", null, MatchConditions.damerauLevenshteinAtMost(1), 0.03, 0.00001),
                    level("else", null, LevelCondition.always(), 0.12, 0.999989)));
        }
        // identity documents: a different number counts against, as for national ids
        rule.comparison(comparison(Features.PASSPORT,
                level("exact", null, LevelCondition.exact(), 0.85, 0.000001),
                level("one typo", null, MatchConditions.damerauLevenshteinAtMost(1), 0.03, 0.00001),
                level("else", null, LevelCondition.always(), 0.12, 0.999989)));
        rule.comparison(comparison(Features.DRIVERS_LICENSE,
                level("exact", null, LevelCondition.exact(), 0.85, 0.000001),
                level("one typo", null, MatchConditions.damerauLevenshteinAtMost(1), 0.03, 0.00001),
                level("else", null, LevelCondition.always(), 0.12, 0.999989)));
        // organisations' names (records of a company, a shop, an agency), written with and without
        // words such as the country or "worldwide"
        rule.comparison(comparison(Features.ORGANIZATION,
                level("exact", null, LevelCondition.exact(), 0.70, 0.0001),
                level("one name in the other", null, MatchConditions.tokensContained(2), 0.12, 0.0005),
                // edits, not Jaro-Winkler: names of one group share a long prefix ("universal exports …")
                level("two typos", null, MatchConditions.damerauLevenshteinAtMost(2), 0.08, 0.001),
                level("shared word", null, MatchConditions.sharedToken(), 0.05, 0.02),
                level("else", null, LevelCondition.always(), 0.05, 0.9784)));
        return rule
                .blockingKey(BlockingKey.on(Features.DOB))
                .blockingKey(BlockingKey.on(Features.FAMILY_DM, Features.GIVEN_CANONICAL).withMaxBlockSize(CustomerRules.NAME_BLOCK_CAP))
                .blockingKey(BlockingKey.on(Features.POSTCODE, Features.GIVEN_INITIAL))
                .blockingKey(BlockingKey.on(Features.FAMILY_DM, Features.POSTCODE))
                .blockingKey(BlockingKey.on(Features.STREET, Features.GIVEN_INITIAL))
                .blockingKey(BlockingKey.on(Features.EMAIL_LOCAL))
                .blockingKey(BlockingKey.on(Features.DEVICE))
                .blockingKey(BlockingKey.on(Features.COOKIE))
                .blockingKey(BlockingKey.on(Features.NAME_SET).withMaxBlockSize(CustomerRules.NAME_BLOCK_CAP))
                .blockingKey(BlockingKey.on(Features.FAMILY_DM, Features.DOB_YEAR))
                .blockingKey(BlockingKey.on(Features.FAMILY_DM, Features.GIVEN_INITIAL, Features.CITY)
                        .withMaxBlockSize(CustomerRules.NAME_BLOCK_CAP))
                .blockingKey(BlockingKey.on(Features.ORGANIZATION_MARK, Features.POSTCODE))
                .blockingKey(BlockingKey.on(Features.ORGANIZATION_MARK, Features.STREET))
                // exact surname or one typo apart (the first two family levels): see CustomerRules, Households
                .dependence(Features.FAMILY, 2, Features.ADDRESS)
                .prior(rules.prior)
                .matchThreshold(rules.matchThreshold)
                .reviewThreshold(rules.reviewThreshold)
                .build();
    }

    /**
     * Birth dates whose years are at least {@value DistinctPeople#GENERATION} apart (placed after
     * every level that takes a typo, so the dates are not alike).
     */
    private static LevelCondition generationApart() {
        return LevelCondition.named("years at least " + DistinctPeople.GENERATION + " apart",
                DistinctPeople::yearsAGenerationApart);
    }

    private static Comparison comparison(String feature, ComparisonLevel... levels) {
        return new Comparison(feature, feature, List.of(levels));
    }

    private static ComparisonLevel level(String label, String feature, LevelCondition condition, double m, double u) {
        return new ComparisonLevel(label, feature, condition, m, u);
    }
}
