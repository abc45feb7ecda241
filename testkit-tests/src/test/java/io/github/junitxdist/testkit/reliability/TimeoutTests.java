package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.testkit.fixtures.crash.OrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.crash.OtherOrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.reliability.HangFixture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * With {@code xdist.timeout}, a test that blocks forever fails with a {@link WorkerLostException} that says so and
 * carries a thread dump of its worker showing where it blocked; its worker is replaced, and the rest of its class and
 * the other classes run and pass.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class TimeoutTests {

    @Test
    void failsAHangingTestWithAThreadDumpAndRunsTheRest() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(HangFixture.class),
                        selectClass(OrdinaryFixture.class),
                        selectClass(OtherOrdinaryFixture.class))
                .configurationParameter("xdist.workers", "2")
                .configurationParameter("xdist.timeout", "2")
                .execute();

        Outcomes outcomes = Outcomes.of(results).assertEveryTestReportedOnce();
        TestExecutionResult hung = outcomes.result(HangFixture.class, "blocksForever");
        assertThat(hung.getStatus()).as("status of the hanging test").isEqualTo(Status.FAILED);
        assertThat(hung.getThrowable()).get().isInstanceOf(WorkerLostException.class);
        assertThat(hung.getThrowable().orElseThrow().getMessage())
                .startsWith("junit-xdist: this test ran longer than xdist.timeout=2 s; worker gw")
                .as("thread dump with the blocked test's frame")
                .contains(HangFixture.class.getName() + ".blocksForever(");

        assertThat(outcomes.result(HangFixture.class, "passesBeforeTheHang").getStatus())
                .isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(HangFixture.class, "runsAfterTheHang").getStatus())
                .as("the test after the hanging one")
                .isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OrdinaryFixture.class, "one").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OrdinaryFixture.class, "two").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OtherOrdinaryFixture.class, "three").getStatus())
                .isEqualTo(Status.SUCCESSFUL);
        results.testEvents()
                .assertStatistics(
                        stats -> stats.started(6).finished(6).succeeded(5).failed(1));
    }
}
