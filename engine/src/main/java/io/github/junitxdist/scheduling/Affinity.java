package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which expensive per-JVM fixture (a Spring application context, say) each unit needs, and which workers have built
 * which: a scheduler prefers to give a unit to a worker that has its fixture already, so that a run builds each fixture
 * on as few workers as it must.
 *
 * <p>A preference only: it reorders what may start now, it never makes a worker wait. A free worker takes, in order
 * of preference, the costliest unit whose fixture it has built; else the costliest unit that needs no fixture or one
 * that no worker has built yet; else the costliest unit whose fixture another worker has. Example with two workers and
 * units A1, A2 (key a) and B1, B2 (key b) of equal cost: worker 0 takes A1, worker 1 takes B1 rather than A2, then
 * worker 0 takes A2 and worker 1 takes B2: each fixture is built once.
 *
 * <p>Pure and not thread-safe, like the schedulers that use it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Affinity {

    /** No unit needs a fixture: schedulers then take units in their own order. */
    public static final Affinity NONE = new Affinity(Map.of());

    private final Map<Integer, String> keys;
    private final Map<Integer, Set<String>> built = new HashMap<>();

    private Affinity(Map<Integer, String> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** The fixture key of each unit that needs one, by unit id. */
    public static Affinity of(Map<Integer, String> keysByUnitId) {
        return keysByUnitId.isEmpty() ? NONE : new Affinity(keysByUnitId);
    }

    /**
     * As {@link #of(Map)}, with the fixtures of the serial units counted as the serial worker's from the start: it
     * must build them whatever the order, so the other workers first take units of other fixtures. Example: serial S
     * and A1, A2 need fixture a, B1 needs b; worker 1, free first, takes B1 rather than A1, and worker 0 runs S, A1 and
     * A2: a and b are built once each.
     */
    public static Affinity of(Map<Integer, String> keysByUnitId, List<WorkUnit> units) {
        Affinity affinity = of(keysByUnitId);
        if (affinity != NONE) {
            units.stream().filter(WorkUnit::serial).forEach(unit -> affinity.taken(Scheduler.SERIAL_WORKER, unit));
        }
        return affinity;
    }

    /** The fixture key of a unit, if it needs one. */
    public Optional<String> key(WorkUnit unit) {
        return Optional.ofNullable(keys.get(unit.id()));
    }

    /**
     * Of the units that may start now, in the scheduler's order (costliest first), the one the worker should take;
     * empty only when there is none.
     */
    Optional<WorkUnit> choose(int workerIndex, List<WorkUnit> mayStart) {
        WorkUnit best = null;
        int bestRank = Integer.MAX_VALUE;
        for (WorkUnit unit : mayStart) {
            int rank = rank(workerIndex, unit);
            if (rank < bestRank) {
                best = unit;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Records that the worker runs the unit, and so has its fixture from now on. */
    void taken(int workerIndex, WorkUnit unit) {
        key(unit)
                .ifPresent(key -> built.computeIfAbsent(workerIndex, index -> new HashSet<>())
                        .add(key));
    }

    /** Whether the scheduler must look beyond the first unit that may start. */
    boolean matters() {
        return !keys.isEmpty();
    }

    private int rank(int workerIndex, WorkUnit unit) {
        String key = keys.get(unit.id());
        if (key == null) {
            return 1;
        }
        if (built.getOrDefault(workerIndex, Set.of()).contains(key)) {
            return 0;
        }
        boolean elsewhere = built.entrySet().stream()
                .anyMatch(entry ->
                        entry.getKey() != workerIndex && entry.getValue().contains(key));
        return elsewhere ? 2 : 1;
    }
}
