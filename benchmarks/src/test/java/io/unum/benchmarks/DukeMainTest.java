package io.unum.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.QualityReport;
import io.unum.generator.CustomerDataGenerator;
import io.unum.generator.GenerationSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DukeMainTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryRecordOnceWithDukesClusters() throws IOException {
        GenerationSummary summary = CustomerDataGenerator.newBuilder().people(300).seed(5).build().writeTo(dir);
        Path out = dir.resolve("duke");
        Files.createDirectories(out);

        Map<String, String> times = DukeMain.run(dir.resolve(CustomerDataGenerator.RECORDS_FILE), out, 2,
                DukeSetup.DEFAULT_MAX_SEARCH_HITS);

        QualityReport<String> report = ClustersScorer.score(out.resolve("clusters.csv"),
                dir.resolve(CustomerDataGenerator.TRUTH_FILE));
        assertEquals(summary.records(), report.records());
        assertEquals(Long.toString(summary.records()), times.get("records"));
        assertEquals(Integer.toString(report.predictedClusters()), times.get("profiles"));
        assertTrue(Long.parseLong(times.get("match_pairs")) > 0, times.toString());
        // Duke's configuration links most true pairs and few false ones (F1 about 0.76 at 100k)
        assertTrue(report.pairwise().f1() > 0.5, ClustersScorer.line(report));
        assertEquals("record_id,profile_id", Files.readAllLines(out.resolve("clusters.csv")).get(0));
    }
}
