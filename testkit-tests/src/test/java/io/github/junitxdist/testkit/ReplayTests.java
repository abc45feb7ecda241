package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.junitxdist.testkit.fixtures.report.BystanderFixture;
import io.github.junitxdist.testkit.fixtures.report.PartSerialFixture;
import io.github.junitxdist.testkit.fixtures.report.PollutedFixture;
import io.github.junitxdist.testkit.fixtures.report.PollutingFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code xdist.replay=<report file>[#gwN]} runs exactly the units one worker of the recorded run executed, in its
 * order, on one fresh worker; bad values fail the run with one message naming the key and the value.
 */
class ReplayTests {

    private static final String POLLUTED = "[engine:xdist]/[class:" + PollutedFixture.class.getName() + "]";

    @TempDir
    Path directory;

    @Test
    void aReplayedOrderInWhichAPolluterRanFirstFailsTheSameWay() throws IOException {
        Path recorded = directory.resolve("recorded");
        EngineExecutionResults run = run(
                Map.of("xdist.workers", "1", "xdist.report.dir", recorded.toString()),
                selectClass(PollutedFixture.class),
                selectClass(BystanderFixture.class),
                selectClass(PollutingFixture.class));
        String failure = onlyFailure(run);
        List<Object> order = order(recorded, "gw0");
        assertThat(order)
                .as("no history: costliest first")
                .containsExactly(
                        "[engine:xdist]/[class:" + PollutingFixture.class.getName() + "]",
                        "[engine:xdist]/[class:" + BystanderFixture.class.getName() + "]",
                        POLLUTED);

        Path replayed = directory.resolve("replayed");
        ReportTests.Captured replay = ReportTests.capture(() -> run(
                Map.of(
                        "xdist.replay", recorded.resolve("xdist-report.json").toString(),
                        "xdist.report.dir", replayed.toString()),
                selectClass(PollutedFixture.class),
                selectClass(BystanderFixture.class),
                selectClass(PollutingFixture.class)));

        assertThat(onlyFailure(replay.results())).isEqualTo(failure);
        assertThat(order(replayed, "gw0")).isEqualTo(order);
        assertThat(replay.stderr())
                .contains("junit-xdist: replaying the order of gw0 from " + recorded.resolve("xdist-report.json"));
    }

    @Test
    void aReplayRunsOnAFreshWorkerNotOnOneAnEarlierRunLeftPolluted() throws IOException {
        Path recorded = directory.resolve("recorded");
        run(
                Map.of("xdist.workers", "1", "xdist.report.dir", recorded.toString()),
                selectClass(PollutedFixture.class),
                selectClass(BystanderFixture.class),
                selectClass(PollutingFixture.class));
        Path report = recorded.resolve("xdist-report.json");
        String json = Files.readString(report);
        String recordedOrder = order(recorded, "gw0").stream()
                .map(unit -> "\"" + unit + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "\"order\": [", "]"));
        String victimAlone = json.replace(recordedOrder, "\"order\": [\"" + POLLUTED + "\"]");
        assertThat(victimAlone).isNotEqualTo(json);
        Files.writeString(report, victimAlone);

        EngineExecutionResults replay = run(
                Map.of("xdist.workers", "1", "xdist.replay", report + "#gw0"),
                selectClass(PollutedFixture.class),
                selectClass(BystanderFixture.class),
                selectClass(PollutingFixture.class));

        replay.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void replayingOneWorkerOfAParallelRunRunsItsUnitsInItsOrderAndSkipsTheOthers() throws IOException {
        Path recorded = directory.resolve("recorded");
        ReportTests.run(directory, Map.of("xdist.report.dir", recorded.toString()));
        List<Object> gw1 = order(recorded, "gw1");
        assertThat(gw1).isNotEmpty();

        Path replayed = directory.resolve("replayed");
        EngineExecutionResults replay = ReportTests.run(
                directory.resolve("again"),
                Map.of(
                        "xdist.replay",
                        recorded.resolve("xdist-report.json") + "#gw1",
                        "xdist.report.dir",
                        replayed.toString()));

        assertThat(order(replayed, "gw0")).isEqualTo(gw1);
        List<String> skippedClasses = replay.containerEvents().skipped().stream()
                .map(event -> "[engine:xdist]/[class:"
                        + ((ClassSource) event.getTestDescriptor().getSource().orElseThrow()).getClassName() + "]")
                .toList();
        List<String> others = ReportTests.FIXTURES.stream()
                .map(fixture -> "[engine:xdist]/[class:" + fixture.getName() + "]")
                .filter(unit -> !gw1.contains(unit))
                .toList();
        assertThat(skippedClasses).containsExactlyInAnyOrderElementsOf(others);
        assertThat(replay.testEvents().started().stream()
                        .map(event -> event.getTestDescriptor().getUniqueId().toString())
                        .filter(id -> others.stream().anyMatch(id::startsWith)))
                .isEmpty();
    }

    @Test
    void aMissingFileFailsTheRunWithOneMessageNamingKeyAndValue() {
        String value = directory.resolve("no-such-report.json").toString();
        assertRefused(value, "no such file");
    }

    @Test
    void aFileThatIsNotAJunitXdistReportFailsTheRunWithOneMessageNamingKeyAndValue() throws IOException {
        String foreign = Files.writeString(directory.resolve("foreign.json"), "{\"format\": \"something-else\"}")
                .toString();
        String garbage = Files.writeString(directory.resolve("garbage.json"), "<html>not json</html>")
                .toString();
        assertRefused(foreign, "not a junit-xdist report");
        assertRefused(garbage, "not a readable junit-xdist report");
    }

    @Test
    void anUnknownWorkerFailsTheRunWithOneMessageNamingKeyAndValueAndTheWorkersThereAre() {
        Path recorded = directory.resolve("recorded");
        ReportTests.run(directory, Map.of("xdist.report.dir", recorded.toString()));

        assertRefused(
                recorded.resolve("xdist-report.json") + "#gw7", "the report has no worker 'gw7', only [gw0, gw1]");
    }

    @Test
    void anOrderHoldingOnlySomeOfAClasssSelectedTestsFailsTheRunRatherThanLeaveTheOthersUnreported()
            throws IOException {
        Path recorded = directory.resolve("recorded");
        run(
                Map.of("xdist.workers", "1", "xdist.dist", "load", "xdist.report.dir", recorded.toString()),
                selectMethod(PartSerialFixture.class, "migrates"));
        String value = recorded.resolve("xdist-report.json").toString();

        EngineExecutionResults results =
                run(Map.of("xdist.replay", value, "xdist.dist", "load"), selectClass(PartSerialFixture.class));

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the run did not fail for xdist.replay=" + value));
        assertThat(failure.getMessage())
                .contains("'" + value + "'")
                .contains("xdist.replay")
                .contains("holds only some of the selected tests of " + PartSerialFixture.class.getSimpleName());
    }

    private void assertRefused(String value, String why) {
        EngineExecutionResults results = run(
                Map.of("xdist.replay", value), selectClass(PollutedFixture.class), selectClass(BystanderFixture.class));

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the run did not fail for xdist.replay=" + value));
        assertThat(failure.getMessage())
                .contains("'" + value + "'")
                .contains("xdist.replay")
                .contains(why)
                .contains("expected <report file>[#gwN]");
    }

    private EngineExecutionResults run(Map<String, String> parameters, DiscoverySelector... selectors) {
        var kit = EngineTestKit.engine("xdist")
                .selectors(selectors)
                .configurationParameter(
                        "xdist.durations.file", directory.resolve("durations").toString());
        parameters.forEach(kit::configurationParameter);
        return kit.execute();
    }

    /** The message of the one failed test, which must be the polluted one. */
    private static String onlyFailure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getTestDescriptor().getUniqueId().toString()).startsWith(POLLUTED);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    private static List<Object> order(Path reports, String worker) throws IOException {
        Map<String, Object> json =
                JsonReader.object(JsonReader.parse(Files.readString(reports.resolve("xdist-report.json"))));
        return ReportTests.objects(json.get("workers")).stream()
                .filter(entry -> worker.equals(entry.get("name")))
                .map(entry -> JsonReader.array(entry.get("order")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker " + worker + " in " + json));
    }
}
