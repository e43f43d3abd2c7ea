package io.unum.cli;

import io.unum.ChangeSet;
import io.unum.Explanation;
import io.unum.IdentityGraph;
import io.unum.Resolution;
import io.unum.ResolutionStatistics;
import io.unum.Resolver;
import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.MatchWeightCollector;
import io.unum.evaluation.QualityReport;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.rules.BlockingKey;
import io.unum.rules.Comparison;
import io.unum.rules.MatchRule;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum report}: resolves the inputs with the configuration {@code resolve} uses and writes
 * one self-contained HTML page about the run: the m, u and match weight of every comparison
 * level, candidate pairs per blocking key, the match-weight histogram with the thresholds,
 * precision and recall against the threshold (with a ground truth), the profile size
 * distribution, the largest blocks, a waterfall explaining one link, the worst false merges and
 * missed links (with a ground truth) and the review queue, each with a waterfall, and a view of
 * selected profiles.
 *
 * <p>The data come from the engine's diagnostics: {@link io.unum.IdentityGraph#candidatePairs} for
 * every scored pair, summarised by a {@link MatchWeightCollector} (the weight histogram and the
 * threshold curve), and an {@link IdentityGraph} for the profiles, block sizes and the
 * explanation. Without {@code --pair}, the link explained is the one with the median weight
 * among the probabilistic links ({@link LinkedPairs}), ties broken by record keys, so the same
 * inputs always give the same page. No personal value is written unless {@code --show-pii}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resolves the inputs (as resolve does) and writes one self-contained HTML page: m, u and match"
                + " weight per comparison level, candidate pairs per blocking key, the match-weight histogram with the"
                + " thresholds, precision and recall against the threshold (with a ground truth), the profile size"
                + " distribution, the largest blocks, a waterfall chart explaining one link, the worst false merges and"
                + " missed links (with a ground truth) and the review queue, each with its waterfall, and a profile"
                + " view.",
            "The page needs no network (its one script is inline). It shows record ids, field and level names, and"
                + " masked values, unless --show-pii is given. Without --input, reports on the bundled sample and its"
                + " truth.", ""},
        footer = {"", "Examples:",
            "  unum report --out report.html",
            "  unum report --input dataset3.csv --truth-pattern 'rec-(\\d+)' --out febrl3.html",
            "  unum report --input crm.csv --input shop.csv --pair C-17,S-4"})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    ModelOptions model = new ModelOptions();

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Ground truth (optional; one of):%n")
    TruthOptions.Source truth;

    @CommandLine.Mixin
    TruthOptions.FileColumns truthColumns = new TruthOptions.FileColumns();

    @Option(names = "--pair", paramLabel = "ID1,ID2",
            description = "The two records whose match weight the waterfall explains (record id, or source/id)."
                    + " Default: the probabilistic link with the median weight.")
    String pair;

    @Option(names = "--show-pii", description = "Show the explained pair's values in clear (default: masked).")
    boolean showPii;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
            description = "False merges and missed links to show, each with a waterfall (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.html", defaultValue = "report.html",
            description = "The page to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        PrintWriter stdout = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        if (examples < 0) {
            throw new CommandLine.ParameterException(commandLine, "--examples must not be negative, was " + examples);
        }
        if (pair != null) {
            ExplainCommand.pairIds(commandLine, pair); // a malformed pair is refused before any work
        }
        OutputDirectory.prepareFile(commandLine, "--out", out); // before any work
        List<InputFile> files = input.files(commandLine);
        boolean sample = files.isEmpty();
        TruthOptions.Spec truthSpec = TruthOptions.Spec.of(commandLine, truth, truthColumns, sample);
        ReadOptions options = input.readOptions(commandLine, truthSpec.column());
        if (sample) {
            files.addAll(ResolveCommand.SAMPLE);
            stdout.println("No --input given: reporting on the bundled sample (crm.csv, webshop.csv, newsletter.csv)"
                    + (truth == null ? " with its bundled truth." : "."));
        }

        ProgressBar progress = ProgressBar.forStandardError("report");
        Inputs.Batch batch;
        GroundTruth.Labels labels = null;
        Resolver resolver;
        IdentityGraph graph;
        ChangeSet changes;
        Resolution resolution;
        MatchWeightCollector weights;
        LinkedPairs links;
        try {
            batch = Inputs.read(files, options, progress);
            labels = truthSpec.labels(batch.rows());
            List<SourceRecord> records = batch.records();
            resolver = DefaultConfiguration.resolver(model, records, err, progress);
            progress.onProgress("resolving", 0, 2);
            graph = resolver.newGraph();
            changes = graph.upsertAll(records);
            progress.onProgress("scoring pairs", 1, 2);
            resolution = graph.snapshot();
            weights = labels == null ? new MatchWeightCollector(resolver.rules())
                    : new MatchWeightCollector(resolver.rules(), labels.byKey());
            links = new LinkedPairs(resolution.assignments(), matchThresholds(resolver.rules()));
            MatchWeightCollector collector = weights;
            LinkedPairs linked = links;
            graph.candidatePairs((first, second, rule, weight, probability) -> {
                collector.accept(first, second, rule, weight, probability);
                linked.accept(first, second, rule, weight, probability);
            });
            progress.onProgress("scoring pairs", 2, 2);
        } finally {
            progress.finish();
        }
        if (input.verbose) {
            batch.columnSummaries().forEach(err::println);
        }
        batch.warnings().forEach(w -> err.println("warning: " + w));
        ResolveCommand.printIssues(err, changes.issues());
        if (labels != null && labels.unlabelled() > 0) {
            err.println("warning: " + labels.unlabelled() + " input record(s) have no truth label; each counts as an"
                    + " entity of its own");
        }

        ReportModel report = model(batch, labels, resolver, graph, resolution, weights, links);
        String html = HtmlReport.render(report);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, html, StandardCharsets.UTF_8);
        ResolutionStatistics stats = resolution.statistics();
        stdout.printf(Locale.ROOT, "Wrote %s: %d records, %d profiles, %d candidate pairs%s; waterfall of %s.%n", out,
                stats.records(), stats.profiles(), weights.pairs(), labels == null ? " (no ground truth)" : "",
                report.waterfall() == null ? "no pair" : report.waterfall().first() + " and " + report.waterfall().second());
        stdout.flush();
        return 0;
    }

    private ReportModel model(Inputs.Batch batch, GroundTruth.Labels labels, Resolver resolver, IdentityGraph graph,
            Resolution resolution, MatchWeightCollector weights, LinkedPairs links) {
        ResolutionStatistics stats = resolution.statistics();
        Set<RecordKey> keys = new HashSet<>();
        List<String> inputs = new ArrayList<>();
        for (Inputs.Row row : batch.rows()) {
            keys.add(row.record().key());
            if (!inputs.contains(row.file())) {
                inputs.add(row.file());
            }
        }
        ReportModel.Quality quality = null;
        QualityReport<RecordKey> q = null;
        if (labels != null) {
            q = ClusteringEvaluator.newBuilder().maxExamples(examples).maxRecordsPerExample(12).build()
                    .evaluate(resolution.assignments(), labels.byKey());
            quality = new ReportModel.Quality(q.pairwise().precision(), q.pairwise().recall(), q.pairwise().f1(),
                    q.bcubed().f1(), q.pairs().actual(), q.pairs().predicted(), q.pairs().truePositives());
        }
        ReportModel.Overview overview = new ReportModel.Overview(inputs, stats.records(), keys.size() - stats.records(),
                stats.profiles(), stats.links(), stats.possibleMatches(), weights.pairs(), parameters(resolver),
                labels == null ? null : labels.description(), labels == null ? 0 : labels.entities(), quality);

        List<ReportModel.RuleSummary> rules = new ArrayList<>();
        for (MatchRule rule : resolver.rules()) {
            if (rule instanceof MatchRule.Probabilistic p) {
                List<String> compared = p.comparisons().stream().map(Comparison::name).toList();
                List<String> blocked = p.blockingKeys().stream().map(BlockingKey::name).toList();
                rules.add(new ReportModel.RuleSummary(p.name(), true, "compares " + String.join(", ", compared)
                        + "; blocks on " + String.join(", ", blocked), p.matchWeightThreshold(), p.reviewWeightThreshold(),
                        p.priorWeight()));
            } else if (rule instanceof MatchRule.Deterministic d) {
                TreeSet<String> types = new TreeSet<>();
                d.types().forEach(t -> types.add(t.name()));
                rules.add(new ReportModel.RuleSummary(d.name(), false, "links on an equal " + String.join(" or ", types),
                        Double.NaN, Double.NaN, Double.NaN));
            }
        }

        ReportCases reportCases = new ReportCases(graph, resolution, labels, showPii, resolver.rules());
        ReportModel.Waterfall explained = waterfall(batch, reportCases, graph, links, weights.pairs());
        ReportModel.Cases cases = reportCases.cases(q);
        return new ReportModel(overview, rules, weights.histogram(), labels == null ? null : weights.thresholdCurve(),
                ReportModel.profileSizes(resolution.profiles()), stats.largestBlocks(), explained, showPii,
                ReportCases.levels(resolver.rules()), graph.blockingKeyPairs(), cases,
                reportCases.profileCards(cases, explained));
    }

    /** The explained pair: {@code --pair}, else the median link, else the top candidate pair; or none. */
    private ReportModel.Waterfall waterfall(Inputs.Batch batch, ReportCases cases, IdentityGraph graph,
            LinkedPairs linked, long candidatePairs) {
        RecordKey first;
        RecordKey second;
        String rule = null;
        String chosen;
        if (pair != null) {
            String[] pairIds = ExplainCommand.pairIds(spec.commandLine(), pair);
            first = find(batch, pairIds[0]);
            second = find(batch, pairIds[1]);
            if (first.equals(second)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--pair names the same record twice");
            }
            chosen = "the pair given with --pair";
        } else {
            List<LinkedPairs.Link> links = linked.links();
            Optional<LinkedPairs.Link> median = linked.medianLink();
            Optional<LinkedPairs.Link> chosenLink = median.isPresent() ? median : linked.topPair();
            if (chosenLink.isEmpty()) {
                return null;
            }
            first = chosenLink.get().first();
            second = chosenLink.get().second();
            rule = chosenLink.get().rule();
            chosen = median.isPresent()
                    ? String.format(Locale.ROOT, "the link with the median weight of the %,d probabilistic links"
                            + " (explain another with --pair ID1,ID2)", links.size())
                    : String.format(Locale.ROOT, "the highest-weighted of the %,d candidate pairs, as no pair was"
                            + " linked by a probabilistic rule", candidatePairs);
        }
        Explanation explanation = graph.explain(first, second).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "one of the records of --pair was not resolved (rejected or refused)"));
        return cases.waterfall(explanation, rule, chosen);
    }

    private static Map<String, Double> matchThresholds(List<MatchRule> rules) {
        Map<String, Double> thresholds = new HashMap<>();
        for (MatchRule rule : rules) {
            if (rule instanceof MatchRule.Probabilistic p) {
                thresholds.put(p.name(), p.matchWeightThreshold());
            }
        }
        return thresholds;
    }

    private String parameters(Resolver resolver) {
        if (model.model != null) {
            return "read from " + model.model.getFileName();
        }
        if (resolver.model().isPresent()) {
            return "trained on the input (u from random pairs, m by expectation-maximisation)";
        }
        return model.noTrain ? "hand-set (--no-train)"
                : "hand-set (fewer than " + DefaultConfiguration.MIN_TRAINING_RECORDS + " records to train on)";
    }

    /** The key of the record with this id, or source/id. */
    private RecordKey find(Inputs.Batch batch, String id) {
        Set<RecordKey> matches = new TreeSet<>();
        for (Inputs.Row row : batch.rows()) {
            RecordKey key = row.record().key();
            if (key.id().equals(id) || key.toString().equals(id)) {
                matches.add(key);
            }
        }
        if (matches.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no record with id " + id + " in the inputs");
        }
        if (matches.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "record id " + id
                    + " occurs in several sources; write it as source/id");
        }
        return matches.iterator().next();
    }
}
