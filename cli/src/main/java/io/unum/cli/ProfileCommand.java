package io.unum.cli;

import io.unum.EngineSpec;
import io.unum.model.IdentifierType;
import io.unum.model.Profile;
import io.unum.model.ProfileId;
import io.unum.store.jdbc.JdbcStoreReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum profile}: prints golden profiles from a kept graph as {@code profiles.jsonl} lines,
 * looked up by profile id (following the aliases merges left), e-mail address or phone number.
 * Reads the tables with SQL: it takes no writer lock and works while an ingest runs. The e-mail
 * address or phone number is normalized as the store's configuration normalizes it (the region
 * of its first ingest for phone numbers without a country code).
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the golden profile(s) a kept graph holds for a profile id, an e-mail address or a phone"
                + " number, one JSON object per line as in profiles.jsonl. Reads the store's tables (no writer lock):"
                + " works while an ingest runs. Exit status 1 when no profile matches.", ""},
        footer = {"", "Examples:",
            "  unum profile --store graph.db --id pca1ca463ea25813b",
            "  unum profile --store graph.db --email 'Jane.Doe@Example.com'",
            "  unum profile --store graph.db --phone '(217) 555-0134'"})
final class ProfileCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--id", paramLabel = "PROFILE", description = "A profile id; an id absorbed by a merge finds the"
            + " profile it was merged into.")
    String id;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "An e-mail address, normalized as the store does.")
    String email;

    @Option(names = "--phone", paramLabel = "NUMBER", description = "A phone number, normalized as the store does.")
    String phone;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        int given = (id != null ? 1 : 0) + (email != null ? 1 : 0) + (phone != null ? 1 : 0);
        if (given != 1) {
            throw new CommandLine.ParameterException(commandLine, "give exactly one of --id, --email and --phone");
        }
        List<Profile> profiles;
        String what;
        try (JdbcStoreReader reader = store.openReader(commandLine)) {
            if (id != null) {
                if (id.isBlank()) {
                    throw new CommandLine.ParameterException(commandLine, "--id: expected a profile id, was blank");
                }
                profiles = reader.profile(ProfileId.of(id.strip())).map(List::of).orElse(List.of());
                what = "no profile has id " + id.strip() + " (nor was it merged into one)";
            } else {
                EngineSpec configuration = StoreOptions.spec(reader);
                IdentifierType type = email != null ? IdentifierType.EMAIL : IdentifierType.PHONE;
                String option = email != null ? "--email" : "--phone";
                String stored = StoredIdentifier.of(commandLine, configuration, type, email != null ? email : phone, option);
                profiles = reader.profilesWith(type.name(), stored);
                what = "no profile holds this " + (email != null ? "e-mail address" : "phone number");
            }
        }
        PrintWriter out = commandLine.getOut();
        if (profiles.isEmpty()) {
            commandLine.getErr().println("unum: " + what);
            return 1;
        }
        ResultWriter.writeProfiles(out, profiles);
        return 0;
    }
}
