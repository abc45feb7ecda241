package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The classes that {@code loadscope} cuts into parts because each would be the run's long pole: a unit that takes longer
 * than the run's work divided by the workers keeps one worker busy after the others have finished, however the rest is
 * spread. Cut as {@code load} cuts every class, its parts run on several workers at once.
 *
 * <p>Only a cut that can shorten the run by a second or more is made (a cut costs a lifecycle and a unit more), and
 * only of a unit that can be cut without changing what its tests see: two or more items, none of them serial,
 * isolated or holding a {@code READ_WRITE} lock (those must not overlap anyway), and a class the caller says may be cut
 * (see {@code ExecutionPlan#splittable}: no ordered tests, no instance shared between tests).
 *
 * <p>Example with 2 workers: A takes 60 s, B 20 s and C 10 s: work 90 s, 45 s a worker, so A is cut (A[1/2], A[2/2])
 * and the run can end after about 45 s instead of 60 s.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class LongPoles {

    /** A cut must shorten the run by at least this much: about what starting a worker costs. */
    static final long MINIMUM_GAIN_MILLIS = WorkerCount.DEFAULT_START_MILLIS;

    private LongPoles() {}

    /**
     * The unique ids of the units to cut, in unit order.
     *
     * @param units the units of a {@code loadscope} cut, with their costs ({@link Costs#estimate})
     * @param splittable whether the class of a unit id may be cut
     */
    public static Set<String> find(List<WorkUnit> units, int workers, Predicate<String> splittable) {
        if (workers < 2) {
            return Set.of();
        }
        long work = units.stream().mapToLong(WorkUnit::cost).sum();
        long share = (work + workers - 1) / workers;
        Set<String> poles = new LinkedHashSet<>();
        for (WorkUnit unit : units) {
            long gain = unit.cost() - Math.max(share, (unit.cost() + workers - 1) / workers);
            boolean constrained =
                    unit.serial() || unit.isolated() || unit.locks().stream().anyMatch(Lock::exclusive);
            if (gain >= MINIMUM_GAIN_MILLIS
                    && unit.items().size() > 1
                    && !constrained
                    && splittable.test(unit.uniqueId())) {
                poles.add(unit.uniqueId());
            }
        }
        return poles;
    }
}
