package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs every {@link ProjectContender} on one {@link ProjectSuite}, interleaved as {@link SuiteRunner} does, on a copy
 * of the project under {@code benchmarks/target/suites/<id>/}, so that the runs neither use nor leave anything in the
 * checkout ({@code .xdist/}, {@code target/}). The copy is compiled once and then run with {@code mvn surefire:test};
 * an untimed plain run first warms the caches and fixes the test count every later run must pass.
 */
final class ProjectRunner {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    /** What Spring Boot logs when a test's application context has started. */
    private static final Pattern CONTEXT_STARTED = Pattern.compile("Started \\S+ in \\d+(\\.\\d+)? seconds");

    private final ProjectSuite suite;
    private final Toolchain toolchain;
    private final PrintStream progress;
    private final Path directory;

    ProjectRunner(ProjectSuite suite, Toolchain toolchain, PrintStream progress) {
        this.suite = suite;
        this.toolchain = toolchain;
        this.progress = progress;
        this.directory =
                toolchain.workDirectory().resolve("suites").resolve(suite.id().toLowerCase(Locale.ROOT));
    }

    /** Copies and compiles the project, then makes {@code repetitions} timed runs of each contender. */
    ProjectResult run(int repetitions) throws IOException, InterruptedException {
        copy();
        TimedProcess.Result compiled =
                TimedProcess.run(compileCommand(), directory, Map.of(), log("compile"), RUN_LIMIT);
        if (compiled.exitCode() != 0) {
            throw new IllegalStateException("Compiling " + suite.module() + " failed; see " + compiled.log());
        }
        int tests = warmUp();
        ProjectResult result = new ProjectResult(suite, tests);
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (ProjectContender contender : ProjectContender.values()) {
                if (contender.warm() && !Files.exists(directory.resolve(".xdist"))) {
                    execute(contender, "history", tests);
                }
                ProjectResult.ProjectSample sample = execute(contender, "run" + repetition, tests);
                result.add(contender, sample);
                progress.printf(
                        Locale.ROOT,
                        "%s run %d/%d  %-45s %7.2f s, %d Spring contexts%s%n",
                        suite.id(),
                        repetition,
                        repetitions,
                        contender.label(),
                        sample.sample().wallSeconds(),
                        sample.springContexts(),
                        sample.sample().valid()
                                ? ""
                                : "  NOT COUNTED: " + sample.sample().problem());
            }
        }
        return result;
    }

    /** An untimed plain run; every test it ran must have passed, and their number is what later runs must match. */
    private int warmUp() throws IOException, InterruptedException {
        ProjectResult.ProjectSample sample = execute(ProjectContender.PLAIN_JUPITER, "warm-up", -1);
        long[] counts = RunCheck.surefireCounts(reports());
        if (!sample.sample().valid() || counts[0] == 0 || counts[1] != 0) {
            throw new IllegalStateException("The warm-up run of " + suite.module() + " did not pass: " + counts[0]
                    + " tests successful and " + counts[1] + " not; see the log in "
                    + log("plain_jupiter-warm-up").getParent());
        }
        return (int) counts[0];
    }

    /** One run; with {@code expectedTests} < 0 only its exit code is checked. */
    private ProjectResult.ProjectSample execute(ProjectContender contender, String runName, int expectedTests)
            throws IOException, InterruptedException {
        FileTrees.delete(reports());
        double load = LoadAverage.now();
        TimedProcess.Result run = TimedProcess.run(
                contender.command(toolchain),
                directory,
                contender.environment(suite),
                log(contender.name().toLowerCase(Locale.ROOT) + "-" + runName),
                RUN_LIMIT);
        String problem = null;
        if (run.exitCode() != 0) {
            problem = "exit code " + run.exitCode() + " (see " + run.log() + ")";
        } else if (expectedTests >= 0) {
            long[] counts = RunCheck.surefireCounts(reports());
            if (counts[0] != expectedTests || counts[1] != 0) {
                problem = counts[0] + " tests successful and " + counts[1] + " not, of " + expectedTests + " (see "
                        + run.log() + ")";
            }
        }
        return new ProjectResult.ProjectSample(
                new Sample(run.wallSeconds(), null, null, problem, load), springContexts(reports()));
    }

    /** The {@code Started ... in} lines in the run's Surefire XML reports, which hold each test's output. */
    static int springContexts(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .toList();
        }
        int contexts = 0;
        for (Path file : files) {
            Matcher matcher = CONTEXT_STARTED.matcher(Files.readString(file));
            while (matcher.find()) {
                contexts++;
            }
        }
        return contexts;
    }

    /**
     * Copies the project's {@code pom.xml} and {@code src/} afresh, its parent pointing at the repository's root pom.
     * The repository root is two levels above {@code benchmarks/target}, the work directory.
     */
    private void copy() throws IOException {
        Path root = toolchain.workDirectory().toAbsolutePath().resolve("../..").normalize();
        Path source = root.resolve(suite.module());
        FileTrees.delete(directory);
        Files.createDirectories(directory);
        String pom = Files.readString(source.resolve("pom.xml"));
        String relativeParent = "<relativePath>../../pom.xml</relativePath>";
        if (!pom.contains(relativeParent)) {
            throw new IllegalStateException(source.resolve("pom.xml") + " does not have " + relativeParent);
        }
        Files.writeString(
                directory.resolve("pom.xml"),
                pom.replace(relativeParent, "<relativePath>" + root.resolve("pom.xml") + "</relativePath>"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source.resolve("src"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = directory.resolve(source.relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }

    private List<String> compileCommand() {
        List<String> command = new ArrayList<>(toolchain.maven());
        command.add("test-compile");
        return command;
    }

    private Path reports() {
        return directory.resolve("target/surefire-reports");
    }

    private Path log(String stem) {
        return toolchain
                .workDirectory()
                .resolve("benchmark-logs")
                .resolve(suite.id())
                .resolve(stem + ".log");
    }
}
