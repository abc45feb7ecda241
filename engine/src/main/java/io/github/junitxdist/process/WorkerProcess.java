package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * A started worker JVM: its process, and the last lines it wrote to its real stdout and stderr (for the reports of a
 * worker that could not start or died).
 *
 * <p>What the worker writes to its real stdout and stderr (JVM warnings and errors, agents, native code; tests' own
 * output goes over the channel) is drained on daemon threads and shown on the calling JVM's stderr, prefixed with the
 * worker name (see {@link OutputDrain}). Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerProcess {

    /** How long a report waits for the output of a process that has ended to be read to its end. */
    private static final long DRAIN_WAIT_MILLIS = 2_000;

    private final int index;
    private final int launch;
    private final long startedAt = System.nanoTime();
    private final Process process;
    private final List<OutputDrain> drains;

    WorkerProcess(int index, int launch, Process process, PrintStream diagnostics) {
        this.index = index;
        this.launch = launch;
        this.process = process;
        this.drains = List.of(
                new OutputDrain(name(), "stdout", process.getInputStream(), diagnostics),
                new OutputDrain(name(), "stderr", process.getErrorStream(), diagnostics));
    }

    /**
     * A worker process that was started elsewhere: by a {@link WorkerStarter}, or by a test that scripts a fake
     * {@link Process}.
     */
    public static WorkerProcess of(int index, int launch, Process process, PrintStream diagnostics) {
        return new WorkerProcess(index, launch, process, diagnostics);
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

    /**
     * The last lines of the worker's real stdout and of its stderr, each labelled, or a note that both were empty. Once
     * the process has ended, first waits (briefly) until both streams have been read to their end.
     */
    public String outputTail() {
        long wait = process.isAlive() ? 0 : DRAIN_WAIT_MILLIS;
        List<String> parts = new ArrayList<>();
        for (OutputDrain drain : drains) {
            List<String> lines = drain.tail(wait);
            if (!lines.isEmpty()) {
                parts.add("Last lines of its " + drain.stream() + ":\n  " + String.join("\n  ", lines));
            }
        }
        return parts.isEmpty() ? "(its stdout and stderr were empty)" : String.join("\n", parts);
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
}
