package io.unum.cli;

import io.unum.OversizedBlock;
import io.unum.Resolution;
import io.unum.ResolutionStatistics;
import io.unum.evaluation.ClusterPart;
import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.FalseMerge;
import io.unum.evaluation.MissedLink;
import io.unum.evaluation.QualityReport;
import io.unum.model.RecordKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum evaluate}: resolves the inputs with the configuration {@code resolve} uses and
 * compares the profiles with the ground truth. The last line of standard output is exactly
 * {@code pairwise_precision=P pairwise_recall=R pairwise_f1=F bcubed_f1=B profiles=N records=M
 * seconds=S}, decimals with a dot and four places, where {@code profiles} counts the profiles
 * the engine made, {@code records} the distinct records evaluated, and {@code seconds} the wall
 * time of reading the inputs and resolving them (not of reading the truth, evaluating or writing).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measures match quality: resolves the inputs as resolve does and compares the profiles with"
                + " a ground truth.",
        description = {"Resolves the inputs with the current configuration (as resolve does) and measures the"
                + " profiles against the ground truth: pairwise precision, recall and F1, B-cubed F1, and the worst"
                + " false merges and missed links (by record id only). The last line of the output is:",
            "  pairwise_precision=P pairwise_recall=R pairwise_f1=F bcubed_f1=B",
            "  profiles=N records=M seconds=S",
            "(on one line) where seconds is the time to read and resolve the inputs. Without --input, evaluates the"
                + " bundled sample against its bundled truth.", ""},
        footer = {"", "Examples:",
            "  unum evaluate --input dataset3.csv --truth-pattern 'rec-(\\d+)'",
            "  unum evaluate --input dataset4a.csv --input dataset4b.csv \\",
            "      --truth-pattern 'rec-(\\d+)'",
            "  unum evaluate --input fake_1000.csv --truth-column cluster",
            "  unum evaluate --input customers.csv --input reference.csv \\",
            "      --input watchlist.csv --truth actual_truthset_key.csv",
            "  unum generate --people 10000 --seed 1 --out gen",
            "  unum evaluate --input gen/records.csv --truth gen/truth.csv --out eval"})
final class EvaluateCommand implements Callable<Integer> {

    /** The format of the last line; decimals are always written with a dot. */
    static final String LAST_LINE = "pairwise_precision=%.4f pairwise_recall=%.4f pairwise_f1=%.4f bcubed_f1=%.4f"
            + " profiles=%d records=%d seconds=%.4f";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    ModelOptions model = new ModelOptions();

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Ground truth (one of; required with --input):%n")
    TruthOptions.Source truth;

