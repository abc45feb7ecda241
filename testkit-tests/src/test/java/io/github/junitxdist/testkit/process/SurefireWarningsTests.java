package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.CriticalDiscoveryIssueFixture;
import io.github.junitxdist.testkit.fixtures.process.DiscoveryIssueFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputAlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.OutputBetaFixture;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that in a Maven build that runs tests on two workers, junit-xdist's warning about an unknown {@code xdist.*}
 * key appears once, from the calling JVM; and that a discovery issue Jupiter reports appears as often as with plain
 * Jupiter (Surefire discovers each test class on its own before it runs them all): neither the junit-xdist engine nor
 * its workers report it again; nor a critical one, which fails the build.
 *
 * <p>Surefire files whatever is logged while it captures output, discovery warnings too, under the next test that ends:
 * plain Jupiter's discovery warnings land in test cases' {@code <system-err>} as well, so the reports are only checked
 * for copies beyond the calling JVM's own.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class SurefireWarningsTests {

    private static final Class<?>[] FIXTURES = {
        OutputAlphaFixture.class, OutputBetaFixture.class, DiscoveryIssueFixture.class
    };

    private static final String UNKNOWN_KEY_WARNING =
            "junit-xdist does not know the configuration parameter 'xdist.wrokers'";

    private static final String DISCOVERY_ISSUE = "must not return a value";

    @Test
    void unknownKeysAreWarnedAboutOnceAndDiscoveryIssuesAsOftenAsWithPlainJupiter() {
        MavenItProject plain = MavenItProject.named("surefire-warnings-plain")
                .fixtures(FIXTURES)
                .excludeEngineInSurefire("xdist");
        assertThat(plain.test()).as("exit code of mvn test without junit-xdist").isZero();
        MavenItProject workers = MavenItProject.named("surefire-warnings-workers")
                .fixtures(FIXTURES)
                .platformProperty("xdist.workers", "2")
                .platformProperty("xdist.wrokers", "3");
        assertThat(workers.test()).as("exit code of mvn test on two workers").isZero();

        XmlReport report = XmlReport.read(workers.surefireReports());
        int plainCount = count(plain.buildOutput(), DISCOVERY_ISSUE);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(count(workers.buildOutput(), UNKNOWN_KEY_WARNING))
                    .as("unknown key warnings in the build output")
                    .isOne();
            softly.assertThat(countInTestOutput(report, UNKNOWN_KEY_WARNING))
                    .as("unknown key warnings in the test cases' output")
                    .isLessThanOrEqualTo(1);
            softly.assertThat(plainCount)
                    .as("discovery issues in the build output with plain Jupiter")
                    .isPositive();
            softly.assertThat(count(workers.buildOutput(), DISCOVERY_ISSUE))
                    .as("discovery issues in the build output")
                    .isEqualTo(plainCount);
            softly.assertThat(countInTestOutput(report, DISCOVERY_ISSUE))
                    .as("discovery issues in the test cases' output, at most one per discovery in the calling JVM")
                    .isLessThanOrEqualTo(plainCount);
        });
    }

    /** Whichever engine the Launcher asks first: the order follows the order of the dependencies. */
    @ParameterizedTest(name = "junit-xdist declared first: {0}")
    @ValueSource(booleans = {false, true})
    void aCriticalDiscoveryIssueIsReportedAsOftenAsWithPlainJupiter(boolean xdistFirst) {
        MavenItProject plain = MavenItProject.named("surefire-critical-issue-plain")
                .fixtures(DiscoveryIssueFixture.class, CriticalDiscoveryIssueFixture.class)
                .excludeEngineInSurefire("xdist");
        assertThat(plain.test()).as("exit code of mvn test without junit-xdist").isNotZero();
        MavenItProject workers = MavenItProject.named("surefire-critical-issue-workers-" + xdistFirst)
                .fixtures(DiscoveryIssueFixture.class, CriticalDiscoveryIssueFixture.class)
                .platformProperty("xdist.workers", "2");
        if (xdistFirst) {
            workers.xdistDeclaredFirst();
        }
        assertThat(workers.test()).as("exit code of mvn test on two workers").isNotZero();

        String critical = "encountered a critical issue during test discovery";
        int plainCount = count(plain.buildOutput(), critical);
        assertThat(plainCount)
                .as("critical issues in the build output with plain Jupiter")
                .isPositive();
        assertThat(count(workers.buildOutput(), critical))
                .as("critical issues in the build output")
                .isEqualTo(plainCount);
    }

    private static int countInTestOutput(XmlReport report, String what) {
        return report.testCases().stream()
                .mapToInt(testCase -> count(testCase.systemOut() + testCase.systemErr(), what))
                .sum();
    }

    private static int count(String text, String what) {
        return (int)
                Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
