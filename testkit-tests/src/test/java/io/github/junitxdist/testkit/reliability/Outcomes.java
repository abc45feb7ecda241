package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Looks up what an {@code EngineTestKit} run reported for one test, and checks the run's exactly-once contract. */
final class Outcomes {

    private final EngineExecutionResults results;

    private Outcomes(EngineExecutionResults results) {
        this.results = results;
    }

    static Outcomes of(EngineExecutionResults results) {
        return new Outcomes(results);
    }

    /**
     * Every test that started finished exactly once, none started twice, and none was both skipped and started; also
     * every container that started finished.
     */
    Outcomes assertEveryTestReportedOnce() {
        for (EventType type : List.of(EventType.STARTED, EventType.FINISHED, EventType.SKIPPED)) {
            Map<UniqueId, Long> counts = results.allEvents().list().stream()
                    .filter(event -> event.getType() == type)
                    .collect(Collectors.groupingBy(
                            event -> event.getTestDescriptor().getUniqueId(), Collectors.counting()));
            assertThat(counts)
                    .as("%s events per node", type)
                    .allSatisfy((id, count) -> assertThat(count).isOne());
        }
        List<UniqueId> started = ids(EventType.STARTED);
        assertThat(ids(EventType.FINISHED)).as("nodes that finished").containsExactlyInAnyOrderElementsOf(started);
        assertThat(ids(EventType.SKIPPED))
                .as("nodes that were skipped and also started")
                .doesNotContainAnyElementsOf(started);
        assertEnclosed();
        return this;
    }

    /** Every start, skip and finish of a node comes while its parent runs (the engine root aside). */
    private void assertEnclosed() {
        List<Event> events = results.allEvents().list();
        Map<UniqueId, Integer> startedAt = new java.util.HashMap<>();
        Map<UniqueId, Integer> finishedAt = new java.util.HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            UniqueId id = events.get(i).getTestDescriptor().getUniqueId();
            if (events.get(i).getType() == EventType.STARTED) {
                startedAt.putIfAbsent(id, i);
            } else if (events.get(i).getType() == EventType.FINISHED) {
                finishedAt.putIfAbsent(id, i);
            }
        }
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            TestDescriptor parent = event.getTestDescriptor().getParent().orElse(null);
            boolean lifecycle = event.getType() == EventType.STARTED
                    || event.getType() == EventType.FINISHED
                    || event.getType() == EventType.SKIPPED;
            if (lifecycle && parent != null) {
                int index = i;
                assertThat(startedAt.getOrDefault(parent.getUniqueId(), Integer.MAX_VALUE))
                        .as("%s %s comes after its parent started", event.getType(), event.getTestDescriptor())
                        .isLessThan(index);
                assertThat(finishedAt.getOrDefault(parent.getUniqueId(), -1))
                        .as("%s %s comes before its parent finished", event.getType(), event.getTestDescriptor())
                        .isGreaterThan(index);
            }
        }
    }

    /** The result of test {@code method} of {@code testClass}; fails unless it finished exactly once. */
    TestExecutionResult result(Class<?> testClass, String method) {
        List<Event> finished = events(testClass, method, EventType.FINISHED);
        assertThat(finished)
                .as("finish events of %s#%s", testClass.getSimpleName(), method)
                .hasSize(1);
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }

    /** The message of the throwable test {@code method} failed with. */
    String failureMessage(Class<?> testClass, String method) {
        TestExecutionResult result = result(testClass, method);
        assertThat(result.getStatus())
                .as("status of %s#%s", testClass.getSimpleName(), method)
                .isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow().getMessage();
    }

    /** The values of report entry {@code key} that test {@code method} published. */
    List<String> reportEntries(Class<?> testClass, String method, String key) {
        return events(testClass, method, EventType.REPORTING_ENTRY_PUBLISHED).stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get(key))
                .toList();
    }

    /** The reason the class container of {@code testClass} was skipped with; fails unless it was skipped once. */
    String skipReason(Class<?> testClass) {
        List<Event> skipped = results.containerEvents().skipped().list().stream()
                .filter(event -> isClass(event.getTestDescriptor(), testClass))
                .toList();
        assertThat(skipped)
                .as("skip events of class %s", testClass.getSimpleName())
                .hasSize(1);
        return skipped.get(0).getPayload(String.class).orElse("<no reason>");
    }

    /** Number of tests of {@code testClass} that started. */
    long started(Class<?> testClass) {
        return results.testEvents().started().list().stream()
                .filter(event -> inClass(event.getTestDescriptor().getUniqueId(), testClass))
                .count();
    }

    private List<Event> events(Class<?> testClass, String method, EventType type) {
        return results.allEvents().list().stream()
                .filter(event -> event.getType() == type && isMethod(event.getTestDescriptor(), testClass, method))
                .toList();
    }

    private List<UniqueId> ids(EventType type) {
        return results.allEvents().list().stream()
                .filter(event -> event.getType() == type)
                .map(event -> event.getTestDescriptor().getUniqueId())
                .toList();
    }

    private static boolean isMethod(TestDescriptor descriptor, Class<?> testClass, String method) {
        UniqueId.Segment last = descriptor.getUniqueId().getLastSegment();
        return last.getType().equals("method")
                && last.getValue().startsWith(method + "(")
                && inClass(descriptor.getUniqueId(), testClass);
    }

    private static boolean isClass(TestDescriptor descriptor, Class<?> testClass) {
        UniqueId.Segment last = descriptor.getUniqueId().getLastSegment();
        return last.getType().equals("class") && last.getValue().equals(testClass.getName());
    }

    private static boolean inClass(UniqueId id, Class<?> testClass) {
        return id.getSegments().stream()
                .anyMatch(segment ->
                        segment.getType().equals("class") && segment.getValue().equals(testClass.getName()));
    }
}
