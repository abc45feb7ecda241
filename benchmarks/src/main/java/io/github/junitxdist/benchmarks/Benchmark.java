package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the synthetic suites, runs every contender on each, and prints the markdown report.
 *
 * <p>The report always goes to {@code benchmarks/target/benchmark-report.md}; a full run of all suites (no
 * {@code --quick}, no {@code --suites}) also puts it into {@code docs/benchmarks.md}. Run it through
 * {@code benchmarks/pom.xml}, which passes the tools in (see {@code benchmarks/README.md}); the arguments are described
 * in {@link Options}.
 */
public final class Benchmark {

    private Benchmark() {}

    /** Runs the benchmark; exits with 2 on bad arguments, 1 if any run did not count. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, Toolchain.fromSystemProperties(), System.out));
    }

    private static int run(Options options, Toolchain toolchain, PrintStream out)
            throws IOException, InterruptedException {
        ZonedDateTime started = ZonedDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        int processors = Runtime.getRuntime().availableProcessors();
        Machine machine = Machine.describe(toolchain);
        EngineBuild engine = EngineBuild.describe(toolchain);
        StartupProbe startup = StartupProbe.measure(toolchain);
        out.printf(
                "JVM start-up: %.2f s with the JUnit Platform, %.2f s bare%n",
                startup.junitJvmSeconds(), startup.bareJvmSeconds());
        List<SuiteResult> results = new ArrayList<>();
        for (Suite suite : Suites.create(options.syntheticSuites(), options.scale(), options.workers())) {
            out.printf(
                    "%s: generating and compiling %d classes%n",
                    suite.id(), suite.classes().size());
            SuiteProject project = SuiteProject.generate(suite, toolchain);
            results.add(new SuiteRunner(project, toolchain, out).run(suite.contenders(), options.repetitions()));
        }
        List<ProjectResult> projects = new ArrayList<>();
        for (ProjectSuite suite : ProjectSuite.create(options.projectSuites(), options.workers())) {
            out.printf("%s: copying and compiling %s%n", suite.id(), suite.module());
            projects.add(new ProjectRunner(suite, toolchain, out).run(options.repetitions()));
        }
        List<PublishedResult> published = new ArrayList<>();
        for (PublishedSuite suite : PublishedSuite.create(options.publishedSuites(), options.workers())) {
            PublishedSuite run = options.quick() ? suite.narrowed() : suite;
            out.printf("%s: resolving %s and extracting its tests jar%n", run.id(), run.title());
            PublishedProject project = PublishedProject.prepare(run, toolchain);
            published.add(new PublishedRunner(project, toolchain, out).run(options.repetitions(), options.quick()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String report =
                new MarkdownReport(options, machine, engine, startup, processors, results, started, took).render()
                        + ProjectReport.render(projects, processors)
                        + PublishedReport.render(published, startup.junitJvmSeconds());
        out.println();
        out.println(report);
        Path local = toolchain.workDirectory().resolve("benchmark-report.md");
        Files.writeString(local, report);
        boolean complete = !options.quick() && options.suites().equals(Options.ALL_SUITES);
        if (complete) {
            ReportFile.update(toolchain.report(), report);
        }
        out.println("Report written to " + local + (complete ? " and " + toolchain.report() : ""));
        boolean allCounted = results.stream()
                        .allMatch(r -> List.of(Contender.values()).stream()
                                .allMatch(c -> r.samples(c).stream().allMatch(Sample::valid)))
                && projects.stream().allMatch(ProjectResult::allCounted)
                && published.stream().allMatch(PublishedResult::allCounted);
        return allCounted ? 0 : 1;
    }
}
