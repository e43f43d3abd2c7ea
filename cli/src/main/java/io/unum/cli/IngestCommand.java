package io.unum.cli;

import io.unum.ChangeSet;
import io.unum.IdentityGraph;
import io.unum.InputIssue;
import io.unum.Resolver;
import io.unum.model.SourceRecord;
import io.unum.privacy.SuppressionList;
import io.unum.privacy.PrivacyDecision;
import io.unum.store.jdbc.JdbcGraphStore;
import io.unum.store.jdbc.JdbcStoreReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum ingest}: adds records to a kept graph. Only the new (or changed) records are
 * resolved, against the graph the store holds; records already stored unchanged change nothing.
 *
 * <p>The first ingest into an empty store fixes the store's configuration: the customer rules for
 * {@code --region} and {@code --date-order}, with a model trained on the input as {@code resolve}
 * trains (or {@code --model}, or the hand-set parameters with {@code --no-train}). Later ingests
 * build the resolver the store records ({@code Resolver.newBuilder(store)}) and refuse those
 * options, unless {@code --rebuild} asks to resolve every stored record again with the
 * configuration they give ({@code Resolver.rebuildGraph}): the way to carry a store over to a
 * version of the rules that derives other features or keys. Records are committed in chunks of
 * {@code --chunk} records, one transaction each.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Adds CSV or JSON-lines files to a graph kept in a store (a SQLite file or PostgreSQL):"
                + " only the new records are resolved, against the stored graph; profile ids stay stable.",
            "The first ingest into an empty store fixes its configuration (--region, --date-order,"
                + " --duplicate-free, and the model:"
                + " trained on the input as resolve trains, --model, or --no-train); later ingests use the store's"
                + " and refuse those options.",
            "Records are committed in chunks of --chunk records, one transaction each: an interrupted ingest keeps"
                + " the chunks it committed, and running it again adds the rest.",
            "A store built by another version of the rules is refused until --rebuild resolves its records again.", ""},
        footer = {"", "Examples:",
            "  unum ingest --store graph.db --input crm.csv --input shop.csv",
            "  unum ingest --store graph.db --input new-orders.csv",
            "  unum ingest --store 'jdbc:postgresql://localhost:5432/cdp?user=unum' \\",
            "      --input crm.csv --durability normal"})
final class IngestCommand implements Callable<Integer> {

