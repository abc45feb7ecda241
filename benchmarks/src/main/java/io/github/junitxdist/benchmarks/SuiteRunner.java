package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs the contenders of one suite, repeatedly and interleaved (run 1 of each contender, then run 2 of each, ...), so
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

    /**
     * Runs {@code repetitions} timed runs of each contender, after one untimed run that warms the caches: of Maven if
     * a contender runs it, else of the first contender.
     */
    SuiteResult run(List<Contender> contenders, int repetitions) throws IOException, InterruptedException {
        execute(
                contenders.contains(Contender.MAVEN_OVERHEAD) ? Contender.MAVEN_OVERHEAD : contenders.get(0),
                "warm-up");
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
        Path marks = runFile("marks", stem + ".txt");
        FileTrees.delete(marks);
        FileTrees.delete(surefireReports());
        Files.createDirectories(marks.getParent());
        double load = LoadAverage.now();
        Checked checked = contender.launch() == Contender.Launch.ECLIPSE
                ? runEclipse(contender, stem, marks)
                : runProcess(contender, stem, marks);
        if (contender.history() != Contender.History.NONE) {
            historyKnown = true;
            result.historyWritten(Files.exists(history()));
        }
        return Sample.of(checked.run(), Marks.read(marks), checked.problem(), load);
    }

    /** A finished run and what is wrong with it, or {@code null} if it counts. */
    private record Checked(
            TimedProcess.Result run, @Nullable String problem) {}

    private Checked runProcess(Contender contender, String stem, Path marks) throws IOException, InterruptedException {
        TimedProcess.Result run = TimedProcess.run(
                ContenderCommand.of(contender, project, toolchain),
                project.directory(),
                ContenderCommand.environment(contender, project, marks),
                runFile("benchmark-logs", stem + ".log"),
                RUN_LIMIT);
        return new Checked(run, RunCheck.problem(contender, run, project.suite().expectedTests(), surefireReports()));
    }

    /** Eclipse's runner, with this JVM as the IDE; the run counts only if the protocol shows the selected test pass. */
    private Checked runEclipse(Contender contender, String stem, Path marks) throws IOException, InterruptedException {
        Path protocol = runFile("benchmark-logs", stem + ".protocol");
        EclipseIde.Recording recording = EclipseIde.run(
                port -> ContenderCommand.eclipse(contender, project, toolchain, port),
                project.directory(),
                ContenderCommand.environment(contender, project, marks),
                runFile("benchmark-logs", stem + ".log"),
                protocol,
                RUN_LIMIT);
        TimedProcess.Result run = recording.process();
        String problem = RunCheck.exitProblem(run);
        if (problem == null) {
            problem = recording.readProblem();
        }
        if (problem == null) {
            problem = EclipseProtocol.problem(recording.lines(), selectedTestName());
        }
        return new Checked(run, problem == null ? null : problem + " (see " + protocol + ")");
    }

    private String selectedTestName() {
        Suite suite = project.suite();
        Suite.Selection selected = Objects.requireNonNull(suite.selected(), "an Eclipse suite selects one test");
        return EclipseProtocol.testName(suite.packageName() + "." + selected.simpleClassName(), selected.method());
    }

    private Path runFile(String kind, String name) {
        return toolchain
                .workDirectory()
                .resolve(kind)
                .resolve(project.suite().id())
                .resolve(name);
    }

    private Path surefireReports() {
        return project.directory().resolve("target/surefire-reports");
    }

    /** junit-xdist's duration history in the working directory. */
    private Path history() {
        return project.directory().resolve(".xdist");
    }
}
