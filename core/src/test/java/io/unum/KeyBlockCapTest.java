package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Attributes;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A blocking key's own block-size cap ({@link BlockingKey#withMaxBlockSize(int)}). */
class KeyBlockCapTest {

    private static final String NAME_KEY = Attributes.LAST_NAME + "+" + Attributes.FIRST_NAME;
    private static final int SHUFFLES = 20;

    private static Resolver resolver(int nameKeyCap) {
        return TestFixtures.customerResolver(nameKeyCap).parallelism(1).blockingSecret(3, 4).build();
    }

    /** A record with a name only: pairs of them share only the full-name key, and reach the review band. */
    private static SourceRecord person(String id, String first, String last) {
        return SourceRecord.builder("crm", id).attribute(Attributes.FIRST_NAME, first)
                .attribute(Attributes.LAST_NAME, last).build();
    }

    private static Set<PossibleMatch> possible(Resolution resolution) {
        return new HashSet<>(resolution.possibleMatches());
    }

    @Test
    void validatesTheCapAndKeepsTheResolversCapAsTheDefault() {
        BlockingKey key = BlockingKey.on("a", "b");
        assertEquals(0, key.maxBlockSize(), "no own cap");
        assertEquals(50, key.withMaxBlockSize(50).maxBlockSize());
        assertEquals(key.name(), key.withMaxBlockSize(50).name());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class, () -> key.withMaxBlockSize(1));
        assertEquals("maxBlockSize of blocking key a+b must be at least 2, was 1", tooSmall.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BlockingKey("k", List.of("a"), -3));
    }

    @Test
    void aBlockOverTheKeysCapGivesNoCandidatesWhileOtherKeysKeepTheResolversCap() {
        // three Anna Smiths with nothing else: they share only the full-name key, and each pair
        // is a possible match; with the key's cap at 2 their block is oversized
        List<SourceRecord> records = List.of(person("1", "anna", "smith"), person("2", "anna", "smith"),
                person("3", "anna", "smith"));
        Resolution uncapped = resolver(0).resolve(records);
        assertEquals(3, uncapped.statistics().candidatePairs());
        assertEquals(3, uncapped.possibleMatches().size(), "compared through the full-name key without its own cap");
        Resolution capped = resolver(2).resolve(records);
        assertEquals(List.of(), capped.possibleMatches(), "nothing is compared through an oversized block");
        assertEquals(1, capped.statistics().oversizedBlocks().size());
        OversizedBlock oversized = capped.statistics().oversizedBlocks().get(0);
        assertEquals(NAME_KEY, oversized.key());
        assertEquals(3, oversized.size());
        assertEquals(0, capped.statistics().candidatePairs());

        // two of them fit under the cap again
        Resolution two = resolver(2).resolve(records.subList(0, 2));
        assertEquals(1, two.possibleMatches().size());
        assertTrue(two.statistics().oversizedBlocks().isEmpty());

        // the lower of the key's cap and the resolver's applies
        Resolution resolverLower = TestFixtures.customerResolver(50).blockSizeCap(2).parallelism(1).build()
                .resolve(records);
        assertEquals(0, resolverLower.statistics().candidatePairs());
        assertEquals(1, resolverLower.statistics().oversizedBlocks().size());
    }

    @Test
    void theLiveGraphCrossesTheKeysCapBothWaysAndAgreesWithBatch() {
        List<SourceRecord> records = List.of(person("1", "anna", "smith"), person("2", "anna", "smith"),
                person("3", "anna", "smith"));
        Resolver resolver = resolver(2);
        IdentityGraph graph = resolver.newGraph();
        graph.upsert(records.get(0));
        graph.upsert(records.get(1));
        assertEquals(1, graph.snapshot().possibleMatches().size(), "two share the full-name block under its cap");
        graph.upsert(records.get(2));
        assertEquals(List.of(), graph.snapshot().possibleMatches(), "the third takes the block over its cap");
        assertEquals(1, graph.snapshot().statistics().oversizedBlocks().size());
        Explanation why = graph.explain(records.get(0).key(), records.get(1).key()).orElseThrow();
        assertTrue(why.rules().stream().filter(r -> r.rule().equals("person"))
                .allMatch(r -> r.outcome() == Explanation.Outcome.NOT_COMPARED), why.toString());
        graph.delete(records.get(2).key());
        assertEquals(1, graph.snapshot().possibleMatches().size(), "back under the cap: the pair returns");
        assertTrue(graph.candidates(records.get(2)).isEmpty(), "a third would take the block over its cap");
    }

    @Test
    void fixturesCrossTheKeysCap() {
        List<SourceRecord> records = TestFixtures.people(21, 150);
        Resolution capped = resolver(2).resolve(records);
        assertFalse(capped.statistics().oversizedBlocks().isEmpty(), "some full-name blocks must exceed the cap");
        assertTrue(capped.statistics().oversizedBlocks().stream().allMatch(b -> b.key().equals(NAME_KEY)),
                "only the capped key is oversized: " + capped.statistics().oversizedBlocks());
        Resolution uncapped = resolver(0).resolve(records);
        assertTrue(capped.statistics().candidatePairs() < uncapped.statistics().candidatePairs());
        assertFalse(possible(capped).equals(possible(uncapped)),
                "the cap must change the outcome, or the properties below test nothing");
    }

    @Test
    void partitionAndPossibleMatchesAreTheSameForAnyArrivalOrderBatchOrOneAtATime() {
        List<SourceRecord> records = TestFixtures.people(21, 150);
        Resolver resolver = resolver(2);
        Resolution batch = resolver.resolve(records);
        Set<List<RecordKey>> expected = Partitions.of(batch.profiles());
        Set<PossibleMatch> expectedPossible = possible(batch);
        Random random = new Random(46);
        for (int s = 0; s < SHUFFLES; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, Partitions.of(resolver.resolve(shuffled).profiles()), "batch, shuffle " + s);
            IdentityGraph graph = resolver.newGraph();
            for (SourceRecord record : shuffled) {
                graph.upsert(record);
            }
            assertEquals(expected, Partitions.of(graph.profiles()), "one at a time, shuffle " + s);
            assertEquals(expectedPossible, possible(graph.snapshot()), "possible matches, shuffle " + s);
            // delete a few and put them back: the partition is restored
            List<SourceRecord> victims = shuffled.subList(0, 10);
            for (SourceRecord victim : victims) {
                graph.delete(victim.key());
            }
            for (SourceRecord victim : victims) {
                graph.upsert(victim);
            }
            assertEquals(expected, Partitions.of(graph.profiles()), "delete and re-upsert, shuffle " + s);
            assertEquals(expectedPossible, possible(graph.snapshot()), "possible matches after re-upsert, shuffle " + s);
        }
    }
}
