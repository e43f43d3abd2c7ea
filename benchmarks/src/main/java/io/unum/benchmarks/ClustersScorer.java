package io.unum.benchmarks;

import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.QualityReport;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores any engine's {@code clusters.csv} against a ground truth with the evaluator that
 * {@code unum evaluate} uses ({@link ClusteringEvaluator}: pairwise and B-cubed precision, recall
 * and F1), so that Unum's, Duke's and Splink's outputs of {@code tools/side-by-side.sh} are
 * scored by one piece of code. ({@code unum evaluate} itself resolves its input; it does not read
 * another engine's clusters.)
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.ClustersScorer \
 *     --clusters /tmp/sbs/splink/clusters.csv --truth /tmp/sbs220k/truth.csv
 * </pre>
 *
 * <p>{@code clusters.csv} has a header with {@code record_id} and {@code profile_id} (Splink's
 * {@code run.py}, {@link DukeMain} and {@code unum resolve} all write these); a record id written
 * as {@code source/id} matches the truth's {@code id}. An empty profile id (a record the engine
 * rejected) counts as a cluster of its own. The truth has a header with {@code record_id} and
 * {@code person_id} (the generator's {@code truth.csv}). Every truth record must occur exactly
 * once in the clusters and no other record may: anything else is an error that names the first
 * offending id, never a silently smaller score.
 *
 * <p>Prints one line, in the form of {@code unum evaluate}'s last line without its timing:
 * {@code pairwise_precision=P pairwise_recall=R pairwise_f1=F bcubed_f1=B profiles=N records=M}.
 * Exit status 1, with the reason on standard error, when the files do not fit.
 */
public final class ClustersScorer {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private ClustersScorer() {
    }

    public static void main(String[] args) throws IOException {
        Path clusters = null;
        Path truth = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clusters" -> clusters = Path.of(args[++i]);
                case "--truth" -> truth = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --clusters FILE --truth FILE");
            }
        }
        if (clusters == null || truth == null) {
            throw new IllegalArgumentException("--clusters FILE and --truth FILE are required");
        }
        try {
            System.out.println(line(score(clusters, truth)));
        } catch (IllegalArgumentException e) {
            System.err.println("ClustersScorer: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The one-line summary. */
    static String line(QualityReport<String> report) {
        return String.format(Locale.ROOT, "pairwise_precision=%.4f pairwise_recall=%.4f pairwise_f1=%.4f bcubed_f1=%.4f"
                + " profiles=%d records=%d", report.pairwise().precision(), report.pairwise().recall(),
                report.pairwise().f1(), report.bcubed().f1(), report.predictedClusters(), report.records());
    }

    /**
     * Scores {@code clusters} against {@code truth}.
     *
     * @throws IllegalArgumentException if a file lacks a column, a record occurs twice, or the
     *         record sets differ
     * @throws IOException if a file cannot be read
     */
    static QualityReport<String> score(Path clusters, Path truth) throws IOException {
        Map<String, String> persons = read(truth, "record_id", "person_id");
        Map<String, String> predicted = new HashMap<>(persons.size() * 2);
        try (Reader in = Files.newBufferedReader(clusters, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            requireColumns(parser.getHeaderNames(), clusters, "record_id", "profile_id");
            for (CSVRecord row : parser) {
                String id = row.get("record_id");
                if (!persons.containsKey(id)) {
                    int slash = id.indexOf('/');
                    String bare = slash < 0 ? id : id.substring(slash + 1);
                    if (!persons.containsKey(bare)) {
                        throw new IllegalArgumentException(clusters + " names record " + id + " (line "
                                + parser.getCurrentLineNumber() + "), which the truth " + truth + " does not have");
                    }
                    id = bare;
                }
                String profile = row.get("profile_id");
                if (profile.isEmpty()) {
                    profile = "\u0000rejected " + id;
                }
                if (predicted.put(id, profile) != null) {
                    throw new IllegalArgumentException(clusters + " names record " + id + " twice (again on line "
                            + parser.getCurrentLineNumber() + ")");
                }
            }
        }
        if (predicted.size() != persons.size()) {
            String missing = persons.keySet().stream().filter(id -> !predicted.containsKey(id)).sorted().findFirst()
                    .orElseThrow();
            throw new IllegalArgumentException(clusters + " has " + predicted.size() + " records, the truth "
                    + persons.size() + "; missing e.g. " + missing);
        }
        return ClusteringEvaluator.newBuilder().maxExamples(0).build().evaluate(predicted, persons);
    }

    private static Map<String, String> read(Path file, String keyColumn, String valueColumn) throws IOException {
        Map<String, String> map = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            requireColumns(parser.getHeaderNames(), file, keyColumn, valueColumn);
            for (CSVRecord row : parser) {
                if (map.put(row.get(keyColumn), row.get(valueColumn)) != null) {
                    throw new IllegalArgumentException(file + " names record " + row.get(keyColumn) + " twice");
                }
            }
        }
        return map;
    }

    private static void requireColumns(List<String> header, Path file, String... columns) {
        for (String column : columns) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + " has no column " + column + "; its header is " + header);
            }
        }
    }
}
