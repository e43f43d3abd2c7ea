package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.IdentifierType;
import io.unum.model.Purpose;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.privacy.PrivacyFilters;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.ComparisonLevel;
import io.unum.rules.Feature;
import io.unum.rules.LevelCondition;
import io.unum.rules.MatchRule;
import io.unum.spi.Normalizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link IdentityGraph#candidates}: the engine's candidate generation for one record. */
class CandidatesTest {

    private static Resolver.Builder builder() {
        return Resolver.newBuilder()
                .feature(Feature.of("city", "city", Normalizers.basic()))
                .feature(Feature.of("surname", "surname", Normalizers.basic()))
                .rule(MatchRule.deterministic("email", IdentifierType.EMAIL))
                .rule(MatchRule.probabilistic("person")
                        .comparison(Comparison.of("surname",
                                ComparisonLevel.of("exact", LevelCondition.exact(), 0.9, 0.01),
                                ComparisonLevel.of("else", LevelCondition.always(), 0.1, 0.99)))
                        .blockingKey(BlockingKey.on("city"))
                        .prior(0.01).matchThreshold(0.9).build())
                .blockSizeCap(3);
    }

    private static SourceRecord record(String id, String city, String surname) {
        return SourceRecord.builder("s", id).attribute("city", city).attribute("surname", surname).build();
    }

    private static List<RecordKey> keys(String... ids) {
        List<RecordKey> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(new RecordKey("s", id));
        }
        return keys;
    }

    @Test
    void candidatesShareABlockingKeyOrAnIdentifierAndAreNotInserted() {
        IdentityGraph graph = builder().build().newGraph();
        graph.upsertAll(List.of(
                record("a1", "Amsterdam", "smith"),
                record("a2", "amsterdam", "jones"),
                record("b1", "Bergen", "smith"),
                SourceRecord.builder("s", "c1").attribute("city", "Cork").identifier(IdentifierType.EMAIL, "Ann@Example.com").build(),
                // four records in Delft: over the cap of 3, so Delft produces no candidates
                record("d1", "Delft", "x"), record("d2", "Delft", "y"), record("d3", "Delft", "z"), record("d4", "Delft", "w")));
        int size = graph.size();

        SourceRecord probe = SourceRecord.builder("t", "p").attribute("city", "AMSTERDAM")
                .identifier(IdentifierType.EMAIL, "ann@example.com").build();
        assertEquals(keys("a1", "a2", "c1"), graph.candidates(probe));
        assertEquals(List.of(), graph.candidates(record("q", "Delft", "x")), "an oversized block gives no candidates");
        assertEquals(List.of(), graph.candidates(record("r", "Oslo", "x")), "nothing shared, no candidates");
        assertEquals(keys("a2"), graph.candidates(record("a1", "Amsterdam", "changed")),
                "a new version of a resident record is not its own candidate");
        assertEquals(size, graph.size(), "a look-up inserts nothing");
        assertThrows(NullPointerException.class, () -> graph.candidates(null));
    }

    @Test
    void aRecordTheIngestFiltersRefuseHasNoCandidates() {
        IdentityGraph graph = builder().ingestFilter(PrivacyFilters.requireConsent(Purpose.IDENTITY_RESOLUTION)).build().newGraph();
        graph.upsertAll(List.of(record("a1", "Amsterdam", "smith")));
        assertEquals(List.of(), graph.candidates(record("p", "Amsterdam", "smith")));
    }

    /**
     * The oracle: upserting the probe creates exactly the probabilistic candidate pairs
     * {@link IdentityGraph#candidatePairs} reports between it and the candidates, on seeded
     * random data with blocks below and above the cap.
     */
    @Test
    void candidatesAreThePairsAnUpsertWouldScore() {
        Random random = new Random(7);
        List<SourceRecord> resident = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            resident.add(record("r" + i, "city" + random.nextInt(120), "name" + random.nextInt(5)));
        }
        int withCandidates = 0;
        for (int trial = 0; trial < 20; trial++) {
            IdentityGraph graph = builder().build().newGraph();
            graph.upsertAll(resident);
            SourceRecord probe = record("probe" + trial, "city" + random.nextInt(120), "name" + random.nextInt(5));
            List<RecordKey> candidates = graph.candidates(probe);
            graph.upsert(probe);
            Set<RecordKey> scored = new TreeSet<>();
            graph.candidatePairs((a, b, rule, weight, probability) -> {
                if (a.equals(probe.key())) {
                    scored.add(b);
                } else if (b.equals(probe.key())) {
                    scored.add(a);
                }
            });
            assertEquals(scored, new TreeSet<>(candidates), "trial " + trial);
            assertTrue(candidates.size() <= 2, "a block the probe would take over the cap of 3 gives none");
            withCandidates += candidates.isEmpty() ? 0 : 1;
        }
        assertTrue(withCandidates >= 5, "the fixture finds candidates in most trials, found in " + withCandidates);
    }
}
