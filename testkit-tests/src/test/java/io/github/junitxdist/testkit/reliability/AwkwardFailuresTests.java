package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import io.github.junitxdist.testkit.fixtures.awkward.AwkwardLifecycleFixture;
import io.github.junitxdist.testkit.fixtures.awkward.AwkwardTestsFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Whatever a suite throws, and from wherever it throws it, every node ends as it does under plain Jupiter: a fixture
 * suite throws throwables of every awkward shape (a cause chain 5,000 deep, cycles, a 9-million-character message,
 * 70,000 frames, unserializable, a class only the worker has, methods that throw) from tests, parameterized and
 * dynamic tests, every lifecycle method and a class template. The set of (node, outcome) pairs and the launcher's
 * summary counts must equal plain Jupiter's.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class AwkwardFailuresTests {

    private static final DiscoverySelector[] FIXTURES = {
        selectClass(AwkwardTestsFixture.class),
        selectClass(AwkwardLifecycleFixture.BeforeAllFixture.class),
        selectClass(AwkwardLifecycleFixture.AfterAllFixture.class),
        selectClass(AwkwardLifecycleFixture.BeforeEachFixture.class),
        selectClass(AwkwardLifecycleFixture.AfterEachFixture.class),
        selectClass(AwkwardLifecycleFixture.TemplateFixture.class),
    };

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "1", "0"})
    void everyNodeEndsAsUnderJupiter(String workers) {
        EngineExecutionResults xdist = EngineTestKit.engine("xdist")
                .selectors(FIXTURES)
                .configurationParameter("xdist.workers", workers)
                .execute();
        EngineExecutionResults jupiter =
                EngineTestKit.engine("junit-jupiter").selectors(FIXTURES).execute();

        Outcomes.of(xdist).assertEveryTestReportedOnce();
        assertThat(outcomes(xdist, "xdist")).isEqualTo(outcomes(jupiter, "junit-jupiter"));
        assertThat(jupiter.testEvents().failed().count())
                .as("failed tests in the fixture suite")
                .isGreaterThan(25);
    }

    @Test
    void aCutCauseChainSaysWhereItWasCut() {
        EngineExecutionResults xdist = EngineTestKit.engine("xdist")
                .selectors(FIXTURES)
                .configurationParameter("xdist.workers", "1")
                .execute();

        Throwable failure = xdist.testEvents().failed().list().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals("throwsADeepCauseChain()"))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow();
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        assertThat(failure).hasMessage("level 5000");
        assertThat(deepest.getMessage())
                .startsWith("[junit-xdist: cut here, ")
                .contains("more throwable(s) in this cause chain not shown] level ");
    }

    @Test
    void theLaunchersSummaryCountsEqualJupiters() {
        TestExecutionSummary xdist = summary("xdist");
        TestExecutionSummary jupiter = summary("junit-jupiter");

        assertThat(counts(xdist)).isEqualTo(counts(jupiter));
        assertThat(xdist.getTotalFailureCount()).isEqualTo(jupiter.getTotalFailureCount());
    }

    /** Each node's outcome events (start aside), by its unique id under the engine segment. */
    private static Map<String, List<String>> outcomes(EngineExecutionResults results, String engineId) {
        Map<String, List<String>> outcomes = new TreeMap<>();
        for (Event event : results.allEvents().list()) {
            String outcome = switch (event.getType()) {
                case FINISHED ->
                    "finished "
                            + event.getRequiredPayload(TestExecutionResult.class)
                                    .getStatus();
                case SKIPPED -> "skipped";
                default -> null;
            };
            if (outcome != null && event.getTestDescriptor().getParent().isPresent()) {
                String id = event.getTestDescriptor()
                        .getUniqueId()
                        .toString()
                        .replace("[engine:" + engineId + "]", "[engine]");
                outcomes.computeIfAbsent(id, key -> new ArrayList<>()).add(outcome);
            }
        }
        return outcomes;
    }

    private static TestExecutionSummary summary(String engineId) {
        var listener = new SummaryGeneratingListener();
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(FIXTURES)
                .filters(includeEngines(engineId))
                .configurationParameter("xdist.workers", "2")
                .build();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static Map<String, Long> counts(TestExecutionSummary summary) {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("tests found", summary.getTestsFoundCount());
        counts.put("tests started", summary.getTestsStartedCount());
        counts.put("tests succeeded", summary.getTestsSucceededCount());
        counts.put("tests failed", summary.getTestsFailedCount());
        counts.put("tests aborted", summary.getTestsAbortedCount());
        counts.put("tests skipped", summary.getTestsSkippedCount());
        counts.put("containers found", summary.getContainersFoundCount());
        counts.put("containers started", summary.getContainersStartedCount());
        counts.put("containers succeeded", summary.getContainersSucceededCount());
        counts.put("containers failed", summary.getContainersFailedCount());
        counts.put("containers skipped", summary.getContainersSkippedCount());
        return counts;
    }
}
