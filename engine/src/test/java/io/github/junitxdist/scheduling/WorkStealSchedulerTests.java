package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code worksteal}: shares split up front, each worker runs its own, and an idle one steals the cheapest end. */
class WorkStealSchedulerTests {

    private static WorkUnit unit(int id, long cost, Lock... locks) {
        return new WorkUnit(id, "u" + id, List.of(id), false, false, Set.of(locks), 1, cost);
    }

    private static WorkUnit serial(int id, long cost) {
        return new WorkUnit(id, "s" + id, List.of(id), true, false, Set.of(), 1, cost);
    }

    private static WorkUnit isolated(int id, long cost) {
        return new WorkUnit(id, "i" + id, List.of(id), false, true, Set.of(), 1, cost);
    }

    @Test
    void splitsUpFrontCostliestFirstOntoTheLeastLoadedShare() {
        // A=5 and D=1 go to worker 0 (6), B=4 and C=3 to worker 1 (7).
        var scheduler = new WorkStealScheduler(List.of(unit(0, 1), unit(1, 4), unit(2, 5), unit(3, 3)), 2);

        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(2);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(3);
    }

    @Test
    void theCostOfTheSerialUnitsCountsOnWorkerZero() {
        // Serial S=6 loads worker 0, so A=5 and B=4 go to worker 1 (9) and C=2 to worker 0 (8).
        var scheduler = new WorkStealScheduler(List.of(serial(0, 6), unit(1, 5), unit(2, 4), unit(3, 2)), 2);

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(2);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(3);
    }

    @Test
    void aWorkerTakesItsOwnShareCostliestFirstAndTiesInDiscoveryOrder() {
        var scheduler = new WorkStealScheduler(List.of(unit(0, 1), unit(1, 3), unit(2, 3), unit(3, 2)), 1);

        assertThat(List.of(scheduler.next(0), scheduler.next(0), scheduler.next(0), scheduler.next(0)))
                .map(next -> next.orElseThrow().id())
                .containsExactly(1, 2, 3, 0);
    }

    @Test
    void aWorkerWithAnEmptyShareStealsTheCheapestUnitOfTheShareWithMostCostLeft() {
        // Shares: worker 0 [u0=10], worker 1 [u1=6, u4=3, u5=1] (10 left), worker 2 [u2=5, u3=4] (9 left).
        var scheduler = new WorkStealScheduler(
                List.of(unit(0, 10), unit(1, 6), unit(2, 5), unit(3, 4), unit(4, 3), unit(5, 1)), 3);

        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(5);
        assertThat(scheduler.next(2)).map(WorkUnit::id).contains(2);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(4);
    }

    @Test
    void serialUnitsAreNeverStolenAndGoOnlyToWorkerZero() {
        var scheduler = new WorkStealScheduler(List.of(serial(0, 9), serial(1, 8), unit(2, 1)), 2);

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(2);
        assertThat(scheduler.next(1)).isEmpty();
        assertThat(scheduler.hasPendingFor(1)).isFalse();
        assertThat(scheduler.hasPendingFor(Scheduler.SERIAL_WORKER)).isTrue();
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(1);
    }

    @Test
    void aUnitPutBackReturnsToItsOwnersShare() {
        // Worker 1 owns B=4 and E=1; put back, B comes first again rather than E.
        var scheduler = new WorkStealScheduler(List.of(unit(0, 5), unit(1, 4), unit(2, 1)), 2);
        WorkUnit b = scheduler.next(1).orElseThrow();

        scheduler.putBack(b);

        assertThat(scheduler.next(1)).contains(b);
    }

