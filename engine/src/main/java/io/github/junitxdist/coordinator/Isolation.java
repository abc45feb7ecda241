package io.github.junitxdist.coordinator;

import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.report.IsolationCheck;
import io.github.junitxdist.report.IsolationCheck.Verdict;
import io.github.junitxdist.report.RunRecord;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code xdist.isolate=failures}: after a forked run, runs each test that failed in it again alone on a fresh worker;
 * for one that passes alone, bisects the order its worker ran before it for the shortest prefix that makes it fail
 * again, within {@code xdist.isolate.maxRuns} runs for each test. The launcher hears nothing of these runs.
 *
 * <p>A trial runs the test's unit narrowed to the test (for a dynamic test, to the nearest test or container the plan
 * knows, of whose runs only the failed one counts) after some units of the order, which run whole. The bisection keeps
 * the longest prefix that passed and the shortest that failed: the first trial after the one alone is the whole order
 * (if that passes, the order does not reproduce the failure), then each halves the units between them. See {@link
 * IsolationCheck} for a worked example.
 *
 * <p>Runs on the thread that executes the run.
 */
final class Isolation {

    /** What a trial saw of the test. */
    enum Seen {
        /** It, or a container above it, failed. */
        FAILED,
        PASSED,
        /** It was not reported (a dynamic test that the trial did not generate again). */
        NOT_SEEN
    }

    /** Runs one order on one fresh worker. */
    interface Trial {
        /**
         * Runs {@code before} whole, then {@code unit} with the request {@code alone}, and says what became of the
         * test {@code testId}.
         */
        Seen run(List<WorkUnit> before, WorkUnit unit, RunUnit alone, String testId) throws InterruptedException;
    }

    private final ExecutionPlan plan;
    private final Trial trial;
    private final int maxRuns;
    private final BooleanSupplier cancelled;

    Isolation(ExecutionPlan plan, Trial trial, int maxRuns, BooleanSupplier cancelled) {
        this.plan = plan;
        this.trial = trial;
        this.maxRuns = maxRuns;
        this.cancelled = cancelled;
    }

    /**
     * Checks each failed test of the run once, in the order they failed.
     *
     * @param units the run's units, by the ids the record knows them by
     * @param record the run, from which the failed tests and each worker's order come
     */
    List<IsolationCheck> check(List<WorkUnit> units, RunRecord record) throws InterruptedException {
        Map<Integer, WorkUnit> byId = new HashMap<>();
        units.forEach(unit -> byId.put(unit.id(), unit));
        Map<String, List<Integer>> orders = record.orders();
        Map<Integer, String> names = new HashMap<>();
        units.forEach(unit -> names.put(
                unit.id(), RunRecord.Unit.of(unit.id(), unit.uniqueId(), false).name()));
        Set<String> checked = new HashSet<>();
        List<IsolationCheck> checks = new ArrayList<>();
        for (RunRecord.FailedTest failed : record.failedTests()) {
            WorkUnit unit = byId.get(failed.unit());
            if (unit == null || !checked.add(failed.uniqueId())) {
                continue;
            }
            List<WorkUnit> before = before(unit, orders.getOrDefault(failed.worker(), List.of()), byId);
            String name = names.get(unit.id()) + " > " + failed.displayName();
            checks.add(check(new Subject(failed, name, unit, before, names)));
        }
        return checks;
    }

    /** A failed test to check: its unit and the units its worker ran before it. */
    private record Subject(
            RunRecord.FailedTest failed,
            String name,
            WorkUnit unit,
            List<WorkUnit> before,
            Map<Integer, String> names) {

        String testId() {
            return failed.uniqueId();
        }

        IsolationCheck found(Verdict verdict, int failing, int passing, int runs, int maxRuns, String note) {
            return new IsolationCheck(
                    failed.uniqueId(),
                    name,
                    failed.worker(),
                    verdict,
                    before.stream().map(WorkUnit::uniqueId).toList(),
                    before.stream().map(unit -> names.get(unit.id())).toList(),
                    failing,
                    passing,
                    runs,
                    maxRuns,
                    note);
        }
    }

    private IsolationCheck check(Subject subject) throws InterruptedException {
        if (cancelled.getAsBoolean()) {
            return subject.found(Verdict.NOT_CHECKED, -1, 0, 0, maxRuns, "the run was cancelled");
        }
        RunUnit alone = alone(subject.unit(), subject.testId());
        Seen seen = trial.run(List.of(), subject.unit(), alone, subject.testId());
        if (seen == Seen.FAILED) {
            return subject.found(Verdict.FAILS_ALONE, -1, 0, 1, maxRuns, "");
        } else if (seen == Seen.NOT_SEEN) {
            return subject.found(Verdict.NOT_CHECKED, -1, 0, 1, maxRuns, "it was not reported when run alone");
        }
        return bisect(subject, alone);
    }

    /** Looks for the shortest prefix of the order before a test that passes alone that makes it fail again. */
    private IsolationCheck bisect(Subject subject, RunUnit alone) throws InterruptedException {
        List<WorkUnit> before = subject.before();
        int runs = 1;
        int passing = 0;
        int failing = -1;
        String stopped = "";
        if (!before.isEmpty() && runs < maxRuns && !cancelled.getAsBoolean()) {
            runs++;
            if (trial.run(before, subject.unit(), alone, subject.testId()) == Seen.FAILED) {
                failing = before.size();
            } else {
                passing = before.size();
            }
        }
        while (failing > 0 && failing - passing > 1 && runs < maxRuns) {
            if (cancelled.getAsBoolean()) {
                stopped = "the run was cancelled";
                break;
            }
            int middle = (passing + failing) / 2;
            runs++;
            if (trial.run(before.subList(0, middle), subject.unit(), alone, subject.testId()) == Seen.FAILED) {
                failing = middle;
            } else {
                passing = middle;
            }
        }
        return subject.found(Verdict.PASSES_ALONE, failing, passing, runs, maxRuns, stopped);
    }

    /** The units the worker ran before the unit's first run on it, each once, in order. */
    private static List<WorkUnit> before(WorkUnit unit, List<Integer> order, Map<Integer, WorkUnit> byId) {
        List<WorkUnit> before = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int id : order) {
            if (id == unit.id()) {
                break;
            }
            WorkUnit earlier = byId.get(id);
            if (earlier != null && seen.add(id)) {
                before.add(earlier);
            }
        }
        return before;
    }

    /**
     * The unit's request narrowed to one test: of the ids it allows, those of the test's nearest allowed ancestor (or
     * itself), the containers above it and what lies below it.
     */
    private RunUnit alone(WorkUnit unit, String testId) {
        RunUnit request = plan.request(unit);
        Set<String> allowed = request.allowedIds();
        List<String> selfAndAncestors = ExecutionPlan.selfAndAncestors(testId);
        String anchor =
                selfAndAncestors.stream().filter(allowed::contains).findFirst().orElse(testId);
        Set<String> above = new HashSet<>(ExecutionPlan.selfAndAncestors(anchor));
        Set<String> narrowed = new HashSet<>();
        for (String id : allowed) {
            if (above.contains(id) || id.startsWith(anchor + "/")) {
                narrowed.add(id);
            }
        }
        return new RunUnit(request.unitId(), request.selectors(), narrowed);
    }
}
