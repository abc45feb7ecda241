package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.report.ReportFailingFixture;
import io.github.junitxdist.testkit.fixtures.report.ReportPassingFixture;
import io.github.junitxdist.testkit.fixtures.report.ReportSerialFixture;
import io.github.junitxdist.testkit.fixtures.report.ReportSkippedFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A forked run prints its summary and writes {@code xdist-report.json} and {@code xdist-report.html}: the summary's
 * figures are the JSON's, and the JSON's counts are those of the events the launcher's listener saw.
 */
class ReportTests {

    /** The known fixture run: 4 units, 9 tests (one failed, one skipped), one unit serial. */
    static final List<Class<?>> FIXTURES = List.of(
            ReportPassingFixture.class,
            ReportFailingFixture.class,
            ReportSkippedFixture.class,
            ReportSerialFixture.class);

    @TempDir
    Path directory;

    @Test
    void theSummaryAgreesWithTheJsonAndTheJsonWithTheEventsTheListenerSaw() throws IOException {
        Path reports = directory.resolve("reports");
        Captured run = capture(() -> run(directory, Map.of("xdist.report.dir", reports.toString())));

        run.results
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(7).failed(1).skipped(1));
        Map<String, Object> json =
                JsonReader.object(JsonReader.parse(Files.readString(reports.resolve("xdist-report.json"))));
        assertThat(json.get("format")).isEqualTo("junit-xdist-report");
        List<Map<String, Object>> units = objects(json.get("units"));
        List<Map<String, Object>> workers = objects(json.get("workers"));
        Map<String, Object> figures = JsonReader.object(json.get("run"));

