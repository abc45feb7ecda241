package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.identity.Identity1Fixture;
import io.github.junitxdist.testkit.fixtures.identity.Identity2Fixture;
import io.github.junitxdist.testkit.fixtures.identity.Identity3Fixture;
import io.github.junitxdist.testkit.fixtures.identity.Identity4Fixture;
import io.github.junitxdist.testkit.fixtures.identity.Rendezvous;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code xdist.workers} decides how many worker JVMs run the tests, and every worker tells tests who it is through the
 * {@code xdist.*} system properties and {@code XDIST_*} environment variables.
 */
class WorkerIdentityTests {

    private static final List<Class<?>> FIXTURES =
            List.of(Identity1Fixture.class, Identity2Fixture.class, Identity3Fixture.class, Identity4Fixture.class);

    @TempDir
    Path rendezvous;

    @AfterEach
    void clearProperties() {
        System.clearProperty(Rendezvous.DIRECTORY_PROPERTY);
        System.clearProperty("xdist.it.parties");
        System.clearProperty("xdist.it.sysprop");
    }

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(ints = {1, 2, 4})
    void runsOnExactlyTheConfiguredNumberOfWorkersAtOnce(int workers) {
        // All four classes wait for each other when there are four workers: they must overlap on four JVMs.
        if (workers == 4) {
            System.setProperty(Rendezvous.DIRECTORY_PROPERTY, rendezvous.toString());
            System.setProperty("xdist.it.parties", "4");
        }
        List<Map<String, String>> reports = identities(run(Integer.toString(workers)));

        assertThat(reports).hasSize(4);
        Set<String> expectedNames = workerNames(workers);
        assertThat(reports).allSatisfy(report -> {
            assertThat(expectedNames).contains(report.get("worker"));
            assertThat(report.get("workerCount")).isEqualTo(Integer.toString(workers));
            assertThat(report.get("envWorker")).isEqualTo(report.get("worker"));
            assertThat(report.get("envWorkerCount")).isEqualTo(report.get("workerCount"));
            assertThat(report.get("envTestrunuid")).isEqualTo(report.get("testrunuid"));
            assertThat(report.get("pid"))
                    .isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        });
        assertThat(valuesOf(reports, "testrunuid")).hasSize(1);
        Map<String, Set<String>> pidsByWorker = reports.stream()
                .collect(Collectors.groupingBy(
                        report -> report.get("worker"),
                        Collectors.mapping(report -> report.get("pid"), Collectors.toSet())));
        assertThat(pidsByWorker.values()).allSatisfy(pids -> assertThat(pids).hasSize(1));
        assertThat(valuesOf(reports, "pid")).hasSize(pidsByWorker.size());
        if (workers == 4) {
            assertThat(valuesOf(reports, "worker")).isEqualTo(expectedNames);
        }
    }

    /** Without a duration history to weigh the work by (a fresh history file here); see AdaptiveWorkersTests. */
    @Test
    void autoWithoutHistoryStartsOneWorkerPerAvailableProcessorUpToTheNumberOfClasses(@TempDir Path history) {
        int expected = Math.min(Runtime.getRuntime().availableProcessors(), FIXTURES.size());
        EngineExecutionResults results = kit("auto")
                .configurationParameter(
                        "xdist.durations.file", history.resolve("durations").toString())
                .execute();
        results.testEvents()
                .assertStatistics(stats -> stats.started(12).succeeded(12).failed(0));
        List<Map<String, String>> reports = identities(results);

        assertThat(reports).hasSize(4).allSatisfy(report -> {
            assertThat(report.get("workerCount")).isEqualTo(Integer.toString(expected));
            assertThat(workerNames(expected)).contains(report.get("worker"));
        });
    }

    @Test
    void zeroWorkersRunsEveryTestInTheCallingJvmAsMain() {
        List<Map<String, String>> reports = identities(run("0"));

        assertThat(reports).hasSize(4).allSatisfy(report -> {
            assertThat(report.get("worker")).isEqualTo("main");
            assertThat(report.get("pid"))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        });
        assertThat(System.getProperty("xdist.worker"))
                .as("identity is restored after the run")
                .isNull();
    }

    @Test
    void workersSeeTheParentsSystemPropertiesAndTheConfiguredJvmArguments() {
        System.setProperty("xdist.it.sysprop", "from the parent");
        var results = kit("2").configurationParameter("xdist.jvmArgs", "-Dxdist.it.jvmarg=\"with space\"")
                .execute();

        assertThat(identities(results)).hasSize(4).allSatisfy(report -> {
            assertThat(report.get("sysprop")).isEqualTo("from the parent");
            assertThat(report.get("jvmArgProp")).isEqualTo("with space");
        });
        results.testEvents().assertStatistics(stats -> stats.started(12).succeeded(12));
    }

    private EngineExecutionResults run(String workers) {
        EngineExecutionResults results = kit(workers).execute();
        results.testEvents()
                .assertStatistics(stats -> stats.started(12).succeeded(12).failed(0));
        return results;
    }

    private static EngineTestKit.Builder kit(String workers) {
        return EngineTestKit.engine("xdist")
                .selectors(FIXTURES.stream()
                        .map(fixture -> selectClass(fixture))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameter("xdist.workers", workers)
                .configurationParameter("xdist.it.param", "forwarded");
    }

    static List<Map<String, String>> identities(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                        .orElseThrow())
                .map(org.junit.platform.engine.reporting.ReportEntry::getKeyValuePairs)
                .filter(entries -> entries.containsKey("pid"))
                .toList();
    }

    private static Set<String> valuesOf(List<Map<String, String>> reports, String key) {
        return reports.stream().map(report -> report.get(key)).collect(Collectors.toSet());
    }

    private static Set<String> workerNames(int workers) {
        return java.util.stream.IntStream.range(0, workers)
                .mapToObj(i -> "gw" + i)
                .collect(Collectors.toSet());
    }
}
