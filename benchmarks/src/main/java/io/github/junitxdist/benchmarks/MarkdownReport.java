package io.github.junitxdist.benchmarks;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Renders the results as markdown: how they were made (command, date, machine, start-up cost), one table per suite
 * with each contender's median wall time and the ratios of junit-xdist to it, and the targets with their verdicts.
 *
 * @param options the benchmark's arguments
 * @param machine the machine description
 * @param engine which engine build was measured
 * @param startup the JVM start-up probes
 * @param processors the processors available to the benchmark
 * @param results one result per suite, in order
 * @param started when the benchmark started
 * @param took how long the whole benchmark took
 */
record MarkdownReport(
        Options options,
        Machine machine,
        EngineBuild engine,
        StartupProbe startup,
        int processors,
        List<SuiteResult> results,
        ZonedDateTime started,
        Duration took) {

    private static final List<Contender> RATIO_BASES =
            List.of(Contender.XDIST_WARM, Contender.XDIST_COLD, Contender.XDIST_AUTO_WARM, Contender.ECLIPSE_XDIST);

    /** The whole report, ready to print and to put into {@code docs/benchmarks.md}. */
    String render() {
        StringBuilder out = new StringBuilder();
        header(out);
        for (SuiteResult result : results) {
            suite(out, result);
        }
        targets(out);
        return out.toString();
    }

    /** The documented command with this run's arguments, to run from the repository root. */
    String command() {
        String arguments = options.arguments().isEmpty()
                ? ""
                : " -Dbenchmark.args=\"" + String.join(" ", options.arguments()) + "\"";
        return "mvn -q install -DskipTests && mvn -q -f benchmarks/pom.xml compile exec:exec" + arguments;
    }

    private void header(StringBuilder out) {
        out.append("Command, from the repository root:\n\n```\n")
                .append(command())
                .append("\n```\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Run on %s; it took %d min. %s, %d timed run%s per contender and suite,"
                        + " medians reported; scale %.2f of the nominal durations.%n%n",
                started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                took.toMinutes(),
                options.quick() ? "Quick mode" : "Full mode",
                options.repetitions(),
                options.repetitions() == 1 ? "" : "s",
                options.scale()));
        out.append("Machine:\n\n```\n").append(machine.text()).append("```\n\n");
        out.append("Engine: ").append(engine.text()).append(".\n\n");
        out.append(String.format(
                Locale.ROOT,
                "One JVM start (the unit of some targets): %.2f s for a JVM that starts"
                        + " the JUnit Platform and discovers nothing (ConsoleLauncher on an empty directory); a bare"
                        + " `java -version` takes %.2f s. Medians of 5.%n%n",
                startup.junitJvmSeconds(),
                startup.bareJvmSeconds()));
        out.append("| contender | how it is run |\n|---|---|\n");
        for (Contender contender : contendersRun()) {
            out.append("| ")
                    .append(contender.label())
                    .append(" | ")
                    .append(contender.how())
                    .append(" |\n");
        }
        out.append("\nEvery run is a separate process, timed from start to exit (so JVM start-up, discovery and, for"
                + " Maven, Maven itself are included). A run counts only if it ran every test of the suite"
                + " successfully; on E1, only if Eclipse's runner reported to the benchmark, which plays the IDE,"
                + " that exactly the selected test started and ended, and nothing failed. The contenders take turns:"
                + " run 1 of each, then run 2 of each, and so on.\n\n");
    }

    /** The contenders of the suites in this run, in their declared order. */
    private List<Contender> contendersRun() {
        return Arrays.stream(Contender.values())
                .filter(c ->
                        results.stream().anyMatch(r -> r.suite().contenders().contains(c)))
                .toList();
    }

    /** The junit-xdist contenders a suite's table compares every contender with: at most two. */
    private static List<Contender> ratioBases(Suite suite) {
        return RATIO_BASES.stream()
                .filter(suite.contenders()::contains)
                .limit(2)
                .toList();
    }

    private void suite(StringBuilder out, SuiteResult result) {
        Suite suite = result.suite();
        out.append("### ").append(suite.id()).append(": ").append(suite.title()).append("\n\n");
        out.append(workDescription(suite));
        List<Contender> bases = ratioBases(suite);
        out.append("| contender | median wall | runs | launch to first test |");
        bases.forEach(base -> out.append(" ").append(base.label()).append(" / this |"));
        out.append("\n|---|---:|---|---:|").append("---:|".repeat(bases.size())).append('\n');
        for (Contender contender : suite.contenders()) {
            out.append(row(
                    result,
                    bases,
                    contender.label(),
                    result.medianWall(contender),
                    runs(result, contender),
                    result.medianToFirstTest(contender),
                    contender.runsTests()));
        }
        if (suite.contenders().containsAll(List.of(Contender.SUREFIRE_FORKS, Contender.MAVEN_OVERHEAD))) {
            out.append(row(
                    result,
                    bases,
                    "Surefire minus Maven overhead (computed)",
                    Targets.surefireWithoutMaven(result),
                    "",
                    OptionalDouble.empty(),
                    true));
        }
        out.append('\n');
        out.append(loadRange(result));
        if (!result.historyWritten()) {
            out.append("junit-xdist wrote no duration history (`.xdist/`) in this run, so its warm runs are cold runs"
                    + " too.\n\n");
        }
    }

    private String loadRange(SuiteResult result) {
        DoubleSummaryStatistics loads = result.suite().contenders().stream()
                .flatMap(contender -> result.samples(contender).stream())
                .mapToDouble(Sample::loadBefore)
                .filter(load -> !Double.isNaN(load))
                .summaryStatistics();
        return loads.getCount() == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        "One-minute load average just before the timed runs: %.1f to %.1f"
                                + " (%d processors; the benchmark's own previous run is part of it).%n%n",
                        loads.getMin(),
                        loads.getMax(),
                        processors);
    }

    private String workDescription(Suite suite) {
        Suite.Selection selected = suite.selected();
        if (selected != null) {
            return String.format(
                    Locale.ROOT,
                    "%d classes, %d tests that do no work; one selected, as from the IDE: `%s.%s#%s`.%n%n",
                    suite.classes().size(),
                    suite.testCount(),
                    suite.packageName(),
                    selected.simpleClassName(),
                    selected.method());
        }
        if (suite.totalWorkMillis() == 0) {
            return String.format(
                    Locale.ROOT,
                    "%d classes, %d tests that do no work; W = %d.%n%n",
                    suite.classes().size(),
                    suite.testCount(),
                    suite.workers());
        }
        String serial = suite.serialWorkMillis() == 0
                ? ""
                : String.format(Locale.ROOT, ", in @Serial classes %.1f s", suite.serialWorkMillis() / 1000.0);
        String capped = suite.effectiveWorkers(processors) < suite.workers()
                ? " (CPU-bound: W is capped at the " + processors + " processors)"
                : "";
        return String.format(
                Locale.ROOT,
                "%d classes, %d tests, %.1f s of work (longest class %.1f s%s); W = %d."
                        + " Lower bound max(total work / W, longest unit, serial work) = %.2f s%s.%n%n",
                suite.classes().size(),
                suite.testCount(),
                suite.totalWorkMillis() / 1000.0,
                suite.longestUnitMillis() / 1000.0,
                serial,
                suite.workers(),
                suite.lowerBoundMillis(processors) / 1000.0,
                capped);
    }

    /** A table row; {@code withRatios} is false for a row that is not a way of running the suite. */
    private static String row(
            SuiteResult result,
            List<Contender> bases,
            String label,
            OptionalDouble median,
            String runs,
            OptionalDouble toFirstTest,
            boolean withRatios) {
        StringBuilder row = new StringBuilder("| ")
                .append(label)
                .append(" | ")
                .append(seconds(median))
                .append(" | ")
                .append(runs)
                .append(" | ")
                .append(seconds(toFirstTest))
                .append(" |");
        for (Contender base : bases) {
            OptionalDouble ratio = withRatios ? Targets.ratio(result.medianWall(base), median) : OptionalDouble.empty();
            row.append(' ').append(ratio(ratio)).append(" |");
        }
        return row.append('\n').toString();
    }

    private static String runs(SuiteResult result, Contender contender) {
        return result.samples(contender).stream()
                .map(s -> String.format(Locale.ROOT, "%.2f%s", s.wallSeconds(), s.valid() ? "" : " (failed)"))
                .collect(Collectors.joining(", "));
    }

    private void targets(StringBuilder out) {
        List<Target> targets = Targets.evaluate(results, startup, processors);
        if (targets.isEmpty()) {
            return;
        }
        out.append("### Targets\n\n\"One JVM start\" is the JUnit JVM start above.\n\n");
        targetTable(out, targets);
    }

    /** The targets as a markdown table, followed by a blank line. */
    static void targetTable(StringBuilder out, List<Target> targets) {
        out.append("| suite | target | measured | limit | result |\n|---|---|---:|---:|---|\n");
        for (Target target : targets) {
            out.append("| ")
                    .append(target.suite())
                    .append(" | ")
                    .append(target.description())
                    .append(" | ")
                    .append(target.measuredText())
                    .append(" | ")
                    .append(target.limitText())
                    .append(" | ")
                    .append(target.verdict())
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String seconds(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f s", value.getAsDouble()) : "-";
    }

    private static String ratio(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "-";
    }
}
