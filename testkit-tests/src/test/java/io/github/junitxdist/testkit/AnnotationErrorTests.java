package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.scheduling.BadAnnotationsFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Misplaced junit-xdist annotations are discovery errors that name where they are and what is allowed, and the run
 * fails with them instead of running the tests.
 */
class AnnotationErrorTests {

    @Test
    void misplacedAnnotationsAreDiscoveryErrorsNamingTheElementAndWhatIsAllowed() {
        EngineDiscoveryResults discovery = EngineTestKit.engine("xdist")
                .selectors(selectClass(BadAnnotationsFixture.class))
                .discover();

        List<DiscoveryIssue> issues = discovery.getDiscoveryIssues().stream()
                .filter(issue -> issue.message().startsWith("junit-xdist"))
                .toList();
        assertThat(issues).extracting(DiscoveryIssue::severity).containsOnly(DiscoveryIssue.Severity.ERROR);
        assertThat(issues)
                .extracting(DiscoveryIssue::message)
                .satisfiesExactlyInAnyOrder(
                        message -> assertThat(message)
                                .contains("method " + BadAnnotationsFixture.class.getName()
                                        + ".setUp() is not a test method")
                                .contains("@Serial belongs on a test class, a @Nested class, or a test method"),
                        message -> assertThat(message)
                                .contains("@XdistGroup on method " + BadAnnotationsFixture.class.getName()
                                        + ".blankGroup()")
                                .contains("blank name (' ')"),
                        message -> assertThat(message)
                                .contains("class " + BadAnnotationsFixture.class.getName()
                                        + "$NotNested is an inner class" + " without @Nested")
                                .contains("@Serial belongs on"));
    }

    @Test
    void theRunFailsWithTheErrorsWithoutRunningTheTests() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(selectClass(BadAnnotationsFixture.class))
                .configurationParameter("xdist.workers", "1")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        TestExecutionResult engine =
                results.containerEvents().finished().list().get(0).getRequiredPayload(TestExecutionResult.class);
        assertThat(engine.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(engine.getThrowable().orElseThrow()).hasMessageContaining("setUp() is not a test method");
    }
}
