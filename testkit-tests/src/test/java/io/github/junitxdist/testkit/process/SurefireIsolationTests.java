package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.JsonReader;
import io.github.junitxdist.testkit.fixtures.isolation.FirstBystanderFixture;
import io.github.junitxdist.testkit.fixtures.isolation.IsolationState;
import io.github.junitxdist.testkit.fixtures.isolation.PolluterFixture;
import io.github.junitxdist.testkit.fixtures.isolation.SecondBystanderFixture;
import io.github.junitxdist.testkit.fixtures.isolation.ThirdBystanderFixture;
import io.github.junitxdist.testkit.fixtures.isolation.VictimFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code xdist.isolate=failures} under Maven Surefire, given on the {@code mvn} command line as the README says: the
 * polluted suite of {@code fixtures/isolation} on one worker, where the victim runs last, after the polluter. The
 * build fails and Surefire's XML reports what it reports without the check (the victim failed, every other test
 * passed, each test once); Maven's console shows the check's verdict, and the one {@code xdist-report.json} of the
 * build, where the Platform's output directory is under Surefire ({@code target}), holds it; the trials ran (the
 * victim ran in one JVM more per trial) and their events reached none of Surefire's reports.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class SurefireIsolationTests {

    private static final Class<?>[] FIXTURES = {
        VictimFixture.class,
        ThirdBystanderFixture.class,
        SecondBystanderFixture.class,
        PolluterFixture.class,
        FirstBystanderFixture.class
    };

    @Test
    void theVerdictReachesMavensConsoleAndTheReportWhileSurefireReportsTheFailureOnce() throws IOException {
        MavenItProject project = MavenItProject.named("surefire-isolation")
                .fixtures(FIXTURES)
                .helpers(IsolationState.class)
                .platformProperty("xdist.workers", "1")
                .platformProperty(IsolationState.RUN_LOG, "victim-runs")
                .commandLineProperty("xdist.isolate", "failures");

        assertThat(project.test())
                .as("exit code of mvn test (1: a test failed)")
                .isEqualTo(1);

        XmlReport report = XmlReport.read(project.surefireReports());
        String victim = tests(VictimFixture.class) + "#needsCleanState";
        assertThat(report.testCases())
                .extracting(XmlReport.TestCase::key)
                .as("test cases in the Surefire XML reports")
                .containsExactlyInAnyOrderElementsOf(expectedTests());
        assertThat(report.testsAttributeSum()).as("sum of the tests attributes").isEqualTo(15);
        assertThat(report.testCases())
                .allSatisfy(testCase -> assertThat(testCase.outcome())
                        .as("outcome of %s", testCase.key())
                        .isEqualTo(testCase.key().equals(victim) ? "failure" : "passed"));
        assertThat(report.testCases())
                .as("test cases whose output holds what the check printed or its trials' output")
                .allSatisfy(testCase -> assertThat(testCase.systemOut() + testCase.systemErr())
                        .doesNotContain("junit-xdist:", "passes alone"));

        assertThat(project.buildOutput())
                .contains("junit-xdist: running 1 failed test again alone on fresh workers (xdist.isolate=failures,"
                        + " at most 10 runs each); the outcomes reported stay as they are")
                .contains("    VictimTests > needsCleanState(): passes alone: depends on what ran before it on gw0;"
                        + " fails again after the first 2 of the 4 units gw0 ran before it (FirstBystanderTests,"
                        + " PolluterTests), so the polluter is PolluterTests (4 runs)")
                .contains("report: " + project.directory().resolve("target/xdist-report.html"));
        // the forked run's, then alone, after all four units, after the first two, after the first one
        assertThat(Files.readAllLines(project.directory().resolve("victim-runs")))
                .as("JVMs the victim ran in")
                .hasSize(1 + 4);

        assertThat(reportFiles(project.directory()))
                .as("xdist-report.json files the build wrote")
                .containsExactly(project.directory().resolve("target/xdist-report.json"));
        List<Object> checks = JsonReader.array(JsonReader.object(
                        JsonReader.parse(Files.readString(project.directory().resolve("target/xdist-report.json"))))
                .get("isolation"));
        assertThat(checks).hasSize(1);
        assertThat(JsonReader.object(checks.get(0)))
                .containsEntry("test", id(VictimFixture.class) + "/[method:needsCleanState()]")
                .containsEntry("verdict", "passes alone")
                .containsEntry("polluter", id(PolluterFixture.class))
                .containsEntry("runs", 4L);
    }

    private static List<String> expectedTests() {
        return ExpectedTests.of(FIXTURES).stream()
                .map(key -> key.replaceFirst("Fixture#", "Tests#"))
                .toList();
    }

    private static String tests(Class<?> fixture) {
        return MavenItProject.testsClassName(fixture);
    }

    private static String id(Class<?> fixture) {
        return "[engine:xdist]/[class:" + tests(fixture) + "]";
    }

    private static List<Path> reportFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().equals("xdist-report.json"))
                    .toList();
        }
    }
}
