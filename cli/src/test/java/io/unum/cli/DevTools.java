package io.unum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal client of the Chrome DevTools protocol for tests: starts headless Chromium with a
 * debugging port on the loopback interface, attaches to its page over the JDK's WebSocket and
 * sends commands one at a time (navigate, evaluate, mouse and key input). Test helper; closes the
 * browser on {@link #close()}.
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevTools(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium on {@code about:blank} with these extra arguments and attaches to its page. */
    static DevTools start(String chromium, Path profile, List<String> arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(chromium, "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--remote-allow-origins=*",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile));
        command.addAll(arguments);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IOException("Chromium did not open its debugging port");
                }
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            String page = null;
            while (page == null) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode target : targets) {
                    if ("page".equals(target.path("type").asText())) {
                        page = target.path("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (page == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Chromium has no page to attach to");
                    }
                    Thread.sleep(100);
                }
            }
            DevTools[] self = new DevTools[1];
            StringBuilder partial = new StringBuilder();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(page),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                String message = partial.toString();
                                partial.setLength(0);
                                if (self[0] != null) {
                                    self[0].received(message);
                                }
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new DevTools(process, socket);
            return self[0];
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void received(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(node.get("id").asInt());
                if (future != null) {
                    future.complete(node);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Sends a command and waits for its result; fails on a protocol error. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(JSON.writeValueAsString(command), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Opens a URL and waits until {@code condition} (a JavaScript expression) is true. */
    void open(String url, String condition) throws Exception {
        send("Page.navigate", params().put("url", url));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not reach " + condition);
            }
            Thread.sleep(100);
        }
    }

    /** Whether a condition holds; false while the page throws evaluating it (as it may while it loads). */
    private boolean holds(String condition) throws Exception {
        try {
            return evaluate("!!(" + condition + ")").asBoolean();
        } catch (IllegalStateException loading) {
            return false;
        }
    }

    /** Moves the mouse to a point of the viewport. */
    void moveMouse(double x, double y) throws Exception {
        send("Input.dispatchMouseEvent", params().put("type", "mouseMoved").put("x", x).put("y", y));
    }

    /** Types text into the focused element, as a keyboard would (an input event per insertion). */
    void type(String text) throws Exception {
        send("Input.insertText", params().put("text", text));
    }

    /**
     * Stops the browser and every process it started (renderers, the crash handler), waiting up to
     * ten seconds for them, so that nothing still writes into the profile directory afterwards.
     */
    @Override
    public void close() {
        try {
            socket.abort();
        } finally {
            java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try {
                for (ProcessHandle handle : all) {
                    long left = deadline - System.nanoTime();
                    try {
                        handle.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        handle.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                all.forEach(ProcessHandle::destroyForcibly);
                Thread.currentThread().interrupt();
            }
        }
    }
}
