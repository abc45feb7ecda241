package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.report.RunReport.UnitRun;
import io.github.junitxdist.report.RunReport.WorkerRow;
import io.github.junitxdist.report.RunReport.WorkerStart;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code xdist-report.json}: the run's figures, its workers and every run of a unit, written by hand (the engine
 * depends on nothing but JUnit). Times are milliseconds since the run started. Each worker's units are listed in the
 * order it ran them ({@code order}), which is what a replay of that worker needs; {@code lockWaitMillis} is how long a
 * unit's worker waited for it behind a resource lock. {@code isolation} holds what the isolation check found per failed
 * test ({@code xdist.isolate=failures}), empty when it was off. Pure.
 *
 * <pre>
 * {"format": "junit-xdist-report", "version": 1,
 *  "run": {"wallMillis": 3200, "workMillis": 4700, "workers": 2, "lowerBoundMillis": 2350, ...},
 *  "workers": [{"name": "gw0", "startups": [{"atMillis": -120, "startupMillis": 700}], "units": 2, ...}],
 *  "units": [{"unit": "[engine:xdist]/[class:a.B]", "name": "a.B", "worker": "gw0", "startMillis": 640, ...}]}
 * </pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Json {

    /** The value of the report's {@code format} field: {@value}. */
    public static final String FORMAT = "junit-xdist-report";

    private Json() {}

    /** The report as a JSON document. */
    public static String of(RunReport report) {
        Figures figures = report.figures();
        StringBuilder json = new StringBuilder(256 + 256 * report.runs().size());
        json.append("{\n  \"format\": ").append(quote(FORMAT)).append(",\n  \"version\": 1,\n");
        json.append("  \"run\": {")
                .append(field("wallMillis", figures.wallMillis()))
                .append(", ")
                .append(field("workMillis", figures.workMillis()))
                .append(", ")
                .append(field("workers", figures.workers()))
                .append(", ")
                .append(field("lowerBoundMillis", figures.lowerBoundMillis()))
                .append(", ")
                .append(field("longestUnitMillis", figures.longestMillis()))
                .append(", ")
                .append(field("serialWorkMillis", figures.serialMillis()))
                .append(", \"efficiency\": ")
                .append(String.format(Locale.ROOT, "%.3f", figures.efficiency()))
                .append(", ")
                .append(field("units", report.units()))
                .append(", ")
                .append(field("tests", report.tests()))
                .append(", ")
                .append(field("lockWaitMillis", report.lockWaitMillis()))
                .append(", \"reason\": ")
                .append(quote(report.reason()))
                .append("},\n");
        json.append("  \"workers\": [");
        List<WorkerRow> rows = report.workerRows();
        Map<String, List<UnitRun>> byWorker = report.byWorker();
        for (int i = 0; i < rows.size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ").append(worker(rows.get(i), report, byWorker));
        }
        json.append("\n  ],\n  \"units\": [");
        for (int i = 0; i < report.runs().size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ").append(unit(report.runs().get(i)));
        }
        json.append("\n  ],\n  \"isolation\": [");
        for (int i = 0; i < report.isolation().size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ")
                    .append(isolation(report.isolation().get(i)));
        }
        return json.append(report.isolation().isEmpty() ? "]\n}\n" : "\n  ]\n}\n")
                .toString();
    }

    private static String worker(WorkerRow row, RunReport report, Map<String, List<UnitRun>> byWorker) {
        String startups = report.starts().stream()
                .filter(start -> start.worker().equals(row.worker()))
                .map(Json::startup)
                .collect(Collectors.joining(", ", "[", "]"));
        String order = byWorker.getOrDefault(row.worker(), List.of()).stream()
                .map(run -> quote(run.uniqueId()))
                .collect(Collectors.joining(", ", "[", "]"));
        return "{\"name\": %s, \"startups\": %s, %s, %s, %s, %s, \"order\": %s}"
                .formatted(
                        quote(row.worker()),
                        startups,
                        field("units", row.units()),
                        field("tests", row.tests()),
                        field("busyMillis", row.busyMillis()),
                        field("idleMillis", row.idleMillis()),
                        order);
    }

    private static String isolation(IsolationCheck check) {
        return ("{\"test\": %s, \"name\": %s, \"worker\": %s, \"verdict\": %s, \"message\": %s, %s, %s, %s,"
                        + " \"before\": %s, \"polluter\": %s, \"suspects\": %s}")
                .formatted(
                        quote(check.test()),
                        quote(check.name()),
                        quote(check.worker()),
                        quote(check.verdict().key()),
                        quote(check.describe()),
                        field("runs", check.runs()),
                        field("failingPrefix", check.failingPrefix()),
                        field("passingPrefix", check.passingPrefix()),
                        strings(check.before()),
                        quote(check.polluterFound() ? check.before().get(check.failingPrefix() - 1) : null),
                        strings(check.suspects()));
    }

    private static String strings(List<String> values) {
        return values.stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String startup(WorkerStart start) {
        return "{%s, %s, %s}"
                .formatted(
                        field("atMillis", start.atMillis()),
                        field("startupMillis", start.startupMillis()),
                        field("readyMillis", start.readyMillis()));
    }

    private static String unit(UnitRun run) {
        return ("{\"unit\": %s, \"name\": %s, \"worker\": %s, %s, %s, %s, \"serial\": %s, %s, %s, %s, %s, %s,"
                        + " %s, \"outcome\": %s, \"failures\": %s}")
                .formatted(
                        quote(run.uniqueId()),
                        quote(run.name()),
                        quote(run.worker()),
                        field("startMillis", run.startMillis()),
                        field("endMillis", run.endMillis()),
                        field("durationMillis", run.durationMillis()),
                        run.serial(),
                        field("tests", run.tests()),
                        field("passed", run.passed()),
                        field("failed", run.failed()),
                        field("aborted", run.aborted()),
                        field("skipped", run.skipped()),
                        field("lockWaitMillis", run.lockWaitMillis()),
                        quote(run.outcome().key()),
                        run.failures().stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]")));
    }

    private static String field(String name, long value) {
        return quote(name) + ": " + value;
    }

    /**
     * A JSON string literal, or {@code null}: quotes, backslashes and control characters escaped; so are {@code <},
     * {@code >} and {@code &} (the text may end up inside HTML), U+2028 and U+2029 (not allowed in JavaScript strings
     * before ES2019) and unpaired surrogates (which no UTF-8 encoder can write).
     */
    public static String quote(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20
                            || c == '<'
                            || c == '>'
                            || c == '&'
                            || c == '\u2028'
                            || c == '\u2029'
                            || unpaired(text, i)) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Whether the char at {@code i} is half of a surrogate pair whose other half is missing. */
    private static boolean unpaired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
