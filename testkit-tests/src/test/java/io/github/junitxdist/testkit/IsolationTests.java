package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.isolation.FirstBystanderFixture;
import io.github.junitxdist.testkit.fixtures.isolation.IsolationState;
import io.github.junitxdist.testkit.fixtures.isolation.PolluterFixture;
import io.github.junitxdist.testkit.fixtures.isolation.SecondBystanderFixture;
import io.github.junitxdist.testkit.fixtures.isolation.ThirdBystanderFixture;
import io.github.junitxdist.testkit.fixtures.isolation.VictimFixture;
import io.github.junitxdist.testkit.fixtures.report.ReportFailingFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code xdist.isolate=failures} runs each test that failed in the forked run again alone on a fresh worker after the
 * run, and for one that passes alone bisects its worker's order for the class that makes it fail, within {@code
 * xdist.isolate.maxRuns} JVM runs; the launcher hears nothing of it. One worker, no duration history: the fixtures run
 * in the order of their numbers of tests (see {@link IsolationState}), so the victim's worker ran four units before it,
 * the polluter second.
 */
class IsolationTests {

    private static final String VICTIM = id(VictimFixture.class) + "/[method:needsCleanState()]";
    private static final List<String> BEFORE_VICTIM = List.of(
            id(FirstBystanderFixture.class),
            id(PolluterFixture.class),
            id(SecondBystanderFixture.class),
            id(ThirdBystanderFixture.class));

    @TempDir
    Path directory;

    @Test
    void aTestThatPassesAloneIsReportedWithThePolluterTheBisectionFound() throws IOException {
        Path log = directory.resolve("victim-runs");
        ReportTests.Captured run = ReportTests.capture(() ->
                run(Map.of("xdist.isolate", "failures", IsolationState.RUN_LOG, log.toString()), pollutedSuite()));

        Map<String, Object> check = onlyCheck();
        assertThat(check)
                .containsEntry("test", VICTIM)
                .containsEntry("worker", "gw0")
                .containsEntry("verdict", "passes alone")
                .containsEntry("polluter", id(PolluterFixture.class))
                .containsEntry("runs", 4L)
                .containsEntry("failingPrefix", 2L)
                .containsEntry("passingPrefix", 1L);
        assertThat(JsonReader.array(check.get("before"))).containsExactlyElementsOf(BEFORE_VICTIM);
        assertThat(JsonReader.array(check.get("suspects"))).containsExactly(id(PolluterFixture.class));
        // alone, after all four, after the first two, after the first one
        assertThat(Files.readAllLines(log))
                .as("JVMs the victim ran in: the run's and one per trial")
                .hasSize(1 + 4);
        assertThat(run.stderr())
                .contains("  alone (xdist.isolate=failures): each failed test run again on a fresh worker\n"
                        + "    VictimFixture > needsCleanState(): passes alone: depends on what ran before it on gw0;"
                        + " fails again after the first 2 of the 4 units gw0 ran before it (FirstBystanderFixture,"
                        + " PolluterFixture), so the polluter is PolluterFixture (4 runs)\n");
        assertThat(Files.readString(directory.resolve("reports/xdist-report.html")))
                .contains("<h2>Failed tests run alone</h2>")
                .contains("so the polluter is PolluterFixture");
    }

    @Test
    void theLauncherHearsExactlyWhatItHearsWithoutTheCheck() {
        EngineExecutionResults plain = run(Map.of(), pollutedSuite());
        Path again = directory.resolve("again");
        EngineExecutionResults isolated =
                run(Map.of("xdist.isolate", "failures", "xdist.durations.file", again.toString()), pollutedSuite());

        plain.testEvents()
                .assertStatistics(stats -> stats.started(15).succeeded(14).failed(1));
        assertThat(EventSnapshot.of(isolated).lines())
                .isEqualTo(EventSnapshot.of(plain).lines());
    }

