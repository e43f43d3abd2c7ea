package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.MatchRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {

    private static final IdentifierType EMAIL = IdentifierType.EMAIL;

    private static Resolver emailResolver() {
        return Resolver.newBuilder().rule(MatchRule.deterministic("email", EMAIL)).parallelism(1).build();
    }

    private static SourceRecord record(String id, int day, String... emails) {
        SourceRecord.Builder b = SourceRecord.builder("crm", id).observedAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day));
        for (String email : emails) {
            b.identifier(EMAIL, email);
        }
        return b.build();
    }

    @Test
    void createThenUpdateThenMergeKeepsTheOldestProfilesId() {
        IdentityGraph graph = emailResolver().newGraph();
        ChangeSet first = graph.upsert(record("a", 5, "a@x.com"));
        assertEquals(1, first.ofKind(ProfileChange.Created.class).size());
        ProfileId idA = first.ofKind(ProfileChange.Created.class).get(0).profile().id();

        ChangeSet second = graph.upsert(record("b", 1, "b@x.com"));
        ProfileId idB = second.ofKind(ProfileChange.Created.class).get(0).profile().id();

        ChangeSet update = graph.upsert(record("a2", 9, "a@x.com"));
        assertEquals(List.of(idA), update.ofKind(ProfileChange.Updated.class).stream().map(u -> u.profile().id()).toList());
        assertEquals(2, graph.profile(idA).orElseThrow().version());

        // c links a's profile and b's profile; b holds the oldest record (day 1), so b's id survives
        ChangeSet merge = graph.upsert(record("c", 7, "a@x.com", "b@x.com"));
        List<ProfileChange.Merged> merged = merge.ofKind(ProfileChange.Merged.class);
        assertEquals(1, merged.size());
        assertEquals(idB, merged.get(0).survivor().id());
        assertEquals(List.of(idA), merged.get(0).absorbed());
        assertEquals(idB, graph.profile(idA).orElseThrow().id(), "the absorbed id is an alias");
        assertEquals(4, graph.profile(idB).orElseThrow().members().size());
        assertEquals(idB, graph.aliases().get(idA));
    }

    @Test
    void deletingTheBridgeSplitsAndTheOldestPartKeepsTheId() {
        IdentityGraph graph = emailResolver().newGraph();
        graph.upsert(record("old", 1, "x@x.com"));
        graph.upsert(record("new", 9, "y@x.com"));
        graph.upsert(record("bridge", 5, "x@x.com", "y@x.com"));
        Profile whole = graph.profileOf(RecordKey.of("crm", "old")).orElseThrow();
        assertEquals(3, whole.members().size());

        ChangeSet split = graph.delete(RecordKey.of("crm", "bridge"));
        List<ProfileChange.Split> splits = split.ofKind(ProfileChange.Split.class);
        assertEquals(1, splits.size());
        assertEquals(whole.id(), splits.get(0).original());
        assertEquals(2, splits.get(0).parts().size());
        assertEquals(whole.id(), splits.get(0).parts().get(0).id(), "the part with the oldest record keeps the id");
        assertEquals(whole.id(), graph.profileOf(RecordKey.of("crm", "old")).orElseThrow().id());
        assertFalse(whole.id().equals(graph.profileOf(RecordKey.of("crm", "new")).orElseThrow().id()));
        assertTrue(graph.profileOf(RecordKey.of("crm", "bridge")).isEmpty());
    }

    @Test
    void deletingTheLastMemberDeletesTheProfile() {
        IdentityGraph graph = emailResolver().newGraph();
        ProfileId id = graph.upsert(record("a", 1, "a@x.com")).ofKind(ProfileChange.Created.class).get(0).profile().id();
        ChangeSet deleted = graph.delete(RecordKey.of("crm", "a"));
        assertEquals(List.of(new ProfileChange.Deleted(id)), deleted.changes());
        assertTrue(graph.profile(id).isEmpty());
        assertEquals(0, graph.size());
        assertTrue(graph.delete(RecordKey.of("crm", "a")).isEmpty(), "deleting an unknown key changes nothing");
    }

    @Test
    void upsertingAnIdenticalRecordChangesNothing() {
        IdentityGraph graph = emailResolver().newGraph();
        graph.upsert(record("a", 1, "a@x.com"));
        assertTrue(graph.upsert(record("a", 1, "a@x.com")).isEmpty());
    }

    @Test
    void correctingARecordMovesItBetweenProfiles() {
        IdentityGraph graph = emailResolver().newGraph();
        graph.upsert(record("a", 1, "a@x.com"));
        graph.upsert(record("b", 2, "b@x.com"));
        graph.upsert(record("c", 3, "a@x.com"));
        assertEquals(graph.profileOf(RecordKey.of("crm", "a")), graph.profileOf(RecordKey.of("crm", "c")));
        graph.upsert(record("c", 3, "b@x.com")); // the source corrected c's e-mail
        assertEquals(graph.profileOf(RecordKey.of("crm", "b")).orElseThrow().id(),
                graph.profileOf(RecordKey.of("crm", "c")).orElseThrow().id());
        assertEquals(1, graph.profileOf(RecordKey.of("crm", "a")).orElseThrow().members().size());
    }

    @Test
    void lookUpByIdentifierNormalizes() {
        IdentityGraph graph = emailResolver().newGraph();
        graph.upsert(record("a", 1, "Jane@Example.com"));
        List<Profile> found = graph.profilesWith(Identifier.of(EMAIL, "  jane@EXAMPLE.com "));
        assertEquals(1, found.size());
        assertEquals(List.of(RecordKey.of("crm", "a")), found.get(0).members());
        assertTrue(graph.profilesWith(Identifier.of(EMAIL, "other@example.com")).isEmpty());
        assertTrue(graph.profilesWith(Identifier.of(EMAIL, "not an email")).isEmpty());
    }

    @Test
    void listenersSeeEveryChangeAndAThrowingListenerBreaksNothing() {
        IdentityGraph graph = emailResolver().newGraph();
        List<ChangeSet> seen = new ArrayList<>();
        graph.addListener(changes -> {
            throw new IllegalStateException("listener bug");
        });
        graph.addListener(seen::add);
        graph.upsert(record("a", 1, "a@x.com"));
        graph.upsert(record("b", 2, "a@x.com"));
        graph.upsert(record("b", 2, "a@x.com")); // no change, no notification
        assertEquals(2, seen.size());
        assertEquals(2, graph.profileOf(RecordKey.of("crm", "a")).orElseThrow().members().size());
    }

    @Test
    void listenerMayReadTheGraph() {
        IdentityGraph graph = emailResolver().newGraph();
        List<Integer> sizes = new ArrayList<>();
        graph.addListener(changes -> sizes.add(graph.size()));
        graph.upsert(record("a", 1, "a@x.com"));
        assertEquals(List.of(1), sizes);
    }

    @Test
    void blockCrossingTheCapUnlinksAndFallingBackRelinks() {
        Resolver resolver = Resolver.newBuilder().rule(MatchRule.deterministic("email", EMAIL))
                .blockSizeCap(3).parallelism(1).build();
        IdentityGraph graph = resolver.newGraph();
        for (int i = 0; i < 3; i++) {
            graph.upsert(record("r" + i, i, "shared@x.com"));
        }
        assertEquals(1, graph.profileCount());
        ChangeSet over = graph.upsert(record("r3", 3, "shared@x.com"));
        assertEquals(4, graph.profileCount(), "a value shared by more records than the cap links nobody");
        assertEquals(1, over.ofKind(ProfileChange.Split.class).size());
        assertEquals(1, graph.snapshot().statistics().oversizedBlocks().size());
        assertEquals("email", graph.snapshot().statistics().oversizedBlocks().get(0).key());
        graph.delete(RecordKey.of("crm", "r0"));
        assertEquals(1, graph.profileCount(), "back under the cap, the value links again");
        assertTrue(graph.snapshot().statistics().oversizedBlocks().isEmpty());
    }

    @Test
    void cannotLinkKeepsRecordsApart() {
        RecordKey a = RecordKey.of("crm", "a");
        RecordKey b = RecordKey.of("crm", "b");
        Resolver resolver = Resolver.newBuilder().rule(MatchRule.deterministic("email", EMAIL))
                .cannotLink(a, b).parallelism(1).build();
        Resolution resolution = resolver.resolve(List.of(record("a", 1, "s@x.com"), record("b", 2, "s@x.com"),
                record("c", 3, "s@x.com")));
        assertFalse(resolution.profileOf(a).equals(resolution.profileOf(b)));
        assertEquals(2, resolution.profiles().size());
        // edges are applied by weight then key order: a–b is refused, a–c joins, b stays alone
        assertEquals(resolution.profileOf(a), resolution.profileOf(RecordKey.of("crm", "c")));
    }

    @Test
    void batchProfileIdsAreStableAcrossRuns() {
        List<SourceRecord> records = TestFixtures.people(3, 50);
        Resolution one = TestFixtures.customerResolver().build().resolve(records);
        Resolution two = TestFixtures.customerResolver().build().resolve(records);
        assertEquals(one.assignments(), two.assignments());
    }
}