        assertJsonAgreesWithEvents(units, run.results);
        assertOrdersAgreeWithUnits(workers, units);
        assertSummaryAgreesWithJson(run.stderr, figures, workers, units, reports.resolve("xdist-report.html"));
    }

    @Test
    void withTheSummaryOffTheReportIsStillWritten() {
        Path reports = directory.resolve("reports");
        Captured run =
                capture(() -> run(directory, Map.of("xdist.report.dir", reports.toString(), "xdist.summary", "false")));

        run.results
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(7).failed(1).skipped(1));
        assertThat(run.stderr).doesNotContain("junit-xdist: 2 workers ran");
        assertThat(reports.resolve("xdist-report.json")).isRegularFile();
        assertThat(reports.resolve("xdist-report.html")).isRegularFile();
    }

    @Test
    void aReportDirectoryThatCannotBeWrittenCostsOneMessageNamingKeyAndValueNotTheRun() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("a-file"), "in the way");
        Captured run = capture(() -> run(directory, Map.of("xdist.report.dir", notADirectory.toString())));

        run.results
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(7).failed(1).skipped(1));
        run.results.containerEvents().assertStatistics(stats -> stats.failed(0));
        List<String> messages = run.stderr
                .lines()
                .filter(line -> line.contains("could not write"))
                .toList();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).contains("xdist.report.dir=" + notADirectory);
        assertThat(run.stderr).contains("report: not written");
    }

    /** Runs the known fixtures on 2 workers with a duration history of the test's own. */
    static EngineExecutionResults run(Path directory, Map<String, String> parameters) {
        var kit = EngineTestKit.engine("xdist")
                .selectors(FIXTURES.stream()
                        .map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameter("xdist.workers", "2")
                .configurationParameter(
                        "xdist.durations.file", directory.resolve("durations").toString());
        parameters.forEach(kit::configurationParameter);
        return kit.execute();
    }

    private static void assertJsonAgreesWithEvents(List<Map<String, Object>> units, EngineExecutionResults results) {
        Map<String, Map<String, Long>> seen = new HashMap<>();
        for (Event event : results.testEvents().finished().list()) {
            String outcome = switch (event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .orElseThrow()
                    .getStatus()) {
                case SUCCESSFUL -> "passed";
                case FAILED -> "failed";
                case ABORTED -> "aborted";
            };
            seen.computeIfAbsent(unitOf(event), u -> new HashMap<>()).merge(outcome, 1L, Long::sum);
        }
        for (Event event : results.testEvents().skipped().list()) {
            seen.computeIfAbsent(unitOf(event), u -> new HashMap<>()).merge("skipped", 1L, Long::sum);
        }
        assertThat(units).extracting(unit -> unit.get("unit")).containsExactlyInAnyOrderElementsOf(seen.keySet());
        for (Map<String, Object> unit : units) {
            Map<String, Long> counts = seen.get((String) unit.get("unit"));
            long tests = counts.values().stream().mapToLong(Long::longValue).sum();
            assertThat(unit.get("tests")).as("tests of %s", unit.get("unit")).isEqualTo(tests);
            for (String outcome : List.of("passed", "failed", "aborted", "skipped")) {
                assertThat(unit.get(outcome))
                        .as("%s of %s", outcome, unit.get("unit"))
                        .isEqualTo(counts.getOrDefault(outcome, 0L));
            }
            assertThat(unit.get("worker")).asString().matches("gw[01]");
            assertThat(unit.get("serial")).isEqualTo(unit.get("unit").toString().contains("ReportSerialFixture"));
        }
        assertThat(units)
                .filteredOn(unit -> unit.get("unit").toString().contains("ReportFailingFixture"))
                .singleElement()
                .satisfies(unit -> {
                    assertThat(unit.get("outcome")).isEqualTo("failed");
                    assertThat(JsonReader.array(unit.get("failures"))).containsExactly("fails()");
                });
    }

    private static void assertOrdersAgreeWithUnits(List<Map<String, Object>> workers, List<Map<String, Object>> units) {
        for (Map<String, Object> worker : workers) {
            List<Object> expected = units.stream()
                    .filter(unit -> worker.get("name").equals(unit.get("worker")))
                    .sorted(java.util.Comparator.comparingLong(unit -> (Long) unit.get("startMillis")))
                    .map(unit -> unit.get("unit"))
                    .collect(Collectors.toList());
            assertThat(JsonReader.array(worker.get("order")))
                    .as("order of %s", worker.get("name"))
                    .isEqualTo(expected);
            assertThat(worker.get("units")).isEqualTo((long) expected.size());
        }
    }

    private static void assertSummaryAgreesWithJson(
            String stderr,
            Map<String, Object> figures,
            List<Map<String, Object>> workers,
            List<Map<String, Object>> units,
            Path html) {
        List<String> lines = stderr.lines().toList();
        int first = indexOf(lines, "junit-xdist: 2 workers ran ");
        List<String> summary = lines.subList(first, lines.size());
        assertThat(summary.get(0))
                .isEqualTo("junit-xdist: 2 workers ran 4 units, 9 tests in " + seconds(figures.get("wallMillis")));
        long wall = (Long) figures.get("wallMillis");
        for (Map<String, Object> worker : workers) {
            String row = summary.get(indexOf(summary, "  " + worker.get("name") + " "));
            List<String> cells = List.of(row.strip().split("\\s+"));
            long busy = (Long) worker.get("busyMillis");
            assertThat(cells.subList(0, 8))
                    .as(row)
                    .containsExactly(
                            worker.get("name").toString(),
                            worker.get("units").toString(),
                            worker.get("tests").toString(),
                            seconds(busy).split(" ")[0],
                            "s",
                            seconds(worker.get("idleMillis")).split(" ")[0],
                            "s",
                            Long.toString(Math.round(100.0 * busy / wall)));
        }
        Matcher figuresLine = Pattern.compile(
                        "  wall (\\S+ s), work (\\S+ s), lower bound (\\S+ s) \\((.+)\\), efficiency (\\d+) %")
                .matcher(summary.get(indexOf(summary, "  wall ")));
        assertThat(figuresLine.matches()).isTrue();
        assertThat(figuresLine.group(1)).isEqualTo(seconds(figures.get("wallMillis")));
        assertThat(figuresLine.group(2)).isEqualTo(seconds(figures.get("workMillis")));
        assertThat(figuresLine.group(3)).isEqualTo(seconds(figures.get("lowerBoundMillis")));
        double efficiency = Math.min(1.0, (double) (Long) figures.get("lowerBoundMillis") / wall);
        assertThat(((Number) figures.get("efficiency")).doubleValue()).isCloseTo(efficiency, within(0.0005));
        assertThat(figuresLine.group(5)).isEqualTo(Long.toString(Math.round(100 * efficiency)));
        long work = units.stream()
                .mapToLong(unit -> (Long) unit.get("durationMillis"))
                .sum();
        long longest = units.stream()
                .mapToLong(unit -> (Long) unit.get("durationMillis"))
                .max()
                .orElseThrow();
        long serial = units.stream()
                .filter(unit -> Boolean.TRUE.equals(unit.get("serial")))
                .mapToLong(unit -> (Long) unit.get("durationMillis"))
                .sum();
        assertThat(figures.get("workMillis")).isEqualTo(work);
        assertThat(figures.get("lowerBoundMillis")).isEqualTo(Math.max((work + 1) / 2, Math.max(longest, serial)));

        int longestAt = indexOf(summary, "  longest units ");
        List<String> longestLines = summary.subList(longestAt, longestAt + units.size());
        Map<String, String> durationByName = units.stream()
                .collect(Collectors.toMap(
                        unit -> unit.get("name").toString(), unit -> seconds(unit.get("durationMillis"))));
        List<String> named = new ArrayList<>();
        for (String line : longestLines) {
            Matcher entry = Pattern.compile("\\s+(?:longest units\\s+)?(\\S+ s)  (\\S+)")
                    .matcher(line);
            assertThat(entry.matches()).as(line).isTrue();
            assertThat(entry.group(1)).as(line).isEqualTo(durationByName.get(entry.group(2)));
            named.add(entry.group(2));
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(durationByName.keySet());
        assertThat(summary).anyMatch(line -> line.startsWith("  workers: xdist.workers=2"));
        assertThat(summary).contains("  report: " + html);
    }

    private static String unitOf(Event event) {
        MethodSource source =
                (MethodSource) event.getTestDescriptor().getSource().orElseThrow();
        return "[engine:xdist]/[class:" + source.getClassName() + "]";
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + String.join("\n", lines));
    }

    static String seconds(Object millis) {
        return String.format(Locale.ROOT, "%.2f s", ((Long) millis) / 1000.0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object array) {
        return (List<Map<String, Object>>) (List<?>) JsonReader.array(array);
    }

    record Captured(EngineExecutionResults results, String stderr) {}

    /** Runs with this JVM's stderr captured (and still shown). */
    static Captured capture(Supplier<EngineExecutionResults> run) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        original.write(b);
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        original.write(b, off, len);
                        bytes.write(b, off, len);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        System.setErr(both);
        try {
            return new Captured(run.get(), bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
