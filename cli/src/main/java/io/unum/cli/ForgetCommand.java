package io.unum.cli;

import io.unum.IdentityGraph;
import io.unum.Resolver;
import io.unum.model.Identifier;
import io.unum.model.IdentifierType;
import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.privacy.ErasureAudit;
import io.unum.store.jdbc.JdbcGraphStore;
import io.unum.store.jdbc.JdbcStoreReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unum forget}: erases a person from a kept graph — every record carrying an e-mail
 * address or phone number, one record, or every record of a profile — and re-resolves what
 * remains (a profile may split). Opens the store as its writer and builds the resolver it
 * records. Prints the erasure audit: counts, sources and profile ids, no values.
 *
 * <p>The erased identifiers' keyed hashes go to the store's suppression table, keyed with the
 * store's suppression key ({@link SuppressionKey}: a key file kept apart from the database, made
 * by the first {@code forget}), so that a later {@code ingest} refuses a record that carries one
 * of them: re-ingesting a source that still holds the person does not bring them back.
 */
@Command(name = "forget", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Erases records from a kept graph: every record with an e-mail address or phone number, one"
                + " record (SOURCE/ID), or every record of a profile, and re-resolves the rest. The rows leave the store"
                + " in one transaction (SQLite then rewrites the database file and truncates its log). Prints the"
                + " audit, without values.",
            "The erased identifiers are kept as keyed hashes, with a key kept apart from the database (a key file,"
                + " made by the first forget; see --suppression-key), so a later ingest refuses a record that carries"
                + " one of them: re-ingesting a source that still holds the person does not bring them back.",
            ""},
        footer = {"", "Examples:",
            "  unum forget --store graph.db --email 'jane.doe@example.com'",
            "  unum forget --store graph.db --record crm/C-17",
            "  unum forget --store graph.db --profile pca1ca463ea25813b"})
final class ForgetCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @CommandLine.Mixin
    SuppressionKey suppressionKey = new SuppressionKey();

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Erase every record with this e-mail address.")
    String email;

    @Option(names = "--phone", paramLabel = "NUMBER", description = "Erase every record with this phone number.")
    String phone;

    @Option(names = "--record", paramLabel = "SOURCE/ID", description = "Erase one record, e.g. crm/C-17.")
    String record;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Erase every record of a profile (an id"
            + " absorbed by a merge finds the profile it was merged into).")
    String profile;

    @Option(names = "--durability", paramLabel = "LEVEL", defaultValue = "full",
            description = "FULL or NORMAL, as for ingest (default: ${DEFAULT-VALUE}).")
    JdbcGraphStore.Durability durability;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        long given = java.util.stream.Stream.of(email, phone, record, profile).filter(v -> v != null).count();
        if (given != 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "give exactly one of --email, --phone, --record and --profile");
        }
        RecordKey key = record != null ? recordKey(commandLine, record) : null;
        if (profile != null && profile.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--profile: expected a profile id, was blank");
        }
        long start = System.nanoTime();
        ErasureAudit audit;
        ProgressBar progress = ProgressBar.forStandardError("forget");
        progress.onProgress("opening the store", 0, 1);
        JdbcGraphStore opened;
        try {
            opened = store.openWriter(commandLine, durability, true);
        } finally {
            progress.finish();
        }
        try (JdbcGraphStore graphStore = opened) {
            if (graphStore.snapshot().meta(JdbcStoreReader.META_SPEC_JSON) == null) {
                throw new IllegalStateException(StoreOptions.NAME + ": the store holds no graph yet; ingest into it first");
            }
            Resolver resolver = StoreOptions.resolver(graphStore, suppressionKey.list(commandLine, store, graphStore, true));
            Identifier identifier = null;
            if (email != null || phone != null) {
                IdentifierType type = email != null ? IdentifierType.EMAIL : IdentifierType.PHONE;
                String value = email != null ? email : phone;
                // checked as the store normalizes it: a malformed value is an error, not "nothing found"
                StoredIdentifier.of(commandLine, resolver.spec(), type, value, email != null ? "--email" : "--phone");
                identifier = new Identifier(type, value);
            }
            int stored = graphStore.snapshot().recordCount();
            progress.onProgress("loading the stored graph", 0, stored);
            IdentityGraph graph;
            try {
                graph = resolver.newGraph(graphStore); // decodes the stored records' features (derives those it cannot)
            } finally {
                progress.finish();
            }
            if (identifier != null) {
                audit = graph.forget(identifier);
            } else if (key != null) {
                audit = graph.forget(key);
            } else {
                audit = graph.forget(ProfileId.of(profile.strip()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = commandLine.getOut();
        if (audit.recordsErased() == 0) {
            out.println("Nothing to forget: the store holds no such record; nothing was erased.");
        } else {
            out.printf(Locale.ROOT, "Forgot %d record(s) from %s (%s); %d identifier(s) added to the suppression list.%n",
                    audit.recordsErased(), String.join(", ", audit.sources()), audit.scope(),
                    audit.identifiersSuppressed());
            out.println("Profiles deleted: " + ids(audit.profilesDeleted()) + "; profiles changed: "
                    + ids(audit.profilesChanged()) + ".");
        }
        out.printf(Locale.ROOT, "erased=%d suppressed=%d profiles_deleted=%d profiles_changed=%d at=%s seconds=%.3f%n",
                audit.recordsErased(), audit.identifiersSuppressed(), audit.profilesDeleted().size(),
                audit.profilesChanged().size(), audit.at(), seconds);
        return 0;
    }

    private static String ids(List<ProfileId> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(ProfileId::value).collect(Collectors.joining(", "));
    }

    /** {@code SOURCE/ID}: the source is up to the first slash, the id the rest. */
    static RecordKey recordKey(CommandLine commandLine, String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new CommandLine.ParameterException(commandLine, "--record: expected SOURCE/ID, e.g. crm/C-17");
        }
        try {
            return RecordKey.of(text.substring(0, slash).strip(), text.substring(slash + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--record: " + e.getMessage());
        }
    }
}
