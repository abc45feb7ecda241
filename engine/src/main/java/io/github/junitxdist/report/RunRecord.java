package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.report.RunReport.Outcome;
import io.github.junitxdist.report.RunReport.UnitRun;
import io.github.junitxdist.report.RunReport.WorkerStart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Records a forked run as it happens: which unit a worker was handed and when, when it ended, which worker became warm
 * when, and how the tests of each unit ended (from the {@link RecordingListener}). {@link #report} turns it into a
 * {@link RunReport}. Before {@link #begin} it records nothing, so a run in the calling JVM leaves it empty.
 *
 * <p>Thread-safe: the coordinator thread reports units and workers, the workers' relaying threads report test
 * outcomes. An outcome is counted in the latest run of its unit: all events of a unit's run are relayed before the
 * coordinator hears that it ended, and what is reported for a unit after its worker was lost belongs to that run.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class RunRecord {

    /** How many failed tests a unit's run names in the report. */
    public static final int FAILURES_KEPT = 20;

    /**
     * A unit of the run.
     *
     * @param id its dense index in the run
     * @param uniqueId its stable name
     * @param name a short name for people
     * @param constrained whether it can be held back by others: it holds resource locks, is {@code @Isolated} or serial
     */
    public record Unit(int id, String uniqueId, String name, boolean serial, boolean constrained) {

        private static final java.util.regex.Pattern CLASS_SEGMENT =
                java.util.regex.Pattern.compile("\\[(?:class|nested-class):(?:[^\\]]*[.$])?([^\\].$]+)\\]");

        /** A unit named for people after its unique id: {@code [engine:xdist]/[class:a.b.C]} is {@code C}. */
        public static Unit of(int id, String uniqueId, boolean serial) {
            return of(id, uniqueId, serial, serial);
        }

        /** A unit named for people, which may be held back by locks or is not. */
        public static Unit of(int id, String uniqueId, boolean serial, boolean constrained) {
            return new Unit(id, uniqueId, shortName(uniqueId), serial, constrained);
        }

        /** The unique id without the engine segment, classes by their simple names: {@code C/Inner}. */
        static String shortName(String uniqueId) {
            String rest = uniqueId.startsWith("[engine:") && uniqueId.indexOf("]/") > 0
                    ? uniqueId.substring(uniqueId.indexOf("]/") + 2)
                    : uniqueId;
            return CLASS_SEGMENT.matcher(rest).replaceAll("$1");
        }
    }

    /**
     * A test, or a container, that failed in the run.
     *
     * @param unit the id of the unit it belongs to
     * @param worker the worker of the unit's run it failed in; null when that unit never started
     */
    public record FailedTest(
            String uniqueId,
            String displayName,
            int unit,
            @Nullable String worker) {}

    private long startNanos;
    private boolean begun;
    private long endNanos = -1;
    private Map<Integer, Unit> units = Map.of();
    private Map<String, Integer> unitOfId = Map.of();
    private final List<Run> runs = new ArrayList<>();
    private final Map<Integer, Run> latest = new HashMap<>();
    private final Map<Integer, Run> notStarted = new HashMap<>();
    private final List<WorkerStart> starts = new ArrayList<>();
    private final List<FailedTest> failedTests = new ArrayList<>();
    /** The workers that have work left but wait, because every unit left for them is held back by locks. */
    private final java.util.Set<String> waitingWorkers = new java.util.HashSet<>();
    /** Since when the next constrained unit to start has been held back while a worker waited for it; -1: none. */
    private long blockedSince = -1;

    private List<IsolationCheck> isolation = List.of();

    /**
     * Starts recording a forked run of these units.
     *
     * @param startNanos when the run starts, a {@link System#nanoTime()}
     * @param unitOfId the unit of each item (test, template, factory) and of each container only one unit holds, by
     *     unique id; events of other descriptors are not counted
     */
    public synchronized void begin(long startNanos, List<Unit> runUnits, Map<String, Integer> unitOfId) {
        this.startNanos = startNanos;
        Map<Integer, Unit> byId = new HashMap<>();
        runUnits.forEach(unit -> byId.put(unit.id(), unit));
        this.units = Map.copyOf(byId);
        this.unitOfId = Map.copyOf(unitOfId);
        this.begun = true;
    }

    public synchronized boolean begun() {
        return begun;
    }

    /** A worker is handed a unit, at {@code nanos}. */
    public synchronized void unitStarted(int unit, String worker, long nanos) {
        if (begun) {
            Run run = new Run(unit, worker, nanos);
            waitingWorkers.remove(worker);
            Unit of = units.get(unit);
            if (blockedSince >= 0 && of != null && of.constrained()) {
                run.waitStart = blockedSince;
                blockedSince = nanos; // a worker still waiting waits for the next one from now
            }
            if (waitingWorkers.isEmpty()) {
                blockedSince = -1;
            }
            runs.add(run);
            latest.put(unit, run);
        }
    }

    /** The worker could not take the unit it was just handed after all ({@link #unitStarted} is undone). */
    public synchronized void unitNotStarted(int unit) {
        Run run = latest.remove(unit);
        if (run != null && run.end < 0 && run.tests() == 0) {
            runs.remove(run);
            runs.stream()
                    .filter(other -> other.unit == unit)
                    .reduce((a, b) -> b)
                    .ifPresent(r -> latest.put(unit, r));
        }
    }

    /**
     * A worker that has work left got none at {@code nanos}: the units left for it are held back by resource locks (or
     * an {@code @Isolated} unit). From then on the next constrained unit to start, on whichever worker, waited for a
     * lock: its run shows the wait from this time to its start, and a worker still waiting then waits for the one after
     * it. A worker already waiting keeps its first time.
     *
     * <p>Example: gw0 runs L1, which writes K; gw1 asks at 1 s, L2 and L3 also write K: it waits. gw0 ends L1 at 3 s and
     * takes L2 (waited 2 s); gw1 asks again and still waits; gw0 ends L2 at 4 s and takes L3 (waited 1 s).
     */
    public synchronized void waiting(String worker, long nanos) {
        if (begun && waitingWorkers.add(worker) && blockedSince < 0) {
            blockedSince = nanos;
        }
    }

    /** The worker no longer waits for work in this run: it was given back or lost. */
    public synchronized void notWaiting(String worker) {
        waitingWorkers.remove(worker);
        if (waitingWorkers.isEmpty()) {
            blockedSince = -1;
        }
    }

    /** The unit's current run ended at {@code nanos}: done, or its worker was lost. */
    public synchronized void unitEnded(int unit, long nanos, boolean lost) {
        Run run = latest.get(unit);
        if (run != null && run.end < 0) {
            run.end = nanos;
            run.lost = lost;
        }
    }

    /**
     * A worker became warm at {@code readyNanos} (its first unit's first event): its JVM started at {@code
     * startedNanos} and starting it cost {@code startupMillis}, waits for work left out.
     */
    public synchronized void workerStarted(String worker, long startedNanos, long startupMillis, long readyNanos) {
        if (begun) {
            starts.add(new WorkerStart(worker, millis(startedNanos), startupMillis, millis(readyNanos)));
        }
    }

    /** The run's last unit ended at {@code nanos}; a second call keeps the first end. */
    public synchronized void ended(long nanos) {
        if (endNanos < 0) {
            endNanos = nanos;
        }
    }

    /** The tests and containers that failed, in the order the listener saw them fail. */
    public synchronized List<FailedTest> failedTests() {
        return List.copyOf(failedTests);
    }

    /** Each worker's order: the ids of the units it was handed, in the order it ran them, by worker name. */
    public synchronized Map<String, List<Integer>> orders() {
        Map<String, List<Integer>> orders = new java.util.LinkedHashMap<>();
        for (Run run : runs) {
            if (run.worker != null) {
                orders.computeIfAbsent(run.worker, w -> new ArrayList<>()).add(run.unit);
            }
        }
        return orders;
    }

    /** What the isolation check after the run found ({@code xdist.isolate=failures}), for the report. */
    public synchronized void isolation(List<IsolationCheck> checks) {
        isolation = List.copyOf(checks);
    }

    /** The unit a descriptor's events count for, by its id or the id of the nearest ancestor that has one. */
    synchronized Optional<Integer> unitOf(List<String> selfAndAncestors) {
        return selfAndAncestors.stream()
                .map(unitOfId::get)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * Counts the end of tests of a unit: {@code tests} tests ended with {@code outcome}, or a container failed when
     * {@code tests} is 0; the display name is kept when the outcome is a failure.
     */
    synchronized void ended(int unit, Outcome outcome, int tests, String uniqueId, String displayName) {
        if (!begun || !units.containsKey(unit)) {
            return;
        }
        Run run = latest.get(unit);
        if (run == null) {
            run = notStarted.computeIfAbsent(unit, id -> new Run(id, null, -1));
        }
        run.count(outcome, tests, displayName);
        if (outcome == Outcome.FAILED || outcome == Outcome.LOST) {
            failedTests.add(new FailedTest(uniqueId, displayName, unit, run.worker));
        }
    }

    /** What the run did, as data; {@code workers} and {@code reason} say how many workers it used and why. */
    public synchronized RunReport report(int workers, String reason) {
        long end = endNanos >= 0
                ? endNanos
                : runs.stream().mapToLong(run -> run.end).max().orElse(startNanos);
        List<UnitRun> all = new ArrayList<>();
        runs.forEach(run -> all.add(run.toUnitRun(end, warm(run, end))));
        units.keySet().stream()
                .sorted()
                .filter(id -> !latest.containsKey(id))
                .forEach(id -> all.add(
                        notStarted.getOrDefault(id, new Run(id, null, -1)).toUnitRun(end, -1)));
        return new RunReport(millis(end), workers, reason, all, starts, isolation);
    }

    /**
     * When the run's worker was last ready before the run ended, in milliseconds of the run; -1 if unknown. A unit
     * handed to a worker still starting waits for it: the unit's run begins when the worker is ready, and the start-up
     * counts as the worker's idle time.
     */
    private long warm(Run run, long runEnd) {
        long end = millis(run.end >= 0 ? run.end : runEnd);
        return starts.stream()
                .filter(start -> start.worker().equals(run.worker))
                .mapToLong(WorkerStart::readyMillis)
                .filter(ready -> ready <= end)
                .max()
                .orElse(-1);
    }

    private long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - startNanos);
    }

    /** One run of a unit on a worker, as it is being recorded. Guarded by the record's lock. */
    private final class Run {
        final int unit;
        final @Nullable String worker;
        final long start;
        /** Since when it was held back by a lock while a worker waited for it; -1 if it was not. */
        long waitStart = -1;

        long end = -1;
        boolean lost;
        int passed;
        int failed;
        int aborted;
        int skipped;
        boolean containerFailed;
        final List<String> failures = new ArrayList<>();

        Run(int unit, @Nullable String worker, long start) {
            this.unit = unit;
            this.worker = worker;
            this.start = start;
        }

        int tests() {
            return passed + failed + aborted + skipped;
        }

        void count(Outcome outcome, int tests, String displayName) {
            switch (outcome) {
                case PASSED -> passed += tests;
                case SKIPPED -> skipped += tests;
                case ABORTED -> aborted += tests;
                case FAILED, LOST -> {
                    failed += tests;
                    containerFailed |= tests == 0;
                    if (failures.size() < FAILURES_KEPT) {
                        failures.add(displayName);
                    }
                }
            }
        }

        Outcome outcome() {
            if (lost) {
                return Outcome.LOST;
            } else if (failed > 0 || containerFailed) {
                return Outcome.FAILED;
            } else if (aborted > 0) {
                return Outcome.ABORTED;
            } else if (skipped > 0 && passed == 0) {
                return Outcome.SKIPPED;
            }
            return worker == null ? Outcome.SKIPPED : Outcome.PASSED;
        }

        UnitRun toUnitRun(long runEnd, long warmMillis) {
            Unit of = units.get(unit);
            String uniqueId = of == null ? String.valueOf(unit) : of.uniqueId();
            boolean started = worker != null;
            long waited = started && waitStart >= 0 ? Math.max(0, millis(start) - millis(waitStart)) : 0;
            return new UnitRun(
                    uniqueId,
                    of == null ? uniqueId : of.name(),
                    worker,
                    started ? Math.max(millis(start), warmMillis) : -1,
                    started ? millis(end >= 0 ? end : runEnd) : -1,
                    of != null && of.serial(),
                    tests(),
                    passed,
                    failed,
                    aborted,
                    skipped,
                    outcome(),
                    failures,
                    waited);
        }
    }
}
