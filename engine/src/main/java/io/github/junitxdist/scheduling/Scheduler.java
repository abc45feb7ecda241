package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides which unit a free worker runs next.
 *
 * <p>Pure logic: no I/O, no threads, not thread-safe; the coordinator calls it from its one thread. Workers pull: a
 * worker that becomes free asks for its next unit. A unit handed out holds its resource locks until it is
 * {@linkplain #done done} or {@linkplain #putBack put back}; a worker that gets nothing while
 * {@link #hasPendingFor} still says yes waits and asks again after the next unit ends.
 *
 * <p>Never deadlocks: locks are taken all at once when a unit is handed out, so while no unit runs, every pending unit
 * may start on a worker it is allowed on.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface Scheduler {

    /** The index of the worker that runs the serial units. */
    int SERIAL_WORKER = 0;

    /**
     * The next unit for the worker with the given index, removed from the queue and holding its locks; empty when
     * nothing may start on it now.
     */
    Optional<WorkUnit> next(int workerIndex);

    /** Ends a unit that was handed out: its locks are released. */
    void done(WorkUnit unit);

    /** Puts back a unit that was handed out but not run to its end (its worker died or could not start). */
    void putBack(WorkUnit unit);

    /** Removes and returns every unit not handed out yet, e.g. to skip them after a cancellation. */
    java.util.List<WorkUnit> drain();

    /** Whether any unit has not been handed out yet. */
    boolean hasPending();

    /** Whether any unit not handed out yet could go to the worker with the given index, now or once others end. */
    boolean hasPendingFor(int workerIndex);

    /**
     * How many workers can be busy at once: one for all serial units together, one per other unit, at most
     * {@code workers}.
     */
    static int usefulWorkers(java.util.List<WorkUnit> units, int workers) {
        long regular = units.stream().filter(unit -> !unit.serial()).count();
        long needed = regular + (regular < units.size() ? 1 : 0);
        return (int) Math.min(workers, needed);
    }
}
