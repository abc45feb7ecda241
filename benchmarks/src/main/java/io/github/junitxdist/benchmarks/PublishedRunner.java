package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs every {@link PublishedContender} on one {@link PublishedSuite}, interleaved (run 1 of each, then run 2 of
 * each, ...), each run sampled by {@link ProcessCpu}. The history the warm contenders need comes from an untimed
 * junit-xdist run before their first timed one.
 */
final class PublishedRunner {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    private static final Pattern LOWER_BOUND = Pattern.compile("\"lowerBoundMillis\":\\s*(\\d+)");

    private final PublishedProject project;
    private final Toolchain toolchain;
    private final PrintStream progress;

    PublishedRunner(PublishedProject project, Toolchain toolchain, PrintStream progress) {
        this.project = project;
        this.toolchain = toolchain;
        this.progress = progress;
    }

    /** Makes {@code repetitions} timed runs of each contender. */
    PublishedResult run(int repetitions, boolean quick) throws IOException, InterruptedException {
        PublishedResult result = new PublishedResult(project.suite(), quick);
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (PublishedContender contender : PublishedContender.values()) {
                if (contender == PublishedContender.XDIST_COLD) {
                    FileTrees.delete(history());
                } else if (contender.warm() && !Files.exists(history())) {
                    execute(contender, "history");
                }
                PublishedResult.PublishedSample sample = execute(contender, "run" + repetition);
                result.add(contender, sample);
                ProcessCpu.Breakdown cpu = sample.cpu();
                progress.printf(
                        Locale.ROOT,
                        "%s run %d/%d  %-50s %7.2f s, %d tests, %d failed, CPU %.1f s%s%n",
                        project.suite().id(),
                        repetition,
                        repetitions,
                        contender.label(),
                        sample.sample().wallSeconds(),
                        sample.outcomes().tests(),
                        sample.outcomes().failed().size(),
                        cpu == null ? Double.NaN : cpu.totalSeconds(),
                        sample.sample().valid()
                                ? ""
                                : "  NOT COUNTED: " + sample.sample().problem());
            }
        }
        return result;
    }

    private PublishedResult.PublishedSample execute(PublishedContender contender, String runName)
            throws IOException, InterruptedException {
        Path reports = contender.maven()
                ? project.directory().resolve("target/surefire-reports")
                : project.directory().resolve("console-reports");
        FileTrees.delete(reports);
        double load = LoadAverage.now();
        TimedProcess.Measured run = TimedProcess.measured(
                contender.command(toolchain, project, reports),
                project.directory(),
                contender.environment(project.suite()),
                log(contender.name().toLowerCase(Locale.ROOT) + "-" + runName),
                RUN_LIMIT,
                true);
        TestOutcomes outcomes = TestOutcomes.read(reports);
        return new PublishedResult.PublishedSample(
                new Sample(run.result().wallSeconds(), null, null, problem(run.result(), outcomes), load),
                outcomes,
                run.cpu(),
                contender.xdist() ? lowerBound(reports) : null);
    }

    /** Failing tests are the suite's business (compared with the sequential run); no report at all is not. */
    private static @Nullable String problem(TimedProcess.Result result, TestOutcomes outcomes) {
        if (outcomes.tests() == 0) {
            return "no test reported, exit code " + result.exitCode() + " (see " + result.log() + ")";
        }
        if (result.exitCode() != 0 && outcomes.failed().isEmpty()) {
            return "exit code " + result.exitCode() + " with no test failed (see " + result.log() + ")";
        }
        return null;
    }

    /** junit-xdist's lower bound of the run, from the {@code xdist-report.json} it wrote next to the XML reports. */
    private static @Nullable Double lowerBound(Path reports) throws IOException {
        Path report = reports.resolve("xdist-report.json");
        if (!Files.isRegularFile(report)) {
            return null;
        }
        Matcher matcher = LOWER_BOUND.matcher(Files.readString(report));
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1000.0 : null;
    }

    private Path history() {
        return project.directory().resolve(".xdist");
    }

    private Path log(String stem) {
        return toolchain
                .workDirectory()
                .resolve("benchmark-logs")
                .resolve(project.suite().id())
                .resolve(stem + ".log");
    }
}
