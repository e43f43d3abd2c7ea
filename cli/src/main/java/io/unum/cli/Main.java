package io.unum.cli;

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
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("unum: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
