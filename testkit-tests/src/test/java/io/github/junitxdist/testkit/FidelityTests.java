package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.fidelity.DynamicFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.LifecycleFailuresFixture.AfterAllFailsFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.LifecycleFailuresFixture.BeforeAllFailsFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.NestedFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.OutcomesFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.ParameterizedClassFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.WorkerOnlyExceptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

/**
 * Proves that {@code xdist}, on two forked workers and in the calling JVM, reports the same events as plain Jupiter for
 * a suite with every outcome, throwables that cannot cross a process boundary as they are, nesting, dynamic tests,
 * class templates, failing class lifecycle methods, report and file entries, tags and display names.
 */
class FidelityTests {

    private static final DiscoverySelector[] FIXTURES = {
        selectClass(OutcomesFixture.class),
        selectClass(NestedFixture.class),
        selectClass(DynamicFixture.class),
        selectClass(ParameterizedClassFixture.class),
        selectClass(BeforeAllFailsFixture.class),
        selectClass(AfterAllFailsFixture.class),
    };

    /** One run per engine and worker count, shared by the tests below: each comparison looks at one aspect. */
    private static final Map<String, EventSnapshot> RUNS = new ConcurrentHashMap<>();

    @TempDir
    static Path reportingOutputDir;

    @Test
    void fixtureSuiteProducesEveryKindOfEventUnderJupiter() {
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(FIXTURES)
                .configurationParameter("junit.platform.reporting.output.dir", reportingOutputDir.toString())
                .outputDirectoryCreator(new TempOutputDirectories(reportingOutputDir))
                .execute();

        results.testEvents()
                .assertStatistics(stats -> stats.skipped(1)
                        .started(44)
                        .succeeded(30)
                        .failed(11)
                        .aborted(3)
                        .finished(44));
        results.containerEvents().assertStatistics(stats -> stats.failed(2));
        assertThat(results.allEvents().reportingEntryPublished().count()).isEqualTo(7);
        assertThat(results.allEvents().fileEntryPublished().count()).isEqualTo(1);
        assertThat(results.allEvents().dynamicallyRegistered().count()).isEqualTo(36);
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "0", "2:loadgroup", "2:worksteal"})
    void reportsTheSameEventsAsJupiter(String workers) {
        assertThat(xdist(workers).lines())
                .as("events of xdist (workers=%s) vs plain Jupiter, as multisets", workers)
                .containsExactlyInAnyOrderElementsOf(jupiter().lines());
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "0", "2:worksteal"})
    void reportsEachNodesEventsInJupitersOrder(String workers) {
        Map<String, List<String>> expected = jupiter().linesById();
        Map<String, List<String>> actual = xdist(workers).linesById();

        assertThat(actual.keySet()).as("nodes with events").isEqualTo(expected.keySet());
        expected.forEach((id, lines) ->
                assertThat(actual.get(id)).as("events of %s in order", id).isEqualTo(lines));
    }

    /**
     * Under {@code load} a class is cut into parts that run on several workers, and its class-level lifecycle runs once
     * per part: what {@code @BeforeAll} publishes comes once per part; every other event comes exactly as in Jupiter,
     * with each class started once and finished once, after its last part.
     */
    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2:load", "3:load"})
    void underLoadReportsTheSameEventsButClassLifecycleEntriesOncePerPart(String workers) {
        EventSnapshot load = xdist(workers);

        assertThat(withoutClassEntries(load.lines()))
                .containsExactlyInAnyOrderElementsOf(
                        withoutClassEntries(jupiter().lines()));
        assertThat(classEntries(load.lines()))
                .containsAll(classEntries(jupiter().lines()));
        assertThat(classEntries(load.lines()).size())
                .isGreaterThan(classEntries(jupiter().lines()).size());
    }

    private static List<String> classEntries(List<String> lines) {
        return lines.stream().filter(FidelityTests::isClassEntry).toList();
    }

    private static List<String> withoutClassEntries(List<String> lines) {
        return lines.stream().filter(line -> !isClassEntry(line)).toList();
    }

    private static boolean isClassEntry(String line) {
        return line.startsWith("REPORTING_ENTRY_PUBLISHED")
                && line.contains("] | entry=")
                && !line.contains("/[method:")
                && !line.contains("/[test-")
                && !line.contains("/[dynamic-");
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "0", "2:load", "3:load"})
    void startsEveryContainerBeforeItsChildrenAndFinishesItAfterThem(String workers) {
        assertThat(enclosureViolations(jupiter()))
                .as("the check itself holds for Jupiter")
                .isEmpty();
        assertThat(enclosureViolations(xdist(workers))).isEmpty();
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "0"})
    void rebuildsAWorkerOnlyExceptionWithItsNameMessageCauseAndStackTrace(String workers) {
        Throwable thrown = throwableOf(xdist(workers), "errorsWithExceptionClassOnlyInWorker");

        assertThat(thrown.toString())
                .isEqualTo(WorkerOnlyExceptions.CLASS_NAME + ": thrown from a class the parent cannot load");
        assertThat(thrown.getMessage()).isEqualTo("thrown from a class the parent cannot load");
        assertThat(thrown.getCause()).hasToString("java.lang.IllegalStateException: ordinary cause");
        assertThat(thrown.getStackTrace()).anySatisfy(frame -> {
            assertThat(frame.getClassName()).isEqualTo(OutcomesFixture.class.getName());
            assertThat(frame.getMethodName()).isEqualTo("errorsWithExceptionClassOnlyInWorker");
        });
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "0"})
    void keepsAssertionFailuresAssertionErrorsWithExpectedAndActual(String workers) {
        EventSnapshot run = xdist(workers);

        Throwable equalsFailure = throwableOf(run, "failsAssertEqualsOnNonSerializableValues");
        assertThat(equalsFailure).isInstanceOf(AssertionError.class);
        assertThat(equalsFailure).isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
            assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("Opaque[left]");
            assertThat(failure.getActual().getStringRepresentation()).isEqualTo("Opaque[right]");
        });
        Throwable plainAssertion = throwableOf(run, "failsWithPlainAssertionErrorWithNonSerializableField");
        assertThat(plainAssertion).isInstanceOf(AssertionError.class);
        assertThat(plainAssertion.toString())
                .isEqualTo(OutcomesFixture.class.getName()
                        + "$NonSerializableAssertionError: assertion that cannot be serialized");
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(strings = {"2", "0"})
    void publishesAFileEntryWhoseFileHoldsWhatTheTestWrote(String workers) throws IOException {
        List<FileEntry> entries = xdist(workers).events().stream()
                .filter(event -> event.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(event -> event.getRequiredPayload(FileEntry.class))
                .toList();

        assertThat(entries)
                .singleElement()
                .satisfies(entry -> assertThat(entry.getPath()).hasFileName("report.txt"));
        assertThat(Files.readString(entries.get(0).getPath())).isEqualTo("content");
    }

    private static EventSnapshot jupiter() {
        return RUNS.computeIfAbsent("jupiter", key -> run("junit-jupiter", Map.of()));
    }

    /** A run of xdist with the given worker count, or {@code workers:mode} for another {@code xdist.dist}. */
    private static EventSnapshot xdist(String workers) {
        String[] parts = workers.split(":");
        Map<String, String> parameters = parts.length == 1
                ? Map.of("xdist.workers", workers)
                : Map.of("xdist.workers", parts[0], "xdist.dist", parts[1]);
        return RUNS.computeIfAbsent("xdist-" + workers, key -> run("xdist", parameters));
    }

    private static EventSnapshot run(String engineId, Map<String, String> parameters) {
        return EventSnapshot.of(EngineTestKit.engine(engineId)
                .selectors(FIXTURES)
                .configurationParameters(parameters)
                .configurationParameter("junit.platform.reporting.output.dir", reportingOutputDir.toString())
                .outputDirectoryCreator(new TempOutputDirectories(reportingOutputDir))
                .execute());
    }

    private static Throwable throwableOf(EventSnapshot run, String methodName) {
        return run.events().stream()
                .filter(event -> event.getType() == EventType.FINISHED)
                .filter(event -> EventSnapshot.relativeId(event).endsWith("[method:" + methodName + "()]"))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finished event for " + methodName));
    }

    /**
     * Every event of a node lies between its parent's start and finish; a dynamic registration may also come before
     * the parent starts (Jupiter registers a class template invocation's subtree up front) but after the parent's own
     * registration and while some ancestor runs.
     */
    private static List<String> enclosureViolations(EventSnapshot run) {
        List<Event> events = run.events();
        Map<EventType, Map<String, Integer>> firstIndex = new EnumMap<>(EventType.class);
        for (int i = 0; i < events.size(); i++) {
            firstIndex
                    .computeIfAbsent(events.get(i).getType(), type -> new HashMap<>())
                    .putIfAbsent(EventSnapshot.relativeId(events.get(i)), i);
        }
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            TestDescriptor parent = event.getTestDescriptor().getParent().orElse(null);
            boolean enclosed = parent == null
                    || (event.getType() == EventType.DYNAMIC_TEST_REGISTERED
                            ? registeredAfter(firstIndex, parent, i) && runningAncestorAt(firstIndex, parent, i)
                            : runningAt(firstIndex, parent, i));
            if (!enclosed) {
                violations.add(i + ": " + run.lines().get(i) + " is outside its parent");
            }
        }
        return violations;
    }

    private static boolean registeredAfter(Map<EventType, Map<String, Integer>> index, TestDescriptor parent, int i) {
        Integer registered = index.getOrDefault(EventType.DYNAMIC_TEST_REGISTERED, Map.of())
                .get(EventSnapshot.relativeId(parent.getUniqueId()));
        return registered == null || registered < i;
    }

    private static boolean runningAncestorAt(
            Map<EventType, Map<String, Integer>> index, TestDescriptor ancestor, int i) {
        for (TestDescriptor node = ancestor;
                node != null;
                node = node.getParent().orElse(null)) {
            if (runningAt(index, node, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean runningAt(Map<EventType, Map<String, Integer>> index, TestDescriptor node, int i) {
        String id = EventSnapshot.relativeId(node.getUniqueId());
        Integer started = index.getOrDefault(EventType.STARTED, Map.of()).get(id);
        Integer finished = index.getOrDefault(EventType.FINISHED, Map.of()).get(id);
        return started != null && finished != null && started < i && i < finished;
    }

    /** Gives every test its own fresh directory below one temporary root, as the Launcher's default creator does. */
    private static final class TempOutputDirectories implements OutputDirectoryCreator {
        private final Path root;

        TempOutputDirectories(Path root) {
            this.root = root;
        }

        @Override
        public Path getRootDirectory() {
            return root;
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
            return Files.createTempDirectory(root, "test-");
        }
    }
}
