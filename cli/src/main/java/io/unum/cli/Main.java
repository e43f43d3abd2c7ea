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
 * </pre>
 */
@Command(name = "unum", mixinStandardHelpOptions = true, version = "unum 0.1.0-SNAPSHOT",
        description = "Identity resolution: from many customer records, one golden profile.",
        subcommands = {ResolveCommand.class, GenerateCommand.class, EvaluateCommand.class, ExplainCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class})
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
