package io.unum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unum.model.Profile;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Partitions as sets of sorted member lists, independent of profile ids. */
final class Partitions {

    private Partitions() {
    }

    static Set<List<RecordKey>> of(Collection<Profile> profiles) {
        Set<List<RecordKey>> partition = new TreeSet<>((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        for (Profile profile : profiles) {
            partition.add(new ArrayList<>(profile.members()));
        }
        return partition;
    }

    /**
     * Asserts that batch equals live for {@code shuffles} seeded arrival orders: each order
     * resolved as one batch, and upserted into a live graph one record at a time (even shuffles)
     * or in chunks of 1–30 (odd ones), gives {@code resolver}'s batch partition of
     * {@code records}, keeps the engine's invariants, and after 15 random deletes equals a batch of
     * the records left.
     */
    static void assertBatchEqualsLive(Resolver resolver, List<SourceRecord> records, long seed, int shuffles) {
        Set<List<RecordKey>> expected = of(resolver.resolve(records).profiles());
        Random random = new Random(seed);
        for (int s = 0; s < shuffles; s++) {
            List<SourceRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, of(resolver.resolve(shuffled).profiles()), "batch, shuffle " + s);
            IdentityGraph graph = resolver.newGraph();
            int i = 0;
            while (i < shuffled.size()) {
                int n = s % 2 == 0 ? 1 : 1 + random.nextInt(30);
                graph.upsertAll(shuffled.subList(i, Math.min(shuffled.size(), i + n)));
                i += n;
            }
            assertEquals(expected, of(graph.profiles()), "live, shuffle " + s);
            EngineInvariantsTest.assertInvariants(graph, resolver);
            // deletes: the resident set decides, not the history
            List<SourceRecord> resident = new ArrayList<>(records);
            for (int d = 0; d < 15; d++) {
                graph.delete(resident.remove(random.nextInt(resident.size())).key());
            }
            assertEquals(of(resolver.resolve(resident).profiles()), of(graph.profiles()), "after deletes, shuffle " + s);
        }
    }
}
