package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process and measures its wall time, from just before it is started to its exit, with
 * {@link System#nanoTime()}. Its stdout and stderr go to a log file, so that no pipe can slow it down.
 *
 * <p>The child inherits the environment, minus the {@code XDIST_*} variables (which would override the contender's
 * settings), plus the given variables.
 */
final class TimedProcess {

    /**
     * What one run gave.
     *
     * @param launchEpochMillis the wall clock just before the process was started, to compare with the marks
     * @param wallNanos from just before start to exit
     * @param exitCode the process's exit code
     * @param log the file with its output
     */
    record Result(long launchEpochMillis, long wallNanos, int exitCode, Path log) {

        double wallSeconds() {
            return wallNanos / 1e9;
        }
    }

    private TimedProcess() {}

    /** Runs {@code command} in {@code directory}; a process that outlives {@code limit} is killed and fails. */
    static Result run(List<String> command, Path directory, Map<String, String> environment, Path log, Duration limit)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("XDIST_"));
        builder.environment().putAll(environment);
        long launchEpochMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(
                    "Timed out after " + limit + ": " + String.join(" ", command) + "; see " + log);
        }
        long wall = System.nanoTime() - start;
        return new Result(launchEpochMillis, wall, process.exitValue(), log);
    }
}
