package io.unum.cli;

import io.unum.InputIssue;
import io.unum.OversizedBlock;
import io.unum.Resolution;
import io.unum.ResolutionStatistics;
import io.unum.Resolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unum resolve}: resolves CSV files (or the bundled sample) into golden profiles. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Resolves CSV or JSON-lines files into golden profiles.",
            "Writes DIR/clusters.csv (record_id,profile_id) and DIR/profiles.jsonl.",
            "Without --input, resolves a bundled sample of three sources (crm, webshop, newsletter)."})
final class ResolveCommand implements Callable<Integer> {

    /** The bundled sample: three sources with known duplicates. */
    static final List<InputFile> SAMPLE = List.of(
            InputFile.resource("crm.csv", "/io/unum/cli/sample/crm.csv"),
            InputFile.resource("webshop.csv", "/io/unum/cli/sample/webshop.csv"),
            InputFile.resource("newsletter.csv", "/io/unum/cli/sample/newsletter.csv"));

    /** The ground truth of the bundled sample ({@code record_id,person_id}). */
    static final InputFile SAMPLE_TRUTH = InputFile.resource("truth.csv", "/io/unum/cli/sample/truth.csv");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        long start = System.nanoTime();
        List<InputFile> files = input.files(spec.commandLine());
        ReadOptions options = input.readOptions(spec.commandLine(), null);
        OutputDirectory.prepare(spec.commandLine(), "--out", out);
        boolean sample = files.isEmpty();
        if (sample) {
            files.addAll(SAMPLE);
            outWriter.println("No --input given: resolving the bundled sample (crm.csv, webshop.csv, newsletter.csv).");
        }
        ProgressBar progress = ProgressBar.forStandardError("resolve");
        PhaseClock clock = new PhaseClock(progress, "read");
        Inputs.Batch batch;
        Resolution resolution;
        try {
            batch = Inputs.read(files, options, clock);
            clock.mark("resolve");
            resolution = DefaultConfiguration.resolve(model, batch.records(), err, clock);
        } finally {
            progress.finish();
        }
        clock.mark("write");
        batch.warnings().forEach(w -> err.println("warning: " + w));
        ResultWriter.write(out, batch.rows(), resolution);
        if (input.verbose) {
            batch.columnSummaries().forEach(err::println);
            StageTimes.print(err, resolution.statistics());
            clock.print(err);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        printIssues(err, resolution.issues());
        ResolutionStatistics stats = resolution.statistics();
        for (OversizedBlock block : stats.oversizedBlocks()) {
            err.println("note: " + block.size() + " records share one value of blocking key " + block.key()
                    + " (rule " + block.rule() + ", fingerprint " + block.fingerprint() + "); not compared through it");
        }
        outWriter.printf(Locale.ROOT, "Resolved %d records from %d file(s) into %d profiles.%n", stats.records(),
                files.size(), stats.profiles());
        outWriter.printf(Locale.ROOT, "links: %d pairs of records that a rule matched (a profile of n records holds at"
                + " least n-1); possible matches: %d pairs between the review and match thresholds, not linked.%n",
                stats.links(), stats.possibleMatches());
        outWriter.println("Wrote " + out.resolve("clusters.csv") + " and " + out.resolve("profiles.jsonl"));
        outWriter.printf(Locale.ROOT, "records=%d profiles=%d links=%d rejected=%d seconds=%.3f%n", batch.rows().size(),
                stats.profiles(), stats.links(), stats.rejectedRecords(), seconds);
        return 0;
    }

    /** Issue counts by field and problem; never values. */
    static void printIssues(PrintWriter err, List<InputIssue> issues) {
        Map<String, Integer> counts = new TreeMap<>();
        for (InputIssue issue : issues) {
            counts.merge(issue.field() + ": " + issue.problem() + " -> " + issue.action() + " (expected " + issue.expected()
                    + ")", 1, Integer::sum);
        }
        counts.forEach((what, count) -> err.println("issue: " + count + " x " + what));
    }
}
