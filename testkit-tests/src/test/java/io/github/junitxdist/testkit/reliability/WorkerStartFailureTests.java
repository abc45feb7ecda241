package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.testkit.fixtures.reliability.OnePassingTestFixture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A worker JVM that cannot start fails the tests it would have run with the reason the JVM gave, on whichever stream it
 * gave it: the JVM reports a bad option such as a too small heap on its stdout, not its stderr.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class WorkerStartFailureTests {

    @Test
    void theFailureQuotesWhatTheJvmPrintedOnItsStdout() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(selectClass(OnePassingTestFixture.class))
                .configurationParameter("xdist.workers", "1")
                .configurationParameter("xdist.maxWorkerRestart", "0")
                .configurationParameter("xdist.jvmArgs", "-Xmx1")
                .execute();

        TestExecutionResult result =
                Outcomes.of(results).assertEveryTestReportedOnce().result(OnePassingTestFixture.class, "only");
        assertThat(result.getThrowable()).get().isInstanceOf(WorkerLostException.class);
        assertThat(result.getThrowable().orElseThrow().getMessage())
                .contains("junit-xdist worker gw0 could not start (exit code 1)")
                .contains("Last lines of its stdout:")
                .contains("Too small maximum heap");
    }
}
