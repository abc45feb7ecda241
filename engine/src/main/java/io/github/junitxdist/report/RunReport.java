package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a forked run did, as data: every run of a unit on a worker in the order the units started, every worker start,
 * and the run's wall time. Times are milliseconds since the run started. Immutable; everything else is derived.
 *
 * @param wallMillis from the start of the run to the end of its last unit
 * @param workers how many workers the run used at most at once
 * @param reason how that number was chosen
 * @param runs the units, one entry per run of a unit on a worker (a unit resumed after its worker was lost has two),
 *     then the units that never started, with no worker
 * @param starts the workers' starts, in the order they became warm
 * @param isolation what the isolation check after the run found per failed test ({@code xdist.isolate=failures});
 *     empty when it was off
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record RunReport(
        long wallMillis,
        int workers,
        String reason,
        List<UnitRun> runs,
        List<WorkerStart> starts,
        List<IsolationCheck> isolation) {

    /** How a unit's run ended, judged by the events the launcher's listener saw for it. */
    public enum Outcome {
        PASSED,
        SKIPPED,
        ABORTED,
        FAILED,
        /** Its worker was lost while it ran. */
        LOST;

        /** The name in the report files: {@code passed}, {@code failed}, ... */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One run of a unit on a worker.
     *
     * @param uniqueId the unit's stable name (the unique id of its class under {@code loadscope})
     * @param name a short name for people: the class name
     * @param worker where it ran; null for a unit that never started (skipped after a cancellation, say)
     * @param startMillis when the worker was handed the unit; -1 if it never started
     * @param endMillis when the worker said the unit was done, or was lost; -1 if it never started
     * @param tests how many tests the listener saw end (finish or skip) in this run
     * @param failures the display names of the tests and containers that failed, at most {@link RunRecord#FAILURES_KEPT}
     * @param lockWaitMillis how long it was held back by a resource lock (or an {@code @Isolated} unit) while a worker
     *     waited for work, before it started (see {@link RunRecord#waiting}); 0 if it was not
     */
    public record UnitRun(
            String uniqueId,
            String name,
            @Nullable String worker,
            long startMillis,
            long endMillis,
            boolean serial,
            int tests,
            int passed,
            int failed,
            int aborted,
            int skipped,
            Outcome outcome,
            List<String> failures,
            long lockWaitMillis) {

        public UnitRun {
            failures = List.copyOf(failures);
        }

        public long durationMillis() {
            return worker == null ? 0 : Math.max(0, endMillis - startMillis);
        }
    }

    /**
     * A worker became warm.
     *
     * @param atMillis when its JVM started (negative when it was started ahead, during discovery)
     * @param startupMillis what starting it cost, from its JVM's start to its first event, waits left out
     * @param readyMillis when its first unit's first event came: its units' runs start no earlier
     */
    public record WorkerStart(String worker, long atMillis, long startupMillis, long readyMillis) {}

    /** One worker's share of the run; idle is the rest of the wall time, start-up included. */
    public record WorkerRow(String worker, int units, int tests, long busyMillis, long idleMillis, long startupMillis) {

        /** Busy time per wall time, 0 to 1. */
        public double utilisation(long wallMillis) {
            return wallMillis <= 0 ? 0 : Math.min(1.0, (double) busyMillis / wallMillis);
        }
    }

    public RunReport {
        runs = List.copyOf(runs);
        starts = List.copyOf(starts);
        isolation = List.copyOf(isolation);
    }

    /** How long workers waited for units blocked by locks, all together. */
    public long lockWaitMillis() {
        return runs.stream().mapToLong(UnitRun::lockWaitMillis).sum();
    }

    public Figures figures() {
        return Figures.of(runs, workers, wallMillis);
    }

    /** The runs that started, worker by worker in name order, each in the order it ran them. */
    public Map<String, List<UnitRun>> byWorker() {
        Map<String, List<UnitRun>> byWorker = new TreeMap<>(
                Comparator.comparingInt(RunReport::workerNumber).thenComparing(Comparator.naturalOrder()));
        starts.forEach(start -> byWorker.computeIfAbsent(start.worker(), w -> new ArrayList<>()));
        for (UnitRun run : runs) {
            if (run.worker() != null) {
                byWorker.computeIfAbsent(run.worker(), w -> new ArrayList<>()).add(run);
            }
        }
        return byWorker;
    }

    /** One row per worker, in name order. */
    public List<WorkerRow> workerRows() {
        Map<String, Long> startup = new LinkedHashMap<>();
        starts.forEach(start -> startup.putIfAbsent(start.worker(), start.startupMillis()));
        List<WorkerRow> rows = new ArrayList<>();
        byWorker().forEach((worker, ran) -> {
            long busy = ran.stream().mapToLong(UnitRun::durationMillis).sum();
            int tests = ran.stream().mapToInt(UnitRun::tests).sum();
            rows.add(new WorkerRow(
                    worker, ran.size(), tests, busy, Math.max(0, wallMillis - busy), startup.getOrDefault(worker, 0L)));
        });
        return rows;
    }

    /** The units that took longest, longest first: a unit's runs together, at most {@code limit}. */
    public List<Map.Entry<String, Long>> longest(int limit) {
        return Figures.unitMillis(runs).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(entry -> Map.entry(nameOf(entry.getKey()), entry.getValue()))
                .toList();
    }

    /** How many tests the listener saw end. */
    public int tests() {
        return runs.stream().mapToInt(UnitRun::tests).sum();
    }

    /** How many units the run had. */
    public long units() {
        return runs.stream().map(UnitRun::uniqueId).distinct().count();
    }

    private String nameOf(String uniqueId) {
        return runs.stream()
                .filter(run -> run.uniqueId().equals(uniqueId))
                .map(UnitRun::name)
                .findFirst()
                .orElse(uniqueId);
    }

    /** {@code gw12} is 12, so that gw10 comes after gw9; other names come last. */
    private static int workerNumber(String worker) {
        try {
            return worker.startsWith("gw") ? Integer.parseInt(worker.substring(2)) : Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
