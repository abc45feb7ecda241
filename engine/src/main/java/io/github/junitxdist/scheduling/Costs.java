package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Estimates each unit's cost from earlier runs: a unit measured before costs what it took then; a new unit costs its
 * number of tests times the median time per test of the measured units. Without any history, the cost is the number
 * of tests, which orders units the same way.
 *
 * <p>Example: history says A (4 tests) took 800 ms and B (1 test) took 1000 ms, 200 and 1000 ms per test; the median
 * (the upper one of two) is 1000 ms, so a new unit C with 2 tests is estimated at 2000 ms and runs first, then B, then
 * A.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Costs {

    private Costs() {}

    public static List<WorkUnit> estimate(List<WorkUnit> units, Map<String, Long> earlierMillis) {
        long[] perTest = units.stream()
                .filter(unit -> earlierMillis.containsKey(unit.uniqueId()))
                .mapToLong(unit -> earlierMillis.getOrDefault(unit.uniqueId(), 0L) / Math.max(1, unit.tests()))
                .sorted()
                .toArray();
        if (perTest.length == 0) {
            return units.stream().map(unit -> unit.withCost(unit.tests())).toList();
        }
        long median = Math.max(1, perTest[perTest.length / 2]);
        return units.stream()
                .map(unit -> unit.withCost(earlierMillis.getOrDefault(unit.uniqueId(), unit.tests() * median)))
                .toList();
    }
}
