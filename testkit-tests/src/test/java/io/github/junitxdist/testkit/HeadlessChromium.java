package io.github.junitxdist.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven through the DevTools protocol with the JDK alone (an HTTP client for the target list, a
 * WebSocket for the page). Every event the page sends is kept in {@link #events()}. Not thread-safe: one test drives
 * it.
 */
final class HeadlessChromium implements AutoCloseable {

    /** How long any one step may take before the test gives up: a guard against a hung browser, not a wait. */
    private static final Duration STEP = Duration.ofSeconds(60);

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/]+)/");

    private final Process process;
    private final WebSocket socket;
    private final BlockingQueue<Map<String, Object>> incoming;
    private final List<Map<String, Object>> events = new ArrayList<>();
    private int nextId = 1;

    private HeadlessChromium(Process process, WebSocket socket, BlockingQueue<Map<String, Object>> incoming) {
        this.process = process;
        this.socket = socket;
        this.incoming = incoming;
    }

    /** Starts Chromium; fails, saying how to install it, when it is missing. */
    static HeadlessChromium start(Path profile) throws IOException, InterruptedException {
        Path executable = executable();
        Process process = new ProcessBuilder(
                        executable.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--window-size=1200,800",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String host = listeningHost(process);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + "/json/new?about:blank"))
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .timeout(STEP)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String page =
                    (String) JsonReader.object(JsonReader.parse(created.body())).get("webSocketDebuggerUrl");
            BlockingQueue<Map<String, Object>> incoming = new LinkedBlockingQueue<>();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(page), new Collector(incoming))
                    .get(STEP.toSeconds(), TimeUnit.SECONDS);
            return new HeadlessChromium(process, socket, incoming);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("could not drive Chromium: " + e, e);
        }
    }

    /** The Chromium executable on the PATH; an assertion error saying how to install it when there is none. */
    static Path executable() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("this test checks the HTML report in a real headless browser, and no chromium is on"
                + " the PATH; install it (Debian/Ubuntu: apt-get install -y chromium), as .ci/run does");
    }

    private static String listeningHost(Process process) throws IOException {
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> {}), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("Chromium ended before it listened for DevTools:\n" + seen);
    }

    /** Sends a command and returns its result; events that arrive meanwhile are kept. */
    Map<String, Object> call(String method, String paramsJson) throws InterruptedException {
        int id = nextId++;
        socket.sendText("{\"id\":%d,\"method\":\"%s\",\"params\":%s}".formatted(id, method, paramsJson), true)
                .join();
        while (true) {
            Map<String, Object> message = next(method);
            if (Long.valueOf(id).equals(message.get("id"))) {
                if (message.containsKey("error")) {
                    throw new AssertionError(method + " failed: " + message.get("error"));
                }
                return JsonReader.object(message.get("result"));
            }
        }
    }

    /** Waits for the event {@code method}, keeping the events before it. */
    Map<String, Object> awaitEvent(String method) throws InterruptedException {
        for (Map<String, Object> event : events) {
            if (method.equals(event.get("method"))) {
                return event;
            }
        }
        while (true) {
            Map<String, Object> message = next(method);
            if (method.equals(message.get("method"))) {
                return message;
            }
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value. */
    Object evaluate(String expression) throws InterruptedException {
        Map<String, Object> result = call(
                "Runtime.evaluate",
                "{\"expression\":%s,\"returnByValue\":true}"
                        .formatted(io.github.junitxdist.report.Json.quote(expression)));
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + ": " + result.get("exceptionDetails"));
        }
        return JsonReader.object(result.get("result")).get("value");
    }

    /** Every event received so far, in order. */
    List<Map<String, Object>> events() {
        return events;
    }

    private Map<String, Object> next(String awaited) throws InterruptedException {
        Map<String, Object> message = incoming.poll(STEP.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("Chromium did not answer within " + STEP + " while waiting for " + awaited);
        }
        if (message.containsKey("method")) {
            events.add(message);
        }
        return message;
    }

    /** Ends Chromium and every process it started (renderers, crash handler), so that its profile can be deleted. */
    @Override
    public void close() {
        socket.abort();
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(STEP.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                member.destroyForcibly();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                member.destroyForcibly();
            }
        }
    }

    /** Puts each complete text message, parsed, into a queue. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<Map<String, Object>> queue;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<Map<String, Object>> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(JsonReader.object(JsonReader.parse(partial.toString())));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
