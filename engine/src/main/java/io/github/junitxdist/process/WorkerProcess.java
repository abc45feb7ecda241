package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * A started worker JVM: its process, and the last lines it wrote to its real stderr (for crash reports).
 *
 * <p>What the worker writes to its real stdout and stderr (JVM warnings, agents, native code; tests' own output goes
 * over the channel) is drained on daemon threads and shown on the calling JVM's stderr, prefixed with the worker name.
 * Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerProcess {

    private static final int TAIL_LINES = 30;

    private final int index;
    private final int launch;
    private final long startedAt = System.nanoTime();
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();

    WorkerProcess(int index, int launch, Process process, PrintStream diagnostics) {
        this.index = index;
        this.launch = launch;
        this.process = process;
        drain(process.getInputStream(), diagnostics, false);
        drain(process.getErrorStream(), diagnostics, true);
    }

    public int index() {
        return index;
    }

    /** Unique per start within a run; the worker presents it when it connects. */
    public int launch() {
        return launch;
    }

    /** Nanoseconds since the process was started. */
    public long ageNanos() {
        return System.nanoTime() - startedAt;
    }

    /** The worker's name, as tests see it in {@code xdist.worker}. */
    public String name() {
        return "gw" + index;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits up to the given time for the process to end; tells whether it did. */
    public boolean awaitExit(long timeoutSeconds) {
        try {
            return process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Waits up to the given time for the process to end, then describes how it ended. */
    public String describeExit(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                return "still running";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown exit status";
        }
        int code = process.exitValue();
        return code > 128 && code < 160 ? "exit code %d (signal %d)".formatted(code, code - 128) : "exit code " + code;
    }

    /** The last lines of the worker's real stderr, or a note that there were none. */
    public String stderrTail() {
        synchronized (tail) {
            return tail.isEmpty() ? "(its stderr was empty)" : "Last lines of its stderr:\n  " + String.join("\n  ", tail);
        }
    }

    /** Ends the process if it has not ended within the given time. */
    public void awaitExitOrKill(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public void kill() {
        process.destroyForcibly();
    }

    private void drain(InputStream stream, PrintStream diagnostics, boolean keepTail) {
        Thread thread = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (keepTail) {
                        remember(line);
                    }
                    diagnostics.println("[" + name() + "] " + line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "junit-xdist-" + name() + (keepTail ? "-stderr" : "-stdout"));
        thread.setDaemon(true);
        thread.start();
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }
}
