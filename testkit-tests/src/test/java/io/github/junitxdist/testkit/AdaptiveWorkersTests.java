package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.adaptive.WhereAFixture;
import io.github.junitxdist.testkit.fixtures.adaptive.WhereBFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Under {@code xdist.workers=auto} (the default) each run decides how many workers it uses, none included: one
 * selected class runs in the calling JVM, and so does a suite whose history says it is shorter than starting workers
 * costs; a suite whose history says it is long runs on workers. An explicit number keeps its meaning. Running in the
 * calling JVM is said in one line on stderr.
 */
class AdaptiveWorkersTests {

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n";
    private static final String A = "[engine:xdist]/[class:" + WhereAFixture.class.getName() + "]";
    private static final String B = "[engine:xdist]/[class:" + WhereBFixture.class.getName() + "]";

    @TempDir
    Path directory;

    @Test
    void oneSelectedClassRunsInTheCallingJvmAndSaysSo() {
        Run run = run(Map.of(), selectClass(WhereAFixture.class));

        assertThat(run.workers()).containsExactly("main");
        assertThat(run.stderr()).contains("junit-xdist: 1 class selected, running it in this JVM");
    }

    @Test
    void oneSelectedClassRunsOnAWorkerWhenTheNumberIsExplicit() {
        // With the end-of-run summary off, a forked run says nothing of its own on stderr.
        Run run = run(Map.of("xdist.workers", "2", "xdist.summary", "false"), selectClass(WhereAFixture.class));

        assertThat(run.workers()).singleElement().asString().matches("gw\\d");
        assertThat(run.stderr()).doesNotContain("junit-xdist:");
    }

    @Test
    void aSuiteTheHistorySaysIsShortRunsInTheCallingJvm() throws Exception {
        Files.writeString(history(), HEADER + "20\t" + A + "\n30\t" + B + "\n800\tworker start\n");

        Run run = run(Map.of(), selectClass(WhereAFixture.class), selectClass(WhereBFixture.class));

        assertThat(run.workers()).containsExactly("main", "main");
        assertThat(run.stderr())
                .contains("junit-xdist: 2 classes expected to take 0.1 s, less than starting workers"
                        + " would cost (0.8 s each), running them in this JVM");
    }

    @Test
    void aSuiteTheHistorySaysIsLongRunsOnWorkers() throws Exception {
        Files.writeString(history(), HEADER + "60000\t" + A + "\n60000\t" + B + "\n800\tworker start\n");

        Run run = run(
                Map.of("xdist.summary", "false"), selectClass(WhereAFixture.class), selectClass(WhereBFixture.class));

        assertThat(run.workers())
                .hasSize(2)
                .allSatisfy(worker -> assertThat(worker).matches("gw\\d"));
        assertThat(run.stderr()).doesNotContain("junit-xdist:");
        assertThat(Files.readAllLines(history()))
                .as("the history keeps what starting a worker cost")
                .anySatisfy(line -> assertThat(line).matches("\\d+\tworker start"));
    }

    @Test
    void aSuiteMeasuredFasterInTheCallingJvmThanOnWorkersRunsThereThoughTheEstimateSaysWorkers() throws Exception {
        Files.writeString(
                history(),
                HEADER + "60000\t" + A + "\n60000\t" + B + "\n800\tworker start\n"
                        + "2\tcalling JVM run classes\n70000\tcalling JVM run wall\n"
                        + "2\tforked run classes\n90000\tforked run wall\n");

        Run run = run(Map.of(), selectClass(WhereAFixture.class), selectClass(WhereBFixture.class));

        assertThat(run.workers()).containsExactly("main", "main");
        assertThat(run.stderr())
                .contains("junit-xdist: 2 classes took 70.0 s in this JVM and 90.0 s on workers when last measured,"
                        + " running them in this JVM");
    }

    private Path history() {
        return directory.resolve("durations");
    }

    /** What the tests reported as their worker, in event order, and what the engine wrote to stderr meanwhile. */
    private record Run(List<String> workers, String stderr) {}

    private Run run(Map<String, String> parameters, DiscoverySelector... selectors) {
        var stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        EngineExecutionResults results;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            results = EngineTestKit.engine("xdist")
                    .selectors(selectors)
                    .configurationParameter("xdist.durations.file", history().toString())
                    .configurationParameters(parameters)
                    .execute();
        } finally {
            System.setErr(original);
        }
        results.testEvents().assertStatistics(stats -> stats.succeeded(selectors.length));
        List<String> workers = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get("worker"))
                .toList();
        return new Run(workers, stderr.toString(StandardCharsets.UTF_8));
    }
}
