package io.github.junitxdist.testkit.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A started child process whose standard output and error go to files in its own directory, never to this JVM's
 * streams (inheriting them would corrupt Surefire's channel).
 *
 * <p>{@link #close()} kills the process and every descendant it started (its worker JVMs); use it in
 * try-with-resources. Every started process is remembered by {@link ProcessOutputOnFailure}, which prints its output
 * when the test fails. Not thread-safe: one test thread drives it.
 */
public final class ChildProcess implements AutoCloseable {

    /** Variables of the environment of this JVM that would change how the engine behaves in the child. */
    private static final List<String> ENGINE_ENVIRONMENT =
            List.of("XDIST_WORKERS", "XDIST_WORKER", "XDIST_WORKER_COUNT", "XDIST_TESTRUNUID", "XDIST_SHARD");

    private final String command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String command, Process process, Path stdout, Path stderr) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code command} in {@code workingDirectory}, with this JVM's environment minus junit-xdist's variables,
     * plus {@code environment}; output goes to {@code stdout.txt} and {@code stderr.txt} in {@code outputDirectory}.
     */
    static ChildProcess start(
            List<String> command, Path workingDirectory, Map<String, String> environment, Path outputDirectory) {
        Path stdout = outputDirectory.resolve("stdout.txt");
        Path stderr = outputDirectory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        ENGINE_ENVIRONMENT.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        try {
            Files.writeString(outputDirectory.resolve("command.txt"), String.join("\n", command) + "\n");
            ChildProcess child = new ChildProcess(String.join(" ", command), builder.start(), stdout, stderr);
            ProcessOutputOnFailure.started(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to exit and returns its exit code; fails the test if it is still running at the limit. */
    public int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError("Still running after " + limit + ", killed: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + command, e);
        }
        return process.exitValue();
    }

    /** The file standard output goes to. */
    public Path stdoutFile() {
        return stdout;
    }

    /** What the process wrote to standard error so far. */
    public String stderr() {
        return read(stderr);
    }

    /** What the process wrote to standard output and standard error so far. */
    String output() {
        return read(stdout) + read(stderr);
    }

    String describe() {
        return "$ " + command + "\n--- stdout (" + stdout + ")\n" + read(stdout) + "\n--- stderr (" + stderr + ")\n"
                + read(stderr);
    }

    /** Kills the process and all its descendants. */
    @Override
    public void close() {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroyForcibly);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
