package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures what one JVM costs to start, the unit in which some targets are stated: a bare JVM ({@code java -version})
 * and a JVM that starts the JUnit Platform and discovers nothing (the ConsoleLauncher on an empty directory), which is
 * close to what a worker JVM does before it can run its first test.
 *
 * @param bareJvmSeconds median wall time of {@code java -version}
 * @param junitJvmSeconds median wall time of the ConsoleLauncher on an empty directory
 */
record StartupProbe(double bareJvmSeconds, double junitJvmSeconds) {

    private static final int RUNS = 5;
    private static final Duration LIMIT = Duration.ofMinutes(2);

    /** Runs each probe {@value #RUNS} times (after one untimed run) and keeps the medians. */
    static StartupProbe measure(Toolchain toolchain) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(toolchain.workDirectory().resolve("startup-probe"));
        Path empty = Files.createDirectories(directory.resolve("empty"));
        List<String> bare = List.of(toolchain.java().toString(), "-version");
        List<String> junit = List.of(
                toolchain.java().toString(),
                "-cp",
                toolchain.classpath(empty),
                "org.junit.platform.console.ConsoleLauncher",
                "execute",
                "--disable-banner",
                "--details=none",
                "--exclude-engine=xdist",
                "--scan-classpath",
                empty.toString());
        return new StartupProbe(median(bare, directory, "bare-jvm"), median(junit, directory, "junit-jvm"));
    }

    private static double median(List<String> command, Path directory, String name)
            throws IOException, InterruptedException {
        List<Double> walls = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            Path log = directory.resolve(name + "-" + run + ".log");
            TimedProcess.Result result = TimedProcess.run(command, directory, Map.of(), log, LIMIT);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("Start-up probe failed; see " + log);
            }
            if (run > 0) {
                walls.add(result.wallSeconds());
            }
        }
        return Statistics.median(walls.stream().sorted().toList()).orElseThrow();
    }
}
