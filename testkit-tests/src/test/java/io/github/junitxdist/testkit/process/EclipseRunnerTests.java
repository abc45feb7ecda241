package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.eclipse.EclipseMixedFixture;
import io.github.junitxdist.testkit.fixtures.eclipse.EclipsePassingFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs Eclipse's own JUnit 5 runner ({@code RemoteTestRunner} with {@code JUnit5TestLoader}, as an Eclipse JUnit launch
 * does) on the same fixtures with and without junit-xdist on the classpath, and compares what it told the IDE, line
 * by line: the tree, every start, end and failure (with expected and actual values and the trace), and the rerun of a
 * single failed test. Only the engine id ({@code xdist} for {@code junit-jupiter}), the run time and junit-xdist's own
 * stack frame under the test's may differ (see {@link EclipseProtocol}).
 *
 * <p>The runtime ({@code org.eclipse.jdt.junit5.runtime} 1.2.0) is built for JUnit 5, so these tests run in the
 * JUnit 5 module only, as {@link JUnitVersionRangeTests} runs in the JUnit 6 one only.
 */
@EnabledIfSystemProperty(named = "xdist.it.junitVersion", matches = "5\\.14\\..*")
@ExtendWith(ProcessOutputOnFailure.class)
class EclipseRunnerTests {

    private static final List<String> CLASSES =
            List.of(EclipseMixedFixture.class.getName(), EclipsePassingFixture.class.getName());
    private static final String FAILED_TEST = EclipseMixedFixture.class.getName() + ":failsAComparison";

    @Test
    void showsTheTreeStartsEndsAndFailuresOfPlainJupiterWhileTheTestsRunOnWorkers() {
        EclipseRunnerRecorder.Recording plain = runClasses("suite-plain", false);
        EclipseRunnerRecorder.Recording xdist = runClasses("suite-xdist", true);

        EclipseProtocol expected = EclipseProtocol.of(plain.lines());
        assertThat(expected.runLines()).as("plain Jupiter's run").containsExactly("%TESTC  6 v2", "%RUNTIME");
        assertThat(expected.failedTests())
                .as("plain Jupiter's failures")
                .containsExactly("failsAComparison(" + EclipseMixedFixture.class.getName() + ")");
        assertSameAsPlainJupiter(xdist, plain);
        assertRanOnWorkers(xdist, plain);
    }

    @Test
    void rerunsOneFailedTestAsPlainJupiterDoes() {
        EclipseRunnerRecorder.Recording plain =
                EclipseRunnerRecorder.run("rerun-plain", false, "2", "-test", FAILED_TEST);
        EclipseRunnerRecorder.Recording xdist =
                EclipseRunnerRecorder.run("rerun-xdist", true, "2", "-test", FAILED_TEST);

        assertThat(EclipseProtocol.of(plain.lines()).runLines())
                .as("plain Jupiter's rerun")
                .containsExactly("%TESTC  1 v2", "%RUNTIME");
        assertSameAsPlainJupiter(xdist, plain);
        assertRanOnWorkers(xdist, plain);
    }

    @Test
    void byDefaultLeavesTheRerunOfOneTestToJupiterWhichReportsItUnderItsOwnEngine() {
        EclipseRunnerRecorder.Recording plain =
                EclipseRunnerRecorder.run("default-rerun-plain", false, "auto", "-test", FAILED_TEST);
        EclipseRunnerRecorder.Recording xdist =
                EclipseRunnerRecorder.run("default-rerun-xdist", true, "auto", "-test", FAILED_TEST);

        assertThat(withoutRunTime(xdist.lines()))
                .as("what the runner sent, junit-xdist on the classpath, against plain Jupiter")
                .isEqualTo(withoutRunTime(plain.lines()))
                .anySatisfy(line -> assertThat(line).contains("[engine:junit-jupiter]/"));
        assertThat(xdist.records())
                .singleElement()
                .satisfies(record -> assertThat(record.worker()).isEqualTo("main"));
    }

    private static EclipseRunnerRecorder.Recording runClasses(String name, boolean withEngine) {
        List<String> selection = new java.util.ArrayList<>(List.of("-classNames"));
        selection.addAll(CLASSES);
        return EclipseRunnerRecorder.run(name, withEngine, "2", selection.toArray(String[]::new));
    }

    private static void assertSameAsPlainJupiter(
            EclipseRunnerRecorder.Recording xdist, EclipseRunnerRecorder.Recording plain) {
        EclipseProtocol actual = EclipseProtocol.of(xdist.lines());
        EclipseProtocol expected = EclipseProtocol.of(plain.lines());
        assertThat(xdist.exitCode()).as("runner exit code").isEqualTo(plain.exitCode());
        assertThat(actual.runLines()).as("the run's own lines").isEqualTo(expected.runLines());
        assertThat(actual.treeBeforeRun()).as("the tree before the run").isEqualTo(expected.treeBeforeRun());
        assertThat(actual.failedTests()).as("failed tests").isEqualTo(expected.failedTests());
        for (String className : CLASSES) {
            assertThat(actual.eventsOf(className))
                    .as("what the runner sent about %s", className)
                    .isEqualTo(expected.eventsOf(className));
        }
    }

    /** Every test that ran with plain Jupiter ran exactly as often with junit-xdist, in worker JVMs. */
    private static void assertRanOnWorkers(
            EclipseRunnerRecorder.Recording xdist, EclipseRunnerRecorder.Recording plain) {
        assertThat(xdist.records().stream().map(ExecutionRecord::test))
                .as("tests that really ran")
                .containsExactlyInAnyOrderElementsOf(
                        plain.records().stream().map(ExecutionRecord::test).toList());
        assertThat(xdist.records()).allSatisfy(record -> {
            assertThat(record.worker())
                    .as("xdist.worker seen by %s", record.test())
                    .matches(ProcessAssertions.WORKER_ID);
            assertThat(record.pid())
                    .as("pid of the JVM that ran %s", record.test())
                    .isNotEqualTo(xdist.runnerPid());
        });
    }

    private static List<String> withoutRunTime(List<String> lines) {
        return lines.stream().filter(line -> !line.startsWith("%RUNTIME")).toList();
    }
}
