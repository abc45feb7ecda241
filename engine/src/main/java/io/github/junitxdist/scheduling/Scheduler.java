package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides which unit a free worker runs next.
 *
 * <p>Pure logic: no I/O, no threads, not thread-safe; the coordinator calls it from its one thread. Workers pull: a
 * worker that becomes free asks for its next unit.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface Scheduler {

    /**
     * The next unit for the worker with the given index, removed from the queue; empty when nothing is left for it.
     */
    Optional<WorkUnit> next(int workerIndex);

    /** Puts back a unit that was handed out but not run, e.g. because its worker could not start. */
    void putBack(WorkUnit unit);

    /** Whether any unit has not been handed out yet. */
    boolean hasPending();

    /** Whether any unit not handed out yet could go to the worker with the given index. */
    boolean hasPendingFor(int workerIndex);
}
