package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * {@code xdist.dist=worksteal}: the {@code loadscope} units are split evenly among the workers up front, costliest
 * first onto the least loaded share; each worker runs its own share, costliest first, and a worker whose share is empty
 * (or blocked by locks) steals from the end of the share with the most cost left (or, if nothing there may start, of
 * the next). A unit another worker waits for holds back what it conflicts with, as in {@link PullScheduler}.
 *
 * <p>Serial units stay in the serial worker's share and are never stolen. Example with 2 workers and units of cost
 * A=5, B=4, C=3, D=1: worker 0 gets A, D (6) and worker 1 gets B, C (7); if worker 0 finishes A and D first, it steals
 * C, the cheapest end of worker 1's share.
 *
 * <p>Not thread-safe: the coordinator thread alone uses it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkStealScheduler implements Scheduler {

    private final NavigableSet<WorkUnit> serial = new TreeSet<>(Locks.COSTLIEST_FIRST);
    private final List<NavigableSet<WorkUnit>> shares = new ArrayList<>();
    private final Map<Integer, Integer> owner = new HashMap<>();
    private final Locks locks = new Locks();

    public WorkStealScheduler(List<WorkUnit> units, int workers) {
        long[] load = new long[Math.max(1, workers)];
        for (int i = 0; i < load.length; i++) {
            shares.add(new TreeSet<>(Locks.COSTLIEST_FIRST));
        }
        List<WorkUnit> costliestFirst = new ArrayList<>(units);
        costliestFirst.sort(Locks.COSTLIEST_FIRST);
        for (WorkUnit unit : costliestFirst) {
            if (unit.serial()) {
                serial.add(unit);
                load[SERIAL_WORKER] += unit.cost();
            }
        }
        for (WorkUnit unit : costliestFirst) {
            if (!unit.serial()) {
                int least = 0;
                for (int i = 1; i < load.length; i++) {
                    if (load[i] < load[least]) {
                        least = i;
                    }
                }
                shares.get(least).add(unit);
                owner.put(unit.id(), least);
                load[least] += unit.cost();
            }
        }
    }

    /** The same units as {@code loadscope}. */
    public static List<WorkUnit> cut(List<TestItem> items) {
        return LoadScopeScheduler.cut(items);
    }

    @Override
    public Optional<WorkUnit> next(int workerIndex) {
        var ahead = new Locks.Queue();
        if (workerIndex == SERIAL_WORKER && !serial.isEmpty()) {
            return locks.take(serial, locks.first(serial, ahead));
        }
        int ownIndex = workerIndex % shares.size();
        NavigableSet<WorkUnit> own = shares.get(ownIndex);
        // What the other workers will run next holds back what this one may take: their blocked next units, and the
        // next serial unit while none runs.
        locks.reserveNextSerial(serial, ahead);
        othersThan(ownIndex).forEach(share -> locks.waitAhead(share, ahead));
        Optional<WorkUnit> mine = locks.take(own, locks.first(own, ahead));
        return mine.isPresent() ? mine : steal(ownIndex, ahead);
    }

    /** The shares of the other workers, in worker order. */
    private List<NavigableSet<WorkUnit>> othersThan(int ownIndex) {
        List<NavigableSet<WorkUnit>> others = new ArrayList<>(shares);
        others.remove(ownIndex);
        return others;
    }

    /** Takes the cheapest unit that may start from the share with the most cost left, or else from the next one. */
    private Optional<WorkUnit> steal(int ownIndex, Locks.Queue ahead) {
        List<NavigableSet<WorkUnit>> victims = othersThan(ownIndex);
        victims.sort(java.util.Comparator.comparingLong((NavigableSet<WorkUnit> share) ->
                        share.stream().mapToLong(WorkUnit::cost).sum())
                .reversed());
        for (NavigableSet<WorkUnit> victim : victims) {
            for (WorkUnit unit : victim.descendingSet()) {
                if (locks.mayStart(unit, ahead)) {
                    return locks.take(victim, Optional.of(unit));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void done(WorkUnit unit) {
        locks.release(unit);
    }

    @Override
    public void putBack(WorkUnit unit) {
        done(unit);
        if (unit.serial()) {
            serial.add(unit);
        } else {
            shares.get(owner.getOrDefault(unit.id(), 0)).add(unit);
        }
    }

    @Override
    public List<WorkUnit> drain() {
        List<WorkUnit> left = new ArrayList<>(serial);
        serial.clear();
        for (NavigableSet<WorkUnit> share : shares) {
            left.addAll(share);
            share.clear();
        }
        return left;
    }

    @Override
    public boolean hasPending() {
        return !serial.isEmpty() || shares.stream().anyMatch(share -> !share.isEmpty());
    }

    @Override
    public boolean hasPendingFor(int workerIndex) {
        return shares.stream().anyMatch(share -> !share.isEmpty())
                || (workerIndex == SERIAL_WORKER && !serial.isEmpty());
    }
}
