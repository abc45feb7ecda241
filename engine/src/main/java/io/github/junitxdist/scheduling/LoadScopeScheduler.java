package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code xdist.dist=loadscope}, the default: one unit per top-level class with its {@code @Nested} classes, handed to
 * whichever worker is free, costliest first. A class holding any serial test is serial as a whole.
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
}
