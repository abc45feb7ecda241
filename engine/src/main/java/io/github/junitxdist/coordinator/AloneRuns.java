package io.github.junitxdist.coordinator;

import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.process.WorkerPool;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.scheduling.Affinity;
import io.github.junitxdist.scheduling.ReplayScheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The isolation check's trials on real workers: each runs its order on one fresh worker JVM through a {@link
 * Coordinator} of its own, as a replay does, with a listener the launcher never hears of; the worker is stopped after
 * it, so no trial meets what another left in a JVM. Durations are not recorded.
 *
 * <p>Runs on the thread that executes the run.
 */
final class AloneRuns implements Isolation.Trial {

    private final ExecutionPlan plan;
    private final Init init;
    private final XdistConfiguration configuration;
    private final String testRunUid;

    AloneRuns(ExecutionPlan plan, Init init, XdistConfiguration configuration, String testRunUid) {
        this.plan = plan;
        this.init = init;
        this.configuration = configuration;
        this.testRunUid = testRunUid;
    }

    @Override
    public Isolation.Seen run(List<WorkUnit> before, WorkUnit unit, RunUnit alone, String testId)
            throws InterruptedException {
        WorkerPool pool;
        try {
            pool = XdistExecutor.pool(configuration, 1, testRunUid);
        } catch (IOException e) {
            return Isolation.Seen.NOT_SEEN;
        }
        pool.discardIdle();
        var outcomes = new Outcomes();
        var listener = RelayListener.quiet(outcomes);
        List<WorkUnit> order = new ArrayList<>(before);
        order.add(unit);
        var settings = new Coordinator.Settings(
                pool,
                init,
                configuration.maxWorkerRestart().orElse(4),
                configuration.timeout(),
                DurationHistory.scratch(),
                Affinity.NONE,
                XdistExecutor.TICK);
        try {
            new Coordinator(
                            plan,
                            new ReplayScheduler(order),
                            listener,
                            Cancellation.byMaxFail(OptionalInt.empty(), listener),
                            settings,
                            1)
                    .narrowing(unit, alone)
                    .run(1);
        } finally {
            pool.discardIdle(); // what this trial left in the worker's static state must not meet the next one
        }
        return outcomes.of(testId);
    }

    /** What a trial's listener heard: the ids that finished, and those that failed. Called under the relay's lock. */
    private static final class Outcomes implements EngineExecutionListener {
        private final Set<String> finished = new HashSet<>();
        private final Set<String> failed = new HashSet<>();

        @Override
        public synchronized void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
            String id = descriptor.getUniqueId().toString();
            finished.add(id);
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed.add(id);
            }
        }

        synchronized Isolation.Seen of(String testId) {
            if (ExecutionPlan.selfAndAncestors(testId).stream().anyMatch(failed::contains)) {
                return Isolation.Seen.FAILED;
            }
            return finished.contains(testId) ? Isolation.Seen.PASSED : Isolation.Seen.NOT_SEEN;
        }
    }
}
