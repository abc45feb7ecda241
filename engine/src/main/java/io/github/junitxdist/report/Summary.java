package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.report.RunReport.WorkerRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The summary of a forked run for the console: one line per worker (units, tests, busy and idle time, utilisation,
 * start-up), the run's figures (with the time workers waited for locks, if they did), the five longest units, what the
 * isolation check found (with {@code xdist.isolate=failures}), how the number of workers was chosen, and where the
 * report is. Example:
 *
 * <pre>
 * junit-xdist: 2 workers ran 4 units, 9 tests in 3.20 s
 *   worker  units  tests     busy     idle   util  start-up
 *   gw0         2      5   2.10 s   1.10 s   66 %    0.70 s
 *   gw1         2      4   2.60 s   0.60 s   81 %    0.80 s
 *   wall 3.20 s, work 4.70 s, lower bound 2.35 s (work / workers), efficiency 73 %
 *   longest units   1.80 s  SlowFixture
 *                   ...
 *   alone (xdist.isolate=failures): each failed test run again on a fresh worker
 *     VictimTest &gt; reads(): passes alone: depends on what ran before it on gw1; fails again after the first 1 of
 *       the 3 units gw1 ran before it (PolluterTest), so the polluter is PolluterTest (3 runs)
 *   workers: 2 workers for 4 classes (no duration history yet)
 *   report: /home/me/project/target/xdist-report.html
 * </pre>
 *
 * <p>Pure.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Summary {

    /** How many of the longest units the summary names. */
    public static final int LONGEST = 5;

    private Summary() {}

    /** The summary's lines; {@code reportPath} is where the HTML report went, if it was written. */
    public static List<String> lines(RunReport report, @Nullable String reportPath) {
        return lines(report, reportPath, null);
    }

    /**
     * The summary's lines, with a line on the shard before the one on the workers when the run is one shard of a
     * split suite ({@code xdist.shard}).
     */
    public static List<String> lines(RunReport report, @Nullable String reportPath, @Nullable String shard) {
        Figures figures = report.figures();
        List<String> lines = new ArrayList<>();
        lines.add("junit-xdist: %s ran %s, %s in %s"
                .formatted(
                        count(report.workers(), "worker"),
                        count(report.units(), "unit"),
                        count(report.tests(), "test"),
                        seconds(report.wallMillis())));
        lines.add(format(
                "  %-6s %6s %6s %8s %8s %6s %9s", "worker", "units", "tests", "busy", "idle", "util", "start-up"));
        for (WorkerRow row : report.workerRows()) {
            lines.add(format(
                    "  %-6s %6d %6d %8s %8s %6s %9s",
                    row.worker(),
                    row.units(),
                    row.tests(),
                    seconds(row.busyMillis()),
                    seconds(row.idleMillis()),
                    percent(row.utilisation(report.wallMillis())),
                    seconds(row.startupMillis())));
        }
        lines.add("  wall %s, work %s, lower bound %s (%s), efficiency %s%s"
                .formatted(
                        seconds(figures.wallMillis()),
                        seconds(figures.workMillis()),
                        seconds(figures.lowerBoundMillis()),
                        bindingTerm(figures),
                        percent(figures.efficiency()),
                        report.lockWaitMillis() > 0 ? ", lock waits " + seconds(report.lockWaitMillis()) : ""));
        String label = "  longest units ";
        for (Map.Entry<String, Long> unit : report.longest(LONGEST)) {
            lines.add(format("%s %8s  %s", label, seconds(unit.getValue()), unit.getKey()));
            label = " ".repeat(label.length());
        }
        if (shard != null) {
            lines.add("  " + shard);
        }
        if (!report.isolation().isEmpty()) {
            lines.add("  alone (xdist.isolate=failures): each failed test run again on a fresh worker");
            for (IsolationCheck check : report.isolation()) {
                lines.add("    %s: %s (%s)".formatted(check.name(), check.describe(), count(check.runs(), "run")));
            }
        }
        lines.add("  workers: " + report.reason().replaceFirst("^junit-xdist: ", ""));
        if (reportPath != null) {
            lines.add("  report: " + reportPath);
        }
        return lines;
    }

    /** Which of the three bounds the lower bound is. */
    static String bindingTerm(Figures figures) {
        if (figures.lowerBoundMillis() == figures.serialMillis() && figures.serialMillis() > figures.longestMillis()) {
            return "serial work";
        }
        if (figures.lowerBoundMillis() == figures.longestMillis() && figures.longestMillis() > 0) {
            return "longest unit";
        }
        return "work / " + count(figures.workers(), "worker");
    }

    /** {@code 1 unit}, {@code 2 units}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Milliseconds as seconds with two decimals: {@code 1234} is {@code 1.23 s}. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /** A fraction as a whole percentage: {@code 0.734} is {@code 73 %}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%d %%", Math.round(fraction * 100));
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