    @Test
    void aTestThatFailsAnywayFailsAloneTooInOneRun() throws IOException {
        ReportTests.Captured run = ReportTests.capture(
                () -> run(Map.of("xdist.isolate", "failures"), selectClass(ReportFailingFixture.class)));

        Map<String, Object> check = onlyCheck();
        assertThat(check)
                .containsEntry("test", id(ReportFailingFixture.class) + "/[method:fails()]")
                .containsEntry("verdict", "fails alone")
                .containsEntry("runs", 1L)
                .containsEntry("polluter", null);
        assertThat(run.stderr()).contains("    ReportFailingFixture > fails(): fails alone too (1 run)\n");
        run.results()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    }

    @Test
    void theBisectionStopsAtMaxRunsAndNamesTheSuspectsLeft() throws IOException {
        Path log = directory.resolve("victim-runs");
        ReportTests.Captured run = ReportTests.capture(() -> run(
                Map.of(
                        "xdist.isolate",
                        "failures",
                        "xdist.isolate.maxRuns",
                        "3",
                        IsolationState.RUN_LOG,
                        log.toString()),
                pollutedSuite()));

        Map<String, Object> check = onlyCheck();
        assertThat(check)
                .containsEntry("verdict", "passes alone")
                .containsEntry("runs", 3L)
                .containsEntry("failingPrefix", 2L)
                .containsEntry("passingPrefix", 0L)
                .containsEntry("polluter", null);
        assertThat(JsonReader.array(check.get("suspects")))
                .containsExactly(id(FirstBystanderFixture.class), id(PolluterFixture.class));
        assertThat(Files.readAllLines(log)).as("JVMs the victim ran in").hasSize(1 + 3);
        assertThat(run.stderr())
                .contains("fails again after the first 2 of the 4 units gw0 ran before it (FirstBystanderFixture,"
                        + " PolluterFixture); the polluter is one of FirstBystanderFixture, PolluterFixture"
                        + " (xdist.isolate.maxRuns=3 reached) (3 runs)");
    }

    @Test
    void withOneRunTheCheckOnlySaysThatTheTestPassesAlone() throws IOException {
        Path log = directory.resolve("victim-runs");
        ReportTests.Captured run = ReportTests.capture(() -> run(
                Map.of(
                        "xdist.isolate",
                        "failures",
                        "xdist.isolate.maxRuns",
                        "1",
                        IsolationState.RUN_LOG,
                        log.toString()),
                pollutedSuite()));

        assertThat(onlyCheck()).containsEntry("verdict", "passes alone").containsEntry("runs", 1L);
        assertThat(Files.readAllLines(log)).hasSize(1 + 1);
        assertThat(run.stderr())
                .contains("passes alone; xdist.isolate.maxRuns=1 left no run to try the 4 units gw0 ran before it");
    }

    @Test
    void offByDefaultTheVictimRunsOnceAndTheReportHasNoChecks() throws IOException {
        Path log = directory.resolve("victim-runs");
        run(Map.of(IsolationState.RUN_LOG, log.toString()), pollutedSuite());

        assertThat(Files.readAllLines(log)).hasSize(1);
        assertThat(JsonReader.array(report().get("isolation"))).isEmpty();
    }

    private EngineExecutionResults run(Map<String, String> parameters, DiscoverySelector... selectors) {
        Map<String, String> all = new HashMap<>(Map.of(
                "xdist.workers", "1",
                "xdist.durations.file", directory.resolve("durations").toString(),
                "xdist.report.dir", directory.resolve("reports").toString()));
        all.putAll(parameters);
        var kit = EngineTestKit.engine("xdist").selectors(selectors);
        all.forEach(kit::configurationParameter);
        return kit.execute();
    }

    private static DiscoverySelector[] pollutedSuite() {
        return new DiscoverySelector[] {
            selectClass(VictimFixture.class),
            selectClass(ThirdBystanderFixture.class),
            selectClass(SecondBystanderFixture.class),
            selectClass(PolluterFixture.class),
            selectClass(FirstBystanderFixture.class)
        };
    }

    private Map<String, Object> report() throws IOException {
        return JsonReader.object(
                JsonReader.parse(Files.readString(directory.resolve("reports").resolve("xdist-report.json"))));
    }

    private Map<String, Object> onlyCheck() throws IOException {
        List<Map<String, Object>> checks = ReportTests.objects(report().get("isolation"));
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    private static String id(Class<?> fixture) {
        return "[engine:xdist]/[class:" + fixture.getName() + "]";
    }
}
