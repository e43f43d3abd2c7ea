package io.unum.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.ProfileChange;
import io.unum.Resolver;
import io.unum.model.Identifier;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.jdbc.Fixtures.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The change feed follows the change sets: after a batch, live upserts, a changed record,
 * deletes, an erasure, a restart and more upserts, {@code unum_changes} holds one sequence number
 * per change set the graph reported (1, 2, 3, … in order, continuing after the restart), and under
 * it one row per profile change in the change set's order — its kind, profile id and related ids
 * (absorbed ids of a merge, the parts of a split). The rows hold no personal values: every column
 * is a kind, profile ids or an instant, and no value of any record appears.
 */
class ChangeFeedTest {

    private static final Pattern ID = Pattern.compile("p[0-9a-f]{16}");
    private static final Pattern IDS = Pattern.compile("p[0-9a-f]{16}(,p[0-9a-f]{16})*");

    @TempDir
    Path folder;

    /** A feed row without its sequence number and time. */
    private record Row(String kind, String profile, String related) {
    }

    /** The rows the feed should hold for a change set, in order. */
    private static List<Row> expected(ChangeSet changes) {
        List<Row> rows = new ArrayList<>();
        for (ProfileChange change : changes.changes()) {
            if (change instanceof ProfileChange.Created c) {
                rows.add(new Row("created", c.profile().id().value(), null));
            } else if (change instanceof ProfileChange.Updated u) {
                rows.add(new Row("updated", u.profile().id().value(), null));
            } else if (change instanceof ProfileChange.Merged m) {
                rows.add(new Row("merged", m.survivor().id().value(),
                        m.absorbed().stream().map(ProfileId::value).collect(Collectors.joining(","))));
            } else if (change instanceof ProfileChange.Split s) {
                rows.add(new Row("split", s.original().value(),
                        s.parts().stream().map(p -> p.id().value()).collect(Collectors.joining(","))));
            } else if (change instanceof ProfileChange.Deleted d) {
                rows.add(new Row("deleted", d.id().value(), null));
            } else {
                throw new AssertionError("a new kind of change: " + change.getClass());
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void theFeedHoldsEveryChangeSetInOrderWithoutPersonalValues(Backend backend) throws SQLException {
        String location = backend.newLocation(folder);
        List<SourceRecord> records = Fixtures.people(200, 51).records();
        Resolver resolver = Fixtures.resolver();
        List<ChangeSet> reported = new ArrayList<>();
        Random random = new Random(51);
        try (JdbcGraphStore store = JdbcGraphStore.open(location, JdbcGraphStore.Durability.NORMAL)) {
            IdentityGraph graph = resolver.newGraph(store);
            graph.addListener(reported::add);
            graph.upsertAll(records.subList(0, 300));
            records.subList(300, 450).forEach(graph::upsert);
            graph.upsert(records.get(3).toBuilder().attribute("city", "Springfield").build());
            List<RecordKey> inLargeProfiles = new ArrayList<>();
            for (Profile profile : graph.profiles()) {
                if (profile.members().size() >= 3) {
                    inLargeProfiles.addAll(profile.members());
                }
            }
            for (int i = 0; i < 25; i++) {
                graph.delete(inLargeProfiles.get(random.nextInt(inLargeProfiles.size())));
            }
            graph.delete(RecordKey.of("crm", "no-such-record")); // changes nothing, reports nothing
            graph.forget(graph.profileOf(records.get(10).key()).orElseThrow().id());
            assertEquals(reported.size(), store.snapshot().changeSequence());
        }
        try (JdbcGraphStore store = JdbcGraphStore.open(location)) {
            IdentityGraph graph = resolver.newGraph(store);
            graph.addListener(reported::add);
            records.subList(450, records.size()).forEach(graph::upsert);
            assertEquals(reported.size(), store.snapshot().changeSequence(), "the sequence continues after a restart");
        }
        Set<String> kinds = new TreeSet<>();
        reported.forEach(c -> expected(c).forEach(r -> kinds.add(r.kind)));
        assertEquals(Set.of("created", "updated", "merged", "split", "deleted"), kinds, "every kind of change happened");

        List<List<Row>> feed = new ArrayList<>();
        Set<String> personal = personalValues(records);
        Instant previous = Instant.EPOCH;
        try (Connection c = Fixtures.connect(location); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM unum_changes ORDER BY seq, item")) {
            ResultSetMetaData columns = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            assertEquals(List.of("seq", "item", "kind", "profile_id", "related", "recorded_at"), names);
            while (rs.next()) {
                long seq = rs.getLong("seq");
                if (seq != feed.size()) {
                    assertEquals(feed.size() + 1, seq, "sequence numbers 1, 2, 3, … without gaps");
                    feed.add(new ArrayList<>());
                }
                List<Row> rows = feed.get(feed.size() - 1);
                assertEquals(rows.size(), rs.getInt("item"), "items 0, 1, 2, … within a change set");
                Row row = new Row(rs.getString("kind"), rs.getString("profile_id"), rs.getString("related"));
                rows.add(row);
                assertTrue(ID.matcher(row.profile).matches(), row.profile);
                assertTrue(row.related == null || IDS.matcher(row.related).matches(), row.related);
                Instant at = Instant.parse(rs.getString("recorded_at"));
                assertFalse(at.isBefore(previous), "times follow the sequence");
                previous = at;
                for (String text : new String[] {row.kind, row.profile, row.related}) {
                    if (text != null) {
                        for (String token : text.split(",")) {
                            assertFalse(personal.contains(token), "a personal value in the feed");
                        }
                    }
                }
            }
        }
        assertEquals(reported.size(), feed.size(), "one sequence number per reported change set");
        for (int i = 0; i < reported.size(); i++) {
            assertEquals(expected(reported.get(i)), feed.get(i), "change set " + (i + 1));
        }
    }

    /** Every attribute and identifier value of the records. */
    private static Set<String> personalValues(List<SourceRecord> records) {
        Set<String> values = new HashSet<>();
        for (SourceRecord record : records) {
            values.addAll(record.attributes().values());
            record.identifiers().stream().map(Identifier::value).forEach(values::add);
        }
        return values;
    }
}
