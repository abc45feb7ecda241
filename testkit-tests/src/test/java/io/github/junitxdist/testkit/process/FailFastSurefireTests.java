package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.junitxdist.testkit.fixtures.process.ThirteenFailuresFixture;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Surefire's {@code skipAfterFailureCount=1} on JUnit 6 cancels the run from inside its listener when the first test
 * fails: plain Jupiter then skips every test that has not started. Through junit-xdist the cancellation must reach the
 * worker's running class before its next test starts, so the counts are the same: one failure, twelve skipped. Counted
 * from the XML reports, not timed.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class FailFastSurefireTests {

    @Test
    void skipAfterFailureCountSkipsTheRestOfTheRunningClassAsPlainJupiterDoes() {
        assumeTrue(cancellationSupported(), "Surefire cancels through JUnit 6's CancellationToken");

        Map<String, Long> jupiter = outcomes(MavenItProject.named("fail-fast-jupiter")
                .fixtures(ThirteenFailuresFixture.class)
                .excludeEngineInSurefire("xdist")
                .surefireOption("skipAfterFailureCount", "1"));
        Map<String, Long> xdist = outcomes(MavenItProject.named("fail-fast-xdist")
                .fixtures(ThirteenFailuresFixture.class)
                .platformProperty("xdist.workers", "2")
                .surefireOption("skipAfterFailureCount", "1"));

        assertThat(jupiter).as("outcomes under plain Jupiter").isEqualTo(Map.of("error", 1L, "skipped", 12L));
        assertThat(xdist).as("outcomes through junit-xdist").isEqualTo(jupiter);
    }

    /** How many test cases of the build's XML reports ended in each outcome. */
    private static Map<String, Long> outcomes(MavenItProject project) {
        assertThat(project.test())
                .as("exit code of mvn test (1: a test failed)")
                .isEqualTo(1);
        return XmlReport.read(project.surefireReports()).testCases().stream()
                .collect(Collectors.groupingBy(XmlReport.TestCase::outcome, TreeMap::new, Collectors.counting()));
    }

    private static boolean cancellationSupported() {
        try {
            Class.forName("org.junit.platform.engine.CancellationToken");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
