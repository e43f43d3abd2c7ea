package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unum.ProgressListener;
import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.QualityReport;
import io.unum.model.Attributes;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    /** The specified last line: four decimals with a dot. */
    static final Pattern LAST_LINE = Pattern.compile("pairwise_precision=(\\d\\.\\d{4}) pairwise_recall=(\\d\\.\\d{4})"
            + " pairwise_f1=(\\d\\.\\d{4}) bcubed_f1=(\\d\\.\\d{4}) profiles=(\\d+) records=(\\d+) seconds=\\d+\\.\\d{4}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Matcher lastLine(CliRun run) {
        assertEquals(0, run.status(), run.err());
        Matcher m = LAST_LINE.matcher(run.lastLine());
        assertTrue(m.matches(), "last line: [" + run.lastLine() + "]");
        return m;
    }

    private static JsonNode metrics(Path dir) throws Exception {
        return JSON.readTree(dir.resolve("metrics.json").toFile());
    }

    private static Map<String, String> readTwoColumns(Path file) throws Exception {
        Map<String, String> map = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            map.put(cells[0], cells[1]);
        }
        return map;
    }

    @Test
    void lastLineIsExactWhateverTheDefaultLocale() {
        Map<String, Integer> predicted = Map.of("a", 1, "b", 1, "c", 1, "d", 2);
        Map<String, String> truth = Map.of("a", "x", "b", "x", "c", "y", "d", "y");
        QualityReport<String> report = ClusteringEvaluator.defaults().evaluate(predicted, truth);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            // pairs: predicted ab ac bc, true ab cd, correct ab -> P 1/3, R 1/2, F1 0.4;
            // B-cubed P (2/3+2/3+1/3+1)/4 = 2/3, R (1+1+1/2+1/2)/4 = 3/4, F1 12/17
            assertEquals("pairwise_precision=0.3333 pairwise_recall=0.5000 pairwise_f1=0.4000 bcubed_f1=0.7059"
                    + " profiles=2 records=4 seconds=1.5000", EvaluateCommand.lastLine(report, 2, 1.5));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void evaluatesTheBundledSampleConsistentlyWithItsOwnOutput(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("evaluate", "--out", dir.toString());
        Matcher m = lastLine(run);
        assertEquals("307", m.group(6));
        assertTrue(run.out().contains("against the truth file truth.csv (record record_id, entity person_id): 121 entities"),
                run.out());

        // recompute the scores by enumerating pairs from the files written
        Map<String, String> predicted = readTwoColumns(dir.resolve("clusters.csv"));
        Map<String, String> truth = readTwoColumns(Path.of("src/main/resources/io/unum/cli/sample/truth.csv"));
        assertEquals(truth.keySet(), predicted.keySet());
        List<String> ids = new ArrayList<>(truth.keySet());
        long both = 0;
        long predictedPairs = 0;
        long truePairs = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean p = predicted.get(ids.get(i)).equals(predicted.get(ids.get(j)));
                boolean t = truth.get(ids.get(i)).equals(truth.get(ids.get(j)));
                predictedPairs += p ? 1 : 0;
                truePairs += t ? 1 : 0;
                both += p && t ? 1 : 0;
            }
        }
        double precision = predictedPairs == 0 ? 1 : (double) both / predictedPairs;
        double recall = (double) both / truePairs;
        assertEquals(String.format(Locale.ROOT, "%.4f", precision), m.group(1));
        assertEquals(String.format(Locale.ROOT, "%.4f", recall), m.group(2));
        double bcubedPrecision = 0;
        double bcubedRecall = 0;
        for (String a : ids) {
            int samePredicted = 0;
            int sameTrue = 0;
            int sameBoth = 0;
            for (String b : ids) {
                boolean p = predicted.get(a).equals(predicted.get(b));
                boolean t = truth.get(a).equals(truth.get(b));
                samePredicted += p ? 1 : 0;
                sameTrue += t ? 1 : 0;
                sameBoth += p && t ? 1 : 0;
            }
            bcubedPrecision += (double) sameBoth / samePredicted / ids.size();
            bcubedRecall += (double) sameBoth / sameTrue / ids.size();
        }
        assertEquals(String.format(Locale.ROOT, "%.4f", 2 * bcubedPrecision * bcubedRecall / (bcubedPrecision + bcubedRecall)),
                m.group(4));
        assertEquals(new HashSet<>(predicted.values()).size(), Integer.parseInt(m.group(5)));

        JsonNode metrics = metrics(dir);
        assertEquals(truePairs, metrics.at("/pairs/true").asLong());
        assertEquals(predictedPairs, metrics.at("/pairs/predicted").asLong());
        assertEquals(both, metrics.at("/pairs/true_positives").asLong());
        assertEquals(121, metrics.get("entities").asInt());
        assertEquals(List.of("crm.csv", "webshop.csv", "newsletter.csv"),
                List.of(JSON.treeToValue(metrics.get("inputs"), String[].class)));
        assertEquals(307, Files.readAllLines(dir.resolve("clusters.csv")).size() - 1);
        assertTrue(Files.size(dir.resolve("profiles.jsonl")) > 0);
    }

    @Test
    void outputShowsRecordIdsButNoPersonalValues(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("evaluate", "--examples", "50");
        assertEquals(0, run.status(), run.err());
        Set<String> values = new HashSet<>();
        for (String file : List.of("crm.csv", "webshop.csv", "newsletter.csv")) {
            List<String> lines = Files.readAllLines(Path.of("src/main/resources/io/unum/cli/sample", file));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int c = 1; c < cells.length; c++) { // column 0 is the record id
                    if (cells[c].length() >= 4 && !cells[c].matches("[0-9TZ:+-]+") && !cells[c].startsWith("C1")) {
                        values.add(cells[c]);
                    }
                }
            }
        }
        String all = run.out() + run.err();
        for (String value : values) {
            assertFalse(all.contains(value), "a personal value of the sample appears in the output");
        }
        assertTrue(run.out().contains("False merges (worst ") || run.out().contains("Missed links (worst ")
                || run.out().contains("false merges: 0, missed links: 0"), run.out());
    }

    @Test
    void inputsNeedAGroundTruth(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "id,email\n1,a@example.com\n");
        CliRun none = CliRun.run("evaluate", "--input", input.toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("give the ground truth: --truth FILE.csv, --truth-column NAME or --truth-pattern REGEX"),
                none.err());
        CliRun two = CliRun.run("evaluate", "--input", input.toString(), "--truth-column", "x", "--truth-pattern", "y");
        assertEquals(2, two.status());
        assertTrue(two.err().contains("mutually exclusive"), two.err());
        CliRun badPattern = CliRun.run("evaluate", "--input", input.toString(), "--truth-pattern", "rec-(");
        assertEquals(2, badPattern.status());
        assertTrue(badPattern.err().contains("--truth-pattern is not a regular expression"), badPattern.err());
        CliRun missingTruth = CliRun.run("evaluate", "--input", input.toString(), "--truth", dir.resolve("t.csv").toString());
        assertEquals(2, missingTruth.status());
        assertTrue(missingTruth.err().contains("truth file not found"), missingTruth.err());
        CliRun missingColumn = CliRun.run("evaluate", "--input", input.toString(), "--truth-column", "cluster");
        assertEquals(1, missingColumn.status());
        assertTrue(missingColumn.err().contains("in.csv has no column cluster (--truth-column)"), missingColumn.err());
        CliRun keyColumnsWithoutFile = CliRun.run("evaluate", "--input", input.toString(), "--truth-column", "email",
                "--truth-entity-column", "x");
        assertEquals(2, keyColumnsWithoutFile.status());
    }

    @Test
    void theTruthColumnIsNeverReadAsData(@TempDir Path dir) throws Exception {
        // were customer_id read, it would be an identifier linking the records; as truth it must not link anything
        Path input = dir.resolve("crm.csv");
        Files.writeString(input, "record_id,customer_id\n1,A\n2,A\n3,B\n4,B\n");
        CliRun run = CliRun.run("evaluate", "--input", input.toString(), "--truth-column", "Customer ID".replace(' ', '_'),
                "--out", dir.resolve("out").toString());
        Matcher m = lastLine(run);
        assertEquals("4", m.group(5), "no record linked through the truth column");
        assertEquals("1.0000", m.group(1), "nothing predicted, nothing wrong");
        assertEquals("0.0000", m.group(2), "both true pairs missed");
        for (String line : Files.readAllLines(dir.resolve("out/profiles.jsonl"))) {
            JsonNode profile = JSON.readTree(line);
            assertEquals(0, profile.get("identifiers").size(), line);
            assertFalse(profile.get("attributes").has("customer_id"), line);
        }
    }

    @Test
    void twoInputsWithCollidingIdsJoinTheTruthOnSourceAndId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.csv"), "id,last_name\n1,x\n2,y\n");
        Files.writeString(dir.resolve("b.csv"), "id,last_name\n1,z\n2,w\n");
        Files.writeString(dir.resolve("sourced.csv"), "source,record_id,person_id\na,1,P1\nb,1,P1\na,2,P2\nb,2,P3\n");
        Files.writeString(dir.resolve("plain.csv"), "record_id,person_id\n1,P1\n2,P2\n");
        CliRun sourced = CliRun.run("evaluate", "--input", dir.resolve("a.csv").toString(), "--input",
                dir.resolve("b.csv").toString(), "--truth", dir.resolve("sourced.csv").toString(), "--out",
                dir.resolve("out").toString());
        Matcher m = lastLine(sourced);
        assertEquals("4", m.group(6));
        JsonNode metrics = metrics(dir.resolve("out"));
        assertEquals(3, metrics.get("entities").asInt());
        assertEquals(1, metrics.at("/pairs/true").asInt());
        assertEquals("record_id,profile_id", Files.readAllLines(dir.resolve("out/clusters.csv")).get(0));
        assertTrue(Files.readAllLines(dir.resolve("out/clusters.csv")).contains("a/1," + JSON.readTree(
                Files.readAllLines(dir.resolve("out/profiles.jsonl")).stream().filter(l -> l.contains("\"source\":\"a\",\"id\":\"1\""))
                        .findFirst().orElseThrow()).get("profile_id").asText()), "colliding ids are written source/id");

        CliRun plain = CliRun.run("evaluate", "--input", dir.resolve("a.csv").toString(), "--input",
                dir.resolve("b.csv").toString(), "--truth", dir.resolve("plain.csv").toString());
        assertEquals(1, plain.status());
        assertTrue(plain.err().contains("add a source column (source or DATA_SOURCE) to the truth file"), plain.err());
    }

    @Test
    void aMappingAndJsonLinesWorkForEvaluateToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shop.jsonl"), """
                {"ref": "s1", "who": "A", "contact": {"mail": "one@example.com"}}
                {"ref": "s2", "who": "A", "contact": {"mail": "ONE@example.com"}}
                {"ref": "s3", "who": "B", "contact": {"mail": "two@example.com"}}
                """);
        Files.writeString(dir.resolve("m.json"), "{\"columns\": {\"contact_mail\": \"email\"}, \"id\": \"ref\"}");
        CliRun run = CliRun.run("evaluate", "--input", dir.resolve("shop.jsonl").toString(), "--mapping",
                dir.resolve("m.json").toString(), "--truth-column", "who", "--verbose", "--out", dir.resolve("out").toString());
        Matcher m = lastLine(run);
        assertEquals("3", m.group(6));
        assertTrue(run.err().contains("shop.jsonl: {ref=record id, who=ground truth (not read as data), contact_mail=identifier"
                + " email}"), run.err());
        assertEquals(2, metrics(dir.resolve("out")).get("entities").asInt());
    }

    @Test
    void febrl1WithThePatternTruth(@TempDir Path dir) throws Exception {
        Path febrl = CliRun.shared("febrl1/dataset1.csv");
        Matcher m = lastLine(CliRun.run("evaluate", "--input", febrl.toString(), "--truth-pattern", "rec-(\\d+)",
                "--out", dir.toString()));
        assertEquals("1000", m.group(6));
        JsonNode metrics = metrics(dir);
        assertEquals(500, metrics.get("entities").asInt());
        assertEquals(500, metrics.at("/pairs/true").asInt());
        assertEquals(0, metrics.get("unlabelled_records").asInt());
    }

    @Test
    void febrl3WithoutTheSocialSecurityNumber(@TempDir Path dir) throws Exception {
        Path febrl = CliRun.shared("febrl3/dataset3.csv");
        Matcher m = lastLine(CliRun.run("evaluate", "--input", febrl.toString(), "--truth-pattern", "rec-(\\d+)",
                "--ignore-column", "soc_sec_id", "--out", dir.toString()));
        assertEquals("5000", m.group(6));
        assertEquals(6538, metrics(dir).at("/pairs/true").asInt());
        assertEquals(2000, metrics(dir).get("entities").asInt());
        for (String line : Files.readAllLines(dir.resolve("profiles.jsonl"))) {
            assertFalse(line.contains("national_id") || line.contains("soc_sec_id"), "soc_sec_id must not be read");
        }
    }

    @Test
    void febrl4IsTwoInputsLinkedByThePattern(@TempDir Path dir) throws Exception {
        Path a = CliRun.shared("febrl4/dataset4a.csv");
        Path b = CliRun.shared("febrl4/dataset4b.csv");
        Matcher m = lastLine(CliRun.run("evaluate", "--input", a.toString(), "--input", b.toString(), "--truth-pattern",
                "rec-(\\d+)", "--out", dir.toString()));
        assertEquals("10000", m.group(6));
        JsonNode metrics = metrics(dir);
        assertEquals(5000, metrics.get("entities").asInt());
        assertEquals(5000, metrics.at("/pairs/true").asInt());
        assertEquals(List.of("dataset4a.csv", "dataset4b.csv"), List.of(JSON.treeToValue(metrics.get("inputs"), String[].class)));
    }

    @Test
    void splinkWithItsClusterColumn(@TempDir Path dir) throws Exception {
        Path splink = CliRun.shared("splink_fake_1000/fake_1000.csv");
        Matcher m = lastLine(CliRun.run("evaluate", "--input", splink.toString(), "--truth-column", "cluster", "--out",
                dir.toString()));
        assertEquals("1000", m.group(6));
        JsonNode metrics = metrics(dir);
        assertEquals(251, metrics.get("entities").asInt());
        assertEquals(2031, metrics.at("/pairs/true").asInt());
        for (String line : Files.readAllLines(dir.resolve("profiles.jsonl"))) {
            assertFalse(JSON.readTree(line).get("attributes").has("cluster"), "the truth column is not data");
        }
    }

    @Test
    void senzingTruthSetAsCsvAndAsJsonLines(@TempDir Path dir) throws Exception {
        Path key = CliRun.shared("senzing_truthset_demo/actual_truthset_key.csv");
        List<String> sources = List.of("customers", "reference", "watchlist");
        for (String format : List.of("csv", "jsonl")) {
            List<String> args = new ArrayList<>(List.of("evaluate"));
            for (String source : sources) {
                args.add("--input");
                args.add(CliRun.shared("senzing_truthset_demo/" + source + "." + format).toString());
            }
            args.addAll(List.of("--truth", key.toString(), "--out", dir.resolve(format).toString()));
            Matcher m = lastLine(CliRun.run(args.toArray(String[]::new)));
            assertEquals("159", m.group(6), format);
            JsonNode metrics = metrics(dir.resolve(format));
            assertEquals(85, metrics.get("entities").asInt(), format);
            assertEquals(108, metrics.at("/pairs/true").asInt(), format);
            assertEquals(0, metrics.get("unlabelled_records").asInt(), format);
            assertEquals(0, metrics.get("truth_rows_not_in_input").asInt(), format);
        }
    }

    @Test
    void senzingJsonLinesReadAsTheSameRecordsAsItsCsv() {
        List<InputFile> csv = new ArrayList<>();
        List<InputFile> jsonl = new ArrayList<>();
        for (String source : List.of("customers", "reference", "watchlist")) {
            csv.add(InputFile.of(CliRun.shared("senzing_truthset_demo/" + source + ".csv")));
            jsonl.add(InputFile.of(CliRun.shared("senzing_truthset_demo/" + source + ".jsonl")));
        }
        Map<RecordKey, SourceRecord> fromCsv = byKey(Inputs.read(csv, ReadOptions.DEFAULTS, ProgressListener.NONE));
        Map<RecordKey, SourceRecord> fromJsonl = byKey(Inputs.read(jsonl, ReadOptions.DEFAULTS, ProgressListener.NONE));
        assertEquals(159, fromCsv.size());
        assertEquals(fromCsv.keySet(), fromJsonl.keySet());
        for (RecordKey key : fromCsv.keySet()) {
            SourceRecord a = fromCsv.get(key);
            SourceRecord b = fromJsonl.get(key);
            // assertTrue, not assertEquals: a failure must not print the data's values
            assertTrue(new HashSet<>(a.identifiers()).equals(new HashSet<>(b.identifiers())), "identifiers of " + key);
            // full_name is left out: the CSV has native-script names in NATIVE_NAME_FULL, the JSON lines in NAME_FULL
            for (String attribute : List.of(Attributes.FIRST_NAME, Attributes.MIDDLE_NAME, Attributes.LAST_NAME,
                    Attributes.DATE_OF_BIRTH, Attributes.GENDER, Attributes.ADDRESS_1, Attributes.CITY, Attributes.STATE,
                    Attributes.POSTCODE, Attributes.COUNTRY, ColumnMapping.ORGANIZATION_NAME)) {
                assertTrue(Objects.equals(a.attribute(attribute), b.attribute(attribute)), attribute + " of " + key);
            }
        }
    }

    private static Map<RecordKey, SourceRecord> byKey(Inputs.Batch batch) {
        Map<RecordKey, SourceRecord> records = new HashMap<>();
        for (Inputs.Row row : batch.rows()) {
            records.put(row.record().key(), row.record());
        }
        return records;
    }
}
