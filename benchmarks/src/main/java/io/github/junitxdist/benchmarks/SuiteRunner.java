package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs every contender on one suite, repeatedly and interleaved (run 1 of each contender, then run 2 of each, ...), so
 * that a drift of the machine affects all contenders alike. Prints one line per run.
 */
final class SuiteRunner {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

    private final SuiteProject project;
    private final Toolchain toolchain;
    private final PrintStream progress;
    private final SuiteResult result;
    /** Whether a junit-xdist run has shown if the engine writes a history. */
    private boolean historyKnown;

    SuiteRunner(SuiteProject project, Toolchain toolchain, PrintStream progress) {
        this.project = project;
        this.toolchain = toolchain;
        this.progress = progress;
        this.result = new SuiteResult(project.suite());
    }

    /** Runs {@code repetitions} timed runs of each contender, after one untimed Maven run that warms the caches. */
    SuiteResult run(List<Contender> contenders, int repetitions) throws IOException, InterruptedException {
        execute(Contender.MAVEN_OVERHEAD, "warm-up");
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (Contender contender : contenders) {
                prepareHistory(contender);
                Sample sample = execute(contender, "run" + repetition);
                result.add(contender, sample);
                progress.printf(
                        Locale.ROOT,
                        "%s run %d/%d  %-45s %7.2f s%s%n",
                        project.suite().id(),
                        repetition,
                        repetitions,
                        contender.label(),
                        sample.wallSeconds(),
                        sample.valid() ? "" : "  NOT COUNTED: " + sample.problem());
            }
        }
        return result;
    }

    /**
     * Cold: no history. Warm: a history, made by an untimed run if none is there, unless an earlier run showed that the
     * engine writes none.
     */
    private void prepareHistory(Contender contender) throws IOException, InterruptedException {
        switch (contender.history()) {
            case NONE -> {}
            case COLD -> FileTrees.delete(history());
            case WARM -> {
                if (!Files.exists(history()) && (!historyKnown || result.historyWritten())) {
                    execute(contender, "history");
                }
            }
        }
    }

    private Sample execute(Contender contender, String runName) throws IOException, InterruptedException {
        String stem = contender.name().toLowerCase(Locale.ROOT) + "-" + runName;
        Path marks = toolchain
                .workDirectory()
                .resolve("marks")
                .resolve(project.suite().id())
                .resolve(stem + ".txt");
        Path log = toolchain
                .workDirectory()
                .resolve("benchmark-logs")
                .resolve(project.suite().id())
                .resolve(stem + ".log");
        Path reports = project.directory().resolve("target/surefire-reports");
        FileTrees.delete(marks);
        FileTrees.delete(reports);
        Files.createDirectories(marks.getParent());
        double load = LoadAverage.now();
        TimedProcess.Result run = TimedProcess.run(
                ContenderCommand.of(contender, project, toolchain),
                project.directory(),
                ContenderCommand.environment(contender, project, marks),
                log,
                RUN_LIMIT);
        if (contender.history() != Contender.History.NONE) {
            historyKnown = true;
            result.historyWritten(Files.exists(history()));
        }
        String problem = RunCheck.problem(contender, run, project.suite().testCount(), reports);
        return Sample.of(run, Marks.read(marks), problem, load);
    }

    /** junit-xdist's duration history in the working directory. */
    private Path history() {
        return project.directory().resolve(".xdist");
    }
}
