package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseClockTest {

    @Test
    void trainingReportsSplitTheResolveAndEveryReportIsForwarded() {
        List<String> heard = new ArrayList<>();
        PhaseClock clock = new PhaseClock((stage, done, total) -> heard.add(stage + " " + done + "/" + total), "read");
        clock.mark("resolve");
        clock.onProgress("training", 0, 1);
        clock.onProgress("training", 1, 1);
        clock.onProgress("scoring", 5, 10);
        clock.mark("write");
        String line = clock.line();
        assertTrue(line.matches("phases: read \\d+\\.\\d{3} s training \\d+\\.\\d{3} s resolve \\d+\\.\\d{3} s"
                + " write \\d+\\.\\d{3} s"), line);
        assertEquals(List.of("training 0/1", "training 1/1", "scoring 5/10"), heard);
    }

    @Test
    void withoutTrainingTheResolveIsOnePhase() {
        PhaseClock clock = new PhaseClock((stage, done, total) -> { }, "read");
        clock.mark("resolve");
        clock.onProgress("features", 1, 2);
        clock.mark("write");
        assertTrue(clock.line().matches("phases: read \\S+ s resolve \\S+ s write \\S+ s"), clock.line());
    }
}
