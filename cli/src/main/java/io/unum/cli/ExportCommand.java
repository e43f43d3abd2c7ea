package io.unum.cli;

import io.unum.store.jdbc.JdbcStoreReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum export}: writes a kept graph as {@code resolve} writes a resolution —
 * {@code clusters.csv} (one row per stored record, sorted by source and id) and
 * {@code profiles.jsonl} (one golden profile per line, sorted by id) — reading the store's
 * tables with SQL in one consistent read (no writer lock).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Writes a kept graph's records and golden profiles in the files resolve writes.",
        description = {"Writes a kept graph as resolve writes a resolution: DIR/clusters.csv (record_id,profile_id; one"
                + " row per stored record, sorted by source and id; ids written as source/id when they repeat across"
                + " sources) and DIR/profiles.jsonl (one golden profile per line, sorted by id). Reads the store's"
                + " tables in one consistent read (no writer lock): works while an ingest runs.", ""},
        footer = {"", "Example:", "  unum export --store graph.db --out exported"})
final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        OutputDirectory.prepare(commandLine, "--out", out);
        long start = System.nanoTime();
        long[] records = {0};
        long[] profiles = {0};
        try (JdbcStoreReader reader = store.openReader(commandLine)) {
            try (ResultWriter.Clusters clusters = new ResultWriter.Clusters(out, reader.recordIdsRepeatAcrossSources())) {
                reader.forEachAssignment((key, profile) -> {
                    try {
                        clusters.write(key, profile);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    records[0]++;
                });
            }
            try (ResultWriter.Profiles writer = new ResultWriter.Profiles(out)) {
                reader.forEachProfile(profile -> {
                    try {
                        writer.write(profile);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    profiles[0]++;
                });
            }
        } catch (UncheckedIOException e) {
            throw new IOException("cannot write to " + out + ": " + e.getCause().getMessage(), e.getCause());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = commandLine.getOut();
        stdout.printf(Locale.ROOT, "Exported %d records in %d profiles.%n", records[0], profiles[0]);
        stdout.println("Wrote " + out.resolve("clusters.csv") + " and " + out.resolve("profiles.jsonl"));
        stdout.printf(Locale.ROOT, "records=%d profiles=%d seconds=%.3f%n", records[0], profiles[0], seconds);
        return 0;
    }
}
