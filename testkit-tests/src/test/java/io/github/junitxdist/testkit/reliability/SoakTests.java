package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.crash.OrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.crash.OtherOrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.reliability.ExitThreeFixture;
import io.github.junitxdist.testkit.fixtures.reliability.MostTestsOneFailingFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The same suite, with a worker crash and an ordinary failure in it, gives the same results in 30 runs in a row on four
 * workers: the same tests and containers finish or are skipped, with the same statuses and the same first line of
 * every message (worker names and pids aside), whichever worker happens to take which class.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class SoakTests {

    private static final int RUNS = 30;

    /** Tests in the suite: ExitThreeFixture 5, OrdinaryFixture 2, OtherOrdinaryFixture 1, MostTestsOneFailing 4. */
    private static final int TESTS = 12;

    @Test
    void reportsTheSameResultsInThirtyRunsOnFourWorkers() {
        long start = System.nanoTime();
        List<String> first = outcomes(run());
        assertThat(first)
                .as("finished tests of the first run")
                .filteredOn(line -> line.contains("[method:"))
                .hasSize(TESTS);
        assertThat(first)
                .as("the crashed test in the first run")
                .anyMatch(line -> line.contains("[method:crashes()] FAILED junit-xdist worker gw# died (exit code 3"));

        for (int run = 2; run <= RUNS; run++) {
            EngineExecutionResults results = run();
            assertThat(outcomes(results))
                    .as(
                            "outcomes of run %d of %d, compared to run 1; its failures in full:%n%s",
                            run, RUNS, failures(results))
                    .containsExactlyElementsOf(first);
        }
        System.out.printf(
                "%d runs of %d tests on 4 workers took %d s%n",
                RUNS, TESTS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    private static EngineExecutionResults run() {
        return EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(ExitThreeFixture.class),
                        selectClass(OrdinaryFixture.class),
                        selectClass(OtherOrdinaryFixture.class),
                        selectClass(MostTestsOneFailingFixture.class))
                .configurationParameter("xdist.workers", "4")
                .execute();
    }

    /** One sorted line per finish or skip: {@code <id> <status or SKIPPED> <first message line, normalised>}. */
    private static List<String> outcomes(EngineExecutionResults results) {
        return results.allEvents().list().stream()
                .flatMap(SoakTests::describe)
                .sorted()
                .toList();
    }

    /** Every failure of a run with its whole message, for the reader of a failed comparison. */
    private static String failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getUniqueId() + "\n    "
                        + event.getRequiredPayload(TestExecutionResult.class)
                                .getThrowable()
                                .map(Throwable::getMessage)
                                .orElse("<no throwable>")
                                .replace("\n", "\n    "))
                .collect(Collectors.joining("\n"));
    }

    private static Stream<String> describe(Event event) {
        String id = event.getTestDescriptor().getUniqueId().toString();
        if (event.getType() == EventType.SKIPPED) {
            return Stream.of(
                    id + " SKIPPED " + normalise(event.getPayload(String.class).orElse("")));
        }
        if (event.getType() != EventType.FINISHED) {
            return Stream.empty();
        }
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        return Stream.of(id + " " + result.getStatus() + " " + normalise(message));
    }

    private static String normalise(String message) {
        String firstLine =
                message == null ? "<null>" : message.lines().findFirst().orElse("");
        return firstLine.replaceAll("gw\\d+", "gw#").replaceAll("(?i)(pid\\D{0,3})\\d+", "$1#");
    }
}
