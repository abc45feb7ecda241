package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apiguardian.api.API;

/**
 * The default distribution: whole units (a top-level class with its {@code @Nested} classes) go to whichever worker is
 * free, costliest first.
 *
 * <p>Serial units go only to the serial worker (index 0), one after the other; that worker takes regular units once no
 * serial unit is left. Example with two workers, serial units S1, S2 and regular units A, B, C: worker 0 runs S1, S2
 * and then whatever of A, B, C worker 1 has not taken yet; worker 1 starts on A at once.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadScopeScheduler implements Scheduler {

    /** The index of the worker that runs the serial units. */
    public static final int SERIAL_WORKER = 0;

    private static final Comparator<WorkUnit> COSTLIEST_FIRST =
            Comparator.comparingLong(WorkUnit::cost).reversed().thenComparingInt(WorkUnit::id);

    private final PriorityQueue<WorkUnit> serial = new PriorityQueue<>(COSTLIEST_FIRST);
    private final PriorityQueue<WorkUnit> regular = new PriorityQueue<>(COSTLIEST_FIRST);

    public LoadScopeScheduler(List<WorkUnit> units) {
        units.forEach(this::putBack);
    }

    @Override
    public Optional<WorkUnit> next(int workerIndex) {
        if (workerIndex == SERIAL_WORKER && !serial.isEmpty()) {
            return Optional.of(serial.poll());
        }
        return Optional.ofNullable(regular.poll());
    }

    @Override
    public void putBack(WorkUnit unit) {
        (unit.serial() ? serial : regular).add(unit);
    }

    @Override
    public boolean hasPending() {
        return !serial.isEmpty() || !regular.isEmpty();
    }

    @Override
    public boolean hasPendingFor(int workerIndex) {
        return !regular.isEmpty() || (workerIndex == SERIAL_WORKER && !serial.isEmpty());
    }

    /**
     * How many workers can be busy at once: one for all serial units together, one per regular unit, at most
     * {@code workers}.
     */
    public static int usefulWorkers(List<WorkUnit> units, int workers) {
        long regular = units.stream().filter(unit -> !unit.serial()).count();
        long needed = regular + (regular < units.size() ? 1 : 0);
        return (int) Math.min(workers, needed);
    }
}
