package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.WORKER_ID;
import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEach;
import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.AlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.BetaFixture;
import io.github.junitxdist.testkit.fixtures.process.GammaFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that the standalone ConsoleLauncher, given nothing but the engine jar next to the tests, runs every selected
 * Jupiter test exactly once and in a forked worker JVM, reports each once, and falls back to plain Jupiter with
 * {@code --exclude-engine=xdist}.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class ConsoleLauncherTests {

    static final Class<?>[] FIXTURES = {AlphaFixture.class, BetaFixture.class, GammaFixture.class};

    static final List<String> EXPECTED = ExpectedTests.of(FIXTURES);

    /** Matches the fixtures above and their nested classes, and nothing else in the test classes directory. */
    static final String FIXTURE_CLASS_NAMES = "io\\.github\\.junitxdist\\.testkit\\.fixtures\\.process\\."
            + "(AlphaFixture|BetaFixture|GammaFixture)(\\$.*)?";

    @Test
    void selectedClassesRunExactlyOnceInWorkerJvms() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("console-select-class")
                .selectClasses(FIXTURES)
                .details("tree")
                .config("xdist.workers", "2")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), EXPECTED, result.launcherPid());
        assertReportedOnceEach(result.report(), "[engine:xdist]", WORKER_ID);
    }

    @Test
    void scannedClasspathRunsExactlyOnceInWorkerJvms() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("console-scan-classpath")
                .scanClasspath(TestPaths.testClasses(), FIXTURE_CLASS_NAMES)
                .details("flat")
                .config("xdist.workers", "2")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), EXPECTED, result.launcherPid());
        assertReportedOnceEach(result.report(), "[engine:xdist]", WORKER_ID);
    }

    @Test
    void excludingTheEngineFallsBackToPlainJupiter() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("console-exclude-engine")
                .selectClasses(FIXTURES)
                .excludeEngine("xdist")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEach(result.records(), EXPECTED);
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.worker())
                    .as("xdist.worker seen by %s", record.test())
                    .isEqualTo("null");
            assertThat(record.pid())
                    .as("pid of the JVM that ran %s", record.test())
                    .isEqualTo(result.launcherPid());
        });
        assertReportedOnceEach(result.report(), "[engine:junit-jupiter]", "null");
    }

    /**
     * The legacy XML report lists each expected test exactly once, passed, under {@code engineSegment}, with the
     * {@code xdist.worker} report entry the test published (relayed from the worker) matching {@code workerPattern}.
     */
    private static void assertReportedOnceEach(XmlReport report, String engineSegment, String workerPattern) {
        assertThat(report.testCases())
                .extracting(XmlReport.TestCase::key)
                .as("test cases in the XML report")
                .containsExactlyInAnyOrderElementsOf(EXPECTED);
        assertThat(report.testsAttributeSum()).as("sum of the tests attributes").isEqualTo(EXPECTED.size());
        assertThat(report.testCases()).allSatisfy(testCase -> {
            assertThat(testCase.outcome()).as("outcome of %s", testCase.key()).isEqualTo("passed");
            assertThat(testCase.systemOut())
                    .as("system-out of %s", testCase.key())
                    .contains("unique-id: " + engineSegment + "/")
                    .containsPattern("\\t- xdist\\.worker: " + workerPattern + "\\R");
        });
    }
}
