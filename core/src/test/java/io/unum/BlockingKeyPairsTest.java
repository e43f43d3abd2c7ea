package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.SourceRecord;
import io.unum.spi.Normalizers;
import io.unum.spi.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link IdentityGraph#blockingKeyPairs()} against an oracle that groups the fixture's records by
 * each key's normalized values, with and without a key's own cap.
 */
class BlockingKeyPairsTest {

    private static final Normalizer BASIC = Normalizers.basic();

    /** The fixture's three keys of rule "person", in key order, as the test computes them. */
    private static final List<Function<SourceRecord, String>> KEYS = List.of(
            r -> join(Normalizers.digits().normalize(nullSafe(r.attribute(Attributes.DATE_OF_BIRTH)))),
            r -> join(BASIC.normalize(nullSafe(r.attribute(Attributes.LAST_NAME))),
                    BASIC.normalize(nullSafe(r.attribute(Attributes.FIRST_NAME)))),
            r -> join(BASIC.andThen(Normalizers.prefix(1)).normalize(nullSafe(r.attribute(Attributes.LAST_NAME))),
                    BASIC.normalize(nullSafe(r.attribute(Attributes.CITY)))));
    private static final List<String> NAMES = List.of("dob", Attributes.LAST_NAME + "+" + Attributes.FIRST_NAME,
            "last_initial+" + Attributes.CITY);

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }

    /** The key's value, or null when a feature is missing. */
    private static String join(String... values) {
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                return null;
            }
        }
        return String.join("\u0000", values);
    }

    private static List<BlockingKeyPairs> oracle(List<SourceRecord> records, int[] caps) {
        String[][] values = new String[records.size()][KEYS.size()];
        List<Map<String, List<Integer>>> blocks = new ArrayList<>();
        for (int k = 0; k < KEYS.size(); k++) {
            Map<String, List<Integer>> byValue = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                String value = KEYS.get(k).apply(records.get(i));
                values[i][k] = value;
                if (value != null) {
                    byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(i);
                }
            }
            blocks.add(byValue);
        }
        long[][] counts = new long[KEYS.size()][6];
        for (int k = 0; k < KEYS.size(); k++) {
            for (List<Integer> block : blocks.get(k).values()) {
                long n = block.size();
                if (n < 2) {
                    continue;
                }
                if (n <= caps[k]) {
                    counts[k][0]++;
                    counts[k][1] += n;
                    counts[k][2] += n * (n - 1) / 2;
                } else {
                    counts[k][4]++;
                    counts[k][5] += n;
                }
            }
        }
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                for (int k = 0; k < KEYS.size(); k++) {
                    String a = values[i][k];
                    if (a != null && a.equals(values[j][k])
                            && blocks.get(k).get(a).size() <= caps[k]) {
                        counts[k][3]++;
                        break;
                    }
                }
            }
        }
        List<BlockingKeyPairs> expected = new ArrayList<>();
        for (int k = 0; k < KEYS.size(); k++) {
            long[] c = counts[k];
            expected.add(new BlockingKeyPairs("person", NAMES.get(k), c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        return expected;
    }

    private static long candidatePairs(IdentityGraph graph) {
        long[] pairs = {0};
        graph.candidatePairs((first, second, rule, weight, probability) -> pairs[0]++);
        return pairs[0];
    }

    @Test
    void countsEveryKeysBlocksPairsAndFirstFoundPairsAsTheOracle() {
        List<SourceRecord> records = TestFixtures.people(31, 300);
        IdentityGraph graph = TestFixtures.customerResolver().parallelism(1).build().newGraph();
        graph.upsertAll(records);
        List<BlockingKeyPairs> actual = graph.blockingKeyPairs();
        assertEquals(oracle(records, new int[] {1000, 1000, 1000}), actual);
        assertEquals(candidatePairs(graph), actual.stream().mapToLong(BlockingKeyPairs::newPairs).sum(),
                "the new pairs add up to the distinct candidate pairs");
        assertTrue(actual.get(1).pairs() > actual.get(1).newPairs(), "the fixture must have pairs sharing two keys: "
                + actual);
    }

    @Test
    void anOversizedBlockMakesNoPairsAndIsCounted() {
        List<SourceRecord> records = TestFixtures.people(21, 150);
        IdentityGraph graph = TestFixtures.customerResolver(2).parallelism(1).build().newGraph();
        graph.upsertAll(records);
        List<BlockingKeyPairs> actual = graph.blockingKeyPairs();
        assertEquals(oracle(records, new int[] {1000, 2, 1000}), actual);
        assertTrue(actual.get(1).oversizedBlocks() > 0, "the fixture must cross the key's cap: " + actual);
        assertEquals(candidatePairs(graph), actual.stream().mapToLong(BlockingKeyPairs::newPairs).sum());
    }

    @Test
    void aGraphWithoutProbabilisticRulesHasNoKeysAndCountsAreChecked() {
        IdentityGraph graph = Resolver.newBuilder()
                .rule(io.unum.rules.MatchRule.deterministic("email", io.unum.model.IdentifierType.EMAIL)).build()
                .newGraph();
        assertEquals(List.of(), graph.blockingKeyPairs());
        assertThrows(IllegalArgumentException.class, () -> new BlockingKeyPairs("r", "k", 1, 2, 1, 2, 0, 0));
        assertThrows(NullPointerException.class, () -> new BlockingKeyPairs(null, "k", 0, 0, 0, 0, 0, 0));
    }
}
