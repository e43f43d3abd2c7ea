package io.unum.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.unum.ResolutionStatistics;
import io.unum.evaluation.ClusterPart;
import io.unum.evaluation.FalseMerge;
import io.unum.evaluation.MissedLink;
import io.unum.evaluation.QualityReport;
import io.unum.evaluation.Scores;
import io.unum.model.RecordKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code metrics.json} for {@code unum evaluate}: inputs, truth, counts, pair counts,
 * pairwise and B-cubed scores (full double precision), the listed false merges and missed links
 * (record ids only), and timings. One pretty-printed JSON object.
 */
final class MetricsWriter {

    private MetricsWriter() {
    }

    static void write(Path file, List<InputFile> inputs, GroundTruth.Labels labels, QualityReport<RecordKey> report,
            ResolutionStatistics stats, double readSeconds, double resolveSeconds, boolean qualify) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("inputs");
            for (InputFile input : inputs) {
                json.writeString(input.name());
            }
            json.writeEndArray();
            json.writeStringField("truth", labels.description());
            json.writeNumberField("records", report.records());
            json.writeNumberField("profiles", stats.profiles());
            json.writeNumberField("rejected_records", stats.rejectedRecords());
            json.writeNumberField("links", stats.links());
            json.writeNumberField("entities", labels.entities());
            json.writeNumberField("unlabelled_records", labels.unlabelled());
            json.writeNumberField("truth_rows_not_in_input", labels.notInInput());
            json.writeObjectFieldStart("clusters");
            json.writeNumberField("predicted", report.predictedClusters());
            json.writeNumberField("true", report.trueClusters());
            json.writeEndObject();
            json.writeObjectFieldStart("pairs");
            json.writeNumberField("predicted", report.pairs().predicted());
            json.writeNumberField("true", report.pairs().actual());
            json.writeNumberField("true_positives", report.pairs().truePositives());
            json.writeNumberField("false_positives", report.pairs().falsePositives());
            json.writeNumberField("false_negatives", report.pairs().falseNegatives());
            json.writeEndObject();
            scores(json, "pairwise", report.pairwise());
            scores(json, "bcubed", report.bcubed());
            json.writeObjectFieldStart("false_merges");
            json.writeNumberField("count", report.falseMergeCount());
            json.writeArrayFieldStart("worst");
            for (FalseMerge<RecordKey> merge : report.falseMerges()) {
                json.writeStartObject();
                json.writeStringField("profile", merge.cluster());
                json.writeNumberField("records", merge.size());
                json.writeNumberField("entities", merge.entities());
                json.writeNumberField("wrong_pairs", merge.wrongPairs());
                parts(json, "by_entity", "entity", merge.parts(), qualify);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("missed_links");
            json.writeNumberField("count", report.missedLinkCount());
            json.writeArrayFieldStart("worst");
            for (MissedLink<RecordKey> link : report.missedLinks()) {
                json.writeStartObject();
                json.writeStringField("entity", link.entity());
                json.writeNumberField("records", link.size());
                json.writeNumberField("profiles", link.clusters());
                json.writeNumberField("missed_pairs", link.missedPairs());
                parts(json, "by_profile", "profile", link.parts(), qualify);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("seconds");
            json.writeNumberField("reading", readSeconds);
            json.writeNumberField("resolving", resolveSeconds);
            json.writeNumberField("total", readSeconds + resolveSeconds);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void scores(JsonGenerator json, String name, Scores scores) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("precision", scores.precision());
        json.writeNumberField("recall", scores.recall());
        json.writeNumberField("f1", scores.f1());
        json.writeEndObject();
    }

    private static void parts(JsonGenerator json, String field, String label, List<ClusterPart<RecordKey>> parts,
            boolean qualify) throws IOException {
        json.writeArrayFieldStart(field);
        for (ClusterPart<RecordKey> part : parts) {
            json.writeStartObject();
            json.writeStringField(label, part.cluster());
            json.writeNumberField("size", part.size());
            json.writeArrayFieldStart("records");
            for (RecordKey key : part.records()) {
                json.writeString(EvaluateCommand.recordId(key, qualify));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
