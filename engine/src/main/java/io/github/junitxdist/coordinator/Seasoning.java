package io.github.junitxdist.coordinator;

import io.github.junitxdist.process.WorkerHandle;
import io.github.junitxdist.scheduling.Affinity;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which workers have run a unit, and which fixtures each has built, so that a unit's duration can be told apart when
 * it was the first its worker ran, or the first of its fixture there: such a figure holds what a fresh worker pays
 * once (class loading, JIT warm-up, a framework context), and the history keeps it apart. A worker kept from an earlier
 * run has run units before. Coordinator thread only.
 */
final class Seasoning {

    private final Affinity affinity;
    private final Set<WorkerHandle> ranBefore = new HashSet<>();
    private final Map<WorkerHandle, Set<String>> fixtures = new HashMap<>();

    Seasoning(Affinity affinity) {
        this.affinity = affinity;
    }

    /** Notes a worker that ran units in an earlier run. */
    void ranBefore(WorkerHandle worker) {
        ranBefore.add(worker);
    }

    /**
     * Notes that the worker ran the unit.
     *
     * @return whether it was the worker's first unit, or the first of the unit's fixture on it
     */
    boolean ran(WorkerHandle worker, WorkUnit unit) {
        boolean firstUnit = ranBefore.add(worker);
        boolean firstFixture = affinity.key(unit)
                .map(key -> fixtures.computeIfAbsent(worker, each -> new HashSet<>())
                        .add(key))
                .orElse(false);
        return firstUnit || firstFixture;
    }
}
