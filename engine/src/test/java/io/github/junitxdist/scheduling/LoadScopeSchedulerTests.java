package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pure scheduling: who gets which unit, in which order. */
class LoadScopeSchedulerTests {

    private static WorkUnit regular(int id, long cost) {
        return new WorkUnit(id, "u" + id, List.of(id), false, false, Set.of(), cost, cost);
    }

    private static WorkUnit locked(int id, long cost, Lock lock) {
        return new WorkUnit(id, "u" + id, List.of(id), false, false, Set.of(lock), 1, cost);
    }

    private static WorkUnit serial(int id, long cost) {
        return new WorkUnit(id, "s" + id, List.of(id), true, false, Set.of(), cost, cost);
    }

    @Test
    void handsOutTheCostliestUnitFirstAndTiesInDiscoveryOrder() {
        var scheduler = new LoadScopeScheduler(List.of(regular(0, 1), regular(1, 5), regular(2, 3), regular(3, 5)));

        assertThat(drain(scheduler, 1)).extracting(WorkUnit::id).containsExactly(1, 3, 2, 0);
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void serialUnitsGoOnlyToTheSerialWorkerBeforeItTakesRegularOnes() {
        var scheduler = new LoadScopeScheduler(List.of(serial(0, 1), regular(1, 1), serial(2, 9), regular(3, 2)));

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(3);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
        assertThat(scheduler.next(1)).isEmpty();
        assertThat(scheduler.hasPendingFor(1)).isFalse();
        assertThat(scheduler.hasPendingFor(Scheduler.SERIAL_WORKER)).isTrue();
        assertThat(drain(scheduler, Scheduler.SERIAL_WORKER))
                .extracting(WorkUnit::id)
                .containsExactly(2, 0);
    }

    @Test
    void theSerialWorkerTakesRegularUnitsOnceNoSerialUnitIsLeft() {
        var scheduler = new LoadScopeScheduler(List.of(serial(0, 1), regular(1, 1), regular(2, 1)));

        assertThat(drain(scheduler, Scheduler.SERIAL_WORKER))
                .extracting(WorkUnit::id)
                .containsExactly(0, 1, 2);
    }

    @Test
    void aUnitPutBackIsHandedOutAgain() {
        var scheduler = new LoadScopeScheduler(List.of(regular(0, 1)));
        WorkUnit unit = scheduler.next(1).orElseThrow();

        scheduler.putBack(unit);

        assertThat(scheduler.next(2)).contains(unit);
    }

    @Test
    void usefulWorkersCountsOneForAllSerialUnitsAndOnePerRegularUnit() {
        assertThat(Scheduler.usefulWorkers(List.of(serial(0, 1), serial(1, 1)), 4))
                .isEqualTo(1);
        assertThat(Scheduler.usefulWorkers(List.of(serial(0, 1), regular(1, 1)), 4))
                .isEqualTo(2);
        assertThat(Scheduler.usefulWorkers(List.of(regular(0, 1), regular(1, 1), regular(2, 1)), 2))
                .isEqualTo(2);
    }

    @Test
    void regularUnitsDoNotTakeTheKeyOfTheNextSerialUnitBeforeItsWorkerDoes() {
        var writesK = new Lock("K", true);
        var serialWriter = new WorkUnit(0, "s0", List.of(0), true, false, Set.of(writesK), 1, 1);
        var scheduler = new LoadScopeScheduler(List.of(serialWriter, locked(1, 3, writesK), locked(2, 2, writesK)));

        assertThat(scheduler.next(1)).as("A waits behind the serial unit").isEmpty();
        assertThat(scheduler.next(0)).contains(serialWriter);
        assertThat(scheduler.next(1)).as("A waits for the serial unit to end").isEmpty();

        scheduler.done(serialWriter);

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
    }

    private static List<WorkUnit> drain(Scheduler scheduler, int worker) {
        List<WorkUnit> units = new ArrayList<>();
        Optional<WorkUnit> next;
        while ((next = scheduler.next(worker)).isPresent()) {
            units.add(next.get());
        }
        return units;
    }
}
