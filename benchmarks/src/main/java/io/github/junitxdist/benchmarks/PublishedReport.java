package io.github.junitxdist.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The markdown section of the published suites: per suite, each contender's wall time, tests, failures new against the
 * sequential run, and where its CPU went (the launcher JVM, the workers or Surefire forks, the JIT), then how close
 * junit-xdist came to its lower bound, and the suite's targets.
 */
final class PublishedReport {

    private PublishedReport() {}

    /** The section, or an empty string when no published suite ran. */
    static String render(List<PublishedResult> results, double jvmStartSeconds) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("### Published suites\n\nThe test suites of published projects, from their `tests` jars: the"
                        + " classes extracted to a directory, the resources under `src/test/resources`, the test"
                        + " dependencies and Surefire JVM options of the project's own build. A run counts if it"
                        + " reported tests; its failures are compared with the sequential runs' (new failures are"
                        + " tests that failed here and in no sequential run). CPU is user + system time: the whole"
                        + " run's exactly (reaped children), each process's sampled every 100 ms from `/proc`. The"
                        + " launcher JVM is the ConsoleLauncher, or for Maven runs the Surefire fork (Maven's own JVM"
                        + " is the rest).\n\n")
                .append("| contender | how it is run |\n|---|---|\n");
        for (PublishedContender contender : PublishedContender.values()) {
            out.append("| ")
                    .append(contender.label())
                    .append(" | ")
                    .append(contender.how())
                    .append(" |\n");
        }
        out.append('\n');
        for (PublishedResult result : results) {
            suite(out, result, jvmStartSeconds);
        }
        return out.toString();
    }

    /** The targets of a published suite. */
    static List<Target> targets(PublishedResult result, double jvmStartSeconds) {
        String id = result.suite().id();
        OptionalDouble warm = result.medianWall(PublishedContender.XDIST_WARM);
        OptionalDouble measured = lowerBound(result);
        OptionalDouble bound = measured.isPresent()
                ? OptionalDouble.of(measured.getAsDouble() + jvmStartSeconds)
                : OptionalDouble.empty();
        return List.of(
                new Target(
                        id,
                        "junit-xdist W warm / Jupiter parallel classes and methods <= 1.0",
                        Targets.ratio(warm, result.medianWall(PublishedContender.JUPITER_PARALLEL)),
                        1.0,
                        "x"),
                new Target(
                        id,
                        "junit-xdist W warm: tests failing in no sequential run",
                        OptionalDouble.of(result.newFailures(PublishedContender.XDIST_WARM)
                                .size()),
                        0,
                        "n"),
                new Target(
                        id,
                        "junit-xdist W warm / (its lower bound + one JVM start) <= 1.15",
                        Targets.ratio(warm, bound),
                        1.15,
                        "x"),
                new Target(
                        id,
                        "junit-xdist via Surefire W / Surefire forkCount=W <= 0.9 (whole `mvn` runs)",
                        Targets.ratio(
                                result.medianWall(PublishedContender.XDIST_SUREFIRE),
                                result.medianWall(PublishedContender.SUREFIRE_FORKS)),
                        0.9,
                        "x"),
                new Target(
                        id,
                        "CPU of the whole junit-xdist W warm run / the sequential run's <= 1.3",
                        Targets.ratio(
                                cpu(result, PublishedContender.XDIST_WARM), cpu(result, PublishedContender.SEQUENTIAL)),
                        1.3,
                        "x"));
    }

    private static OptionalDouble cpu(PublishedResult result, PublishedContender contender) {
        return result.median(
                contender, s -> s.cpu() == null ? Double.NaN : s.cpu().totalSeconds());
    }

    private static void suite(StringBuilder out, PublishedResult result, double jvmStartSeconds) {
        PublishedSuite suite = result.suite();
        out.append("#### ")
                .append(suite.id())
                .append(": ")
                .append(suite.title())
                .append("\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%d tests in the sequential run, %d of them failing there; W = %d. JVM options: %s.%n%n",
                        result.sequentialFailures().tests(),
                        result.sequentialFailures().failed().size(),
                        suite.workers(),
                        suite.jvmOptions().isEmpty() ? "none" : "`" + String.join(" ", suite.jvmOptions()) + "`"))
                .append("| contender | median wall | runs | tests | failed | new failures | CPU | launcher JVM"
                        + " CPU | workers or forks CPU | JIT CPU | junit-xdist warm / this |\n")
                .append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PublishedContender contender : PublishedContender.values()) {
            List<PublishedResult.PublishedSample> samples = result.samples(contender);
            out.append("| ")
                    .append(contender.label())
                    .append(" | ")
                    .append(format(result.medianWall(contender), "%.2f s"))
                    .append(" | ")
                    .append(samples.stream()
                            .map(s -> String.format(
                                    Locale.ROOT,
                                    "%.2f%s",
                                    s.sample().wallSeconds(),
                                    s.sample().valid() ? "" : " (not counted)"))
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(format(result.median(contender, s -> s.outcomes().tests()), "%.0f"))
                    .append(" | ")
                    .append(format(
                            result.median(contender, s -> s.outcomes().failed().size()), "%.0f"))
                    .append(" | ")
                    .append(contender == PublishedContender.SEQUENTIAL ? "-" : newFailures(result, contender))
                    .append(" | ")
                    .append(format(cpu(result, contender), "%.1f s"))
                    .append(" | ")
                    .append(format(roleCpu(result, contender, contender.launcherRole()), "%.1f s"))
                    .append(" | ")
                    .append(format(roleCpu(result, contender, contender.workerRole()), "%.1f s"))
                    .append(" | ")
                    .append(format(
                            result.median(
                                    contender,
                                    s -> s.cpu() == null ? Double.NaN : s.cpu().jitSeconds()),
                            "%.1f s"))
                    .append(" | ")
                    .append(format(
                            Targets.ratio(
                                    result.medianWall(PublishedContender.XDIST_WARM), result.medianWall(contender)),
                            "%.2f"))
                    .append(" |\n");
        }
        OptionalDouble bound = lowerBound(result);
        out.append('\n')
                .append(String.format(
                        Locale.ROOT,
                        "junit-xdist warm's lower bound `max(work / W, longest unit, serial work)`, from its own"
                                + " `xdist-report.json` (work as measured on the workers): %s; plus one JVM start"
                                + " (%.2f s): %s.%n%n",
                        format(bound, "%.2f s"),
                        jvmStartSeconds,
                        bound.isPresent()
                                ? String.format(Locale.ROOT, "%.2f s", bound.getAsDouble() + jvmStartSeconds)
                                : "-"));
        List<String> fresh = List.copyOf(result.newFailures(PublishedContender.XDIST_WARM));
        if (!fresh.isEmpty()) {
            out.append("New failures with junit-xdist warm: `")
                    .append(String.join("`, `", fresh.subList(0, Math.min(10, fresh.size()))))
                    .append(fresh.size() > 10 ? "`, ..." : "`")
                    .append("\n\n");
        }
        MarkdownReport.targetTable(out, targets(result, jvmStartSeconds));
    }

    /** The median CPU of the contender's processes with this role; none without a role or such processes. */
    private static OptionalDouble roleCpu(PublishedResult result, PublishedContender contender, @Nullable String role) {
        if (role == null) {
            return OptionalDouble.empty();
        }
        return result.median(contender, s -> {
            ProcessCpu.Breakdown cpu = s.cpu();
            return cpu == null || cpu.count(role) == 0 ? Double.NaN : cpu.seconds(role);
        });
    }

    /** junit-xdist warm's median lower bound, from its own report. */
    private static OptionalDouble lowerBound(PublishedResult result) {
        return result.median(
                PublishedContender.XDIST_WARM, s -> s.lowerBoundSeconds() == null ? Double.NaN : s.lowerBoundSeconds());
    }

    private static String newFailures(PublishedResult result, PublishedContender contender) {
        return Integer.toString(result.newFailures(contender).size());
    }

    private static String format(OptionalDouble value, String pattern) {
        return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : "-";
    }
}
