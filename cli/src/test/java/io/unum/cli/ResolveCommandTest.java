package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommandTest {

    private static final Path SHARED = Path.of("..", "..", "shared", "data");

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void resolvesTheBundledSample(@TempDir Path dir) throws Exception {
        Run run = run("resolve", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        List<String> clusters = Files.readAllLines(dir.resolve("clusters.csv"));
        assertEquals("record_id,profile_id", clusters.get(0));
        List<String> truth = Files.readAllLines(Path.of("src/main/resources/io/unum/cli/sample/truth.csv"));
        assertEquals(truth.size(), clusters.size(), "one row per input record");
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("records=307 profiles=\\d+ links=\\d+ rejected=0 seconds=\\d+\\.\\d{3}"), last);

        Set<String> profileIds = new HashSet<>();
        for (String row : clusters.subList(1, clusters.size())) {
            String[] cells = row.split(",", -1);
            assertFalse(cells[1].isEmpty(), row);
            profileIds.add(cells[1]);
        }
        List<String> profiles = Files.readAllLines(dir.resolve("profiles.jsonl"));
        assertEquals(profileIds.size(), profiles.size());
        ObjectMapper json = new ObjectMapper();
        int members = 0;
        for (String line : profiles) {
            JsonNode profile = json.readTree(line);
            assertTrue(profileIds.contains(profile.get("profile_id").asText()));
            members += profile.get("records").size();
            profile.get("attributes").forEach(values -> values.forEach(value -> {
                assertTrue(value.has("source") && value.has("record") && value.has("rule"), "provenance on " + value);
            }));
        }
        assertEquals(307, members);
        assertTrue(run.err().contains("email: MALFORMED_IDENTIFIER"), "the sample holds one malformed e-mail: " + run.err());
        assertFalse(run.err().contains("alexandramiller17"), "no personal value in diagnostics: " + run.err());
    }

    @Test
    void verboseTellsTheWallTimeOfEachPhase(@TempDir Path dir) throws Exception {
        Run run = run("resolve", "--out", dir.toString(), "--verbose");
        assertEquals(0, run.status(), run.err());
        String phases = run.err().lines().filter(l -> l.startsWith("phases:")).findFirst().orElse(run.err());
        // the sample is under the training minimum: read, resolve (hand-set parameters), write
        assertTrue(phases.matches("phases: read \\d+\\.\\d{3} s resolve \\d+\\.\\d{3} s write \\d+\\.\\d{3} s"), phases);
        assertTrue(run.err().contains("stages: features"), run.err());
    }

    @Test
    void resolvesFebrl1IntoOneRowPerRecord(@TempDir Path dir) throws Exception {
        Path febrl = SHARED.resolve("febrl1/dataset1.csv");
        Assumptions.assumeTrue(Files.isRegularFile(febrl), "skipped: public data folder ../shared/data/febrl1 is absent");
        Run run = run("resolve", "--input", febrl.toString(), "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        List<String> clusters = Files.readAllLines(dir.resolve("clusters.csv"));
        assertEquals(1001, clusters.size());
        assertTrue(clusters.get(1).startsWith("rec-"), clusters.get(1));
        long profiles = clusters.stream().skip(1).map(r -> r.split(",")[1]).distinct().count();
        assertTrue(profiles >= 500 && profiles < 1000, "FEBRL1 has 500 people and 500 duplicates; got " + profiles);
    }

    @Test
    void missingInputIsAClearError(@TempDir Path dir) {
        Run run = run("resolve", "--input", dir.resolve("nope.csv").toString(), "--out", dir.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("input file not found"), run.err());
    }

    @Test
    void headersAreRecognized() {
        ColumnMapping mapping = ColumnMapping.of(List.of("rec_id", " given_name", "Surname", "DOB", "E-Mail", "soc_sec_id",
                "suburb", "Zip Code", "instagram_handle", "social_x", "cluster", "favourite_colour"), Set.of("cluster"));
        List<ColumnTarget> targets = mapping.targets();
        assertEquals(new ColumnTarget.Id(), targets.get(0));
        assertEquals(new ColumnTarget.Attribute("first_name"), targets.get(1));
        assertEquals(new ColumnTarget.Attribute("last_name"), targets.get(2));
        assertEquals(new ColumnTarget.Attribute("date_of_birth"), targets.get(3));
        assertEquals(new ColumnTarget.Identifier(io.unum.model.IdentifierType.EMAIL), targets.get(4));
        assertEquals(new ColumnTarget.Identifier(io.unum.model.IdentifierType.NATIONAL_ID), targets.get(5));
        assertEquals(new ColumnTarget.Attribute("city"), targets.get(6));
        assertEquals(new ColumnTarget.Attribute("postcode"), targets.get(7));
        assertEquals(new ColumnTarget.Identifier(io.unum.model.IdentifierType.SOCIAL_INSTAGRAM), targets.get(8));
        assertEquals(new ColumnTarget.Identifier(io.unum.model.IdentifierType.SOCIAL_X), targets.get(9));
        assertEquals(new ColumnTarget.Ignored(), targets.get(10));
        assertEquals(new ColumnTarget.Attribute("favourite_colour"), targets.get(11));
    }

    @Test
    void blankIdsAndBadTimestampsAreReportedWithoutValues(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("shop.csv");
        Files.writeString(input, "id,email,observed_at\n,secret.person@example.com,yesterday\nx2,other@example.com,2024-01-02\n");
        Run run = run("resolve", "--input", input.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("shop.csv row 1: blank record id; using row-1"), run.err());
        assertTrue(run.err().contains("shop.csv row 1: column observed_at is not an ISO-8601 instant or date"), run.err());
        assertFalse(run.err().contains("secret.person") || run.err().contains("yesterday"), run.err());
        assertEquals(List.of("record_id,profile_id"), Files.readAllLines(dir.resolve("out/clusters.csv")).subList(0, 1));
    }
}