    @CommandLine.Mixin
    TruthOptions.FileColumns truthColumns = new TruthOptions.FileColumns();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Also write DIR/clusters.csv, DIR/profiles.jsonl and DIR/metrics.json.")
    Path out;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
            description = "False merges and missed links to list (default: ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        PrintWriter stdout = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        if (examples < 0) {
            throw new CommandLine.ParameterException(commandLine, "--examples must not be negative, was " + examples);
        }
        List<InputFile> files = input.files(commandLine);
        boolean sample = files.isEmpty();
        if (!sample && truth == null) {
            throw new CommandLine.ParameterException(commandLine,
                    "give the ground truth: --truth FILE.csv, --truth-column NAME or --truth-pattern REGEX");
        }
        TruthOptions.Spec truthSpec = TruthOptions.Spec.of(commandLine, truth, truthColumns, sample);
        ReadOptions options = input.readOptions(commandLine, truthSpec.column());
        if (out != null) {
            OutputDirectory.prepare(commandLine, "--out", out);
        }
        if (sample) {
            files.addAll(ResolveCommand.SAMPLE);
            stdout.println("No --input given: evaluating the bundled sample (crm.csv, webshop.csv, newsletter.csv)"
                    + (truth == null ? " against its bundled truth." : "."));
        }

        ProgressBar progress = ProgressBar.forStandardError("evaluate");
        long start = System.nanoTime();
        Inputs.Batch batch;
        Resolution resolution;
        long readDone;
        GroundTruth.Labels labels;
        long truthDone;
        try {
            batch = Inputs.read(files, options, progress);
            readDone = System.nanoTime();
            labels = truthSpec.labels(batch.rows());
            truthDone = System.nanoTime();
            resolution = DefaultConfiguration.resolve(model, batch.records(), err, progress);
        } finally {
            progress.finish();
        }
        long resolveDone = System.nanoTime();
        QualityReport<RecordKey> report = ClusteringEvaluator.newBuilder().maxExamples(examples).maxRecordsPerExample(12)
                .build().evaluate(resolution.assignments(), labels.byKey());
        long evaluateDone = System.nanoTime();
        double readSeconds = (readDone - start) / 1e9;
        double resolveSeconds = (resolveDone - truthDone) / 1e9;
        double seconds = readSeconds + resolveSeconds;

        if (input.verbose) {
            batch.columnSummaries().forEach(err::println);
            StageTimes.print(err, resolution.statistics());
        }
        batch.warnings().forEach(w -> err.println("warning: " + w));
        ResolveCommand.printIssues(err, resolution.issues());
        ResolutionStatistics stats = resolution.statistics();
        for (OversizedBlock block : stats.oversizedBlocks()) {
            err.println("note: " + block.size() + " records share one value of blocking key " + block.key()
                    + " (rule " + block.rule() + ", fingerprint " + block.fingerprint() + "); not compared through it");
        }
        if (labels.unlabelled() > 0) {
            err.println("warning: " + labels.unlabelled() + " input record(s) have no truth label; each counts as an"
                    + " entity of its own");
        }
        if (labels.notInInput() > 0) {
            err.println("note: " + labels.notInInput() + " truth row(s) name records that are not in the input; ignored");
        }

        boolean qualify = ResultWriter.idsCollide(batch.rows());
        stdout.printf(Locale.ROOT, "Evaluated %d records from %d file(s) against the %s: %d entities.%n",
                report.records(), files.size(), labels.description(), labels.entities());
        stdout.print(report.summary());
        printFalseMerges(stdout, report, qualify);
        printMissedLinks(stdout, report, qualify);
        stdout.printf(Locale.ROOT, "time: reading %.3f s, resolving %.3f s (%d profiles, %d links), evaluating %.3f s%n",
                readSeconds, resolveSeconds, stats.profiles(), stats.links(), (evaluateDone - resolveDone) / 1e9);
        if (out != null) {
            ResultWriter.write(out, batch.rows(), resolution);
            MetricsWriter.write(out.resolve("metrics.json"), files, labels, report, stats, readSeconds, resolveSeconds,
                    qualify);
            stdout.println("Wrote " + out.resolve("clusters.csv") + ", " + out.resolve("profiles.jsonl") + " and "
                    + out.resolve("metrics.json"));
        }
        stdout.println(lastLine(report, stats.profiles(), seconds));
        stdout.flush();
        return 0;
    }

    /** The exact last line. */
    static String lastLine(QualityReport<?> report, long profiles, double seconds) {
        return String.format(Locale.ROOT, LAST_LINE, report.pairwise().precision(), report.pairwise().recall(),
                report.pairwise().f1(), report.bcubed().f1(), profiles, report.records(), seconds);
    }

    private static void printFalseMerges(PrintWriter stdout, QualityReport<RecordKey> report, boolean qualify) {
        if (report.falseMerges().isEmpty()) {
            return;
        }
        stdout.printf(Locale.ROOT, "False merges (worst %d of %d, by wrong pairs; records grouped by true entity):%n",
                report.falseMerges().size(), report.falseMergeCount());
        for (FalseMerge<RecordKey> merge : report.falseMerges()) {
            stdout.printf(Locale.ROOT, "  profile %s: %d records of %d entities, %d wrong pairs: %s%n", merge.cluster(),
                    merge.size(), merge.entities(), merge.wrongPairs(), parts(merge.parts(), merge.size(), qualify));
        }
    }

    private static void printMissedLinks(PrintWriter stdout, QualityReport<RecordKey> report, boolean qualify) {
        if (report.missedLinks().isEmpty()) {
            return;
        }
        stdout.printf(Locale.ROOT, "Missed links (worst %d of %d, by missed pairs; records grouped by profile):%n",
                report.missedLinks().size(), report.missedLinkCount());
        for (MissedLink<RecordKey> link : report.missedLinks()) {
            stdout.printf(Locale.ROOT, "  entity %s: %d records in %d profiles, %d missed pairs: %s%n", link.entity(),
                    link.size(), link.clusters(), link.missedPairs(), parts(link.parts(), link.size(), qualify));
        }
    }

    /** {@code [a, b] [c] ...}: record ids only; a cut-short list ends with the number left out. */
    static String parts(List<ClusterPart<RecordKey>> parts, int size, boolean qualify) {
        StringBuilder text = new StringBuilder();
        int listed = 0;
        for (ClusterPart<RecordKey> part : parts) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append('[');
            for (int i = 0; i < part.records().size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(recordId(part.records().get(i), qualify));
            }
            if (part.records().size() < part.size()) {
                text.append(part.records().isEmpty() ? "" : ", ").append("+").append(part.size() - part.records().size());
            }
            text.append(']');
            listed += part.size();
        }
        if (listed < size) {
            text.append(" +").append(size - listed).append(" more");
        }
        return text.toString();
    }

    static String recordId(RecordKey key, boolean qualify) {
        return qualify ? key.toString() : key.id();
    }
}
