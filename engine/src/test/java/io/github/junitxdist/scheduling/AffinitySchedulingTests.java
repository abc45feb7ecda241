package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Units that share a fixture (a Spring context, say) go to the worker that has built it when one is free; a worker
 * never waits for lack of a unit it has the fixture for; small runs build each fixture on as few workers as they can.
 */
class AffinitySchedulingTests {

    private final Map<Integer, String> keys = new LinkedHashMap<>();
    private final List<WorkUnit> units = new ArrayList<>();

    private void unit(long cost, String key) {
        int id = units.size();
        units.add(new WorkUnit(id, "u" + id, List.of(id), false, false, Set.of(), 1, cost));
        if (key != null) {
            keys.put(id, key);
        }
    }

    private void serialUnit(long cost, String key) {
        int id = units.size();
        units.add(new WorkUnit(id, "u" + id, List.of(id), true, false, Set.of(), 1, cost));
        keys.put(id, key);
    }

    private Scheduler scheduler() {
        return Distribution.LOADSCOPE.scheduler(units, 2, Affinity.of(keys, units));
    }

    @Test
    void theFixtureOfASerialUnitIsTheSerialWorkersSoAnotherWorkerFreeFirstStartsAnotherFixture() {
        serialUnit(5, "a");
        unit(20, "a");
        unit(20, "a");
        unit(10, "b");
        Scheduler scheduler = scheduler();

        assertThat(scheduler.next(1))
                .as("worker 1, free first, leaves fixture a to the serial worker, which must build it anyway")
                .map(WorkUnit::id)
                .contains(3);
        assertThat(scheduler.next(0)).map(WorkUnit::id).isPresent();
        assertThat(scheduler.next(0)).map(WorkUnit::id).isPresent();
        assertThat(scheduler.next(0)).map(WorkUnit::id).isPresent();
        assertThat(scheduler.next(1)).as("nothing left").isEmpty();
    }

    @Test
    void aUnitGoesToTheWorkerThatBuiltItsFixtureAndAnotherWorkerStartsAnotherFixture() {
        unit(10, "a");
        unit(10, "a");
        unit(10, "b");
        unit(10, "b");
        Scheduler scheduler = scheduler();

        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(1))
                .as("worker 1 starts fixture b rather than build a again")
                .map(WorkUnit::id)
                .contains(2);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(3);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(1);
    }

    @Test
    void aFreeWorkerTakesAUnitWhoseFixtureAnotherWorkerHasRatherThanWait() {
        unit(10, "a");
        unit(10, "a");
        Scheduler scheduler = scheduler();

        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(1))
                .as("nothing else is pending: worker 1 builds a too")
                .map(WorkUnit::id)
                .contains(1);
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void aUnitWithoutAFixtureComesBeforeOneWhoseFixtureAnotherWorkerHas() {
        unit(30, "a");
        unit(20, "a");
        unit(5, null);
        Scheduler scheduler = scheduler();

        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(2);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(1);
    }

    @Test
    void withoutFixturesTheOrderIsCostliestFirstAsWithoutAffinity() {
        unit(1, null);
        unit(5, null);
        unit(3, null);
        Scheduler scheduler = scheduler();

        assertThat(List.of(scheduler.next(0), scheduler.next(1), scheduler.next(0)))
                .extracting(unit -> unit.orElseThrow().id())
                .containsExactly(1, 2, 0);
    }

    /** Two workers taking turns on three units of each of two fixtures: each fixture is built on one worker. */
    @Test
    void twoFixturesOnTwoWorkersAreEachBuiltOnce() {
        for (int i = 0; i < 3; i++) {
            unit(10, "a");
            unit(10, "b");
        }
        Scheduler scheduler = scheduler();
        Set<String> pairs = new HashSet<>();

        for (int turn = 0; scheduler.hasPending(); turn++) {
            int worker = turn % 2;
            WorkUnit unit = scheduler.next(worker).orElseThrow();
            pairs.add(worker + ":" + keys.get(unit.id()));
            scheduler.done(unit);
        }

        assertThat(pairs).containsExactlyInAnyOrder("0:a", "1:b");
    }
}
