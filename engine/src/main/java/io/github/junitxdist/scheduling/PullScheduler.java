package io.github.junitxdist.scheduling;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Hands whole units to whichever worker asks, costliest first, as far as their locks allow.
 *
 * <p>Serial units go only to the serial worker, one after the other; that worker takes regular units once no serial
 * unit is left. Example with two workers, serial units S1, S2 and regular units A, B, C: worker 0 runs S1, S2 and then
 * whatever of A, B, C worker 1 has not taken yet; worker 1 starts on A at once.
 *
 * <p>Not thread-safe: the coordinator thread alone uses it.
 */
abstract class PullScheduler implements Scheduler {

    private final TreeSet<WorkUnit> serial = new TreeSet<>(Locks.COSTLIEST_FIRST);
    private final TreeSet<WorkUnit> regular = new TreeSet<>(Locks.COSTLIEST_FIRST);
    private final Locks locks = new Locks();
    private Affinity affinity = Affinity.NONE;

    PullScheduler(List<WorkUnit> units) {
        units.forEach(unit -> (unit.serial() ? serial : regular).add(unit));
    }

    /** Prefers, among the units that may start, those whose fixture the asking worker has built (see {@link Affinity}). */
    final PullScheduler withAffinity(Affinity unitAffinity) {
        this.affinity = unitAffinity;
        return this;
    }

    @Override
    public final Optional<WorkUnit> next(int workerIndex) {
        var ahead = new Locks.Queue();
        if (workerIndex == SERIAL_WORKER && !serial.isEmpty()) {
            // The serial chain goes first; its worker waits for a blocked serial unit rather than start a regular one.
            return locks.take(serial, locks.first(serial, ahead));
        }
        locks.reserveNextSerial(serial, ahead);
        Optional<WorkUnit> chosen = affinity.matters()
                ? affinity.choose(workerIndex, locks.all(regular, ahead))
                : locks.first(regular, ahead);
        chosen.ifPresent(unit -> affinity.taken(workerIndex, unit));
        return locks.take(regular, chosen);
    }

    @Override
    public final void done(WorkUnit unit) {
        locks.release(unit);
    }

    @Override
    public final void putBack(WorkUnit unit) {
        done(unit);
        (unit.serial() ? serial : regular).add(unit);
    }

    @Override
    public final List<WorkUnit> drain() {
        List<WorkUnit> left = new java.util.ArrayList<>(serial);
        left.addAll(regular);
        serial.clear();
        regular.clear();
        return left;
    }

    @Override
    public final boolean hasPending() {
        return !serial.isEmpty() || !regular.isEmpty();
    }

    @Override
    public final boolean hasPendingFor(int workerIndex) {
        return !regular.isEmpty() || (workerIndex == SERIAL_WORKER && !serial.isEmpty());
    }
}
