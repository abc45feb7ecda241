package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that what a user sets on the parent JVM reaches the tests in the workers: its {@code -D} system properties and
 * its configuration parameters; and that each worker knows who it is, consistently in system properties and
 * environment variables.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class PropagationTests {

    @Test
    void systemPropertiesAndConfigurationParametersReachTheWorkers() {
        String propertyValue = "set on the parent with spaces";
        String parameterValue = "set-with---config";
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("propagation")
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .systemProperty(RecordingExtension.PROPAGATED_SYSTEM_PROPERTY, propertyValue)
                .config(RecordingExtension.PROPAGATED_CONFIGURATION_PARAMETER, parameterValue)
                .config("xdist.workers", "2")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.get(RecordingExtension.PROPAGATED_SYSTEM_PROPERTY))
                    .as("system property my.prop seen by %s", record)
                    .isEqualTo(propertyValue);
            assertThat(record.get(RecordingExtension.PROPAGATED_CONFIGURATION_PARAMETER))
                    .as("configuration parameter my.param seen by %s", record)
                    .isEqualTo(parameterValue);
        });
    }

    @Test
    void workersKnowTheirIdentityFromSystemPropertiesAndEnvironment() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("worker-identity")
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .config("xdist.workers", "2")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        String runId = result.records().get(0).get("testrunuid");
        assertThat(runId).as("xdist.testrunuid").isNotBlank().isNotEqualTo("null");
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.get("env.XDIST_WORKER"))
                    .as("XDIST_WORKER of %s", record)
                    .isEqualTo(record.worker());
            assertThat(record.get("workerCount"))
                    .as("xdist.workerCount of %s", record)
                    .isEqualTo("2");
            assertThat(record.get("env.XDIST_WORKER_COUNT"))
                    .as("XDIST_WORKER_COUNT of %s", record)
                    .isEqualTo("2");
            assertThat(record.get("testrunuid"))
                    .as("xdist.testrunuid of %s", record)
                    .isEqualTo(runId);
            assertThat(record.get("env.XDIST_TESTRUNUID"))
                    .as("XDIST_TESTRUNUID of %s", record)
                    .isEqualTo(runId);
        });
        assertThat(result.records())
                .as("one JVM per worker id")
                .allSatisfy(record -> assertThat(result.records())
                        .filteredOn(other -> other.worker().equals(record.worker()))
                        .extracting(ExecutionRecord::pid)
                        .containsOnly(record.pid()));
    }
}
