package io.github.junitxdist.coordinator;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.discovery.FixtureKeys;
import io.github.junitxdist.discovery.ItemTraits;
import io.github.junitxdist.discovery.TestItems;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.process.WorkerPool;
import io.github.junitxdist.process.WorkerStarter;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.scheduling.Affinity;
import io.github.junitxdist.scheduling.Costs;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.LongPoles;
import io.github.junitxdist.scheduling.Scheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import io.github.junitxdist.scheduling.WorkerCount;
import io.github.junitxdist.worker.WorkerMain;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.opentest4j.AssertionFailedError;

/**
 * Executes a run: reports the engine root's start and finish, and the plan's units in between, on worker JVMs or, with
 * {@code xdist.workers=0}, a debugger attached, or when {@code xdist.workers=auto} finds forking not worth it (see
 * {@link WorkerCount}), in the calling JVM.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class XdistExecutor {

    private static final Logger LOGGER = Logger.getLogger("io.github.junitxdist");

    private static final List<Class<?>> CLASSPATH_ANCHORS = List.of(
            Launcher.class,
            TestEngine.class,
            JupiterTestEngine.class,
            org.junit.jupiter.api.Test.class,
            org.junit.platform.commons.support.AnnotationSupport.class,
            AssertionFailedError.class,
            WorkerMain.class);

    /** The fixture key of the units the history found slow only when first on a worker. */
    private static final String LEARNED_FIXTURE = "junit-xdist: slow when first on a worker";

    /** How long the coordinator waits for an event before it looks at time limits and cancellation again. */
    static final Duration TICK = Duration.ofMillis(200);

    private XdistExecutor() {}

    /**
     * Runs the plan.
     *
     * @param shard what the shard kept, if the run is split by {@code xdist.shard}: told in the summary
     */
    public static void execute(
            ExecutionRequest request,
            ExecutionPlan plan,
            XdistConfiguration configuration,
            Optional<ShardSelection> shard) {
        var reporting = new RunReporting(request, configuration, shard.map(ShardSelection::line));
        var listener = new RelayListener(reporting.listener());
        var root = request.getRootTestDescriptor();
        listener.executionStarted(root);
        TestExecutionResult result;
        try {
            var cancellation = Cancellation.of(request, configuration.maxFail(), listener);
            run(request.getConfigurationParameters(), plan, configuration, listener, cancellation, reporting);
            result = listener.engineFailure().map(TestExecutionResult::failed).orElse(TestExecutionResult.successful());
        } catch (Exception e) {
            result = TestExecutionResult.failed(e);
        }
        listener.executionFinished(root, result);
    }

    private static void run(
            ConfigurationParameters parameters,
            ExecutionPlan plan,
            XdistConfiguration configuration,
            RelayListener listener,
            Cancellation cancellation,
            RunReporting reporting)
            throws Exception {
        if (plan.items().isEmpty()) {
            reporting.shardAlone();
            return;
        }
        var history = DurationHistory.load(configuration.durationsFile(), Constants.DURATIONS_FILE_PROPERTY_NAME);
        if (configuration.replay().isPresent()) {
            try {
                Replay.run(parameters, plan, configuration, listener, cancellation, history, reporting);
            } finally {
                history.save();
            }
            return;
        }
        boolean debugger = WorkerStarter.debuggerAttached();
        int workers = configuration.workers() == 0 || debugger ? 0 : configuration.workers();
        Costs costs = Costs.of(history.earlierMillis());
        List<WorkUnit> units = costs.estimate(plan.cut(configuration.distribution(), Math.max(1, workers)));
        String reason = "";
        if (workers > 0 && configuration.adaptive()) {
            WorkerCount count = decide(units, costs, history, workers);
            reason = count.reason();
            announce(count);
            if (count.workers() != workers && count.workers() > 0) {
                units = costs.estimate(plan.cut(configuration.distribution(), count.workers()));
            }
            workers = count.workers();
        }
        String cut = "";
        Set<String> poles = longPoles(parameters, plan, configuration, units, costs, workers);
        if (!poles.isEmpty()) {
            units = costs.estimate(plan.cut(configuration.distribution(), workers, poles));
            cut = poles.stream()
                    .map(XdistExecutor::simpleName)
                    .collect(Collectors.joining(", ", "; long pole cut into parts: ", ""));
        }
        int useful = workers == 0 ? 1 : Scheduler.usefulWorkers(units, workers);
        Affinity affinity = useful > 1 ? fixtureAffinity(plan, units, history) : Affinity.NONE;
        Scheduler scheduler = configuration.distribution().scheduler(units, useful, affinity);
        try {
            if (workers == 0) {
                reporting.shardAlone();
                long start = System.nanoTime();
                runInProcess(parameters, plan, scheduler, configuration, listener, cancellation, history, debugger);
                history.recordCallingJvmRun(millisSince(start), classes(units));
            } else {
                long start = System.nanoTime();
                ProcessorClock processors = ProcessorClock.start();
                reporting.begin(plan, units);
                runForked(
                        parameters,
                        plan,
                        useful,
                        scheduler,
                        affinity,
                        configuration,
                        listener,
                        cancellation,
                        history,
                        reporting);
                long wall = millisSince(start);
                long busy = processors.busyThousandths();
                isolate(parameters, plan, units, configuration, cancellation, reporting);
                reporting.end(
                        useful,
                        (configuration.adaptive() ? reason : RunReporting.explicit(workers, useful, units.size()))
                                + cut);
                history.recordForkedRun(wall, classes(units), busy, predictedByThisRun(units, useful, history));
            }
        } finally {
            history.save();
        }
    }

    /**
     * Which fixture each unit needs: by the first top-level class it holds (see {@link FixtureKeys}); else, when the
     * history found the unit slow only when first on a worker, one fixture shared by all such units.
     */
    private static Affinity fixtureAffinity(ExecutionPlan plan, List<WorkUnit> units, DurationHistory history) {
        FixtureKeys keys = FixtureKeys.load();
        Set<String> slowWhenFirst = history.slowWhenFirst();
        Map<Integer, String> byUnit = new HashMap<>();
        for (WorkUnit unit : units) {
            plan.scope(unit).tops().stream()
                    .map(top -> top.getSource().orElse(null))
                    .filter(ClassSource.class::isInstance)
                    .findFirst()
                    .flatMap(source -> keys.of((ClassSource) source))
                    .or(() -> slowWhenFirst.contains(unit.uniqueId()) ? Optional.of(LEARNED_FIXTURE) : Optional.empty())
                    .ifPresent(key -> byUnit.put(unit.id(), key));
        }
        return Affinity.of(byUnit, units);
    }

    /** What {@code xdist.workers=auto} makes of these units: see {@link WorkerCount}. */
    private static WorkerCount decide(List<WorkUnit> units, Costs costs, DurationHistory history, int processors) {
        return decide(units, (int) classes(units), costs.knowsAny(units), processors, history);
    }

    /**
     * What {@code xdist.workers=auto} makes of units of {@code classes} classes: the estimate of {@link WorkerCount},
     * overruled by whole runs measured before when it says workers (see {@code RunWalls}).
     */
    static WorkerCount decide(
            List<WorkUnit> units, int classes, boolean durations, int processors, DurationHistory history) {
        WorkerCount count = WorkerCount.auto(
                units, classes, durations, processors, history.workerStartMillis(), history.forkFactor());
        if (count.workers() == 0 || !durations) {
            return count;
        }
        return history.runWalls()
                .callingJvmInstead(classes)
                .map(reason -> new WorkerCount(0, reason))
                .orElse(count);
    }

    /**
     * The wall time the forked run's own figures predict for it ({@link WorkerCount#estimate}), when every unit was
     * measured (none lost or skipped); else 0.
     */
    private static long predictedByThisRun(List<WorkUnit> units, int workers, DurationHistory history) {
        Map<String, Long> measured = history.thisRunMillis();
        if (!units.stream().allMatch(unit -> measured.containsKey(unit.uniqueId()))) {
            return 0;
        }
        List<WorkUnit> priced = units.stream()
                .map(unit -> unit.withCost(measured.getOrDefault(unit.uniqueId(), 0L)))
                .toList();
        return WorkerCount.estimate(
                priced, workers, history.latestWorkerStartMillis().orElse(WorkerCount.DEFAULT_START_MILLIS));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static long classes(List<WorkUnit> units) {
        return units.stream().map(unit -> topLevel(unit.uniqueId())).distinct().count();
    }

    /**
     * The classes that {@code loadscope} cuts into parts because each would keep one worker busy after the others
     * finished ({@link LongPoles}); none without durations, under another mode or with {@code xdist.split=false}.
     */
    private static Set<String> longPoles(
            ConfigurationParameters parameters,
            ExecutionPlan plan,
            XdistConfiguration configuration,
            List<WorkUnit> units,
            Costs costs,
            int workers) {
        if (!configuration.split()
                || configuration.distribution() != Distribution.LOADSCOPE
                || workers < 2
                || !costs.knowsAny(units)) {
            return Set.of();
        }
        boolean perClassByDefault = parameters
                .get("junit.jupiter.testinstance.lifecycle.default")
                .map(value -> value.strip().equalsIgnoreCase("per_class"))
                .orElse(false);
        return LongPoles.find(units, workers, id -> plan.mayCut(id, perClassByDefault));
    }

    /** A class's simple name from its unique id, for the console. */
    private static String simpleName(String uniqueId) {
        int start = Math.max(uniqueId.lastIndexOf('.'), uniqueId.lastIndexOf(':')) + 1;
        return uniqueId.substring(start, uniqueId.length() - 1);
    }

    /** Running in the calling JVM is news to a user who expected workers: say so; otherwise log it. */
    private static void announce(WorkerCount count) {
        if (count.workers() == 0) {
            System.err.println(count.reason());
        } else {
            LOGGER.fine(count::reason);
        }
    }

    /** The top-level class of a unit: the outermost segment of its id, without a part suffix. */
    private static String topLevel(String uniqueId) {
        List<String> ancestors = ExecutionPlan.selfAndAncestors(uniqueId);
        return WorkUnit.wholeClass(ancestors.isEmpty() ? uniqueId : ancestors.get(ancestors.size() - 1));
    }

    private static void runInProcess(
            ConfigurationParameters parameters,
            ExecutionPlan plan,
            Scheduler scheduler,
            XdistConfiguration configuration,
            RelayListener listener,
            Cancellation cancellation,
            DurationHistory history,
            boolean debugger) {
        if (debugger && configuration.workers() != 0) {
            System.err.println("junit-xdist: a debugger is attached to this JVM (jdwp), so the tests run in it"
                    + " instead of on forked workers");
        }
        if (configuration.isolateFailures()) {
            System.err.println("junit-xdist: " + Constants.ISOLATE_PROPERTY_NAME + "=failures checks forked runs only;"
                    + " this one runs in the calling JVM");
        }
        InProcessExecution.run(plan, scheduler, listener, cancellation, history, parameters);
    }

    static void runForked(
            ConfigurationParameters parameters,
            ExecutionPlan plan,
            int workers,
            Scheduler scheduler,
            Affinity affinity,
            XdistConfiguration configuration,
            RelayListener listener,
            Cancellation cancellation,
            DurationHistory history,
            RunReporting reporting)
            throws Exception {
        WorkerPool pool = pool(configuration, workers, InProcessIdentity.newTestRunUid());
        if (configuration.replay().isPresent()) {
            pool.discardIdle(); // a replay runs on a fresh worker
        }
        var init = new Init(configurationParameters(parameters), WorkerStarter.forwardedSystemProperties());
        var settings = new Coordinator.Settings(
                pool,
                init,
                configuration.maxWorkerRestart().orElse(4 * workers),
                configuration.timeout(),
                history,
                affinity,
                TICK,
                reporting.record());
        new Coordinator(plan, scheduler, listener, cancellation, settings, WorkerStarts.LIMIT).run(workers);
    }

    /**
     * With {@code xdist.isolate=failures}, runs each test that failed in the forked run of these units again alone,
     * after the run's last unit ended and before its summary (see {@link Isolation}); what it finds goes into the
     * report. Skipped when the launcher cancelled the run.
     */
    static void isolate(
            ConfigurationParameters parameters,
            ExecutionPlan plan,
            List<WorkUnit> units,
            XdistConfiguration configuration,
            Cancellation cancellation,
            RunReporting reporting)
            throws InterruptedException {
        int failed = reporting.record().failedTests().size();
        if (!configuration.isolateFailures()
                || failed == 0
                || !reporting.record().begun()) {
            return;
        }
        reporting.unitsEnded();
        System.err.printf(
                "junit-xdist: running %d failed test%s again alone on fresh workers (%s=failures, at most %d run%s"
                        + " each); the outcomes reported stay as they are%n",
                failed,
                failed == 1 ? "" : "s",
                Constants.ISOLATE_PROPERTY_NAME,
                configuration.isolateMaxRuns(),
                configuration.isolateMaxRuns() == 1 ? "" : "s");
        var init = new Init(configurationParameters(parameters), WorkerStarter.forwardedSystemProperties());
        var trials = new AloneRuns(plan, init, configuration, InProcessIdentity.newTestRunUid());
        var isolation = new Isolation(plan, trials, configuration.isolateMaxRuns(), cancellation::launcherCancelled);
        reporting.record().isolation(isolation.check(units, reporting.record()));
    }

    /**
     * Starts the workers a run of these tests would use, so that they start while the Launcher finishes discovery and
     * are ready when {@code execute} comes; best effort, and nothing when the tests would run in this JVM.
     *
     * @param traits where the traits found here are kept, for {@code execute} to find them again
     */
    public static void prestart(TestDescriptor root, ItemTraits traits, XdistConfiguration configuration) {
        if (configuration.workers() == 0
                || WorkerStarter.debuggerAttached()
                || configuration.replay().isPresent()
                || configuration.shard().isPresent()) {
            // A replay's worker is started fresh, when it runs; a shard's workers are counted for the shard, known only
            // once the Launcher's filters have run.
            return;
        }
        List<WorkUnit> units =
                configuration.distribution().cut(TestItems.of(root, traits).items(), configuration.workers());
        if (units.size() < 2) {
            // One unit gains little from an early start, and build tools probe one class at a time (Surefire's scanner
            // discovers each class on its own): starting a worker for each probe would only start unused JVMs.
            return;
        }
        int workers = configuration.workers();
        if (configuration.adaptive()) {
            var history = DurationHistory.load(configuration.durationsFile(), Constants.DURATIONS_FILE_PROPERTY_NAME);
            Costs costs = Costs.of(history.earlierMillis());
            workers = decide(costs.estimate(units), costs, history, workers).workers();
            if (workers == 0) {
                return;
            }
        }
        workers = Scheduler.usefulWorkers(units, workers);
        try {
            pool(configuration, workers, InProcessIdentity.newTestRunUid())
                    .prestart(Math.min(workers, WorkerStarts.LIMIT));
        } catch (IOException | RuntimeException e) {
            // the run starts its workers itself, and reports what goes wrong then
        }
    }

    static WorkerPool pool(XdistConfiguration configuration, int workers, String testRunUid) throws IOException {
        List<String> jvmArguments = WorkerStarter.jvmArguments(CLASSPATH_ANCHORS, configuration.jvmArgs());
        return WorkerPool.forSignature(
                new WorkerPool.Signature(jvmArguments, workers),
                server -> new WorkerStarter(jvmArguments, server.port(), server.secret(), workers, testRunUid));
    }

    private static Map<String, String> configurationParameters(ConfigurationParameters parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : parameters.keySet()) {
            parameters.get(key).ifPresent(value -> map.put(key, value));
        }
        return map;
    }
}
