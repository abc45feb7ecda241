package io.github.junitxdist.coordinator;

import static io.github.junitxdist.api.Constants.IN_PROCESS_WORKER;

import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Throwables;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.relay.TreeState;
import io.github.junitxdist.relay.UnitRelay;
import io.github.junitxdist.scheduling.Scheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import io.github.junitxdist.worker.EventForwarder;
import io.github.junitxdist.worker.UnitRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;

/**
 * Runs the units in the calling JVM ({@code xdist.workers=0}, a debugger attached, or {@code xdist.workers=auto} finding
 * workers not worth starting), through the same unit runner a worker uses: all of them in one execution, as plain
 * Jupiter would run them, with each unit's duration taken from its top-level classes' start and finish; with
 * {@code xdist.maxfail}, which stops the run between units, one unit after another.
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
            ConfigurationParameters configuration) {
        var identity = InProcessIdentity.set();
        try (var runner = new UnitRunner(false)) {
            if (cancellation.launcherOnly()) {
                runAtOnce(plan, scheduler.drain(), listener, cancellation, history, configuration, runner);
                return;
            }
            var tree = new TreeState(plan.holders(), listener);
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
            identity.restore();
        }
    }

    /**
     * Runs all units in one execution: one request selecting them all, one relay over all their items. A failure that
     * makes the launcher cancel the run cancels the execution before the next test starts, as in plain Jupiter.
     */
    private static void runAtOnce(
            ExecutionPlan plan,
            List<WorkUnit> units,
            RelayListener listener,
            Cancellation cancellation,
            DurationHistory history,
            ConfigurationParameters configuration,
            UnitRunner runner) {
        if (units.isEmpty()) {
            return;
        }
        List<TestDescriptor> items = new ArrayList<>();
        Set<String> containers = new LinkedHashSet<>();
        Set<String> selectors = new LinkedHashSet<>();
        Set<String> allowed = new LinkedHashSet<>();
        Map<String, WorkUnit> unitOfTop = new HashMap<>();
        for (WorkUnit unit : units) {
            ExecutionPlan.Scope scope = plan.scope(unit);
            items.addAll(scope.items());
            containers.addAll(scope.containers());
            RunUnit request = plan.request(unit);
            selectors.addAll(request.selectors());
            allowed.addAll(request.allowedIds());
            scope.tops().forEach(top -> unitOfTop.put(top.getUniqueId().toString(), unit));
        }
        Map<String, Integer> holders = new HashMap<>();
        containers.forEach(container -> holders.put(container, 1));
        var relay = new UnitRelay(
                new ExecutionPlan.Scope(items, containers), plan.index(), listener, new TreeState(holders, listener));
        Optional<String> cancelled = cancellation.reason();
        if (cancelled.isPresent()) {
            relay.skip(cancelled.get());
            return;
        }
        var durations = new UnitDurations(unitOfTop);
        var forwarder = new EventForwarder(
                message -> {
                    durations.seen(message);
                    relay.handle(message);
                    if (message instanceof Message.Finished finished
                            && finished.status() == Message.Status.FAILED
                            && cancellation.reason().isPresent()) {
                        runner.cancel();
                    }
                },
                Throwables::local);
        runner.run(
                new RunUnit(0, List.copyOf(selectors), allowed),
                request -> request.parentConfigurationParameters(configuration),
                forwarder);
        durations.recordIn(history);
        relay.finish(forwarder.engineFailure(), IN_PROCESS_WORKER);
    }
}
