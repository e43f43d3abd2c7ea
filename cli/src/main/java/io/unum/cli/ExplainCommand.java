package io.unum.cli;

import io.unum.Explanation;
import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum explain}: why two records are (or are not) linked, comparison by comparison, and
 * what holds a record's profile together. Prints field names, levels and weights, never values.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explains the decision for a pair of records (each comparison's level, weight, term-frequency"
                + " adjustment and the running total up to the match probability), or the links that hold a record's"
                + " profile together. Resolves the inputs with the same configuration as resolve. Record ids are as in"
                + " clusters.csv: the id, or source/id when ids repeat across sources.", ""},
        footer = {"", "Examples:",
            "  unum explain --input dataset3.csv --pair rec-10-org,rec-10-dup-0",
            "  unum explain --input crm.csv --input shop.csv --profile crm/C-17",
            "  unum explain --input crm.csv --pair C-17,C-18 --pair C-17,C-20",
            "  unum explain --profile p3bc7957809ba58ce    (a profile id from clusters.csv)"})
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input = new InputOptions();

    @CommandLine.Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--pair", paramLabel = "ID1,ID2",
            description = "Two record ids to explain the decision for; repeat for several pairs (one resolve, each"
                    + " pair explained in turn).")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "ID",
            description = "A profile id, as in clusters.csv and profiles.jsonl, or a record id (id or source/id):"
                    + " the profile whose links to explain.")
    String profile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pairs.isEmpty() == (profile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --pair ID1,ID2 (once or more) or --profile ID");
        }
        List<String[]> idPairs = new ArrayList<>();
        for (String pair : pairs) {
            idPairs.add(pairIds(spec.commandLine(), pair));
        }
        List<InputFile> files = input.files(spec.commandLine());
        if (files.isEmpty()) {
            files.addAll(ResolveCommand.SAMPLE);
        }
        Inputs.Batch batch = Inputs.read(files, input.readOptions(spec.commandLine(), null), io.unum.ProgressListener.NONE);
        Resolver resolver = DefaultConfiguration.resolver(model, batch.records(), err, io.unum.ProgressListener.NONE);
        IdentityGraph graph = resolver.newGraph();
        graph.upsertAll(batch.records());
        if (profile != null) {
            String id = profile.strip();
            Optional<Profile> byId = id.isEmpty() || id.length() > 128 ? Optional.empty() : graph.profile(ProfileId.of(id));
            Profile holder;
            if (byId.isPresent() && !hasRecord(batch, id)) {
                holder = byId.get();
            } else {
                RecordKey key = find(batch, id, "record or profile");
                holder = graph.profileOf(key).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "record " + id + " was not resolved (rejected or refused)"));
            }
            out.print(graph.explain(holder.id()).orElseThrow().toText());
            out.flush();
            return 0;
        }
        List<RecordKey[]> keyPairs = new ArrayList<>(); // every id found before anything is printed
        for (String[] ids : idPairs) {
            keyPairs.add(new RecordKey[] {find(batch, ids[0], "record"), find(batch, ids[1], "record")});
        }
        for (int p = 0; p < keyPairs.size(); p++) {
            RecordKey first = keyPairs.get(p)[0];
            RecordKey second = keyPairs.get(p)[1];
            Explanation explanation = graph.explain(first, second).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "one of the records was not resolved (rejected or refused)"));
            if (p > 0) {
                out.println();
            }
            out.print(explanation.toText());
            boolean together = graph.profileOf(first).equals(graph.profileOf(second));
            out.println(together ? "Both records are in the same profile." : "The records are in different profiles.");
        }
        return 0;
    }

    /** The two record ids of a {@code --pair} value {@code ID1,ID2}, stripped; a usage error otherwise. */
    static String[] pairIds(CommandLine commandLine, String pair) {
        String[] ids = pair.split(",", -1);
        if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--pair takes two record ids separated by a comma, was"
                    + " given " + (ids.length == 1 ? "one" : ids.length == 2 ? "an empty id" : ids.length + " ids"));
        }
        return new String[] {ids[0].strip(), ids[1].strip()};
    }

    private static boolean hasRecord(Inputs.Batch batch, String id) {
        for (Inputs.Row row : batch.rows()) {
            RecordKey key = row.record().key();
            if (key.id().equals(id) || key.toString().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The key of the record with this id, or source/id; {@code what} names what was looked for, for the message. */
    private RecordKey find(Inputs.Batch batch, String id, String what) {
        List<RecordKey> matches = new ArrayList<>();
        for (Inputs.Row row : batch.rows()) {
            RecordKey key = row.record().key();
            if (key.id().equals(id) || key.toString().equals(id)) {
                matches.add(key);
            }
        }
        if (matches.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no " + what + " with id " + id + " in the inputs");
        }
        if (matches.stream().distinct().count() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "record id " + id
                    + " occurs in several sources; write it as source/id");
        }
        return matches.get(0);
    }
}
