package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.engine.XdistTestEngine;
import io.github.junitxdist.testkit.fixtures.reliability.CrashingFixture;
import io.github.junitxdist.testkit.fixtures.reliability.MostTestsOneFailingFixture;
import io.github.junitxdist.testkit.fixtures.reliability.OnePassingTestFixture;
import io.github.junitxdist.testkit.fixtures.reliability.TwoPassingTestsFixture;
import io.github.junitxdist.testkit.process.ChildProcess;
import io.github.junitxdist.testkit.process.JavaProcess;
import io.github.junitxdist.testkit.process.TestPaths;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Once the run is to stop ({@code xdist.maxfail} failed tests, or on JUnit 6 the Launcher's cancellation, as with the
 * ConsoleLauncher's {@code --fail-fast}), no new class starts: the classes that did not start are reported skipped,
 * with the reason, and none of their tests runs.
 *
 * <p>With one worker, classes run costliest (most tests) first, so the class with the failing test runs first and
 * the order is deterministic.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class MaxFailTests {

    /** A history of its own: the order below is the one without history, not what earlier tests left behind. */
    @TempDir
    Path history;

    private static final List<Class<?>> CLASSES =
            List.of(MostTestsOneFailingFixture.class, TwoPassingTestsFixture.class, OnePassingTestFixture.class);

    @Test
    void skipsTheClassesThatDidNotStartOnceMaxfailTestsFailed() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(MostTestsOneFailingFixture.class),
                        selectClass(TwoPassingTestsFixture.class),
                        selectClass(OnePassingTestFixture.class))
                .configurationParameter("xdist.workers", "1")
                .configurationParameter("xdist.maxfail", "1")
                .configurationParameter(
                        "xdist.durations.file", history.resolve("durations").toString())
                .execute();

        Outcomes outcomes = Outcomes.of(results).assertEveryTestReportedOnce();
        assertThat(outcomes.failureMessage(MostTestsOneFailingFixture.class, "failsFirst"))
                .isEqualTo(MostTestsOneFailingFixture.FAILURE);
        for (Class<?> notStarted : List.of(TwoPassingTestsFixture.class, OnePassingTestFixture.class)) {
            assertThat(outcomes.skipReason(notStarted))
                    .as("skip reason of %s", notStarted.getSimpleName())
                    .startsWith("junit-xdist: not run, xdist.maxfail=1 failed tests reached");
            assertThat(outcomes.started(notStarted))
                    .as("tests of %s started", notStarted.getSimpleName())
                    .isZero();
        }
        assertThat(results.testEvents().failed().count()).as("failed tests").isOne();
    }

    /** Which parts start before the failure is seen varies; whatever did not start is skipped, and all is reported once. */
    @Test
    void underLoadReportsEveryTestOnceWithinItsClass() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(MostTestsOneFailingFixture.class),
                        selectClass(TwoPassingTestsFixture.class),
                        selectClass(OnePassingTestFixture.class))
                .configurationParameter("xdist.workers", "2")
                .configurationParameter("xdist.dist", "load")
                .configurationParameter("xdist.maxfail", "1")
                .configurationParameter(
                        "xdist.durations.file", history.resolve("durations").toString())
                .execute();

        Outcomes.of(results).assertEveryTestReportedOnce();
        assertThat(results.testEvents().failed().count()).as("failed tests").isOne();
    }

    @Test
    void skipsTheClassesThatDidNotStartWhenTheConsoleLauncherFailsFast() throws Exception {
        assumeTrue(cancellationSupported(), "--fail-fast and CancellationToken exist since JUnit 6.0");
        Path dir = TestPaths.freshDirectory("reliability-it", "fail-fast");
        List<String> arguments = new ArrayList<>(List.of(
                "execute",
                "--disable-banner",
                "--disable-ansi-colors",
                "--details=tree",
                "--fail-fast",
                "--class-path=" + TestPaths.codeSource(CrashingFixture.class) + File.pathSeparator
                        + TestPaths.codeSource(XdistTestEngine.class),
                "--reports-dir=" + dir.resolve("reports"),
                "--config",
                "xdist.workers=1"));
        CLASSES.forEach(type -> arguments.add("--select-class=" + type.getName()));

        try (ChildProcess launcher = JavaProcess.jar(TestPaths.consoleLauncherJar())
                .arguments(arguments)
                .start(dir)) {
            int exitCode = launcher.awaitExit(Duration.ofMinutes(2));
            assertThat(exitCode)
                    .as("ConsoleLauncher exit code (1: tests failed); stderr:%n%s", launcher.stderr())
                    .isEqualTo(1);
        }

        List<TestCase> testCases = TestCase.readAll(dir.resolve("reports").resolve("TEST-xdist.xml"));
        for (Class<?> notStarted : List.of(TwoPassingTestsFixture.class, OnePassingTestFixture.class)) {
            assertThat(testCases)
                    .as("test cases of %s in the XML report", notStarted.getSimpleName())
                    .filteredOn(test -> test.className().equals(notStarted.getName()))
                    .isNotEmpty()
                    // The legacy report gives the tests of a skipped class their parent's reason, thus prefixed.
                    .allSatisfy(test -> assertThat(test.skipReason())
                            .as("skip reason of %s", test.name())
                            .startsWith("parent was skipped: junit-xdist: not run, the run was cancelled"));
        }
        assertThat(testCases)
                .as("failed test cases in the XML report")
                .filteredOn(TestCase::failed)
                .extracting(TestCase::name)
                .containsExactly("failsFirst()");
    }

    private static boolean cancellationSupported() {
        try {
            Class.forName("org.junit.platform.engine.CancellationToken");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** One {@code testcase} of a legacy XML report; {@code skipReason} is {@code ""} unless it was skipped. */
    private record TestCase(String className, String name, String skipReason, boolean failed) {

        static List<TestCase> readAll(Path report) throws Exception {
            NodeList elements = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(report.toFile())
                    .getElementsByTagName("testcase");
            List<TestCase> testCases = new ArrayList<>();
            for (int i = 0; i < elements.getLength(); i++) {
                Element testCase = (Element) elements.item(i);
                NodeList skipped = testCase.getElementsByTagName("skipped");
                testCases.add(new TestCase(
                        testCase.getAttribute("classname"),
                        testCase.getAttribute("name"),
                        skipped.getLength() == 0
                                ? ""
                                : skipped.item(0).getTextContent().strip(),
                        testCase.getElementsByTagName("failure").getLength()
                                        + testCase.getElementsByTagName("error").getLength()
                                > 0));
            }
            return testCases;
        }
    }
}
