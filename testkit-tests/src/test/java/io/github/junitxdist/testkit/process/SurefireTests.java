package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.ClassOutputAlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.ClassOutputBetaFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputAlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputBetaFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputMarkers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that a Maven project that only adds the engine next to JUnit Jupiter gets, from Surefire with default
 * settings, every test exactly once, run in worker JVMs, with each test case's {@code <system-out>} and
 * {@code <system-err>} holding its own output and nobody else's although two workers print at the same time; that what
 * a class prints outside its tests lands where it lands with plain Jupiter; and that Surefire's
 * {@code <excludeJUnit5Engines>xdist</excludeJUnit5Engines>} falls back to plain Jupiter.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class SurefireTests {

    static final Class<?>[] FIXTURES = {OutputAlphaFixture.class, OutputBetaFixture.class};

    private static final Pattern MARK =
            Pattern.compile("^MARK (\\S+) \\d+/\\d+ worker=(\\S+) pid=\\d+$", Pattern.MULTILINE);

    private static final Pattern ERRMARK = Pattern.compile("^ERRMARK (\\S+)$", Pattern.MULTILINE);

    private static final Pattern CLASSMARK = Pattern.compile("^CLASSMARK (\\S+ \\S+)$", Pattern.MULTILINE);

    @Test
    void defaultSurefireRunsEveryTestOnceInWorkersWithItsOwnOutput() {
        MavenItProject project =
                MavenItProject.named("surefire-two-workers").fixtures(FIXTURES).platformProperty("xdist.workers", "2");

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

    @Test
    void whatAClassPrintsOutsideItsTestsLandsInTheTestCasePlainJupiterGivesIt() {
        Class<?>[] fixtures = {ClassOutputAlphaFixture.class, ClassOutputBetaFixture.class};
        MavenItProject plain = MavenItProject.named("surefire-class-output-plain")
                .fixtures(fixtures)
                .excludeEngineInSurefire("xdist");
        assertThat(plain.test()).as("exit code of mvn test without junit-xdist").isZero();
        MavenItProject workers = MavenItProject.named("surefire-class-output-workers")
                .fixtures(fixtures)
                .platformProperty("xdist.workers", "2");
        assertThat(workers.test()).as("exit code of mvn test on two workers").isZero();

        Map<String, String> plainPlaces = classMarkPlaces(XmlReport.read(plain.surefireReports()));
        Map.of("alpha", ClassOutputAlphaFixture.class, "beta", ClassOutputBetaFixture.class)
                .forEach((name, fixture) -> {
                    String firstTest = MavenItProject.testsClassName(fixture) + "#first";
                    assertThat(plainPlaces)
                            .as("where plain Jupiter files %s's class-level output", name)
                            .containsEntry(name + " static-initializer", firstTest)
                            .containsEntry(name + " before-all", firstTest);
                });
        assertThat(classMarkPlaces(XmlReport.read(workers.surefireReports())))
                .as("the test case that holds each CLASSMARK line, on two workers vs plain Jupiter")
                .isEqualTo(plainPlaces);
    }

    /** For each {@code CLASSMARK} line in any {@code <system-out>}, the test case (or test cases) holding it. */
    private static Map<String, String> classMarkPlaces(XmlReport report) {
        Map<String, String> places = new TreeMap<>();
        for (XmlReport.TestCase testCase : report.testCases()) {
            for (String mark : matches(CLASSMARK, testCase.systemOut(), 1)) {
                places.merge(mark, testCase.key(), (one, other) -> one + " and " + other);
            }
        }
        return places;
    }

    /** Every test of {@link #FIXTURES} reported once, passed, with its own output, printed on a worker so named. */
    static void assertEveryTestReportedOnceWithItsOwnOutput(XmlReport report, String workerPattern) {
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
