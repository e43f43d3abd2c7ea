package io.unum.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a test class's {@code main} on the test class path (the class path of the
 * test JVM, {@code java.class.path}). Its standard output is read line by line by a thread of its
 * own, so that the test can wait for a line with a time limit; its standard error goes to a file,
 * shown when the child misbehaves.
 */
final class ChildJvm implements AutoCloseable {

    private static final String END = new String("end of output");

    private final Process process;
    private final Path errors;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private boolean ended;
    private volatile IOException readFailure;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                readFailure = e; // the child is gone, or reading its output failed (said by ending())
            } finally {
                lines.add(END);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} of a class with arguments; the child's standard error goes to {@code errors}. */
    static ChildJvm start(Class<?> main, Path errors, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            return new ChildJvm(builder.start(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    Process process() {
        return process;
    }

    /** The next line the child printed, or {@code null} at the end of its output; fails after 120 s. */
    String readLine() {
        if (ended) {
            return null;
        }
        try {
            String line = lines.poll(120, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the child JVM printed nothing for 120 s; its errors: " + errors());
            }
            if (line == END) {
                ended = true;
                return null;
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every line still to come, up to the end of the child's output. */
    List<String> rest() {
        List<String> rest = new ArrayList<>();
        for (String line = readLine(); line != null; line = readLine()) {
            rest.add(line);
        }
        return rest;
    }

    /** Sends a line to the child's standard input. */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the child with SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits for it. */
    void kill() {
        process.destroyForcibly();
        waitFor(60);
    }

    /** Waits for the child to end; its exit code. */
    int waitFor(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child JVM did not end within " + seconds + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * How the child ended, for a failure message: its exit code (128 + n for signal n), or that it
     * is still running (its output ended without it).
     */
    String ending() {
        try {
            String read = readFailure == null ? "" : "; reading its output failed: " + readFailure;
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return "exit code " + process.exitValue() + read;
            }
            return "still running, its output closed" + read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for it";
        }
    }

    /** What the child wrote to standard error so far. */
    String errors() {
        try {
            return Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
