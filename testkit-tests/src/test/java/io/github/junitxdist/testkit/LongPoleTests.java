package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.split.LongPoleFixture;
import io.github.junitxdist.testkit.fixtures.split.OnceForAllFixture;
import io.github.junitxdist.testkit.fixtures.split.OrderedFixture;
import io.github.junitxdist.testkit.fixtures.split.SharedInstanceFixture;
import io.github.junitxdist.testkit.fixtures.split.ShortFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Under {@code loadscope} a class that the history says outlasts the run's work divided by the workers is cut into
 * parts that run on several workers at once, and reported as one class; the next run, which knows only its parts, cuts
 * it again. Classes that order their tests or share an instance between them stay whole, and so does everything with
 * {@code xdist.split=false}.
 */
class LongPoleTests {

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n";

    @TempDir
    Path directory;

    @Test
    void aClassThatWouldBeTheLongPoleRunsOnTwoWorkersAndIsCutAgainInTheNextRun() throws Exception {
        Files.writeString(
                history(), HEADER + "60000\t" + id(LongPoleFixture.class) + "\n10\t" + id(ShortFixture.class) + "\n");

        for (String run : new String[] {"first", "second"}) {
            Run result = run(Map.of(), LongPoleFixture.class, ShortFixture.class);

            assertThat(result.where().keySet())
                    .as("tests that ran in the %s run, each once", run)
                    .containsExactlyInAnyOrder(
                            "LongPoleFixture#first",
                            "LongPoleFixture#second",
                            "Inner#third",
                            "Inner#fourth",
                            "ShortFixture#only");
            assertThat(jvms(result, "LongPoleFixture#", "Inner#"))
                    .as("JVMs that ran LongPoleFixture's tests in the %s run", run)
                    .hasSize(2)
                    .allSatisfy(jvm -> assertThat(jvm).matches("\\d+ gw\\d"));
            assertThat(result.stderr()).contains("long pole cut into parts: LongPoleFixture");
            assertThat(startsAndEnds(result.results(), LongPoleFixture.class))
                    .as("LongPoleFixture reported started and finished once, successful")
                    .isEqualTo("1 started, 1 finished, SUCCESSFUL");
            // The first run recorded the parts, not the whole class; the second run knows it only by its parts,
            // which took a minute together.
            assertThat(Files.readString(history()))
                    .contains(id(LongPoleFixture.class) + "[1/2]")
                    .contains(id(LongPoleFixture.class) + "[2/2]");
            Files.writeString(
                    history(),
                    HEADER + "30000\t" + id(LongPoleFixture.class) + "[1/2]\n30000\t" + id(LongPoleFixture.class)
                            + "[2/2]\n10\t" + id(ShortFixture.class) + "\n");
        }
    }

    @Test
    void classesThatOrderTheirTestsShareAnInstanceOrSetUpOnceStayWhole() throws Exception {
        Files.writeString(
                history(),
                HEADER + "60000\t" + id(OrderedFixture.class) + "\n60000\t" + id(SharedInstanceFixture.class)
                        + "\n60000\t" + id(OnceForAllFixture.class) + "\n10\t" + id(ShortFixture.class) + "\n");

        Run result = run(
                Map.of(),
                OrderedFixture.class,
                SharedInstanceFixture.class,
                OnceForAllFixture.class,
                ShortFixture.class);

        assertThat(result.where())
                .as("9 tests and one @BeforeAll, each reported once")
                .hasSize(10);
        assertThat(jvms(result, "OrderedFixture#"))
                .as("JVMs that ran OrderedFixture")
                .hasSize(1);
        assertThat(jvms(result, "SharedInstanceFixture#", "Shared#"))
                .as("JVMs that ran SharedInstanceFixture")
                .hasSize(1);
        assertThat(jvms(result, "OnceForAllFixture#first", "OnceForAllFixture#second"))
                .as("JVMs that ran OnceForAllFixture")
                .hasSize(1);
        assertThat(result.stderr()).doesNotContain("long pole");
    }

    @Test
    void nothingIsCutWithSplitFalse() throws Exception {
        Files.writeString(
                history(), HEADER + "60000\t" + id(LongPoleFixture.class) + "\n10\t" + id(ShortFixture.class) + "\n");

        Run result = run(Map.of("xdist.split", "false"), LongPoleFixture.class, ShortFixture.class);

        assertThat(result.where()).hasSize(5);
        assertThat(jvms(result, "LongPoleFixture#", "Inner#"))
                .as("JVMs that ran LongPoleFixture")
                .hasSize(1);
        assertThat(result.stderr()).doesNotContain("long pole");
    }

    private Path history() {
        return directory.resolve("durations");
    }

    private static String id(Class<?> type) {
        return "[engine:xdist]/[class:" + type.getName() + "]";
    }

    private static Set<String> jvms(Run result, String... prefixes) {
        return result.where().entrySet().stream()
                .filter(entry -> Set.of(prefixes).stream().anyMatch(entry.getKey()::startsWith))
                .map(Map.Entry::getValue)
                .collect(Collectors.toSet());
    }

    private static String startsAndEnds(EngineExecutionResults results, Class<?> type) {
        List<Event> events = results.containerEvents().list().stream()
                .filter(event ->
                        event.getTestDescriptor().getUniqueId().toString().equals(id(type)))
                .toList();
        long started = events.stream()
                .filter(event -> event.getType() == EventType.STARTED)
                .count();
        List<Event> finished = events.stream()
                .filter(event -> event.getType() == EventType.FINISHED)
                .toList();
        return started + " started, " + finished.size() + " finished, "
                + finished.stream()
                        .map(event -> event.getRequiredPayload(TestExecutionResult.class)
                                .getStatus()
                                .toString())
                        .collect(Collectors.joining(","));
    }

    /** Where each test ran ("pid worker"), the raw results and what the engine wrote to stderr. */
    private record Run(Map<String, String> where, EngineExecutionResults results, String stderr) {}

    private Run run(Map<String, String> parameters, Class<?>... classes) {
        var stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        EngineExecutionResults results;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            var engine = EngineTestKit.engine("xdist")
                    .configurationParameter("xdist.durations.file", history().toString())
                    .configurationParameter("xdist.workers", "2")
                    .configurationParameters(parameters);
            for (Class<?> type : classes) {
                engine.selectors(selectClass(type));
            }
            results = engine.execute();
        } finally {
            System.setErr(original);
        }
        results.testEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
        Map<String, String> where = new LinkedHashMap<>();
        for (Event event : results.allEvents().reportingEntryPublished().list()) {
            event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().forEach((test, jvm) -> {
                assertThat(where.put(test, jvm)).as("%s ran twice", test).isNull();
            });
        }
        return new Run(where, results, stderr.toString(StandardCharsets.UTF_8));
    }
}
