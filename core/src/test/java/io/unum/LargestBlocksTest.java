package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ResolutionStatistics#largestBlocks()}: the twenty largest, in a total order that ties never break differently. */
class LargestBlocksTest {

    @Test
    void theTwentyLargestBlocksAreTheSameForAnyArrivalOrderBatchOrLive() {
        List<SourceRecord> records = TestFixtures.people(31, 400);
        Resolver resolver = TestFixtures.customerResolver().parallelism(1).blockingSecret(5, 6).build();
        List<BlockSize> expected = resolver.resolve(records).statistics().largestBlocks();
        assertEquals(20, expected.size());
        for (int i = 1; i < expected.size(); i++) {
            assertTrue(expected.get(i - 1).size() >= expected.get(i).size(), "largest first: " + expected);
        }
        long tiedAtTheEnd = expected.stream().filter(b -> b.size() == expected.get(19).size()).count();
        assertTrue(tiedAtTheEnd >= 2, "the fixture must tie at the cut, or the order is not tested: " + expected);
        Random random = new Random(47);
        for (int s = 0; s < 20; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, resolver.resolve(shuffled).statistics().largestBlocks(), "batch, shuffle " + s);
            if (s % 5 == 0) {
                IdentityGraph graph = resolver.newGraph();
                shuffled.forEach(graph::upsert);
                assertEquals(expected, graph.snapshot().statistics().largestBlocks(), "live, shuffle " + s);
            }
        }
    }
}
