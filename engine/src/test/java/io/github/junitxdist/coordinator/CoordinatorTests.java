package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.coordinator.FakeWorkers.Action;
import io.github.junitxdist.coordinator.FakeWorkers.Script;
import io.github.junitxdist.discovery.ItemTraits;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.scheduling.Affinity;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.Scheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The coordinator and the relay driven by scripted fake workers (see {@link FakeWorkers}): no JVMs, each run in
 * milliseconds. Each test asserts the exact sequence of events the launcher's listener sees, and that the listener
 * contract (exactly once, enclosure) held.
 */
@Timeout(10)
class CoordinatorTests {

    private static final String DIED =
            "junit-xdist worker gw0 died (exit code 134 (signal 6)). (its stdout and stderr were empty)";

    @TempDir
    Path temp;

    private final EngineDescriptor root = new EngineDescriptor(UniqueId.forEngine("xdist"), "xdist");
    private RecordingListener listener = new RecordingListener();
    private FakeWorkers workers;
    private DurationHistory history;

    @AfterEach
    void contractKept() {
        listener.assertContractKept();
    }

    @Test
    void wellBehavedWorkersReportEveryTestOnce() throws Exception {
        testClass("A", "a1", "a2");
        testClass("B", "b1");

        run(Distribution.LOADSCOPE, 2, 0, null, OptionalInt.empty(), launch -> Script.WELL_BEHAVED);

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a2",
                        "finished a2 SUCCESSFUL",
                        "finished A SUCCESSFUL",
                        "started B",
                        "started b1",
                        "finished b1 SUCCESSFUL",
                        "finished B SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0", "gw1 start #1",
                        "gw0 <- Init", "gw0 <- run unit 0 [A, a1, a2]",
                        "gw1 <- Init", "gw1 <- run unit 1 [B, b1]");
    }

    @Test
    void theFirstUnitOfEachWorkerIsKeptApartInTheHistoryAndTheRestCountAsWarm() throws Exception {
        testClass("A", "a1", "a2", "a3");
        testClass("B", "b1", "b2");
        testClass("C", "c1");

        run(Distribution.LOADSCOPE, 2, 0, null, OptionalInt.empty(), launch -> Script.WELL_BEHAVED);
        history.save();

        assertThat(Files.readAllLines(temp.resolve("durations")))
                .filteredOn(line -> line.contains("[engine:xdist]") && !line.contains("\tmeasured at "))
                .extracting(line -> line.substring(line.indexOf('\t') + 1))
                .containsExactlyInAnyOrder(
                        "first on a worker [engine:xdist]/[class:A]",
                        "first on a worker [engine:xdist]/[class:B]",
                        "[engine:xdist]/[class:C]");
    }

    @Test
    void aCrashInsideATestFailsThatTestAndTheRestOfItsClassRunsOnAReplacement() throws Exception {
        testClass("A", "a1", "a2", "a3");

        run(
                Distribution.LOADSCOPE,
                1,
                1,
                null,
                OptionalInt.empty(),
                launch -> launch == 0 ? Script.at("a2", Action.CRASH) : Script.WELL_BEHAVED);

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a2",
                        "finished a2 FAILED " + DIED,
                        "started a3",
                        "finished a3 SUCCESSFUL",
                        "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1, a2, a3]",
                        "gw0 crashes in a2",
                        "gw0 start #1",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a3]");
    }

    @Test
    void aRelayThreadThatDiesWithoutReportingTheEndStillEndsTheRunAndTheRestRunsOnAReplacement() throws Exception {
        testClass("A", "a1", "a2", "a3");

        run(
                Distribution.LOADSCOPE,
                1,
                1,
                null,
                OptionalInt.empty(),
                launch -> launch == 0 ? Script.at("a2", Action.READER_DIES) : Script.WELL_BEHAVED);

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a2",
                        "finished a2 FAILED junit-xdist stopped worker gw0 after an error relaying its events:"
                                + " java.lang.IllegalStateException: the thread relaying worker gw0's events died",
                        "started a3",
                        "finished a3 SUCCESSFUL",
                        "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1, a2, a3]",
                        "gw0's reading thread dies in a2",
                        "gw0 start #1",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a3]");
    }

    @Test
    void aCrashInAClassLifecycleMethodFailsTheWholeClassAndIsNotRetried() throws Exception {
        testClass("A", "a1", "a2");

        run(Distribution.LOADSCOPE, 1, 1, null, OptionalInt.empty(), launch -> Script.at("A", Action.CRASH));

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 FAILED " + DIED,
                        "started a2",
                        "finished a2 FAILED " + DIED,
                        "finished A FAILED " + DIED);
        assertThat(workers.log)
                .containsExactly("gw0 start #0", "gw0 <- Init", "gw0 <- run unit 0 [A, a1, a2]", "gw0 crashes in A");
    }

    @Test
    void aTestThatOutlivesTheTimeoutFailsWithTheWorkersThreadsAndTheRestRunsOnAReplacement() throws Exception {
        testClass("A", "a1", "a2", "a3");

        run(
                Distribution.LOADSCOPE,
                1,
                1,
                Duration.ofMillis(20),
                OptionalInt.empty(),
                launch -> launch == 0 ? Script.at("a2", Action.HANG) : Script.WELL_BEHAVED);

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a2",
                        "finished a2 FAILED junit-xdist: this test ran longer than xdist.timeout=0.02 s; worker gw0 was"
                                + " stopped. Its threads:\nfake threads of gw0",
                        "started a3",
                        "finished a3 SUCCESSFUL",
                        "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1, a2, a3]",
                        "gw0 hangs in a2",
                        "gw0 <- DumpThreads",
                        "gw0 start #1",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a3]");
    }

    @Test
    void afterMaxfailFailuresTheUnitsNotStartedAreSkipped() throws Exception {
        testClass("A", "a1", "a2");
        testClass("B", "b1");

        run(Distribution.LOADSCOPE, 1, 0, null, OptionalInt.of(1), launch -> Script.at("a1", Action.FAIL));

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 FAILED",
                        "started a2",
                        "finished a2 SUCCESSFUL",
                        "finished A SUCCESSFUL",
                        "skipped B junit-xdist: not run, xdist.maxfail=1 failed tests reached");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1, a2]",
                        "gw0 <- Verdict(cancelled=true)");
    }

    @Test
    void aFailureThatReachesMaxfailCancelsTheUnitAnotherWorkerIsRunning() throws Exception {
        testClass("A", "a1", "a2", "a3");
        testClass("B", "b1");

        run(
                Distribution.LOADSCOPE,
                2,
                0,
                null,
                OptionalInt.of(1),
                launch -> launch == 0 ? Script.at("a2", Action.HANG) : Script.at("b1", Action.FAIL));

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a2",
                        "started B",
                        "started b1",
                        "finished b1 FAILED",
                        "finished B SUCCESSFUL",
                        "finished a2 SUCCESSFUL",
                        "skipped a3 cancelled",
                        "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw1 start #1",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1, a2, a3]",
                        "gw0 hangs in a2",
                        "gw1 <- Init",
                        "gw1 <- run unit 1 [B, b1]",
                        "gw1 <- Verdict(cancelled=true)",
                        "gw0 <- Cancel");
    }

    @Test
    void aWorkerThatNeverConnectsFailsItsTestsWithWhyOnceNoRestartIsLeft() throws Exception {
        testClass("A", "a1");

        run(Distribution.LOADSCOPE, 1, 0, null, OptionalInt.empty(), launch -> Script.neverConnects());

        String why = "junit-xdist: not run, xdist.maxWorkerRestart=0 replacement workers were used up; junit-xdist"
                + " worker gw0 could not start (exit code 1). (its stdout and stderr were empty)";
        assertThat(listener.events)
                .containsExactly("started A", "started a1", "finished a1 FAILED " + why, "finished A FAILED " + why);
        assertThat(workers.log).containsExactly("gw0 start #0");
    }

    @Test
    void aWorkerThatDiesRightAfterConnectingIsReplaced() throws Exception {
        testClass("A", "a1");

        run(
                Distribution.LOADSCOPE,
                1,
                1,
                null,
                OptionalInt.empty(),
                launch -> launch == 0 ? Script.dyingOnConnect() : Script.WELL_BEHAVED);

        assertThat(listener.events)
                .containsExactly("started A", "started a1", "finished a1 SUCCESSFUL", "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw0 dies on connecting",
                        "gw0 start #1",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1]");
    }

    @Test
    void aClassSplitOverTwoWorkersStartsAndFinishesOnce() throws Exception {
        testClass("A", "a1", "a2", "a3", "a4");

        run(Distribution.LOAD, 2, 0, null, OptionalInt.empty(), launch -> Script.WELL_BEHAVED);

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a3",
                        "finished a3 SUCCESSFUL",
                        "started a2",
                        "finished a2 SUCCESSFUL",
                        "started a4",
                        "finished a4 SUCCESSFUL",
                        "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0", "gw1 start #1",
                        "gw0 <- Init", "gw0 <- run unit 0 [A, a1, a3]",
                        "gw1 <- Init", "gw1 <- run unit 1 [A, a2, a4]");
    }

    @Test
    void aTestReportedTwiceByItsWorkerEndsOnce() throws Exception {
        testClass("A", "a1", "a2");

        run(
                Distribution.LOADSCOPE,
                1,
                0,
                null,
                OptionalInt.empty(),
                launch -> Script.at("a1", Action.DUPLICATE_FINISH));

        assertThat(listener.events)
                .containsExactly(
                        "started A",
                        "started a1",
                        "finished a1 SUCCESSFUL",
                        "started a2",
                        "finished a2 SUCCESSFUL",
                        "finished A SUCCESSFUL");
    }

    @Test
    void aLaterRunReusesTheWorkerAnEarlierRunLeftIdle() throws Exception {
        testClass("A", "a1");
        workers = new FakeWorkers(root, launch -> Script.WELL_BEHAVED);
        runWith(Distribution.LOADSCOPE, 1, 0, null, OptionalInt.empty());
        listener.assertContractKept();
        listener = new RecordingListener(); // a new run: the launcher hears about the same tree again

        runWith(Distribution.LOADSCOPE, 1, 0, null, OptionalInt.empty());

        assertThat(listener.events)
                .containsExactly("started A", "started a1", "finished a1 SUCCESSFUL", "finished A SUCCESSFUL");
        assertThat(workers.log)
                .containsExactly(
                        "gw0 start #0",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1]",
                        "gw0 <- Init",
                        "gw0 <- run unit 0 [A, a1]");
    }

    private void run(
            Distribution distribution,
            int count,
            int maxRestarts,
            Duration timeout,
            OptionalInt maxFail,
            IntFunction<Script> scripts)
            throws InterruptedException {
        workers = new FakeWorkers(root, scripts);
        runWith(distribution, count, maxRestarts, timeout, maxFail);
    }

    /** One run of the plan over the fake workers, as {@link XdistExecutor} sets it up (less the engine root). */
    private void runWith(Distribution distribution, int count, int maxRestarts, Duration timeout, OptionalInt maxFail)
            throws InterruptedException {
        var plan = new ExecutionPlan(root, List.of(), ExecutionPlan::subtreeIds, new ItemTraits());
        List<WorkUnit> units = plan.cut(distribution, count);
        int useful = Scheduler.usefulWorkers(units, count);
        var relayListener = new RelayListener(listener);
        var settings = new Coordinator.Settings(
                workers,
                new Init(Map.of(), Map.of()),
                maxRestarts,
                Optional.ofNullable(timeout),
                history = DurationHistory.load(temp.resolve("durations"), "xdist.durations.file"),
                Affinity.NONE,
                Duration.ofMillis(2));
        new Coordinator(
                        plan,
                        distribution.scheduler(units, useful),
                        relayListener,
                        Cancellation.byMaxFail(maxFail, relayListener),
                        settings,
                        2)
                .run(useful);
    }

    private void testClass(String name, String... tests) {
        var testClass = new Node(root.getUniqueId().append("class", name), TestDescriptor.Type.CONTAINER);
        root.addChild(testClass);
        for (String test : tests) {
            testClass.addChild(new Node(testClass.getUniqueId().append("method", test), TestDescriptor.Type.TEST));
        }
    }

    private static final class Node extends AbstractTestDescriptor {

        private final Type type;

        Node(UniqueId id, Type type) {
            super(id, id.getLastSegment().getValue());
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }
    }
}
