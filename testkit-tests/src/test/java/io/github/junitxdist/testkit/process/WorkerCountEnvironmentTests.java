package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEach;
import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that the {@code XDIST_WORKERS} environment variable overrides the {@code xdist.workers} configuration
 * parameter, that {@code 0} runs the tests in the calling JVM, and that an invalid value fails the run with a message
 * that says what is wrong, before any test runs.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class WorkerCountEnvironmentTests {

    @Test
    void environmentVariableOverridesTheConfiguredWorkerCount() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("env-workers-1")
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .config("xdist.workers", "2")
                .environment("XDIST_WORKERS", "1")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.worker()).as("xdist.worker of %s", record.test()).isEqualTo("gw0");
            assertThat(record.get("workerCount"))
                    .as("xdist.workerCount of %s", record.test())
                    .isEqualTo("1");
        });
        assertThat(result.records())
                .extracting(ExecutionRecord::pid)
                .as("pids of the JVMs")
                .containsOnly(result.records().get(0).pid());
    }

    @Test
    void zeroWorkersRunsEveryTestInTheCallingJvm() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("env-workers-0")
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .config("xdist.workers", "2")
                .environment("XDIST_WORKERS", "0")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEach(result.records(), ConsoleLauncherTests.EXPECTED);
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.worker()).as("xdist.worker of %s", record.test()).isEqualTo("main");
            assertThat(record.pid())
                    .as("pid of the JVM that ran %s", record.test())
                    .isEqualTo(result.launcherPid());
        });
    }

    @Test
    void invalidValueFailsTheRunNamingTheVariableTheValueAndWhatIsAllowed() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("env-workers-invalid")
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .environment("XDIST_WORKERS", "lots")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isNotZero();
        assertThat(result.output())
                .as("ConsoleLauncher output")
                .contains("XDIST_WORKERS")
                .contains("lots")
                .as("ConsoleLauncher output names the legal values")
                .contains("auto");
        assertThat(result.records()).as("tests that ran anyway").isEmpty();
    }
}
