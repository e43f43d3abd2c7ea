package io.unum.benchmarks;

import io.unum.matchers.names.NameNormalizers;
import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;

/**
 * Seeded pairs of realistic field values for the comparator benchmarks, taken from generated
 * customer records (so with the generator's typos, nicknames, diacritics and e-mail variants)
 * and normalized as the customer rules' features are.
 *
 * <p>A third of the pairs are two records of the same person (the values usually agree or
 * differ by an error), two thirds two random records (as most candidate pairs in a block are
 * non-matches). Pairs of two identical strings are kept: they occur in real scoring too.
 */
final class StringPairs {

    /** The kinds of values. */
    enum Kind {
        /** Given names, normalized as the {@code given} feature. */
        GIVEN,
        /** Family names, normalized as the {@code family} feature. */
        FAMILY,
        /** E-mail addresses, lower-cased as written. */
        EMAIL
    }

    private StringPairs() {
    }

    /**
     * Returns {@code count} pairs as {@code [a0, b0, a1, b1, ...]}.
     *
     * @param kind the field
     * @param count the number of pairs
     * @param seed the seed of the pair choice (the data is generated with seed 7)
     */
    static String[] pairs(Kind kind, int count, long seed) {
        GeneratedData.InMemory data = GeneratedData.inMemory(3000, 7);
        Normalizer normalizer = switch (kind) {
            case GIVEN -> NameNormalizers.givenName();
            case FAMILY -> NameNormalizers.surname();
            case EMAIL -> v -> v.toLowerCase(Locale.ROOT);
        };
        String column = switch (kind) {
            case GIVEN -> "first_name";
            case FAMILY -> "last_name";
            case EMAIL -> "email";
        };
        List<String> values = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        Map<String, List<Integer>> byPerson = new HashMap<>();
        for (CSVRecord row : data.rows()) {
            String raw = GeneratedData.value(row, column);
            String value = raw == null ? null : normalizer.normalize(raw);
            if (value == null || value.isEmpty()) {
                continue;
            }
            String person = data.personOf().get(row.get("record_id"));
            byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(values.size());
            values.add(value);
            persons.add(person);
        }
        Random random = new Random(seed);
        String[] out = new String[2 * count];
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(values.size());
            int b;
            List<Integer> same = byPerson.get(persons.get(a));
            if (i % 3 == 0 && same.size() > 1) {
                do {
                    b = same.get(random.nextInt(same.size()));
                } while (b == a);
            } else {
                b = random.nextInt(values.size());
            }
            out[2 * i] = values.get(a);
            out[2 * i + 1] = values.get(b);
        }
        return out;
    }
}
