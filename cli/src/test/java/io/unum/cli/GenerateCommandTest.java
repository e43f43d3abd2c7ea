package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.generator.CustomerDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @Test
    void writesRecordsAndTruthWithOneTruthRowPerRecord(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("generate", "--people", "200", "--seed", "7", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        List<String> records = Files.readAllLines(dir.resolve("records.csv"));
        List<String> truth = Files.readAllLines(dir.resolve("truth.csv"));
        assertEquals(String.join(",", CustomerDataGenerator.RECORD_COLUMNS), records.get(0));
        assertEquals("record_id,person_id", truth.get(0));
        assertEquals(records.size(), truth.size(), "one truth row per record");
        Set<String> people = new HashSet<>();
        for (int i = 1; i < truth.size(); i++) {
            String[] cells = truth.get(i).split(",");
            assertTrue(records.get(i).startsWith(cells[0] + ","), "same order: line " + i);
            people.add(cells[1]);
        }
        assertEquals(200, people.size());
        assertTrue(run.lastLine().matches("people=200 records=" + (records.size() - 1) + " seed=7 seconds=\\d+\\.\\d{4}"),
                run.lastLine());
        assertEquals("", run.err(), "no progress bar without a terminal");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData(@TempDir Path dir) throws Exception {
        for (String[] args : List.of(new String[] {"a", "3"}, new String[] {"b", "3"}, new String[] {"c", "4"})) {
            CliRun run = CliRun.run("generate", "--people", "150", "--seed", args[1], "--out", dir.resolve(args[0]).toString());
            assertEquals(0, run.status(), run.err());
        }
        for (String file : List.of("records.csv", "truth.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(Files.readString(dir.resolve("a/records.csv")).equals(Files.readString(dir.resolve("c/records.csv"))));
    }

    @Test
    void generatedDataEvaluatesAgainstItsTruth(@TempDir Path dir) throws Exception {
        assertEquals(0, CliRun.run("generate", "--people", "300", "--seed", "1", "--out", dir.toString()).status());
        CliRun run = CliRun.run("evaluate", "--input", dir.resolve("records.csv").toString(), "--truth",
                dir.resolve("truth.csv").toString(), "--out", dir.resolve("eval").toString());
        assertEquals(0, run.status(), run.err());
        long records = Files.lines(dir.resolve("records.csv")).count() - 1;
        assertTrue(run.lastLine().contains(" records=" + records + " "), run.lastLine());
        String metrics = Files.readString(dir.resolve("eval/metrics.json"));
        assertTrue(metrics.contains("\"entities\" : 300"), metrics);
        assertTrue(metrics.contains("\"unlabelled_records\" : 0"), metrics);
    }

    @Test
    void junkIsOnByDefaultAndNoJunkLeavesItOutWithTheSameTruth(@TempDir Path dir) throws Exception {
        CliRun junk = CliRun.run("generate", "--people", "2000", "--seed", "5", "--out", dir.resolve("junk").toString());
        CliRun clean = CliRun.run("generate", "--people", "2000", "--seed", "5", "--no-junk", "--out",
                dir.resolve("clean").toString());
        assertEquals(0, junk.status(), junk.err());
        assertEquals(0, clean.status(), clean.err());
        assertTrue(junk.out().contains("junk DEFAULT_LOYALTY_ID:"), junk.out());
        assertTrue(junk.out().contains("junk AGENCY_EMAIL:"), junk.out());
        assertTrue(clean.out().contains("junk:              none (--no-junk)"), clean.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("junk/truth.csv")), Files.readAllBytes(dir.resolve("clean/truth.csv")),
                "junk never changes whose record it is");
        assertFalse(Files.readString(dir.resolve("junk/records.csv")).equals(Files.readString(dir.resolve("clean/records.csv"))));
    }

    @Test
    void rejectsNonPositivePeople(@TempDir Path dir) {
        CliRun run = CliRun.run("generate", "--people", "0", "--out", dir.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--people must be at least 1"), run.err());
    }
}
