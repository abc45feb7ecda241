package io.github.junitxdist.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The fair reading of a history's entries: what each unit costs on a warm worker, apart from what a fresh worker pays
 * once. Pure, stateless.
 *
 * <p>A unit that runs first on its worker (or first of its fixture there) pays for class loading, JIT warm-up, a
 * framework context or an embedded database on top of its own work. That figure is kept apart, under
 * {@value #COLD_PREFIX} and the unit's id, and never replaces the unit's warm figure. What a fresh worker pays once,
 * the warm-up, is learned from units measured both ways: the first figure minus the warm one. A unit known only from a
 * first run costs its first figure minus the warm-up.
 *
 * <p>Example: run 1 has A (5 tests) first on gw0 at 40 s, B (5 tests) first on gw1 at 41 s, and C, D, E warm at 2 s
 * each for 5 tests; with no unit measured both ways, the warm-up is estimated from the warm rate (0.4 s a test) as the
 * smaller excess, 40 - 2 = 38 s. Run 2 so costs A at 2 s and B at 3 s, and starts C and D first: C measured first at 39
 * s against its warm 2 s gives a warm-up of 37 s, from then on measured, and A and B now get warm figures of their own.
 */
final class WarmFigures {

    /** Prefix of the entry that keeps what a unit took when it ran first on its worker. */
    static final String COLD_PREFIX = "first on a worker ";

    /**
     * Prefix of the entry that keeps when an entry was last measured: the wall-clock time, in milliseconds since the
     * epoch, at which the run that measured it saved it. Merging histories keeps the newest figure of each entry by it.
     */
    static final String STAMP_PREFIX = "measured at ";

    /** The entry that keeps what a fresh worker's first unit takes beyond its warm figure. */
    static final String WARM_UP = "worker warm-up";

    /** The entry that keeps, in thousandths, how much longer the latest forked run took than predicted. */
    static final String FORK_FACTOR = "forked run actual per predicted, thousandths";

    /** The entries that keep the latest run in the calling JVM: its wall time and its number of classes. */
    static final String CALLING_JVM_WALL = "calling JVM run wall";

    static final String CALLING_JVM_CLASSES = "calling JVM run classes";

    /** The entries that keep the latest forked run: wall time, classes, processors busy (thousandths). */
    static final String FORKED_WALL = "forked run wall";

    static final String FORKED_CLASSES = "forked run classes";

    static final String FORKED_BUSY = "forked run processors busy, thousandths";

    /** The entry that keeps what starting a worker costs (see {@link DurationHistory#workerStartMillis()}). */
    static final String WORKER_START = "worker start";

    /** A unit is slow when first if its first figure exceeds its warm one by this much, and by its warm one. */
    static final long SLOW_WHEN_FIRST_MILLIS = 1000;

    private static final Set<String> SPECIAL = Set.of(
            WARM_UP,
            FORK_FACTOR,
            WORKER_START,
            CALLING_JVM_WALL,
            CALLING_JVM_CLASSES,
            FORKED_WALL,
            FORKED_CLASSES,
            FORKED_BUSY);

    private WarmFigures() {}

    /** Whether the entry is a unit's warm figure (not a first figure or one of the run's own entries). */
    static boolean isUnit(String key) {
        return !key.startsWith(COLD_PREFIX) && !key.startsWith(STAMP_PREFIX) && !SPECIAL.contains(key);
    }

    /**
     * What each unit costs, by unit id: its warm figure; else its first figure minus the warm-up (at least 0); units
     * never measured are absent.
     */
    static Map<String, Long> costs(Map<String, Long> entries) {
        long warmUp = entries.getOrDefault(WARM_UP, 0L);
        Map<String, Long> costs = new HashMap<>();
        entries.forEach((key, millis) -> {
            if (key.startsWith(COLD_PREFIX)) {
                costs.putIfAbsent(key.substring(COLD_PREFIX.length()), Math.max(0, millis - warmUp));
            }
        });
        entries.forEach((key, millis) -> {
            if (isUnit(key)) {
                costs.put(key, millis);
            }
        });
        return Collections.unmodifiableMap(costs);
    }

    /**
     * The units that are slow only when they run first on a worker: their first figure exceeds their warm one by at
     * least {@value #SLOW_WHEN_FIRST_MILLIS} ms and by at least the warm figure itself, the mark of a fixture built once
     * per JVM.
     */
    static Set<String> slowWhenFirst(Map<String, Long> entries) {
        Set<String> slow = new HashSet<>();
        entries.forEach((key, first) -> {
            if (key.startsWith(COLD_PREFIX)) {
                String unit = key.substring(COLD_PREFIX.length());
                Long warm = entries.get(unit);
                if (warm != null && first - warm >= Math.max(SLOW_WHEN_FIRST_MILLIS, warm)) {
                    slow.add(unit);
                }
            }
        });
        return Collections.unmodifiableSet(slow);
    }

    /**
     * The warm-up this run measured, if it can tell: the median of (first - warm) over the units measured both ways
     * (in this run or one figure earlier); failing that, when the history holds no warm-up yet, the smallest excess of
     * this run's first units over their test count times the median warm rate per test of this run.
     *
     * @param earlier the history's entries before this run
     * @param first this run's first figures, by unit id
     * @param warm this run's warm figures, by unit id
     * @param tests the number of tests of each unit measured in this run
     */
    static OptionalLong warmUp(
            Map<String, Long> earlier, Map<String, Long> first, Map<String, Long> warm, Map<String, Long> tests) {
        List<Long> excess = new ArrayList<>();
        first.forEach((unit, millis) -> {
            Long known = warm.containsKey(unit) ? warm.get(unit) : earlier.get(unit);
            if (known != null) {
                excess.add(Math.max(0, millis - known));
            }
        });
        warm.forEach((unit, millis) -> {
            Long known = earlier.get(COLD_PREFIX + unit);
            if (!first.containsKey(unit) && !earlier.containsKey(unit) && known != null) {
                excess.add(Math.max(0, known - millis));
            }
        });
        if (!excess.isEmpty()) {
            Collections.sort(excess);
            return OptionalLong.of(excess.get(excess.size() / 2));
        }
        if (earlier.containsKey(WARM_UP) || first.isEmpty()) {
            return OptionalLong.empty();
        }
        return estimatedWarmUp(first, warm, tests);
    }

    private static OptionalLong estimatedWarmUp(
            Map<String, Long> first, Map<String, Long> warm, Map<String, Long> tests) {
        List<Double> rates = new ArrayList<>();
        warm.forEach((unit, millis) -> {
            long count = tests.getOrDefault(unit, 0L);
            if (count > 0) {
                rates.add((double) millis / count);
            }
        });
        if (rates.isEmpty()) {
            return OptionalLong.empty();
        }
        Collections.sort(rates);
        double rate = rates.get(rates.size() / 2);
        long smallest = Long.MAX_VALUE;
        for (var entry : first.entrySet()) {
            long expected = Math.round(rate * tests.getOrDefault(entry.getKey(), 0L));
            smallest = Math.min(smallest, Math.max(0, entry.getValue() - expected));
        }
        return OptionalLong.of(smallest);
    }
}
