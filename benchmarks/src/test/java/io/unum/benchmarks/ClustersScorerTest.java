package io.unum.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClustersScorerTest {

    private static final String TRUTH = "record_id,person_id\na-1,P1\na-2,P1\nb-3,P1\nb-4,P2\nb-5,P3\n";

    @TempDir
    Path dir;

    private QualityReport<String> score(String clusters) throws IOException {
        Files.writeString(dir.resolve("truth.csv"), TRUTH);
        Files.writeString(dir.resolve("clusters.csv"), clusters);
        return ClustersScorer.score(dir.resolve("clusters.csv"), dir.resolve("truth.csv"));
    }

    @Test
    void perfectClusteringScoresOne() throws IOException {
        QualityReport<String> r = score("record_id,profile_id\na-1,x\na-2,x\nb-3,x\nb-4,y\nb-5,z\n");
        assertEquals(1.0, r.pairwise().f1());
        assertEquals(3, r.predictedClusters());
        assertEquals("pairwise_precision=1.0000 pairwise_recall=1.0000 pairwise_f1=1.0000 bcubed_f1=1.0000"
                + " profiles=3 records=5", ClustersScorer.line(r));
    }

    @Test
    void countsPairs() throws IOException {
        // predicted pairs: (a-1,a-2), (b-4,b-5); true pairs: (a-1,a-2), (a-1,b-3), (a-2,b-3)
        QualityReport<String> r = score("record_id,profile_id\na-1,x\na-2,x\nb-3,y\nb-4,z\nb-5,z\n");
        assertEquals(0.5, r.pairwise().precision(), 1e-12);
        assertEquals(1 / 3.0, r.pairwise().recall(), 1e-12);
    }

    @Test
    void acceptsSourceQualifiedIdsAndColumnOrder() throws IOException {
        QualityReport<String> r = score("profile_id,record_id\nx,crm/a-1\nx,crm/a-2\nx,b-3\ny,b-4\nz,b-5\n");
        assertEquals(1.0, r.pairwise().f1());
    }

    @Test
    void emptyProfileIsASingleton() throws IOException {
        QualityReport<String> r = score("record_id,profile_id\na-1,x\na-2,x\nb-3,\nb-4,\nb-5,\n");
        assertEquals(1.0, r.pairwise().precision());
        assertEquals(4, r.predictedClusters());
    }

    @Test
    void missingRecordIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> score("record_id,profile_id\na-1,x\na-2,x\nb-3,x\nb-4,y\n"));
        assertTrue(e.getMessage().contains("missing e.g. b-5"), e.getMessage());
    }

    @Test
    void repeatedOrUnknownRecordIsAnError() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> score("record_id,profile_id\na-1,x\na-1,x\na-2,x\nb-3,x\nb-4,y\nb-5,z\n"));
        assertTrue(twice.getMessage().contains("a-1 twice"), twice.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> score("record_id,profile_id\na-1,x\na-2,x\nb-3,x\nb-4,y\nb-5,z\nc-6,z\n"));
        assertTrue(unknown.getMessage().contains("c-6"), unknown.getMessage());
    }

    @Test
    void missingColumnIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> score("id,cluster\na-1,x\n"));
        assertTrue(e.getMessage().contains("no column record_id"), e.getMessage());
    }
}
