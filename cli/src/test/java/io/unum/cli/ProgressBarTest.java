package io.unum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersABarWithPercentAndCounts() {
        assertEquals("resolve: scoring [..........] ".replace("..........", ".".repeat(ProgressBar.BAR_WIDTH))
                + "  0%  0/200", ProgressBar.render("resolve", "scoring", 0, 200));
        assertEquals("resolve: scoring [" + "#".repeat(10) + ".".repeat(10) + "]  50%  100/200",
                ProgressBar.render("resolve", "scoring", 100, 200));
        assertEquals("resolve: scoring [" + "#".repeat(20) + "] 100%  200/200",
                ProgressBar.render("resolve", "scoring", 200, 200));
        assertEquals("evaluate: reading [" + "#".repeat(5) + ".".repeat(15) + "]  25%  2.5M/10.0M",
                ProgressBar.render("evaluate", "reading", 2_500_000, 10_000_000));
    }

    @Test
    void unknownTotalShowsTheCountWithoutABar() {
        assertEquals("generate: people  12.3k", ProgressBar.render("generate", "people", 12_345, -1));
    }

    @Test
    void emptyAndOverfullStagesStayInRange() {
        assertEquals("x: y [" + "#".repeat(20) + "] 100%  0/0", ProgressBar.render("x", "y", 0, 0));
        assertTrue(ProgressBar.render("x", "y", 300, 200).contains("100%  200/200"));
    }

    @Test
    void compactCountsIgnoreTheDefaultLocale() {
        assertEquals("9999", ProgressBar.compact(9_999));
        assertEquals("10.0k", ProgressBar.compact(10_000));
        assertEquals("1.5M", ProgressBar.compact(1_500_000));
        assertEquals("2.0G", ProgressBar.compact(2_000_000_000L));
    }

    @Test
    void nonInteractiveBarWritesNothing() {
        ProgressBar bar = new ProgressBar(stream, false, "resolve");
        bar.onProgress("features", 0, 100);
        bar.onProgress("features", 100, 100);
        bar.finish();
        assertEquals("", written());
    }

    @Test
    void interactiveBarRedrawsOneLineAndErasesItAtTheEnd() {
        ProgressBar bar = new ProgressBar(stream, true, "resolve");
        bar.onProgress("features", 0, 100);
        bar.onProgress("features", 50, 100);
        bar.onProgress("features", 50, 100); // unchanged text: not redrawn
        bar.onProgress("scoring", 10, -1);
        String drawn = written();
        assertFalse(drawn.contains("\n"), "one line only: " + drawn);
        assertEquals(3, drawn.chars().filter(c -> c == '\r').count(), drawn);
        assertTrue(drawn.contains("resolve: features [" + "#".repeat(10)), drawn);
        assertTrue(drawn.endsWith("resolve: scoring  10" + " ".repeat(
                ProgressBar.render("resolve", "features", 50, 100).length() - "resolve: scoring  10".length())),
                "a shorter line blanks the rest of the longer one: [" + drawn + "]");
        bytes.reset();
        bar.finish();
        String erased = written();
        assertTrue(erased.startsWith("\r") && erased.endsWith("\r") && erased.strip().isEmpty(), erased);
        bytes.reset();
        bar.finish();
        assertEquals("", written(), "finishing twice erases once");
    }

    @Test
    void countNeverGoesBackwardsWithinAStage() {
        ProgressBar bar = new ProgressBar(stream, true, "resolve");
        bar.onProgress("scoring", 80, 100);
        bytes.reset();
        bar.onProgress("scoring", 40, 100); // a slower thread reports late
        assertEquals("", written(), "no redraw for an older count");
        bar.onProgress("clustering", 0, 100); // a new stage starts from its own count
        assertTrue(written().contains("clustering [" + ".".repeat(20) + "]   0%"), written());
    }

    @Test
    void reportsFromManyThreadsDrawWholeLines() throws Exception {
        ProgressBar bar = new ProgressBar(stream, true, "resolve");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i <= 1000; i += 4) {
                        bar.onProgress("scoring", i, 1000);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String[] frames = written().split("\r");
        int lastPercent = -1;
        for (String frame : frames) {
            if (frame.isEmpty()) {
                continue;
            }
            assertTrue(frame.strip().matches("resolve: scoring \\[[#.]{20}] +\\d+%  \\d+/1000"), frame);
            int percent = Integer.parseInt(frame.replaceAll(".*] +(\\d+)%.*", "$1").strip());
            assertTrue(percent >= lastPercent, "monotonic: " + percent + " after " + lastPercent);
            lastPercent = percent;
        }
        assertEquals(100, lastPercent);
    }
}