    @Test
    void aStolenUnitPutBackReturnsToItsOwnersShareNotTheThiefs() {
        // Shares: worker 0 [A=10], worker 1 [B=9], worker 2 [C=8, P=2]; worker 0 steals P and puts it back.
        var scheduler = new WorkStealScheduler(List.of(unit(0, 10), unit(1, 9), unit(2, 8), unit(3, 2)), 3);
        assertThat(scheduler.next(0)).map(WorkUnit::id).contains(0);
        WorkUnit stolen = scheduler.next(0).orElseThrow();
        assertThat(stolen.id()).isEqualTo(3);

        scheduler.putBack(stolen);

        // Back in worker 2's share (10 left) it is that share's cheapest end; in worker 0's, worker 1 would steal C.
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);
        assertThat(scheduler.next(1)).contains(stolen);
    }

    @Test
    void drainEmptiesTheSerialQueueAndEveryShare() {
        var scheduler = new WorkStealScheduler(List.of(serial(0, 1), unit(1, 3), unit(2, 2), unit(3, 1)), 2);
        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(1);

        assertThat(scheduler.drain()).extracting(WorkUnit::id).containsExactlyInAnyOrder(0, 2, 3);
        assertThat(scheduler.hasPending()).isFalse();
        assertThat(scheduler.hasPendingFor(0)).isFalse();
        assertThat(scheduler.next(0)).isEmpty();
    }

    @Test
    void aWorkerWithAnEmptyShareHasPendingWorkWhileAnotherShareHasUnits() {
        var scheduler = new WorkStealScheduler(List.of(unit(0, 5), unit(1, 4)), 2);
        scheduler.next(1).orElseThrow();

        assertThat(scheduler.hasPendingFor(1)).isTrue();
        scheduler.next(0).orElseThrow();
        assertThat(scheduler.hasPendingFor(1)).isFalse();
    }

    @Test
    void aWorkerWhoseOwnShareIsBlockedSteals() {
        var writesK = new Lock("K", true);
        // Shares: worker 0 [A=10 writes K], worker 1 [C=5 writes K], worker 2 [D=4, E=1].
        var scheduler =
                new WorkStealScheduler(List.of(unit(0, 10, writesK), unit(1, 5, writesK), unit(2, 4), unit(3, 1)), 3);
        scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(3);
    }

    @Test
    void aThiefSkipsUnitsWhoseLocksAreHeld() {
        var writesK = new Lock("K", true);
        // Shares: worker 0 [A=10 writes K], worker 1 [B=4], worker 2 [X=3, C=1 writes K].
        var scheduler =
                new WorkStealScheduler(List.of(unit(0, 10, writesK), unit(1, 4), unit(2, 3), unit(3, 1, writesK)), 3);
        WorkUnit a = scheduler.next(0).orElseThrow();
        scheduler.next(1).orElseThrow();

        assertThat(scheduler.next(1)).map(WorkUnit::id).contains(2);
        assertThat(scheduler.next(2)).isEmpty();
        assertThat(scheduler.hasPendingFor(2)).isTrue();
        scheduler.done(a);
        assertThat(scheduler.next(2)).map(WorkUnit::id).contains(3);
    }

    @Test
    void aWaitingIsolatedUnitHoldsBackTheOtherShares() {
        // Shares: worker 0 [A=10], worker 1 [I=9 isolated], worker 2 [C=8, D=1].
        var scheduler = new WorkStealScheduler(List.of(unit(0, 10), isolated(1, 9), unit(2, 8), unit(3, 1)), 3);
        scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).isEmpty();
        assertThat(scheduler.next(2)).isEmpty();
    }

    @Test
    void aWaitingWriterHoldsBackReadersOfTheSameKeyInOtherShares() {
        var readsK = new Lock("K", false);
        // Shares: worker 0 [R1=10 reads K], worker 1 [W=9 writes K], worker 2 [R2=8 reads K].
        var scheduler = new WorkStealScheduler(
                List.of(unit(0, 10, readsK), unit(1, 9, new Lock("K", true)), unit(2, 8, readsK)), 3);
        scheduler.next(0).orElseThrow();

        assertThat(scheduler.next(1)).isEmpty();
        assertThat(scheduler.next(2)).isEmpty();
    }
}
