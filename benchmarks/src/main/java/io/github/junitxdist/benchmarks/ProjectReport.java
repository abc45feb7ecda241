package io.github.junitxdist.benchmarks;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The markdown section of the project suites: how each contender was run, one table per suite with median wall times
 * and the Spring contexts each run built, and the suite's targets.
 */
final class ProjectReport {

    private static final double XDIST_RATIO = 1.0;
    private static final double AUTO_RATIO = 1.1;

    private ProjectReport() {}

    /** The section, or an empty string when no project suite ran. */
    static String render(List<ProjectResult> results, int processors) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("### Real projects\n\nEach run is one whole `mvn surefire:test` on a copy of the project, compiled"
                        + " once (Maven, the Surefire fork, every Spring context and database start are in the time)."
                        + " A run counts only if Surefire's XML reports show as many tests passed as an untimed plain"
                        + " run before them, and none failed.\n\n")
                .append("| contender | how it is run |\n|---|---|\n");
        for (ProjectContender contender : ProjectContender.values()) {
            out.append("| ")
                    .append(contender.label())
                    .append(" | ")
                    .append(contender.how())
                    .append(" |\n");
        }
        out.append('\n');
        for (ProjectResult result : results) {
            suite(out, result, processors);
        }
        return out.toString();
    }

    /** The targets of the project suites. */
    static List<Target> targets(ProjectResult result) {
        return List.of(
                new Target(
                        result.suite().id(),
                        "junit-xdist " + result.suite().workers() + " workers warm / plain Jupiter < 1.0 (whole `mvn"
                                + " surefire:test` runs)",
                        Targets.ratio(
                                result.medianWall(ProjectContender.XDIST_WARM),
                                result.medianWall(ProjectContender.PLAIN_JUPITER)),
                        XDIST_RATIO,
                        "x"),
                new Target(
                        result.suite().id(),
                        "junit-xdist default (auto) warm / plain Jupiter <= 1.1 (the default is never the slower"
                                + " choice)",
                        Targets.ratio(
                                result.medianWall(ProjectContender.XDIST_AUTO_WARM),
                                result.medianWall(ProjectContender.PLAIN_JUPITER)),
                        AUTO_RATIO,
                        "x"));
    }

    private static void suite(StringBuilder out, ProjectResult result, int processors) {
        ProjectSuite suite = result.suite();
        out.append("#### ")
                .append(suite.id())
                .append(": ")
                .append(suite.title())
                .append("\n\n")
                .append(String.format(Locale.ROOT, "%d tests; W = %d.%n%n", result.testCount(), suite.workers()))
                .append("| contender | median wall | runs | Spring contexts built | junit-xdist W warm / this |\n")
                .append("|---|---:|---|---|---:|\n");
        for (ProjectContender contender : ProjectContender.values()) {
            List<ProjectResult.ProjectSample> samples = result.samples(contender);
            out.append("| ")
                    .append(contender.label())
                    .append(" | ")
                    .append(seconds(result.medianWall(contender)))
                    .append(" | ")
                    .append(samples.stream()
                            .map(s -> String.format(
                                    Locale.ROOT,
                                    "%.2f%s",
                                    s.sample().wallSeconds(),
                                    s.sample().valid() ? "" : " (failed)"))
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(samples.stream()
                            .map(s -> Integer.toString(s.springContexts()))
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(ratio(Targets.ratio(
                            result.medianWall(ProjectContender.XDIST_WARM), result.medianWall(contender))))
                    .append(" |\n");
        }
        out.append('\n').append(loadRange(result, processors));
        MarkdownReport.targetTable(out, targets(result));
    }

    private static String loadRange(ProjectResult result, int processors) {
        DoubleSummaryStatistics loads = Arrays.stream(ProjectContender.values())
                .flatMap(contender -> result.samples(contender).stream())
                .mapToDouble(s -> s.sample().loadBefore())
                .filter(load -> !Double.isNaN(load))
                .summaryStatistics();
        return loads.getCount() == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        "One-minute load average just before the timed runs: %.1f to %.1f (%d processors).%n%n",
                        loads.getMin(),
                        loads.getMax(),
                        processors);
    }

    private static String seconds(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f s", value.getAsDouble()) : "-";
    }

    private static String ratio(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "-";
    }
}
