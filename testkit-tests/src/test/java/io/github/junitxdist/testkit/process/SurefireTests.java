package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.OutputAlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputBetaFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputMarkers;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that a Maven project that only adds the engine next to JUnit Jupiter gets, from Surefire with default
 * settings, every test exactly once, run in worker JVMs, with each test case's {@code <system-out>} and
 * {@code <system-err>} holding its own output and nobody else's although two workers print at the same time; and that
 * Surefire's {@code <excludeJUnit5Engines>xdist</excludeJUnit5Engines>} falls back to plain Jupiter.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class SurefireTests {

    private static final Class<?>[] FIXTURES = {OutputAlphaFixture.class, OutputBetaFixture.class};

    private static final Pattern MARK =
            Pattern.compile("^MARK (\\S+) \\d+/\\d+ worker=(\\S+) pid=\\d+$", Pattern.MULTILINE);

    private static final Pattern ERRMARK = Pattern.compile("^ERRMARK (\\S+)$", Pattern.MULTILINE);

    @Test
    void defaultSurefireRunsEveryTestOnceInWorkersWithItsOwnOutput() {
        MavenItProject project = MavenItProject.named("surefire-two-workers")
                .fixtures(FIXTURES)
                .platformProperty("xdist.workers", "2");

        assertThat(project.test()).as("exit code of mvn test").isZero();

        XmlReport report = XmlReport.read(project.surefireReports());
        assertEveryTestReportedOnceWithItsOwnOutput(report, ProcessAssertions.WORKER_ID);
    }

    @Test
    void excludingTheEngineInSurefireFallsBackToPlainJupiter() {
        MavenItProject project = MavenItProject.named("surefire-exclude-xdist")
                .fixtures(FIXTURES)
                .excludeEngineInSurefire("xdist");

        assertThat(project.test()).as("exit code of mvn test").isZero();

        assertEveryTestReportedOnceWithItsOwnOutput(XmlReport.read(project.surefireReports()), "null");
    }

    private static void assertEveryTestReportedOnceWithItsOwnOutput(XmlReport report, String workerPattern) {
        List<String> expected = ExpectedTests.of(FIXTURES).stream()
                .map(key -> key.replaceFirst("Fixture#", "Tests#"))
                .toList();
        assertThat(report.testCases())
                .extracting(XmlReport.TestCase::key)
                .as("test cases in the Surefire XML reports")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.testsAttributeSum()).as("sum of the tests attributes").isEqualTo(expected.size());
        assertThat(report.testCases()).allSatisfy(testCase -> {
            String own = ownMarker(testCase);
            assertThat(testCase.outcome()).as("outcome of %s", own).isEqualTo("passed");
            assertThat(matches(MARK, testCase.systemOut(), 1))
                    .as("tests whose MARK lines are in the <system-out> of %s:%n%s", own, testCase.systemOut())
                    .containsExactly(repeat(own, OutputMarkers.LINES));
            assertThat(matches(MARK, testCase.systemOut(), 2))
                    .as("workers named in the <system-out> of %s", own)
                    .allMatch(worker -> worker.matches(workerPattern));
            assertThat(matches(ERRMARK, testCase.systemErr(), 1))
                    .as("tests whose ERRMARK line is in the <system-err> of %s:%n%s", own, testCase.systemErr())
                    .containsExactly(own);
        });
    }

    /** What {@link OutputMarkers} prints for this test case: {@code <simple class name>.<method name>}. */
    private static String ownMarker(XmlReport.TestCase testCase) {
        String key = testCase.key();
        return key.substring(key.lastIndexOf('.') + 1).replace('#', '.');
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        return pattern.matcher(text).results().map(match -> match.group(group)).toList();
    }

    private static String[] repeat(String value, int times) {
        String[] values = new String[times];
        Arrays.fill(values, value);
        return values;
    }
}
