package io.unum.cli;

import io.unum.ProgressListener;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link ProgressListener} that draws one line on a terminal, redrawn in place with a carriage
 * return: {@code "resolve: scoring [#########...........]  45%  4.5k/10.0k"}. A total of
 * {@code -1} (unknown) shows the count without a bar.
 *
 * <p>Made with {@code interactive == false} it writes nothing at all, so output that goes to a
 * file or a pipe stays free of control characters; {@link #forStandardError(String)} decides
 * from whether the JVM has a terminal. The line is redrawn only when its text changes, and
 * within a stage the count never goes backwards even when worker threads report out of order.
 * {@link #finish()} erases the line so that the command's own output starts on a clean line.
 *
 * <p>Thread-safe: reports from several threads are serialized.
 */
final class ProgressBar implements ProgressListener {

    static final int BAR_WIDTH = 20;

    private final PrintStream out;
    private final boolean interactive;
    private final String prefix;
    private String stage;
    private long done;
    private String lastLine = "";

    /**
     * @param out where to draw
     * @param interactive whether to draw at all
     * @param prefix the command, e.g. {@code "resolve"}; shown before the stage
     */
    ProgressBar(PrintStream out, boolean interactive, String prefix) {
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * A bar on standard error, drawn only when the JVM is attached to a terminal
     * ({@code System.console() != null}, and on Java 22 and later also
     * {@code Console.isTerminal()}); otherwise silent.
     */
    static ProgressBar forStandardError(String prefix) {
        return new ProgressBar(System.err, hasTerminal(), prefix);
    }

    static boolean hasTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() tells the truth there.
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17-21: a console exists only for a terminal
        }
    }

    boolean interactive() {
        return interactive;
    }

    @Override
    public synchronized void onProgress(String stage, long done, long total) {
        if (!interactive) {
            return;
        }
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            this.done = done;
        } else {
            this.done = Math.max(this.done, done);
        }
        String line = render(prefix, stage, this.done, total);
        if (line.equals(lastLine)) {
            return;
        }
        StringBuilder draw = new StringBuilder(line.length() * 2 + 2).append('\r').append(line);
        for (int i = line.length(); i < lastLine.length(); i++) {
            draw.append(' ');
        }
        out.print(draw);
        out.flush();
        lastLine = line;
    }

    /** Erases the line, if one was drawn, and leaves the cursor at its start. */
    synchronized void finish() {
        if (!interactive || lastLine.isEmpty()) {
            return;
        }
        out.print('\r' + " ".repeat(lastLine.length()) + '\r');
        out.flush();
        lastLine = "";
        stage = null;
    }

    /** The text of one progress line, without control characters. */
    static String render(String prefix, String stage, long done, long total) {
        StringBuilder line = new StringBuilder(64).append(prefix).append(": ").append(stage);
        if (total < 0) {
            return line.append("  ").append(compact(done)).toString();
        }
        long clamped = Math.max(0, Math.min(done, total));
        int filled = total == 0 ? BAR_WIDTH : (int) (clamped * BAR_WIDTH / total);
        int percent = total == 0 ? 100 : (int) (clamped * 100 / total);
        line.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        line.append(String.format(Locale.ROOT, "%3d%%", percent));
        line.append("  ").append(compact(clamped)).append('/').append(compact(total));
        return line.toString();
    }

    /** {@code 9999}, {@code 12.3k}, {@code 4.5M}, {@code 1.2G}; never locale-dependent. */
    static String compact(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fG", n / 1e9);
    }
}
