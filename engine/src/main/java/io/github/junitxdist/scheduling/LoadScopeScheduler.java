package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code xdist.dist=loadscope}, the default: one unit per top-level class with its {@code @Nested} classes, handed to
 * whichever worker is free, costliest first. A class holding any serial test is serial as a whole. A class that would be
 * the run's long pole (see {@link LongPoles}) is cut into parts as {@code load} cuts every class.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadScopeScheduler extends PullScheduler {

    public LoadScopeScheduler(List<WorkUnit> units) {
        super(units);
    }

    /** One unit per top-level class. */
    public static List<WorkUnit> cut(List<TestItem> items) {
        return WorkUnit.byKey(items, TestItem::scope);
    }

    /**
     * One unit per top-level class, except the classes in {@code split}: those are cut into parts for {@code workers}
     * workers, named and cut as {@link LoadScheduler#cut} would. Units keep the order in which their classes appear.
     */
    public static List<WorkUnit> cut(List<TestItem> items, int workers, Set<String> split) {
        if (split.isEmpty()) {
            return cut(items);
        }
        Map<String, List<TestItem>> byScope = new LinkedHashMap<>();
        for (TestItem item : items) {
            byScope.computeIfAbsent(item.scope(), k -> new ArrayList<>()).add(item);
        }
        List<WorkUnit> units = new ArrayList<>();
        byScope.forEach((scope, members) -> {
            if (split.contains(scope)) {
                LoadScheduler.cut(members, workers).forEach(part -> units.add(part.withId(units.size())));
            } else {
                units.add(WorkUnit.of(units.size(), scope, members));
            }
        });
        return units;
    }
}
