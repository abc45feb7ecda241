package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.identity.Rendezvous;
import io.github.junitxdist.testkit.fixtures.lockwait.LockWait;
import io.github.junitxdist.testkit.fixtures.lockwait.LockWaitFirstFixture;
import io.github.junitxdist.testkit.fixtures.lockwait.LockWaitSecondFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Lock waits with real workers: two classes write one resource key, on two workers. The one that runs first cannot end
 * before the other worker has asked for work and been told to wait (the engine logs that on the coordinator thread,
 * right after it recorded the wait, and a log handler of this test then leaves the file the fixture waits for), so the
 * second class always waited for the lock while a worker idled, and the report says so: in the JSON, the HTML
 * timeline and the summary. No timing is assumed beyond the report's resolution: between the wait and the second
 * class's start lie the rest of the first class (a test and the class's end) and its end crossing over from the worker,
 * more than the millisecond the report counts in (about 60 ms with warm workers). The fixtures' time limit only guards
 * against a hang.
 */
class LockWaitReportTests {

    @TempDir
    Path directory;

    @Test
    void theClassHeldBackByTheLockWhileAWorkerWaitedShowsItsWaitInTheJsonTheHtmlAndTheSummary() throws IOException {
        Path reports = directory.resolve("reports");
        ReportTests.Captured run = withWaitsSignalled(() -> EngineTestKit.engine("xdist")
                .selectors(selectClass(LockWaitFirstFixture.class), selectClass(LockWaitSecondFixture.class))
                .configurationParameter("xdist.workers", "2")
                .configurationParameter(
                        "xdist.durations.file", directory.resolve("durations").toString())
                .configurationParameter("xdist.report.dir", reports.toString())
                .execute());

        run.results().testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        Map<String, Object> json =
                JsonReader.object(JsonReader.parse(Files.readString(reports.resolve("xdist-report.json"))));
        List<Map<String, Object>> units = ReportTests.objects(json.get("units")).stream()
                .sorted(Comparator.comparing(unit -> (Long) unit.get("startMillis")))
                .toList();
        assertThat(units).hasSize(2);
        Map<String, Object> first = units.get(0);
        Map<String, Object> second = units.get(1);
        assertThat(first.get("lockWaitMillis")).as("the first holder's wait").isEqualTo(0L);
        long waited = (Long) second.get("lockWaitMillis");
        assertThat(waited).as("the second holder's wait").isPositive().isLessThanOrEqualTo((Long)
                second.get("startMillis"));
        assertThat((Long) second.get("startMillis"))
                .as("the second holder starts when the first has ended")
                .isGreaterThanOrEqualTo((Long) first.get("endMillis"));
        assertThat(JsonReader.object(json.get("run"))).containsEntry("lockWaitMillis", waited);

        assertThat(Files.readString(reports.resolve("xdist-report.html")))
                .contains("<div class=\"wait\"")
                .contains("title=\"waited " + seconds(waited) + " for a lock\"");
        assertThat(run.stderr()).containsPattern("(?m)^  wall .*, lock waits " + Pattern.quote(seconds(waited)) + "$");
    }

    /**
     * Runs with the engine's log at {@code FINE} and a handler that leaves {@link LockWait#WAITED} in the shared
     * directory when a worker waits for work; the workers find the directory through a forwarded system property.
     */
    private ReportTests.Captured withWaitsSignalled(Supplier<EngineExecutionResults> execution) {
        Logger logger = Logger.getLogger("io.github.junitxdist");
        Level level = logger.getLevel();
        Handler signal = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains(" waits for work: ")) {
                    try {
                        Files.writeString(directory.resolve(LockWait.WAITED), message);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        System.setProperty(Rendezvous.DIRECTORY_PROPERTY, directory.toString());
        logger.setLevel(Level.FINE);
        logger.addHandler(signal);
        try {
            return ReportTests.capture(execution);
        } finally {
            logger.removeHandler(signal);
            logger.setLevel(level);
            System.clearProperty(Rendezvous.DIRECTORY_PROPERTY);
        }
    }

    /** As the report shows a duration: {@code 0.42 s}. */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
