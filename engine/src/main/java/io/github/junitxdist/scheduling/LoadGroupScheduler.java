package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code xdist.dist=loadgroup}: as {@code loadscope}, but the tests of each {@code @XdistGroup} name, from any classes,
 * form one unit of their own, so they run on one worker one after another. A group holding any serial test is serial as
 * a whole.
 *
 * <p>Example: class A with methods a1 and a2, where a2 is in group "db", and class B in group "db": units A (a1) and
 * "db" (a2 and all of B).
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadGroupScheduler extends PullScheduler {

    /** Prefix of a group unit's name, which cannot clash with a unique id. */
    static final String GROUP_PREFIX = "@XdistGroup:";

    public LoadGroupScheduler(List<WorkUnit> units) {
        super(units);
    }

    /** One unit per group name, and one per top-level class for the tests outside any group. */
    public static List<WorkUnit> cut(List<TestItem> items) {
        return WorkUnit.byKey(
                items, item -> item.group().map(name -> GROUP_PREFIX + name).orElse(item.scope()));
    }
}
