package io.unum.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Runs the command line in-process and captures its output; test helper. */
record CliRun(int status, String out, String err) {

    /** The public data sets, relative to the module directory surefire runs in. */
    static final Path SHARED = Path.of("..", "..", "shared", "data");

    static CliRun run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** The last non-empty line of standard output. */
    String lastLine() {
        return out.strip().lines().reduce((a, b) -> b).orElse("");
    }

    /** A file of the public data sets; skips the test, with a message, when it is absent. */
    static Path shared(String relative) {
        Path file = SHARED.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: public data folder ../shared/data is absent (" + relative + " not found)");
        return file;
    }
}
