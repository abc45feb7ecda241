package io.github.junitxdist.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource locks held by the units running now, across all workers, and the choice of the next unit that may
 * start under them.
 *
 * <p>Units are considered in priority order, and a unit that must wait holds back the ones behind it that need the
 * same keys (and a waiting {@code @Isolated} unit holds back all of them), so a stream of readers cannot starve a
 * writer, nor a stream of units an isolated one. Example: R1 (reads K) runs; W (writes K) waits for R1; R2 (reads K),
 * behind W, waits too, although R1 alone would let it start; D (no locks) starts.
 *
 * <p>Not thread-safe: the scheduler that owns it is used by the coordinator thread alone.
 */
final class Locks {

    static final Comparator<WorkUnit> COSTLIEST_FIRST =
            Comparator.comparingLong(WorkUnit::cost).reversed().thenComparingInt(WorkUnit::id);

    private final Map<String, Integer> readers = new HashMap<>();
    private final Set<String> writers = new HashSet<>();
    private int running;
    private int serialRunning;
    private boolean isolatedRunning;

    /** The keys and barrier of units waiting ahead of the ones considered next. */
    static final class Queue {
        private final Set<String> held = new HashSet<>();
        private boolean barrier;
    }

    /** The first unit of {@code ordered} that may start now, given the units waiting ahead in {@code ahead}. */
    Optional<WorkUnit> first(Iterable<WorkUnit> ordered, Queue ahead) {
        return mayStart(ordered, ahead, 1).stream().findFirst();
    }

    /** Every unit of {@code ordered} that may start now, in order, as {@link #first} considers them. */
    List<WorkUnit> all(Iterable<WorkUnit> ordered, Queue ahead) {
        return mayStart(ordered, ahead, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code most} units of {@code ordered} that may start now; each unit passed over because it must wait
     * holds back the ones behind it (see {@link #wait(WorkUnit, Queue)}).
     */
    private List<WorkUnit> mayStart(Iterable<WorkUnit> ordered, Queue ahead, int most) {
        List<WorkUnit> may = new ArrayList<>();
        for (WorkUnit unit : ordered) {
            if (ahead.barrier || may.size() == most) {
                break;
            }
            if (mayStart(unit, ahead)) {
                may.add(unit);
            } else {
                wait(unit, ahead);
            }
        }
        return may;
    }

    /** Records that the first of the given units, if it cannot start now, waits ahead of those considered later. */
    void waitAhead(Iterable<WorkUnit> ordered, Queue ahead) {
        for (WorkUnit unit : ordered) {
            if (!mayStart(unit)) {
                wait(unit, ahead);
            }
            return;
        }
    }

    /** Records that the first of the given units waits ahead of those considered later, whether it could start or not. */
    void reserveFirst(Iterable<WorkUnit> ordered, Queue ahead) {
        for (WorkUnit unit : ordered) {
            wait(unit, ahead);
            return;
        }
    }

    /** Whether the unit may start now and needs nothing a unit waiting ahead of it holds back. */
    boolean mayStart(WorkUnit unit, Queue ahead) {
        return !ahead.barrier
                && mayStart(unit)
                && unit.locks().stream().noneMatch(lock -> ahead.held.contains(lock.key()));
    }

    private static void wait(WorkUnit unit, Queue ahead) {
        ahead.barrier |= unit.isolated();
        unit.locks().forEach(lock -> ahead.held.add(lock.key()));
    }

    boolean mayStart(WorkUnit unit) {
        if (isolatedRunning || (unit.isolated() && running > 0)) {
            return false;
        }
        for (Lock lock : unit.locks()) {
            if (writers.contains(lock.key()) || (lock.exclusive() && readers.containsKey(lock.key()))) {
                return false;
            }
        }
        return true;
    }

    /** Takes the chosen unit, if any, out of its queue and acquires its locks. */
    Optional<WorkUnit> take(java.util.Collection<WorkUnit> queue, Optional<WorkUnit> chosen) {
        chosen.ifPresent(unit -> {
            queue.remove(unit);
            acquire(unit);
        });
        return chosen;
    }

    /**
     * While no serial unit runs, the next one is first in line once the serial worker asks: the units considered after
     * it must not take its keys.
     */
    void reserveNextSerial(Iterable<WorkUnit> serial, Queue ahead) {
        if (serialRunning == 0) {
            reserveFirst(serial, ahead);
        }
    }

    void acquire(WorkUnit unit) {
        running++;
        serialRunning += unit.serial() ? 1 : 0;
        isolatedRunning |= unit.isolated();
        for (Lock lock : unit.locks()) {
            if (lock.exclusive()) {
                writers.add(lock.key());
            } else {
                readers.merge(lock.key(), 1, Integer::sum);
            }
        }
    }

    void release(WorkUnit unit) {
        running--;
        serialRunning -= unit.serial() ? 1 : 0;
        if (unit.isolated()) {
            isolatedRunning = false;
        }
        for (Lock lock : unit.locks()) {
            if (lock.exclusive()) {
                writers.remove(lock.key());
            } else {
                readers.computeIfPresent(lock.key(), (key, count) -> count == 1 ? null : count - 1);
            }
        }
    }
}
