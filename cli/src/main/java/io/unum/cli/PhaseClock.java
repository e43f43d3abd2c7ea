package io.unum.cli;

import io.unum.ProgressListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of a command's phases, for {@code --verbose}: a phase runs from one {@link #mark}
 * to the next. The engine's {@code training} reports (0 of 1, then 1 of 1) turn the phase under
 * way into {@code training} (setting up the resolver counts as training) and start
 * {@code resolve} when training ends. Forwards every report to the listener it wraps. Not
 * thread-safe: the engine reports the training stage from the calling thread.
 */
final class PhaseClock implements ProgressListener {

    private final ProgressListener delegate;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private String phase;
    private long since;

    /** Starts {@code first} now. */
    PhaseClock(ProgressListener delegate, String first) {
        this.delegate = delegate;
        this.phase = first;
        this.since = System.nanoTime();
    }

    /** Ends the current phase and starts {@code next}. */
    void mark(String next) {
        long now = System.nanoTime();
        nanos.merge(phase, now - since, Long::sum);
        phase = next;
        since = now;
    }

    @Override
    public void onProgress(String stage, long done, long total) {
        if ("training".equals(stage)) {
            if (done == 0) {
                phase = "training";
            } else if (done == total && "training".equals(phase)) {
                mark("resolve");
            }
        }
        delegate.onProgress(stage, done, total);
    }

    /** Ends the current phase and prints {@code phases: read 1.234 s training …}. */
    void print(PrintWriter err) {
        err.println(line());
    }

    /** Ends the current phase; the phases in the order they started, with their seconds. */
    String line() {
        mark(phase);
        StringBuilder line = new StringBuilder("phases:");
        nanos.forEach((name, ns) -> line.append(String.format(Locale.ROOT, " %s %.3f s", name, ns / 1e9)));
        return line.toString();
    }
}
