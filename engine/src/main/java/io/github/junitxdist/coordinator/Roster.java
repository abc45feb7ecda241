package io.github.junitxdist.coordinator;

import io.github.junitxdist.process.WorkerHandle;
import io.github.junitxdist.process.WorkerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workers of one run: which one holds each index, which wait for a blocked unit, and every one the run used.
 *
 * <p>Not thread-safe: the coordinator alone uses it.
 */
final class Roster {

    /** The live worker of each index that can still take work. */
    private final Map<Integer, WorkerHandle> active = new HashMap<>();
    /** Every worker this run started or reused. */
    private final List<WorkerHandle> used = new ArrayList<>();
    /** Connected workers of this run that wait for a unit blocked by locks or by units ahead of it. */
    private final List<WorkerHandle> waiting = new ArrayList<>();

    void add(WorkerHandle worker) {
        active.put(worker.index(), worker);
        used.add(worker);
    }

    /** Whether the worker is the one that holds its index. */
    boolean holds(WorkerHandle worker) {
        return active.get(worker.index()) == worker;
    }

    boolean holdsIndex(int index) {
        return active.containsKey(index);
    }

    boolean isEmpty() {
        return active.isEmpty();
    }

    Collection<WorkerHandle> active() {
        return active.values();
    }

    /** The worker no longer takes work in this run. */
    void remove(WorkerHandle worker) {
        waiting.remove(worker);
        if (holds(worker)) {
            active.remove(worker.index());
        }
    }

    void await(WorkerHandle worker) {
        waiting.add(worker);
    }

    void stopWaiting(WorkerHandle worker) {
        waiting.remove(worker);
    }

    List<WorkerHandle> waiting() {
        return List.copyOf(waiting);
    }

    /** Whether every worker waits for a blocked unit (and at least one does). */
    boolean allWaiting() {
        return !waiting.isEmpty() && waiting.size() == active.size();
    }

    /**
     * How many workers are still starting: not connected yet, or running their first unit but with no event from it
     * yet. A connected worker waiting for work takes no processor time.
     */
    long starting() {
        return active.values().stream()
                .filter(worker -> !worker.isWarm()
                        && (worker.state() == WorkerState.STARTING || worker.state() == WorkerState.RUNNING))
                .count();
    }

    /** Stops the workers the run did not give back (still starting, lost, or stopped for a timeout). */
    void stopRest() {
        List<WorkerHandle> stopped = used.stream()
                .filter(worker -> worker.state() != WorkerState.RELEASED)
                .toList();
        stopped.forEach(WorkerHandle::stop);
        for (WorkerHandle worker : stopped) {
            worker.process().awaitExitOrKill(10);
            worker.closeConnection();
        }
    }
}
