package io.unum.cli;

import io.unum.ResolutionStatistics;
import io.unum.Stage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Prints the engine's per-stage wall times and candidate pairs (for {@code --verbose}). */
final class StageTimes {

    private StageTimes() {
    }

    static void print(PrintWriter err, ResolutionStatistics statistics) {
        StringBuilder line = new StringBuilder("stages:");
        for (Map.Entry<Stage, Duration> stage : statistics.stageTimes().entrySet()) {
            line.append(String.format(Locale.ROOT, " %s %.3f s", stage.getKey().name().toLowerCase(Locale.ROOT),
                    stage.getValue().toNanos() / 1e9));
        }
        line.append(String.format(Locale.ROOT, "; %d candidate pairs", statistics.candidatePairs()));
        err.println(line);
    }
}
