package io.unum.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.unum.model.ProfileId;
import io.unum.store.jdbc.JdbcStoreReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum changes}: prints a kept graph's change feed after a sequence number — one row per
 * profile change: {@code seq, item, kind, profile_id, related, recorded_at}, no personal values —
 * as CSV (with a header) or JSON lines. Reads the store's tables (no writer lock). A follower
 * remembers the last {@code seq} it saw and passes it as {@code --since} next time.
 */
@Command(name = "changes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints a kept graph's change feed after sequence number --since, one row per profile change:"
                + " seq, item, kind (created, updated, merged, split, deleted), profile_id, related (a merge's absorbed"
                + " ids, a split's parts; separated by spaces) and recorded_at. No personal values. Every row of a seq"
                + " was committed together: pass the last seq seen as --since to follow the feed.", ""},
        footer = {"", "Examples:",
            "  unum changes --store graph.db",
            "  unum changes --store graph.db --since 42 --format jsonl"})
final class ChangesCommand implements Callable<Integer> {

    /** How to print the feed. */
    enum Format {
        /** Comma-separated values with a header row. */
        CSV,
        /** One JSON object per line. */
        JSONL
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--since", paramLabel = "SEQ", defaultValue = "0",
            description = "Print the changes after this sequence number (default: ${DEFAULT-VALUE}, the whole feed).")
    long since;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        if (since < 0) {
            throw new CommandLine.ParameterException(commandLine,
                    "--since: expected a change sequence number, 0 or more; was " + since);
        }
        PrintWriter out = commandLine.getOut();
        try (JdbcStoreReader reader = store.openReader(commandLine)) {
            if (format == Format.CSV) {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
                csv.printRecord("seq", "item", "kind", "profile_id", "related", "recorded_at");
                reader.forEachChange(since, change -> {
                    try {
                        csv.printRecord(change.seq(), change.item(), change.kind(), change.profile().value(),
                                related(change), change.recordedAt());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                csv.flush();
            } else {
                JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .createGenerator(out);
                json.setRootValueSeparator(null); // lines are ended by hand
                reader.forEachChange(since, change -> {
                    try {
                        json.writeStartObject();
                        json.writeNumberField("seq", change.seq());
                        json.writeNumberField("item", change.item());
                        json.writeStringField("kind", change.kind());
                        json.writeStringField("profile_id", change.profile().value());
                        json.writeArrayFieldStart("related");
                        for (ProfileId id : change.related()) {
                            json.writeString(id.value());
                        }
                        json.writeEndArray();
                        json.writeStringField("recorded_at", change.recordedAt().toString());
                        json.writeEndObject();
                        json.flush();
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.close();
            }
        }
        out.flush();
        return 0;
    }

    private static String related(JdbcStoreReader.Change change) {
        return change.related().stream().map(ProfileId::value).collect(Collectors.joining(" "));
    }
}
