package io.github.junitxdist.coordinator;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.api.InvalidConfigurationException;
import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.report.ReplayOrder;
import io.github.junitxdist.scheduling.Affinity;
import io.github.junitxdist.scheduling.Costs;
import io.github.junitxdist.scheduling.ReplayScheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;

/**
 * {@code xdist.replay}: runs the units one worker of an earlier run executed, in its order, on one fresh worker; the
 * other selected tests are reported skipped. The units are cut as in that run (the same {@code xdist.dist}); a unit of
 * the recorded order that is not among the selected tests fails the run with one message naming the key and value.
 * Runs on the thread that executes the run.
 */
final class Replay {

    private Replay() {}

    static void run(
            ConfigurationParameters parameters,
            ExecutionPlan plan,
            XdistConfiguration configuration,
            RelayListener listener,
            Cancellation cancellation,
            DurationHistory history,
            RunReporting reporting)
            throws Exception {
        String value = configuration.replay().orElseThrow();
        ReplayOrder replay = ReplayOrder.read(value, Path.of(System.getProperty("user.dir")));
        List<WorkUnit> order = order(plan, configuration, history, replay, value);
        String reason = "replaying the order of %s from %s: %d unit%s on one worker"
                .formatted(replay.worker(), replay.file(), order.size(), order.size() == 1 ? "" : "s");
        refusePartClasses(plan, configuration, order, replay, value);
        skipTheOthers(plan, configuration, order, listener, reason);
        System.err.println("junit-xdist: " + reason);
        reporting.begin(plan, order);
        XdistExecutor.runForked(
                parameters,
                plan,
                1,
                new ReplayScheduler(order),
                Affinity.NONE,
                configuration,
                listener,
                cancellation,
                history,
                reporting);
        XdistExecutor.isolate(parameters, plan, order, configuration, cancellation, reporting);
        reporting.end(1, reason);
    }

    private static List<WorkUnit> order(
            ExecutionPlan plan,
            XdistConfiguration configuration,
            DurationHistory history,
            ReplayOrder replay,
            String value) {
        Map<String, WorkUnit> byId = new HashMap<>();
        Costs.of(history.earlierMillis())
                .estimate(plan.cut(configuration.distribution(), 1))
                .forEach(unit -> byId.put(unit.uniqueId(), unit));
        List<WorkUnit> order = new ArrayList<>();
        for (String id : replay.units()) {
            WorkUnit unit = byId.get(id);
            String whole = WorkUnit.wholeClass(id);
            if (unit == null && !whole.equals(id) && byId.containsKey(whole)) {
                throw new InvalidConfigurationException(("Invalid value '%s' for configuration parameter %s: unit %s of"
                                + " %s is a part of a class that run cut for several workers; expected a replay of"
                                + " whole classes: replay a run with %s=false (and %s=loadscope)")
                        .formatted(
                                value,
                                Constants.REPLAY_PROPERTY_NAME,
                                id,
                                replay.worker(),
                                Constants.SPLIT_PROPERTY_NAME,
                                Constants.DIST_PROPERTY_NAME));
            }
            if (unit == null) {
                throw new InvalidConfigurationException(
                        ("Invalid value '%s' for configuration parameter %s: unit %s of %s is not among the selected"
                                        + " tests; expected the report of a run of the same tests with the same %s")
                                .formatted(
                                        value,
                                        Constants.REPLAY_PROPERTY_NAME,
                                        id,
                                        replay.worker(),
                                        Constants.DIST_PROPERTY_NAME));
            }
            order.add(unit);
        }
        return order;
    }

    /**
     * Refuses an order that holds some of a class's selected tests but not all (units of {@code xdist.dist=load} or
     * {@code worksteal} cut classes): the others could not be reported skipped inside a class that runs, and a test
     * must not go unreported.
     */
    private static void refusePartClasses(
            ExecutionPlan plan,
            XdistConfiguration configuration,
            List<WorkUnit> order,
            ReplayOrder replay,
            String value) {
        Set<String> replayed = new HashSet<>();
        Set<TestDescriptor> kept = new HashSet<>();
        for (WorkUnit unit : order) {
            replayed.add(unit.uniqueId());
            kept.addAll(plan.scope(unit).tops());
        }
        for (WorkUnit unit : plan.cut(configuration.distribution(), 1)) {
            if (replayed.contains(unit.uniqueId())) {
                continue;
            }
            for (TestDescriptor top : plan.scope(unit).tops()) {
                if (kept.contains(top)) {
                    throw new InvalidConfigurationException(("Invalid value '%s' for configuration parameter %s: the"
                                    + " order of %s holds only some of the selected tests of %s; expected a replay of"
                                    + " whole classes: select only the tests that order ran, or replay a run with"
                                    + " %s=loadscope and %s=false")
                            .formatted(
                                    value,
                                    Constants.REPLAY_PROPERTY_NAME,
                                    replay.worker(),
                                    top.getDisplayName(),
                                    Constants.DIST_PROPERTY_NAME,
                                    Constants.SPLIT_PROPERTY_NAME));
                }
            }
        }
    }

    /** Reports the top-level containers of the units not replayed skipped, those the replayed units share aside. */
    private static void skipTheOthers(
            ExecutionPlan plan,
            XdistConfiguration configuration,
            List<WorkUnit> order,
            RelayListener listener,
            String reason) {
        Set<String> replayed = new HashSet<>();
        Set<TestDescriptor> kept = new HashSet<>();
        for (WorkUnit unit : order) {
            replayed.add(unit.uniqueId());
            kept.addAll(plan.scope(unit).tops());
        }
        Set<TestDescriptor> skipped = new HashSet<>();
        for (WorkUnit unit : plan.cut(configuration.distribution(), 1)) {
            if (!replayed.contains(unit.uniqueId())) {
                for (TestDescriptor top : plan.scope(unit).tops()) {
                    if (!kept.contains(top) && skipped.add(top)) {
                        listener.executionSkipped(top, "junit-xdist: not in the order replayed (" + reason + ")");
                    }
                }
            }
        }
    }
}
