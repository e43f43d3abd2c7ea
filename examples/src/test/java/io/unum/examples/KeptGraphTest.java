package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptGraphTest {

    private static final RecordKey ROBERT = RecordKey.of("crm", "C-17");
    private static final RecordKey BOB = RecordKey.of("shop", "order-991");
    private static final RecordKey BOBBY = RecordKey.of("newsletter", "sub-4");
    private static final RecordKey ALICE = RecordKey.of("crm", "C-18");

    @Test
    void theGraphIsKeptAcrossRunsWithStableProfileIds(@TempDir Path dir) {
        String location = dir.resolve("kept.db").toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        KeptGraph.Run first = KeptGraph.run(location, out);
        assertTrue(first.created());
        assertEquals(3, first.records());
        Map<RecordKey, ProfileId> before = first.assignments();
        assertEquals(before.get(ROBERT), before.get(BOB), "Robert and Bob are one person");
        assertNotEquals(before.get(ROBERT), before.get(ALICE));

        KeptGraph.Run second = KeptGraph.run(location, out);
        assertFalse(second.created(), "the second run reopens the store");
        assertEquals(4, second.records());
        Map<RecordKey, ProfileId> after = second.assignments();
        assertEquals(before.get(ROBERT), after.get(BOBBY), "Bobby joins the stored profile, which keeps its id");
        assertEquals(before.get(ROBERT), after.get(ROBERT));
        assertEquals(before.get(ALICE), after.get(ALICE));
        assertTrue(second.changeSequence() > first.changeSequence());

        // the same partition and ids as one run over all the records
        Map<RecordKey, ProfileId> batch = Quickstart.resolver().resolve(Quickstart.records()).assignments();
        assertEquals(batch, after);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Created ") && text.contains("Reopened ") && text.contains(": 3 records in 2 profiles"),
                text);
        assertTrue(text.contains("Change feed: "), text);

        KeptGraph.Run third = KeptGraph.run(location, out);
        assertEquals(after, third.assignments(), "records stored unchanged change nothing");
        assertEquals(second.changeSequence(), third.changeSequence());
    }
}
