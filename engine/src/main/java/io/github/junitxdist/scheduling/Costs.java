package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import java.util.HashMap;
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

    private final Map<String, Long> earlierMillis;
    private final Map<String, Long> wholes;

    private Costs(Map<String, Long> earlierMillis) {
        this.earlierMillis = earlierMillis;
        this.wholes = wholesOfParts(earlierMillis);
    }

    /** The costs by these earlier durations (unit id to milliseconds), read once for every estimate of a run. */
    public static Costs of(Map<String, Long> earlierMillis) {
        return new Costs(earlierMillis);
    }

    public List<WorkUnit> estimate(List<WorkUnit> units) {
        long[] perTest = units.stream()
                .filter(unit -> earlierMillis.containsKey(unit.uniqueId()))
                .mapToLong(unit -> earlierMillis.getOrDefault(unit.uniqueId(), 0L) / Math.max(1, unit.tests()))
                .sorted()
                .toArray();
        if (perTest.length == 0) {
            return units.stream().map(unit -> unit.withCost(unit.tests())).toList();
        }
        long median = Math.max(1, perTest[perTest.length / 2]);
        Map<String, Long> testsOfClass = new HashMap<>();
        units.forEach(unit -> testsOfClass.merge(WorkUnit.wholeClass(unit.uniqueId()), unit.tests(), Long::sum));
        return units.stream()
                .map(unit -> unit.withCost(earlierMillis.getOrDefault(
                        unit.uniqueId(),
                        wholes.getOrDefault(unit.uniqueId(), partOfWhole(unit, earlierMillis, testsOfClass, median)))))
                .toList();
    }

    /**
     * A part of a class measured whole ({@code [class:A][1/2]} of {@code [class:A]}) costs its share of the whole by
     * number of tests, as when a long class is first cut; anything else its tests times the median per test.
     */
    private static long partOfWhole(
            WorkUnit unit, Map<String, Long> earlierMillis, Map<String, Long> testsOfClass, long median) {
        String whole = WorkUnit.wholeClass(unit.uniqueId());
        Long wholeMillis = earlierMillis.get(whole);
        if (whole.equals(unit.uniqueId()) || wholeMillis == null) {
            return unit.tests() * median;
        }
        return wholeMillis * unit.tests() / Math.max(1, testsOfClass.getOrDefault(whole, unit.tests()));
    }

    /** Whether earlier runs measured any of the units, whole or in parts, so that costs are milliseconds. */
    public boolean knowsAny(List<WorkUnit> units) {
        return units.stream()
                .anyMatch(unit -> earlierMillis.containsKey(unit.uniqueId()) || wholes.containsKey(unit.uniqueId()));
    }

    /**
     * What a class took in earlier runs that cut it into parts ({@code [class:A][1/2]}, {@code [class:A][2/2]}, as
     * {@code load} and {@link LongPoles} do): the sum of its parts of one cut, the cut with the most parts recorded.
     * So a class cut in one run is known as a whole in the next, which then cuts it again.
     */
    static Map<String, Long> wholesOfParts(Map<String, Long> earlierMillis) {
        Map<String, Map<String, long[]>> byClassAndCut = new HashMap<>();
        earlierMillis.forEach((id, millis) -> {
            String whole = WorkUnit.wholeClass(id);
            int slash = id.lastIndexOf('/');
            if (!whole.equals(id) && id.endsWith("]") && slash > whole.length()) {
                long[] sumAndCount = byClassAndCut
                        .computeIfAbsent(whole, k -> new HashMap<>())
                        .computeIfAbsent(id.substring(slash + 1, id.length() - 1), k -> new long[2]);
                sumAndCount[0] += millis;
                sumAndCount[1]++;
            }
        });
        Map<String, Long> wholes = new HashMap<>();
        byClassAndCut.forEach((whole, cuts) -> cuts.values().stream()
                .max(Comparator.comparingLong((long[] sumAndCount) -> sumAndCount[1]))
                .ifPresent(sumAndCount -> wholes.put(whole, sumAndCount[0])));
        return wholes;
    }
}
