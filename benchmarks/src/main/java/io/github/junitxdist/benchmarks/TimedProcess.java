package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

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
        return measured(command, directory, environment, log, limit, false).result();
    }

    /**
     * A run and, if {@code sampleCpu}, where its CPU time went ({@link ProcessCpu}).
     *
     * @param result the run
     * @param cpu its CPU breakdown, or {@code null} if not sampled
     */
    record Measured(Result result, ProcessCpu.@Nullable Breakdown cpu) {}

    /** As {@link #run}, sampling the CPU of the process and its descendants if {@code sampleCpu}. */
    static Measured measured(
            List<String> command,
            Path directory,
            Map<String, String> environment,
            Path log,
            Duration limit,
            boolean sampleCpu)
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
        ProcessCpu cpu = sampleCpu ? ProcessCpu.start(process.pid()) : null;
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            if (cpu != null) {
                cpu.stop();
            }
            throw new IllegalStateException(
                    "Timed out after " + limit + ": " + String.join(" ", command) + "; see " + log);
        }
        long wall = System.nanoTime() - start;
        return new Measured(
                new Result(launchEpochMillis, wall, process.exitValue(), log), cpu == null ? null : cpu.stop());
    }
}
