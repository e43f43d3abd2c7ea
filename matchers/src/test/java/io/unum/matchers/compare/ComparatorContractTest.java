package io.unum.matchers.compare;

import io.unum.spi.FieldComparator;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Nested;

/** Runs the {@link FieldComparator} contract on every comparator of {@link Comparators}. */
class ComparatorContractTest {

    @Nested
    class Exact extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.exact();
        }

        @Override
        protected boolean throwsOnNull() {
            return false; // core's equality comparator: "a".equals(null) is simply false
        }
    }

    @Nested
    class JaroContract extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.jaro();
        }
    }

    @Nested
    class JaroWinklerContract extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.jaroWinkler();
        }

        @Override
        protected String randomValue(Random random) {
            // long values too, to exercise the scratch-array path beyond 64 code units
            return random.nextInt(10) == 0 ? Samples.randomString(random, 200)
                    : super.randomValue(random);
        }
    }

    @Nested
    class Levenshtein extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.levenshtein();
        }

        @Override
        protected String randomValue(Random random) {
            return random.nextInt(10) == 0 ? Samples.randomString(random, 200)
                    : super.randomValue(random);
        }
    }

    @Nested
    class BoundedLevenshtein extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.levenshtein(2);
        }
    }

    @Nested
    class DamerauLevenshtein extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.damerauLevenshtein();
        }

        @Override
        protected String randomValue(Random random) {
            return random.nextInt(10) == 0 ? Samples.randomString(random, 200)
                    : super.randomValue(random);
        }
    }

    @Nested
    class BoundedDamerauLevenshtein extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.damerauLevenshtein(1);
        }
    }

    @Nested
    class JaccardTokens extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.jaccardTokens();
        }
    }

    @Nested
    class DiceTokens extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.diceTokens();
        }
    }

    @Nested
    class OverlapTokens extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.overlapTokens();
        }
    }

    @Nested
    class JaccardBigrams extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.jaccardQGrams(2);
        }
    }

    @Nested
    class DiceTrigrams extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.diceQGrams(3);
        }
    }

    @Nested
    class JaccardUnigrams extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.jaccardQGrams(1);
        }
    }

    @Nested
    class MongeElkanJaroWinkler extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.mongeElkan();
        }
    }

    @Nested
    class MongeElkanForeignInner extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            // an inner comparator from outside the package takes the substring path
            return Comparators.mongeElkan(new FieldComparator() {
                @Override
                public double compare(String a, String b) {
                    return Comparators.levenshtein().compare(a, b);
                }
            });
        }
    }

    @Nested
    class Soundex extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.soundex();
        }
    }

    @Nested
    class DoubleMetaphone extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.doubleMetaphone();
        }
    }

    @Nested
    class Nysiis extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.nysiis();
        }
    }

    @Nested
    class BeiderMorse extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.beiderMorse();
        }

        @Override
        protected String randomValue(Random random) {
            return NAMES[random.nextInt(NAMES.length)];
        }
    }

    @Nested
    class Dates extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.date(30);
        }

        @Override
        protected String randomValue(Random random) {
            return randomDate(random);
        }

        @Override
        protected String[] randomPair(Random random) {
            String a = randomDate(random);
            if (random.nextBoolean() && a.length() == 10) {
                // swapped day and month, year off by one or a few days apart
                String swapped = a.substring(0, 5) + a.substring(8, 10) + "-" + a.substring(5, 7);
                return new String[] {a, random.nextBoolean() ? swapped : a.substring(0, 3) + (char) ('0' + random.nextInt(10)) + a.substring(4)};
            }
            return new String[] {a, random.nextInt(4) == 0 && a.length() == 10 ? a.substring(0, 7) : randomDate(random)};
        }
    }

    @Nested
    class NumericAbsolute extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.numericAbsolute(10.0);
        }

        @Override
        protected String randomValue(Random random) {
            return randomNumber(random);
        }
    }

    @Nested
    class NumericRelative extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.numericRelative(0.2);
        }

        @Override
        protected String randomValue(Random random) {
            return randomNumber(random);
        }
    }

    @Nested
    class Haversine extends FieldComparatorContract {
        @Override
        protected FieldComparator comparator() {
            return Comparators.geoDistance(50.0);
        }

        @Override
        protected String randomValue(Random random) {
            return random.nextInt(20) == 0 ? "not a point"
                    : String.format(Locale.ROOT, "%.4f,%.4f", random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
        }

        @Override
        protected String[] randomPair(Random random) {
            double lat = random.nextDouble() * 170 - 85;
            double lon = random.nextDouble() * 350 - 175;
            String a = String.format(Locale.ROOT, "%.4f,%.4f", lat, lon);
            String b = String.format(Locale.ROOT, "%.4f,%.4f", lat + random.nextGaussian() * 0.3, lon + random.nextGaussian() * 0.3);
            return new String[] {a, b};
        }
    }

    static final String[] NAMES = {"smith", "schmidt", "smyth", "garcia", "garsia", "lopez", "meyer", "maier",
        "mueller", "muller", "jones", "johnson", "jonson", "o", "123", "van der berg", "", "katz", "cats",
        "björk", "zhang"};

    static String randomDate(Random random) {
        int year = 1900 + random.nextInt(120);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        switch (random.nextInt(10)) {
            case 0:
                return String.format(Locale.ROOT, "%04d", year);
            case 1:
                return String.format(Locale.ROOT, "%04d-%02d", year, month);
            case 2:
                return "not a date";
            default:
                return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        }
    }

    static String randomNumber(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return Integer.toString(random.nextInt(100));
            case 1:
                return "abc";
            case 2:
                return String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 50);
            default:
                return Integer.toString(random.nextInt(30) - 15);
        }
    }
}
