package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Hands one worker its units in exactly the given order, to replay what one worker of an earlier run did
 * ({@code xdist.replay}). Locks and serial units need nothing here: one worker runs one unit at a time. Pure, not
 * thread-safe, like every {@link Scheduler}.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ReplayScheduler implements Scheduler {

    private final Deque<WorkUnit> queue;

    public ReplayScheduler(List<WorkUnit> order) {
        this.queue = new ArrayDeque<>(order);
    }

    @Override
    public Optional<WorkUnit> next(int workerIndex) {
        return Optional.ofNullable(queue.pollFirst());
    }

    @Override
    public void done(WorkUnit unit) {}

    /** A unit put back runs next, so the order stays the recorded one. */
    @Override
    public void putBack(WorkUnit unit) {
        queue.addFirst(unit);
    }

    @Override
    public List<WorkUnit> drain() {
        List<WorkUnit> rest = List.copyOf(queue);
        queue.clear();
        return rest;
    }

    @Override
    public boolean hasPending() {
        return !queue.isEmpty();
    }

    @Override
    public boolean hasPendingFor(int workerIndex) {
        return !queue.isEmpty();
    }
}
