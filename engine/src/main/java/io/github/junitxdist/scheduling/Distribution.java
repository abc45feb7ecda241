package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The values of {@code xdist.dist}, each mapped to the scheduler class that cuts the units and hands them out.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public enum Distribution {
    /** {@link LoadScopeScheduler}. */
    LOADSCOPE("loadscope"),
    /** {@link LoadScheduler}. */
    LOAD("load"),
    /** {@link LoadGroupScheduler}. */
    LOADGROUP("loadgroup"),
    /** {@link WorkStealScheduler}. */
    WORKSTEAL("worksteal"),
    /** No workers: the {@code loadscope} units run one after another in the calling JVM. */
    NO("no");

    private final String key;

    Distribution(String key) {
        this.key = key;
    }

    /** The configuration value. */
    public String key() {
        return key;
    }

    public static Optional<Distribution> byKey(String key) {
        return Arrays.stream(values()).filter(mode -> mode.key.equals(key)).findFirst();
    }

    /** The configuration values, for error messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Distribution::key).toList();
    }

    /** Cuts the items into units for {@code workers} workers; ids are dense, from 0. */
    public List<WorkUnit> cut(List<TestItem> items, int workers) {
        return cut(items, workers, Set.of());
    }

    /**
     * Cuts the items into units for {@code workers} workers, the top-level classes in {@code split} into parts where
     * the mode keeps classes whole ({@code loadscope}; see {@link LongPoles}); ids are dense, from 0.
     */
    public List<WorkUnit> cut(List<TestItem> items, int workers, Set<String> split) {
        return switch (this) {
            case LOADSCOPE -> LoadScopeScheduler.cut(items, workers, split);
            case NO -> LoadScopeScheduler.cut(items);
            case LOAD -> LoadScheduler.cut(items, workers);
            case LOADGROUP -> LoadGroupScheduler.cut(items);
            case WORKSTEAL -> WorkStealScheduler.cut(items);
        };
    }

    /** A scheduler for the given units (with their costs) and number of workers. */
    public Scheduler scheduler(List<WorkUnit> units, int workers) {
        return scheduler(units, workers, Affinity.NONE);
    }

    /**
     * A scheduler for the given units that prefers to give a unit to a worker that has built its fixture; the modes
     * that pull ({@code loadscope}, {@code load}, {@code loadgroup}) do, {@code worksteal} splits up front and does not.
     */
    public Scheduler scheduler(List<WorkUnit> units, int workers, Affinity affinity) {
        return switch (this) {
            case LOADSCOPE, NO -> new LoadScopeScheduler(units).withAffinity(affinity);
            case LOAD -> new LoadScheduler(units).withAffinity(affinity);
            case LOADGROUP -> new LoadGroupScheduler(units).withAffinity(affinity);
            case WORKSTEAL -> new WorkStealScheduler(units, workers);
        };
    }
}
