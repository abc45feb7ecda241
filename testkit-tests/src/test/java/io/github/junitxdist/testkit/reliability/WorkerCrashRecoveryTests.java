package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.testkit.fixtures.crash.OrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.crash.OtherOrdinaryFixture;
import io.github.junitxdist.testkit.fixtures.reliability.CrashingFixture;
import io.github.junitxdist.testkit.fixtures.reliability.ExitHeldUpFixture;
import io.github.junitxdist.testkit.fixtures.reliability.ExitThreeFixture;
import io.github.junitxdist.testkit.fixtures.reliability.ExitZeroFixture;
import io.github.junitxdist.testkit.fixtures.reliability.HaltFixture;
import io.github.junitxdist.testkit.fixtures.reliability.KillNineFixture;
import io.github.junitxdist.testkit.fixtures.reliability.OutOfMemoryFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A worker that dies in the middle of a test, however it dies, fails that test alone with a
 * {@link WorkerLostException} naming the worker, its exit status and the end of its stderr; the tests of the class that
 * had not started run on a fresh worker and pass, the tests that had finished keep their results, every test is
 * reported exactly once and the other classes pass. Once {@code xdist.maxWorkerRestart} replacements are used up,
 * every test not run yet fails with the reason instead of hanging the run.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class WorkerCrashRecoveryTests {

    /**
     * One way to die.
     *
     * @param fixture the class whose test {@code crashes} ends its worker
     * @param exitStatus regular expression for what the message says in {@code died (<exitStatus>)}
     * @param jvmArgs {@code xdist.jvmArgs} of the run
     * @param alsoSays text the message must contain besides, or {@code ""}
     */
    record Crash(Class<? extends CrashingFixture> fixture, String exitStatus, String jvmArgs, String alsoSays) {

        @Override
        public String toString() {
            return fixture.getSimpleName();
        }
    }

    static Stream<Crash> crashes() {
        return Stream.of(
                new Crash(ExitThreeFixture.class, "exit code 3[^)]*", "", ""),
                new Crash(ExitZeroFixture.class, "exit code 0[^)]*", "", ""),
                new Crash(HaltFixture.class, "exit code 5[^)]*", "", ""),
                new Crash(KillNineFixture.class, "exit code 137 \\(signal 9\\)", "", ""),
                new Crash(OutOfMemoryFixture.class, "exit code \\d+[^)]*", "-Xmx64m", "OutOfMemoryError"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashes")
    void failsOnlyTheCrashedTestAndRunsTheRestOfItsClassOnAFreshWorker(Crash crash) {
        EngineTestKit.Builder run = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(crash.fixture()),
                        selectClass(OrdinaryFixture.class),
                        selectClass(OtherOrdinaryFixture.class))
                .configurationParameter("xdist.workers", "2");
        if (!crash.jvmArgs().isEmpty()) {
            run.configurationParameter("xdist.jvmArgs", crash.jvmArgs());
        }
        EngineExecutionResults results = run.execute();

        Outcomes outcomes = Outcomes.of(results).assertEveryTestReportedOnce();
        Class<? extends CrashingFixture> fixture = crash.fixture();
        TestExecutionResult crashed = outcomes.result(fixture, "crashes");
        assertThat(crashed.getStatus()).as("status of the crashed test").isEqualTo(Status.FAILED);
        assertThat(crashed.getThrowable()).get().isInstanceOf(WorkerLostException.class);
        assertThat(crashed.getThrowable().orElseThrow().getMessage())
                .matches("(?s)junit-xdist worker gw\\d+ died \\(" + crash.exitStatus() + "\\).*")
                .contains(crash.alsoSays());

        assertThat(outcomes.result(fixture, "passesBeforeTheCrash").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.failureMessage(fixture, "failsBeforeTheCrash"))
                .isEqualTo(CrashingFixture.FAILURE_BEFORE_THE_CRASH);
        assertThat(outcomes.result(fixture, "runsAfterTheCrash").getStatus())
                .as("a test after the crash, on a fresh worker")
                .isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(fixture, "alsoRunsAfterTheCrash").getStatus())
                .as("a test after the crash, on a fresh worker")
                .isEqualTo(Status.SUCCESSFUL);
        List<String> pidBefore = outcomes.reportEntries(fixture, "passesBeforeTheCrash", CrashingFixture.PID_KEY);
        List<String> pidAfter = outcomes.reportEntries(fixture, "runsAfterTheCrash", CrashingFixture.PID_KEY);
        assertThat(pidAfter)
                .as("pid of the JVM that ran the tests after the crash")
                .hasSize(1)
                .doesNotContainAnyElementsOf(pidBefore);
        assertOrdinaryClassesPassed(outcomes);
        results.testEvents()
                .assertStatistics(
                        stats -> stats.started(8).finished(8).succeeded(6).failed(2));
    }

    /**
     * A worker whose exit a shutdown hook holds up forever said it began to exit; it is killed a few seconds later, the
     * test that called {@code System.exit} fails with that reason and the run goes on (without {@code xdist.timeout}).
     */
    @Test
    void stopsAWorkerWhoseExitAShutdownHookHoldsUp() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(selectClass(ExitHeldUpFixture.class), selectClass(OrdinaryFixture.class))
                .configurationParameter("xdist.workers", "1")
                .execute();

        Outcomes outcomes = Outcomes.of(results).assertEveryTestReportedOnce();
        Class<ExitHeldUpFixture> fixture = ExitHeldUpFixture.class;
        assertThat(outcomes.result(fixture, "passesBefore").getStatus()).isEqualTo(Status.SUCCESSFUL);
        TestExecutionResult held = outcomes.result(fixture, "exitsWithABlockingShutdownHook");
        assertThat(held.getStatus()).isEqualTo(Status.FAILED);
        assertThat(held.getThrowable()).get().isInstanceOf(WorkerLostException.class);
        assertThat(held.getThrowable().orElseThrow().getMessage())
                .startsWith(
                        "junit-xdist worker gw0 began to exit but was still running 5 s later, held up by a shutdown hook or a"
                                + " thread that does not end; it was killed (exit code 137 (signal 9))");
        assertThat(outcomes.result(fixture, "runsAfterOnAFreshWorker").getStatus())
                .isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OrdinaryFixture.class, "one").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OrdinaryFixture.class, "two").getStatus()).isEqualTo(Status.SUCCESSFUL);
    }

    @Test
    void failsEveryTestNotRunYetOnceNoReplacementWorkerIsLeft() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(ExitThreeFixture.class),
                        selectClass(OrdinaryFixture.class),
                        selectClass(OtherOrdinaryFixture.class))
                .configurationParameter("xdist.workers", "1")
                .configurationParameter("xdist.maxWorkerRestart", "0")
                .execute();

        // One worker runs the costliest class (ExitThreeFixture, five tests) first; its crash leaves no worker.
        Outcomes outcomes = Outcomes.of(results).assertEveryTestReportedOnce();
        Class<ExitThreeFixture> fixture = ExitThreeFixture.class;
        assertThat(outcomes.result(fixture, "passesBeforeTheCrash").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.failureMessage(fixture, "failsBeforeTheCrash"))
                .isEqualTo(CrashingFixture.FAILURE_BEFORE_THE_CRASH);
        assertThat(outcomes.failureMessage(fixture, "crashes"))
                .matches("(?s)junit-xdist worker gw0 died \\(exit code 3[^)]*\\).*");
        String notRun = "junit-xdist: not run, xdist.maxWorkerRestart=0 replacement workers were used up;";
        assertNotRun(outcomes, fixture, "runsAfterTheCrash", notRun);
        assertNotRun(outcomes, fixture, "alsoRunsAfterTheCrash", notRun);
        assertNotRun(outcomes, OrdinaryFixture.class, "one", notRun);
        assertNotRun(outcomes, OrdinaryFixture.class, "two", notRun);
        assertNotRun(outcomes, OtherOrdinaryFixture.class, "three", notRun);
    }

    private static void assertNotRun(Outcomes outcomes, Class<?> testClass, String method, String reason) {
        TestExecutionResult result = outcomes.result(testClass, method);
        assertThat(result.getStatus())
                .as("status of %s#%s", testClass.getSimpleName(), method)
                .isEqualTo(Status.FAILED);
        assertThat(result.getThrowable()).get().isInstanceOf(WorkerLostException.class);
        assertThat(result.getThrowable().orElseThrow().getMessage()).startsWith(reason);
    }

    private static void assertOrdinaryClassesPassed(Outcomes outcomes) {
        assertThat(outcomes.result(OrdinaryFixture.class, "one").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OrdinaryFixture.class, "two").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(OtherOrdinaryFixture.class, "three").getStatus())
                .isEqualTo(Status.SUCCESSFUL);
    }
}
