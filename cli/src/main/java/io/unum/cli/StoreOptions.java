package io.unum.cli;

import io.unum.EngineSpec;
import io.unum.Resolver;
import io.unum.privacy.SuppressionList;
import io.unum.store.jdbc.JdbcGraphStore;
import io.unum.store.jdbc.JdbcStoreReader;
import io.unum.store.jdbc.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --store} option of the commands that keep a graph ({@code ingest}, {@code profile},
 * {@code forget}, {@code export}, {@code changes}; a picocli mixin), and opening the store as a
 * writer or a reader with errors that name the option and say what was expected.
 *
 * <p>A location is a SQLite database file (created by the first {@code ingest}; a
 * {@code jdbc:sqlite:} URL is the same) or a {@code jdbc:postgresql:} URL.
 */
final class StoreOptions {

    static final String NAME = "--store";

    @Option(names = NAME, required = true, paramLabel = "FILE.db|URL", description = "Where the graph is kept: a SQLite"
            + " database file (created by the first ingest), or a PostgreSQL JDBC URL such as"
            + " jdbc:postgresql://host:5432/db?user=unum&password=… (the tables go into the URL's currentSchema,"
            + " default public).")
    String location;

    /** Whether the location names a PostgreSQL database. */
    boolean postgres() {
        return location.startsWith("jdbc:postgresql:");
    }

    /** The SQLite file the location names (for a PostgreSQL URL, {@code null}). */
    private Path file(CommandLine commandLine) {
        if (postgres()) {
            return null;
        }
        if (location.startsWith("jdbc:") && !location.startsWith("jdbc:sqlite:")) {
            throw new CommandLine.ParameterException(commandLine, NAME + ": expected a SQLite file, a jdbc:sqlite: URL or a"
                    + " jdbc:postgresql:// URL; other databases are not supported");
        }
        String text = location.startsWith("jdbc:sqlite:") ? location.substring("jdbc:sqlite:".length()) : location;
        if (text.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, NAME + ": expected a database file such as graph.db");
        }
        Path path = Path.of(text).toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new CommandLine.ParameterException(commandLine, NAME + ": " + path + " is a directory; expected a database"
                    + " file such as " + path.resolve("graph.db"));
        }
        Path folder = path.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(commandLine, NAME + ": the folder " + folder + " does not exist;"
                    + " create it first, or give a database file in an existing folder");
        }
        return path;
    }

    /**
     * Opens the store for writing (creating a SQLite file if there is none).
     *
     * @throws CommandLine.ParameterException if the location is not a database file or URL
     * @throws IllegalStateException saying why the store cannot be opened (another writer has it,
     *     the database refuses), naming {@code --store}
     */
    JdbcGraphStore openWriter(CommandLine commandLine, JdbcGraphStore.Durability durability) {
        return openWriter(commandLine, durability, false);
    }

    /**
     * Opens the store for writing; with {@code mustExist}, a SQLite file must be there already
     * (a command that changes a graph, not one that starts it).
     */
    JdbcGraphStore openWriter(CommandLine commandLine, JdbcGraphStore.Durability durability, boolean mustExist) {
        Path path = file(commandLine);
        if (mustExist) {
            requireFile(commandLine, path);
        }
        try {
            return JdbcGraphStore.open(location, durability);
        } catch (StoreException e) {
            throw new IllegalStateException(NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a reader of an existing store: no writer lock, so it works while a writer has the
     * store open.
     *
     * @throws CommandLine.ParameterException if the location is not a database file or URL, or no
     *     file is there
     * @throws IllegalStateException saying why the store cannot be read, naming {@code --store}
     */
    JdbcStoreReader openReader(CommandLine commandLine) {
        requireFile(commandLine, file(commandLine));
        try {
            return JdbcStoreReader.open(location);
        } catch (StoreException e) {
            throw new IllegalStateException(NAME + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(CommandLine commandLine, Path path) {
        if (path != null && !Files.exists(path)) {
            throw new CommandLine.ParameterException(commandLine, NAME + ": no store at " + path + "; expected a database"
                    + " file made by unum ingest");
        }
    }

    /**
     * The resolver the store was built with; a store whose configuration this version cannot make
     * again (another revision of the rules, say) is an error that says to rebuild.
     */
    static Resolver resolver(JdbcGraphStore graphStore, SuppressionList suppression) {
        try {
            return Resolver.newBuilder(graphStore).suppressionList(suppression).build();
        } catch (IllegalArgumentException e) {
            throw cannotMake(e);
        }
    }

    /**
     * The configuration a store records, or {@code null}; one this version cannot make is an
     * error that says to rebuild.
     */
    static EngineSpec spec(JdbcStoreReader reader) {
        try {
            return reader.spec().orElse(null);
        } catch (IllegalArgumentException e) {
            throw cannotMake(e);
        }
    }

    private static IllegalStateException cannotMake(IllegalArgumentException e) {
        return new IllegalStateException(NAME + ": " + e.getMessage() + "; on the command line: ingest --rebuild", e);
    }
}
