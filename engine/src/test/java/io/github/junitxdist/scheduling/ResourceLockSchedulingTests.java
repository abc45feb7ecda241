package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resource locks across workers: conflicting units never run at once, a waiting unit is not starved, and the run
 * never deadlocks. The costliest unit goes first under {@code loadscope} and into worker 0's share under
 * {@code worksteal}, so worker 0 asking first gets it under both.
 */
class ResourceLockSchedulingTests {

    private static final Lock WRITES_K = new Lock("K", true);
    private static final Lock READS_K = new Lock("K", false);

    private static WorkUnit unit(int id, long cost, Lock... locks) {
        return new WorkUnit(id, "u" + id, List.of(id), false, false, Set.of(locks), 1, cost);
    }

    private static WorkUnit isolated(int id, long cost) {
        return new WorkUnit(id, "i" + id, List.of(id), false, true, Set.of(), 1, cost);
    }

    private static Scheduler scheduler(Distribution mode, WorkUnit... units) {
        return mode.scheduler(List.of(units), 3);
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void aWriterWaitsForTheOtherWriterOfTheSameKey(Distribution mode) {
        var scheduler = scheduler(mode, unit(0, 2, WRITES_K), unit(1, 1, WRITES_K));
        WorkUnit first = scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).isEmpty();
        scheduler.done(first);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void readersOfTheSameKeyRunTogether(Distribution mode) {
        var scheduler = scheduler(mode, unit(0, 2, READS_K), unit(1, 1, READS_K));

        assertThat(scheduler.next(0)).isPresent();
        assertThat(scheduler.next(1)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void aReaderAndAWriterOfTheSameKeyExcludeEachOther(Distribution mode) {
        for (var locks : List.of(List.of(READS_K, WRITES_K), List.of(WRITES_K, READS_K))) {
            var scheduler = scheduler(mode, unit(0, 2, locks.get(0)), unit(1, 1, locks.get(1)));
            WorkUnit first = scheduler.next(0).orElseThrow();

            assertThat(scheduler.next(1))
                    .as("%s waits for %s", locks.get(1), locks.get(0))
                    .isEmpty();
            scheduler.done(first);
            assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void anIsolatedUnitStartsOnlyWhenNothingRunsAndNothingStartsWhileItRuns(Distribution mode) {
        var waiting = scheduler(mode, unit(0, 2), isolated(1, 1));
        WorkUnit other = waiting.next(0).orElseThrow();
        assertThat(waiting.next(1)).isEmpty();
        waiting.done(other);
        assertThat(waiting.next(1)).map(WorkUnit::id).contains(1);

        var running = scheduler(mode, isolated(0, 2), unit(1, 1));
        WorkUnit alone = running.next(0).orElseThrow();
        assertThat(running.next(1)).isEmpty();
        running.done(alone);
        assertThat(running.next(1)).map(WorkUnit::id).contains(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void unitsWithoutLocksRunBesideLockedOnes(Distribution mode) {
        var scheduler = scheduler(mode, unit(0, 3, WRITES_K), unit(1, 2, WRITES_K), unit(2, 1));
        scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void aUnitPutBackReleasesItsLocks(Distribution mode) {
        var scheduler = scheduler(mode, unit(0, 2, WRITES_K), unit(1, 1, WRITES_K));
        WorkUnit first = scheduler.next(0).orElseThrow();

        scheduler.putBack(first);

        assertThat(scheduler.next(1)).isPresent();
        assertThat(scheduler.hasPending()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void aWorkerWhoseNextUnitIsBlockedStillHasPendingWork(Distribution mode) {
        var scheduler = scheduler(mode, unit(0, 2, WRITES_K), unit(1, 1, WRITES_K));
        scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).isEmpty();
        assertThat(scheduler.hasPendingFor(1)).isTrue();
    }

    @Test
    void aWaitingWriterHoldsBackLaterReadersOfTheSameKey() {
        var scheduler = new LoadScopeScheduler(
                List.of(unit(0, 4, READS_K), unit(1, 3, WRITES_K), unit(2, 2, READS_K), unit(3, 1)));
        WorkUnit reader = scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(3);
        assertThat(scheduler.next(2)).isEmpty();
        scheduler.done(reader);
        WorkUnit writer = scheduler.next(2).orElseThrow();
        assertThat(writer.id()).isEqualTo(1);
        assertThat(scheduler.next(0)).isEmpty();
        scheduler.done(writer);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(2);
    }

    @Test
    void aWaitingIsolatedUnitHoldsBackEverythingBehindIt() {
        var scheduler = new LoadScopeScheduler(List.of(unit(0, 3), isolated(1, 2), unit(2, 1)));
        WorkUnit first = scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).isEmpty();
        assertThat(scheduler.next(2)).isEmpty();
        scheduler.done(first);
        WorkUnit alone = scheduler.next(1).orElseThrow();
        assertThat(alone.id()).isEqualTo(1);
        assertThat(scheduler.next(2)).isEmpty();
        scheduler.done(alone);
        assertThat(scheduler.next(2)).map(WorkUnit::id).contains(2);
    }

    /** Never deadlocks: whatever order units end in, something pending can start while nothing runs. */
    @ParameterizedTest
    @EnumSource(
            value = Distribution.class,
            names = {"LOADSCOPE", "WORKSTEAL"})
    void everyUnitRunsOnceAndNoConflictingUnitsEverRunTogether(Distribution mode) {
        var random = new Random(20_261_126L);
        for (int round = 0; round < 300; round++) {
            int workers = 1 + random.nextInt(4);
            List<WorkUnit> units = new ArrayList<>();
            for (int id = 0, count = 1 + random.nextInt(12); id < count; id++) {
                Set<Lock> locks = new HashSet<>();
                List.of("a", "b", "c").stream()
                        .filter(key -> random.nextInt(3) == 0)
                        .forEach(key -> locks.add(new Lock(key, random.nextBoolean())));
                units.add(new WorkUnit(
                        id,
                        "u" + id,
                        List.of(id),
                        random.nextInt(5) == 0,
                        random.nextInt(8) == 0,
                        locks,
                        1,
                        1 + random.nextInt(5)));
            }
            runToTheEnd(mode.scheduler(units, workers), units, workers, random);
        }
    }

    /**
     * Drives the scheduler as {@code ForkedExecution} does: free workers ask in random order, one that gets nothing and
     * has nothing pending leaves, and a random running unit ends.
     */
    private static void runToTheEnd(Scheduler scheduler, List<WorkUnit> units, int workers, Random random) {
        var running = new TreeMap<Integer, WorkUnit>();
        var gone = new HashSet<Integer>();
        List<WorkUnit> handedOut = new ArrayList<>();
        while (scheduler.hasPending() || !running.isEmpty()) {
            List<Integer> free = new ArrayList<>(IntStream.range(0, workers)
                    .filter(worker -> !running.containsKey(worker) && !gone.contains(worker))
                    .boxed()
                    .toList());
            Collections.shuffle(free, random);
            for (int worker : free) {
                Optional<WorkUnit> next = scheduler.next(worker);
                if (next.isEmpty() && !scheduler.hasPendingFor(worker)) {
                    gone.add(worker);
                }
                if (next.isPresent()) {
                    WorkUnit unit = next.get();
                    assertThat(!unit.serial() || worker == Scheduler.SERIAL_WORKER)
                            .as("serial %s on %d", unit, worker)
                            .isTrue();
                    assertThat(running.values()).as("beside %s", unit).noneMatch(other -> conflict(unit, other));
                    running.put(worker, unit);
                    handedOut.add(unit);
                }
            }
            if (running.isEmpty()) {
                fail("deadlock: nothing runs although %s are pending", scheduler.drain());
            }
            List<Integer> busy = new ArrayList<>(running.keySet());
            scheduler.done(running.remove(busy.get(random.nextInt(busy.size()))));
        }
        assertThat(handedOut).containsExactlyInAnyOrderElementsOf(units);
    }

    private static boolean conflict(WorkUnit one, WorkUnit other) {
        return one.isolated()
                || other.isolated()
                || (one.serial() && other.serial())
                || one.locks().stream()
                        .anyMatch(lock -> other.locks().stream()
                                .anyMatch(held ->
                                        held.key().equals(lock.key()) && (held.exclusive() || lock.exclusive())));
    }
}
