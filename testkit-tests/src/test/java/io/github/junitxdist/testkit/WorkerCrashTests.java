package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.testkit.fixtures.crash.ExitingFixture;
import io.github.junitxdist.testkit.fixtures.crash.OrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.crash.OtherOrdinaryFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A worker that dies in the middle of a unit fails the test it was running, naming the worker, its exit status and its
 * last stderr lines; the rest of its unit and every other test still run, on a replacement worker where needed.
 */
class WorkerCrashTests {

    @ParameterizedTest(name = "xdist.workers={0}")
    @ValueSource(ints = {1, 2})
    void reportsEveryTestOnceWhenAWorkerCallsSystemExit(int workers) {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(ExitingFixture.class),
                        selectClass(OrdinaryFixture.class),
                        selectClass(OtherOrdinaryFixture.class))
                .configurationParameter("xdist.workers", Integer.toString(workers))
                .execute();

        results.testEvents()
                .assertStatistics(
                        stats -> stats.started(6).finished(6).succeeded(5).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("passesBeforeTheExit"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test("callsSystemExit"),
                                finishedWithFailure(
                                        instanceOf(WorkerLostException.class),
                                        message(text -> text.matches(
                                                "(?s)junit-xdist worker gw\\d died \\(exit code 3\\)\\..*")))))
                .haveExactly(1, event(test("runsOnAFreshWorker"), finishedSuccessfully()))
                .haveExactly(1, event(test("one"), finishedSuccessfully()))
                .haveExactly(1, event(test("two"), finishedSuccessfully()))
                .haveExactly(1, event(test("three"), finishedSuccessfully()));
        assertThat(results.containerEvents().failed().count())
                .as("containers failed")
                .isZero();
    }
}
