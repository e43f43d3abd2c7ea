package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the {@code ./unum} launcher picks ({@code UNUM_SHOW_JVM_OPTIONS=1} prints them
 * without starting Java): the client compiler alone and a fixed young generation for small jobs,
 * both compilers for large ones, for {@code generate}, {@code --spark} and a store on a server.
 */
class LauncherOptionsTest {

    private static final Path LAUNCHER = Path.of("..", "unum");
    private static final String CLIENT_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String FIXED_YOUNG = "-Xmn512m";

    @Test
    void smallJobsUseTheClientCompilerAlone(@TempDir Path dir) throws Exception {
        Path small = Files.writeString(dir.resolve("small.csv"), "record_id,first_name\nA1,Ann\n");
        Path large = sized(dir.resolve("large.csv"), 40L << 20);
        assertTrue(options("resolve", "--input", small.toString()).contains(CLIENT_ONLY));
        assertTrue(options("resolve").contains(CLIENT_ONLY), "the bundled sample is small");
        assertTrue(options("evaluate", "--input=" + small).contains(CLIENT_ONLY));
        assertFalse(options("resolve", "--input", large.toString()).contains(CLIENT_ONLY), "40 MiB is not small");
        assertTrue(options("resolve", "--input", small.toString()).contains(FIXED_YOUNG), "a small job's young generation");
        assertFalse(options("resolve", "--input", large.toString()).contains("-Xmn"), "a large job's G1 sizes it");
        assertFalse(options("resolve", "--input", small.toString()).contains("HugePages"), "no huge pages for a small job");
        Path half = sized(dir.resolve("half.csv"), 20L << 20);
        assertTrue(options("resolve", "--input", half.toString()).contains(CLIENT_ONLY));
        assertFalse(options("resolve", "--input", half.toString(), "--input", sized(dir.resolve("other.csv"),
                20L << 20).toString()).contains(CLIENT_ONLY), "the inputs count together");
        assertFalse(options("ingest", "--store", sized(dir.resolve("big.db"), 40L << 20).toString(), "--input",
                small.toString()).contains(CLIENT_ONLY), "the store counts");
        assertFalse(options("ingest", "--store", "jdbc:postgresql://127.0.0.1/unum", "--input", small.toString())
                .contains(CLIENT_ONLY), "a server's store may be of any size");
        assertFalse(options("generate", "--people", "10").contains(CLIENT_ONLY), "generate's work is not its input");
        assertFalse(options("resolve", "--spark", "local[2]", "--input", small.toString()).contains(CLIENT_ONLY));
    }

    @Test
    void aStoreFixesTheHeap(@TempDir Path dir) throws Exception {
        Path store = sized(dir.resolve("s.db"), 1L << 20);
        String options = options("profile", "--store", store.toString(), "--id", "p1");
        assertTrue(options.matches("-Xmx(\\d+)m -Xms\\1m.*"), options);
        assertFalse(options("resolve").contains("-Xms"), "a batch job lets the heap grow");
    }

    private static Path sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes); // sparse: du -b counts the apparent size
        }
        return file;
    }

    private static String options(String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no /bin/bash to run the launcher");
        List<String> command = new ArrayList<>(List.of("/bin/bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("UNUM_SHOW_JVM_OPTIONS", "1");
        builder.environment().remove("UNUM_JAVA_OPTS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), out);
        return out;
    }
}
