package io.github.junitxdist.coordinator;

import static io.github.junitxdist.api.Constants.IN_PROCESS_WORKER;
import static io.github.junitxdist.api.Constants.TEST_RUN_UID_SYSTEM_PROPERTY;
import static io.github.junitxdist.api.Constants.WORKER_COUNT_SYSTEM_PROPERTY;
import static io.github.junitxdist.api.Constants.WORKER_SYSTEM_PROPERTY;

import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Throwables;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.relay.TreeState;
import io.github.junitxdist.relay.UnitRelay;
import io.github.junitxdist.scheduling.Scheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import io.github.junitxdist.worker.EventForwarder;
import io.github.junitxdist.worker.UnitRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Runs every unit in the calling JVM, one after another, through the same unit runner a worker uses
 * ({@code xdist.workers=0}, or a debugger attached).
 *
 * <p>Runs on the thread that calls {@link #run}; holds no state.
 */
final class InProcessExecution {

    private InProcessExecution() {}

    static void run(
            ExecutionPlan plan,
            Scheduler scheduler,
            RelayListener listener,
            Cancellation cancellation,
            DurationHistory history,
            ConfigurationParameters configuration,
            String testRunUid) {
        Map<String, String> previous = setIdentity(testRunUid);
        var tree = new TreeState(plan.holders(), listener);
        try (var runner = new UnitRunner(false)) {
            for (Optional<WorkUnit> next = scheduler.next(0); next.isPresent(); next = scheduler.next(0)) {
                WorkUnit unit = next.get();
                var relay = new UnitRelay(plan.scope(unit), plan.index(), listener, tree);
                Optional<String> cancelled = cancellation.reason();
                if (cancelled.isPresent()) {
                    relay.skip(cancelled.get());
                    scheduler.done(unit);
                    continue;
                }
                var forwarder = new EventForwarder(relay::handle, Throwables::local);
                long start = System.nanoTime();
                runner.run(
                        plan.request(unit), request -> request.parentConfigurationParameters(configuration), forwarder);
                history.record(unit.uniqueId(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                relay.finish(forwarder.engineFailure(), IN_PROCESS_WORKER);
                scheduler.done(unit);
            }
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static Map<String, String> setIdentity(String testRunUid) {
        Map<String, String> identity = Map.of(
                WORKER_SYSTEM_PROPERTY, IN_PROCESS_WORKER,
                WORKER_COUNT_SYSTEM_PROPERTY, "1",
                TEST_RUN_UID_SYSTEM_PROPERTY, testRunUid);
        Map<String, String> previous = new HashMap<>();
        identity.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        return previous;
    }
}
