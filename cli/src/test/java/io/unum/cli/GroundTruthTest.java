package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    private static InputFile file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new InputFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /** Rows for keys written {@code source/id}, with optional {@code =label}. */
    private static List<Inputs.Row> rows(String... keys) {
        List<Inputs.Row> rows = new ArrayList<>();
        for (String key : keys) {
            String[] labelled = key.split("=", 2);
            String[] parts = labelled[0].split("/", 2);
            rows.add(new Inputs.Row(parts[0] + ".csv", rows.size() + 1, SourceRecord.builder(parts[0], parts[1]).build(),
                    labelled.length > 1 ? labelled[1] : null));
        }
        return rows;
    }

    private static RecordKey key(String source, String id) {
        return RecordKey.of(source, id);
    }

    @Test
    void recordIdAndPersonIdJoinOnTheIdAlone() {
        GroundTruth.Labels labels = GroundTruth.fromFile(rows("a/1", "a/2", "b/3", "b/4"),
                file("truth.csv", "record_id,person_id\n1,P1\n2,P1\n3,P2\n99,P9\n"), List.of(), null);
        assertEquals(Map.of(key("a", "1"), "P1", key("a", "2"), "P1", key("b", "3"), "P2"), labels.byKey());
        assertEquals(1, labels.unlabelled(), "b/4 has no truth row");
        assertEquals(1, labels.notInInput(), "99 is not an input record");
        assertEquals(2, labels.entities());
        assertEquals("truth file truth.csv (record record_id, entity person_id)", labels.description());
    }

    @Test
    void senzingKeyFileJoinsOnDataSourceAndRecordId() {
        GroundTruth.Labels labels = GroundTruth.fromFile(rows("CUSTOMERS/1001", "WATCHLIST/1001", "CUSTOMERS/1002"),
                file("actual_truthset_key.csv", "TEST_GROUP,CLUSTER_ID,DATA_SOURCE,RECORD_ID\n"
                        + "100,1001,CUSTOMERS,1001\n100,1001,CUSTOMERS,1002\n200,2001,WATCHLIST,1001\n"), List.of(), null);
        assertEquals(Map.of(key("CUSTOMERS", "1001"), "1001", key("CUSTOMERS", "1002"), "1001", key("WATCHLIST", "1001"),
                "2001"), labels.byKey());
        assertEquals("truth file actual_truthset_key.csv (record DATA_SOURCE + RECORD_ID, entity CLUSTER_ID)",
                labels.description());
    }

    @Test
    void idsThatCollideAcrossSourcesNeedASourceOrAQualifiedId() {
        List<Inputs.Row> rows = rows("a/1", "b/1", "a/2");
        InputException ambiguous = assertThrows(InputException.class, () -> GroundTruth.fromFile(rows,
                file("t.csv", "record_id,person_id\n1,P1\n2,P1\n"), List.of(), null));
        assertTrue(ambiguous.getMessage().contains("1 truth row(s) give a record id without a source, but the id occurs in"
                + " several inputs (id 1 is in sources a, b)"), ambiguous.getMessage());

        GroundTruth.Labels qualified = GroundTruth.fromFile(rows,
                file("t.csv", "record_id,person_id\na/1,P1\nb/1,P2\n2,P1\n"), List.of(), null);
        assertEquals(Map.of(key("a", "1"), "P1", key("b", "1"), "P2", key("a", "2"), "P1"), qualified.byKey());

        GroundTruth.Labels sourced = GroundTruth.fromFile(rows,
                file("t.csv", "source,record_id,person_id\na,1,P1\nb,1,P2\na,2,P1\n"), List.of(), null);
        assertEquals(qualified.byKey(), sourced.byKey());
    }

    @Test
    void columnsCanBeNamedWhenTheirHeadersAreNotRecognized() {
        InputFile truth = file("t.csv", "sys,key,who\na,1,X\na,2,X\n");
        InputException unknown = assertThrows(InputException.class, () -> GroundTruth.fromFile(rows("a/1", "a/2"), truth,
                List.of(), null));
        assertTrue(unknown.getMessage().contains("cannot tell the record id column nor the entity column from its header"
                + " [sys, key, who]"), unknown.getMessage());
        GroundTruth.Labels labels = GroundTruth.fromFile(rows("a/1", "a/2"), truth, List.of("sys", "key"), "who");
        assertEquals(Map.of(key("a", "1"), "X", key("a", "2"), "X"), labels.byKey());
        InputException missing = assertThrows(InputException.class, () -> GroundTruth.fromFile(rows("a/1"), truth,
                List.of("nope"), "who"));
        assertTrue(missing.getMessage().startsWith("--truth-key-columns: truth file t.csv has no column nope"),
                missing.getMessage());
    }

    @Test
    void aTwoColumnFileTakesTheOtherColumnAsTheEntity() {
        GroundTruth.Labels labels = GroundTruth.fromFile(rows("a/1"), file("t.csv", "id,whatever\n1,E\n"), List.of(), null);
        assertEquals(Map.of(key("a", "1"), "E"), labels.byKey());
    }

    @Test
    void twoLabelsForOneRecordAreRefused() {
        InputException e = assertThrows(InputException.class, () -> GroundTruth.fromFile(rows("a/1"),
                file("t.csv", "record_id,person_id\n1,P1\n1,P1\n1,P2\n"), List.of(), null));
        assertEquals("t.csv gives record a/1 two different entities (lines 3 and 4)", e.getMessage());
    }

    @Test
    void aTruthFileThatMatchesNothingIsAnError() {
        InputException e = assertThrows(InputException.class, () -> GroundTruth.fromFile(rows("crm/1"),
                file("t.csv", "source,record_id,person_id\nCRM,1,P1\n"), List.of(), null));
        assertTrue(e.getMessage().startsWith("none of the 1 rows of t.csv names an input record"), e.getMessage());
        assertTrue(e.getMessage().contains("(e.g. crm/1)"), e.getMessage());
    }

    @Test
    void patternTakesTheFirstGroupOrTheWholeMatch() {
        List<Inputs.Row> rows = rows("febrl/rec-12-org", "febrl/rec-12-dup-0", "febrl/rec-7-dup-3", "febrl/other");
        GroundTruth.Labels grouped = GroundTruth.fromPattern(rows, Pattern.compile("rec-(\\d+)"));
        assertEquals(Map.of(key("febrl", "rec-12-org"), "12", key("febrl", "rec-12-dup-0"), "12",
                key("febrl", "rec-7-dup-3"), "7"), grouped.byKey());
        assertEquals(1, grouped.unlabelled());
        assertEquals(2, grouped.entities());
        GroundTruth.Labels whole = GroundTruth.fromPattern(rows, Pattern.compile("rec-\\d+"));
        assertEquals("rec-12", whole.byKey().get(key("febrl", "rec-12-dup-0")));
    }

    @Test
    void columnLabelsFollowTheLastOccurrenceOfAKey() {
        GroundTruth.Labels labels = GroundTruth.fromColumn(rows("a/1=X", "a/2", "a/3=Y", "a/3=Z"), "cluster");
        assertEquals(Map.of(key("a", "1"), "X", key("a", "3"), "Z"), labels.byKey());
        assertEquals(1, labels.unlabelled());
        assertEquals("truth column cluster", labels.description());
    }
}