    /** The options that configure the resolver, which only the first ingest may give. */
    static final List<String> CONFIGURATION_OPTIONS = List.of("--region", "--date-order", "--model", "--save-model",
            "--no-train", "--duplicate-free");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @CommandLine.Mixin
    SuppressionKey suppressionKey = new SuppressionKey();

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "100000",
            description = "Records per transaction (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--rebuild", description = "Resolve every stored record again, with the new ones, under the"
            + " configuration the options give as a first ingest's do (a model trained on the stored and the new"
            + " records): for a store built by another version of Unum's rules. Profiles keep their ids where their"
            + " founding record survives; the changes go to the change feed.")
    boolean rebuild;

    @Option(names = "--durability", paramLabel = "LEVEL", defaultValue = "full",
            description = "FULL: each transaction is on disk when it commits (survives a power loss). NORMAL: it"
                    + " survives a crash of this process; the last transactions may be lost with the machine's power."
                    + " Default: ${DEFAULT-VALUE}.")
    JdbcGraphStore.Durability durability;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        PrintWriter err = commandLine.getErr();
        PrintWriter out = commandLine.getOut();
        long start = System.nanoTime();
        List<InputFile> files = input.files(commandLine);
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "--input: give at least one CSV or JSON-lines file to ingest");
        }
        if (chunk < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--chunk: expected the number of records per transaction, at least 1; was " + chunk);
        }
        ReadOptions options = input.readOptions(commandLine, null);
        ProgressBar progress = ProgressBar.forStandardError("ingest");
        progress.onProgress("opening the store", 0, 1);
        JdbcGraphStore opened;
        try {
            opened = store.openWriter(commandLine, durability);
        } finally {
            progress.finish();
        }
        try (JdbcGraphStore graphStore = opened) {
            boolean first = graphStore.snapshot().meta(JdbcStoreReader.META_SPEC_JSON) == null;
            if (first && graphStore.snapshot().recordCount() > 0) {
                throw new IllegalStateException(StoreOptions.NAME + ": the store holds records but no configuration (its"
                        + " graph was built by a program whose resolver has no rule sets); the command line cannot"
                        + " add to it");
            }
            if (!first && !rebuild) {
                refuseConfigurationOptions(commandLine);
            }
            Inputs.Batch batch;
            IdentityGraph graph;
            Totals totals = new Totals();
            try {
                batch = Inputs.read(files, options, progress);
                List<SourceRecord> records = batch.records();
                SuppressionList suppression = suppressionKey.list(commandLine, store, graphStore, false);
                boolean rebuilding = rebuild && !first;
                Resolver resolver = first ? DefaultConfiguration.resolver(model, records, err, progress, suppression)
                        : rebuilding ? DefaultConfiguration.resolver(model, storedAnd(graphStore, records), err, progress,
                                suppression)
                        : StoreOptions.resolver(graphStore, suppression);
                int stored = graphStore.snapshot().recordCount();
                if (stored > 0) {
                    progress.onProgress(rebuilding ? "resolving the stored records again" : "loading the stored graph",
                            0, stored);
                }
                // newGraph decodes the stored records' features (derives those it cannot)
                graph = rebuilding ? resolver.rebuildGraph(graphStore) : resolver.newGraph(graphStore);
                for (int from = 0; from < records.size(); from += chunk) {
                    progress.onProgress("ingesting", from, records.size());
                    totals.add(graph.upsertAll(records.subList(from, Math.min(records.size(), from + chunk))));
                }
                progress.onProgress("ingesting", records.size(), records.size());
            } finally {
                progress.finish();
            }
            if (input.verbose) {
                batch.columnSummaries().forEach(err::println);
            }
            batch.warnings().forEach(w -> err.println("warning: " + w));
            ResolveCommand.printIssues(err, totals.issues);
            // counts the graph keeps, not the statistics of a whole resolution: an ingest of a few
            // records into a store of millions costs the open and the change, not a pass over the graph
            int storedRecords = graph.size();
            int profiles = graph.profileCount();
            double seconds = (System.nanoTime() - start) / 1e9;
            String hash = graphStore.snapshot().meta(JdbcStoreReader.META_SPEC_HASH);
            out.println((first ? "New store: its configuration is now " : "The store's configuration: ")
                    + (hash == null ? "unrecorded" : hash.substring(0, Math.min(12, hash.length()))) + ".");
            out.printf(Locale.ROOT, "Ingested %d records from %d file(s) in %d transaction(s): %d profile changes, %d"
                    + " records rejected.%n", batch.rows().size(), files.size(), totals.transactions, totals.changes,
                    totals.rejected);
            out.printf(Locale.ROOT, "The store %s holds %d records in %d profiles.%n", graphStore.location(),
                    storedRecords, profiles);
            out.printf(Locale.ROOT, "records=%d stored=%d profiles=%d changes=%d rejected=%d seconds=%.3f%n",
                    batch.rows().size(), storedRecords, profiles, totals.changes, totals.rejected, seconds);
        }
        return 0;
    }

    /** The records the store holds, then {@code records}: what a rebuild trains on. */
    private static List<SourceRecord> storedAnd(JdbcGraphStore graphStore, List<SourceRecord> records) {
        io.unum.store.GraphStore.Reader reader = graphStore.snapshot();
        List<SourceRecord> all = new ArrayList<>(reader.recordCount() + records.size());
        for (int o = 0, n = reader.ordinalBound(); o < n; o++) {
            SourceRecord record = reader.record(o);
            if (record != null) {
                all.add(record);
            }
        }
        all.addAll(records);
        return all;
    }

    /** Refuses the options that would configure another resolver than the store's. */
    private static void refuseConfigurationOptions(CommandLine commandLine) {
        List<String> given = new ArrayList<>();
        for (String option : CONFIGURATION_OPTIONS) {
            if (commandLine.getParseResult().hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, String.join(", ", given) + ": the store's configuration"
                    + " was fixed by its first ingest; leave out " + String.join(", ", CONFIGURATION_OPTIONS)
                    + " (to resolve the stored records again with another configuration, add --rebuild)");
        }
    }

    /** What the chunks of one ingest did. */
    private static final class Totals {
        final List<InputIssue> issues = new ArrayList<>();
        long changes;
        long rejected;
        int transactions;

        void add(ChangeSet changeSet) {
            transactions++;
            changes += changeSet.changes().size();
            issues.addAll(changeSet.issues());
            rejected += changeSet.issues().stream().filter(InputIssue::rejectsRecord).count()
                    + changeSet.privacy().stream().filter(d -> d.outcome() == PrivacyDecision.Outcome.REFUSED).count();
        }
    }
}
