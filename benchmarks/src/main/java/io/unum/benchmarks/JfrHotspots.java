package io.unum.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the execution samples of a JFR recording: the methods that were on top of the
 * stack most often (self time) and the methods that were anywhere on the stack most often
 * (inclusive time, Unum's own methods only, to skip the thread-pool and stream frames), as
 * shares of all samples — optionally only of the samples of one thread-name prefix, and of
 * those whose stack contains a method ({@code Featurizer.featurize}).
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=e2e.jfr,settings=profile -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.EndToEnd ...
 * java -cp benchmarks/target/benchmarks.jar io.unum.benchmarks.JfrHotspots e2e.jfr [top] [thread-name-prefix|-] [Class.method]
 *     [--native] [--all-packages]
 * </pre>
 *
 * <p>{@code --native} also counts {@code jdk.NativeMethodSample} events (threads in native code,
 * such as SQLite's through JNI, or blocked in a socket read waiting for PostgreSQL); their top
 * frame is the native method. {@code --all-packages} lists every method in the inclusive table,
 * not only Unum's.
 *
 * <p>JFR samples running Java threads about every 10–20 ms under the {@code profile} settings;
 * time in native code or blocked is not in these events. Stack traces are truncated at 64
 * frames by default, so inclusive shares of deep frames are lower bounds. Native-method samples
 * are taken about every 20 ms of every thread in native code, waiting or not.
 */
public final class JfrHotspots {

    private JfrHotspots() {
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean withNative = false;
        boolean allPackages = false;
        for (String arg : args) {
            switch (arg) {
                case "--native" -> withNative = true;
                case "--all-packages" -> allPackages = true;
                default -> positional.add(arg);
            }
        }
        args = positional.toArray(new String[0]);
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String threadPrefix = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        String within = args.length > 3 ? args[3] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!"jdk.ExecutionSample".equals(type) && !(withNative && "jdk.NativeMethodSample".equals(type))) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            String threadName = thread == null ? "?" : String.valueOf(thread.getJavaName());
            if (threadPrefix != null && !threadName.startsWith(threadPrefix)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            if (within != null && stack.getFrames().stream().noneMatch(f -> name(f.getMethod()).startsWith(within))) {
                continue;
            }
            samples++;
            threads.merge(threadName.replaceAll("\\d+$", "#"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                if ((allPackages || name.contains("[io.unum")) && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d %s%s%s%n", samples,
                withNative ? "execution and native-method samples" : "execution samples",
                threadPrefix == null ? "" : " on threads " + threadPrefix + "*", within == null ? "" : " within " + within);
        print("threads", threads, samples, 10);
        print("self (top of stack)", self, samples, top);
        print(allPackages ? "inclusive (anywhere on the stack)" : "inclusive, Unum methods only (anywhere on the stack)",
                inclusive, samples, top);
    }

    private static String name(RecordedMethod method) {
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName() + "  [" + pkg(type) + "]";
    }

    private static String pkg(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println(title);
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (int i = 0; i < Math.min(top, entries.size()); i++) {
            Map.Entry<String, Integer> e = entries.get(i);
            System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey());
        }
    }
}
