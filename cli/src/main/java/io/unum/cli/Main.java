package io.unum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code unum} command.
 *
 * <pre>
 * unum resolve   [--input FILE ...] [--format csv|jsonl] [--mapping FILE.json] [--out DIR]
 * unum generate  --people N --seed S --out DIR
 * unum evaluate  --input FILE ... (--truth FILE.csv | --truth-column NAME | --truth-pattern REGEX) [--out DIR]
 * unum report    [--input FILE ...] [truth options] [--pair ID1,ID2] [--show-pii] [--out report.html]
 *
 * unum ingest    --store FILE.db|jdbc:postgresql://… --input FILE ... [--mapping …] [--model …] [--chunk N]
 * unum profile   --store … (--id P | --email E | --phone N)
 * unum forget    --store … (--email E | --phone N | --record SRC/ID | --profile P)
 * unum export    --store … [--out DIR]
 * unum changes   --store … [--since SEQ] [--format csv|jsonl]
 * </pre>
 *
 * <p>The last five keep a graph in a store (a SQLite file or PostgreSQL) across runs; without
 * {@code --store} nothing is kept and every command works on its inputs alone.
 */
@Command(name = "unum", mixinStandardHelpOptions = true, version = "unum 0.1.0-SNAPSHOT",
        description = "Identity resolution: from many customer records, one golden profile.",
        subcommands = {ResolveCommand.class, GenerateCommand.class, EvaluateCommand.class, ExplainCommand.class,
            ReportCommand.class, IngestCommand.class, ProfileCommand.class, ForgetCommand.class, ExportCommand.class,
            ChangesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit status (for tests): 0 on success, 1 when the
     * command fails on its input or output, 2 for a usage error (no command, an unknown or
     * invalid option), which prints one line and a hint to {@code --help}, not the whole usage.
     * Colours are used only on a terminal.
     */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setColorScheme(CommandLine.Help.defaultColorScheme(ansi(ProgressBar.hasTerminal())))
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    failed.getErr().println("unum: " + message(e));
                    String debug = System.getenv("UNUM_DEBUG");
                    if (internal(e) && debug != null && !debug.isEmpty()) {
                        e.printStackTrace(failed.getErr());
                    }
                    failed.getErr().flush();
                    return 1;
                });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println("unum: out of memory; give the JVM more, e.g. UNUM_JAVA_OPTS=-Xmx8g ./unum ...");
            commandLine.getErr().flush();
            return 1;
        }
    }

    /** Colours on a terminal only: a pipe or a file never gets escape codes. */
    static CommandLine.Help.Ansi ansi(boolean terminal) {
        return terminal ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF;
    }

    /** No command: the usage, on standard error, and status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** A usage error: one line, suggestions for a misspelt option or command, and where to read more. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("unum: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return 2;
    }

    /**
     * The one line a failed command prints: the message of an input or output problem (which
     * names the file, line and field), never an exception's class name for those.
     */
    static String message(Exception e) {
        String problem = inputOrOutputProblem(e);
        return problem != null ? problem
                : "internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "); please report it with the command line that caused it (UNUM_DEBUG=1 prints where it happened)";
    }

    /** The message of an input or output problem, or {@code null} for anything else (an internal error). */
    private static String inputOrOutputProblem(Exception e) {
        Throwable t = e;
        if (t instanceof UncheckedIOException && t.getCause() instanceof java.nio.file.FileSystemException) {
            t = t.getCause();
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof UncheckedIOException) {
            return t.getMessage() != null ? t.getMessage() : "invalid input";
        }
        if (t instanceof IOException io) {
            return OutputDirectory.reason(io);
        }
        return null;
    }

    /** Whether {@code e} is an internal error: not a problem with the input or output. */
    static boolean internal(Exception e) {
        return inputOrOutputProblem(e) == null;
    }
}
