package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A piece of work that runs on one worker from start to end: by default one top-level test class with its
 * {@code @Nested} classes; what a unit holds depends on the distribution mode.
 *
 * @param id dense index of the unit in this run
 * @param uniqueId a stable name of the unit, under which its duration is kept between runs: the unique id of its class
 *     under {@code loadscope}
 * @param items the indexes of the {@link TestItem}s it runs
 * @param serial whether the unit must run on the serial worker, never overlapping another serial unit
 * @param isolated whether the unit must run while no other unit runs
 * @param locks the resource locks the unit holds while it runs; for a key both read and written, the exclusive one
 * @param tests how many tests (or test templates and factories) the unit holds
 * @param cost estimated cost, larger runs longer: the unit's duration in earlier runs in milliseconds, or an estimate
 *     from its number of tests (see {@link Costs})
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record WorkUnit(
        int id,
        String uniqueId,
        List<Integer> items,
        boolean serial,
        boolean isolated,
        Set<Lock> locks,
        long tests,
        long cost) {

    public WorkUnit {
        items = List.copyOf(items);
        locks = Set.copyOf(locks);
    }

    public WorkUnit withCost(long newCost) {
        return new WorkUnit(id, uniqueId, items, serial, isolated, locks, tests, newCost);
    }

    /**
     * The top-level class a unit id names, without the part suffix that {@code load} and long-pole cuts add
     * ({@code [class:A][1/2]} names {@code [class:A]}); a unique id encodes brackets inside a segment, so {@code "]["}
     * only ever starts such a suffix.
     */
    public static String wholeClass(String unitId) {
        int part = unitId.indexOf("][");
        return part < 0 ? unitId : unitId.substring(0, part + 1);
    }

    WorkUnit withId(int newId) {
        return new WorkUnit(newId, uniqueId, items, serial, isolated, locks, tests, cost);
    }

    /**
     * Gathers items into units by a key, in the order the keys first appear; a unit is serial or isolated if any of
     * its items is, and holds all their locks.
     */
    static List<WorkUnit> byKey(List<TestItem> items, Function<TestItem, String> key) {
        Map<String, List<TestItem>> groups = new LinkedHashMap<>();
        for (TestItem item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        List<WorkUnit> units = new ArrayList<>();
        groups.forEach((name, members) -> units.add(of(units.size(), name, members)));
        return units;
    }

    /** One unit of the given items. */
    static WorkUnit of(int id, String uniqueId, List<TestItem> members) {
        Map<String, Boolean> locks = new HashMap<>();
        for (TestItem item : members) {
            item.locks().forEach(lock -> locks.merge(lock.key(), lock.exclusive(), Boolean::logicalOr));
        }
        long tests = members.stream().mapToLong(TestItem::tests).sum();
        return new WorkUnit(
                id,
                uniqueId,
                members.stream().map(TestItem::index).toList(),
                members.stream().anyMatch(TestItem::serial),
                members.stream().anyMatch(TestItem::isolated),
                Set.copyOf(locks.entrySet().stream()
                        .map(e -> new Lock(e.getKey(), e.getValue()))
                        .toList()),
                tests,
                tests);
    }
}
