package io.github.junitxdist.coordinator;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.discovery.SelectedClasses;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.WorkUnit;
import io.github.junitxdist.scheduling.WorkerCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;

/**
 * Decides, from the request's selectors and the duration history alone, before discovering anything, whether a run
 * under {@code xdist.workers=auto} is better left to the Jupiter engine: then the tests run in the calling JVM exactly
 * as without junit-xdist, and junit-xdist does not discover them a second time.
 *
 * <p>It leaves the run to Jupiter when the selectors point into one top-level class (an IDE running one test or one
 * class), or when the history knows every selected class (all the classes it knows, for a package or class path scan)
 * and {@link WorkerCount} finds their work not worth workers, or whole runs measured before say the calling JVM is
 * faster (see {@code RunWalls}). Units are top-level classes there, so the history
 * decides only under {@code loadscope} and {@code worksteal}. Anything it cannot tell from here is decided again after
 * discovery, with the discovered units. Never with {@code xdist.maxfail} or {@code xdist.shard}, which only junit-xdist
 * applies, nor with {@code xdist.replay}, which always runs on a worker.
 *
 * <p>Example: {@code --select-method=a.BTests#adds} points into {@code a.BTests}: left to Jupiter. A class path scan
 * with a history of 250 classes that took 3 s in all, where forked runs took 2.0 x their estimate and starting a
 * worker 0.9 s: 2 workers would take 2 × (0.9 + 1.5) = 4.8 s, so it is left to Jupiter too.
 *
 * <p>Stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class JupiterHandOff {

    private JupiterHandOff() {}

    /** Why the run is left to Jupiter, in one line for the console; empty when junit-xdist discovers and decides. */
    public static Optional<String> decide(
            List<? extends DiscoverySelector> selectors, XdistConfiguration configuration) {
        if (!configuration.adaptive()
                || configuration.maxFail().isPresent()
                || configuration.shard().isPresent()
                || configuration.replay().isPresent()) {
            return Optional.empty();
        }
        Optional<Set<String>> classes = SelectedClasses.topLevel(selectors);
        if (classes.isPresent() && classes.get().size() == 1) {
            return Optional.of(WorkerCount.oneClass().reason());
        }
        if (configuration.distribution() != Distribution.LOADSCOPE
                && configuration.distribution() != Distribution.WORKSTEAL) {
            return Optional.empty();
        }
        var history = DurationHistory.load(configuration.durationsFile(), Constants.DURATIONS_FILE_PROPERTY_NAME);
        Optional<List<WorkUnit>> units = known(classes, history.earlierMillis());
        if (units.isEmpty() || units.get().size() < 2) {
            return Optional.empty();
        }
        WorkerCount count =
                XdistExecutor.decide(units.get(), units.get().size(), true, configuration.workers(), history);
        return count.workers() == 0 ? Optional.of(count.reason()) : Optional.empty();
    }

    /** The selected classes as units with their costs, when the history knows them all; all it knows for a scan. */
    private static Optional<List<WorkUnit>> known(Optional<Set<String>> classes, Map<String, Long> costs) {
        List<WorkUnit> units = new ArrayList<>();
        if (classes.isEmpty()) {
            costs.forEach((id, cost) -> units.add(unit(units.size(), id, cost)));
            return Optional.of(units);
        }
        for (String name : classes.get()) {
            String id = UniqueId.forEngine(Constants.ENGINE_ID)
                    .append("class", name)
                    .toString();
            Long cost = costs.get(id);
            if (cost == null) {
                return Optional.empty();
            }
            units.add(unit(units.size(), id, cost));
        }
        return Optional.of(units);
    }

    private static WorkUnit unit(int index, String id, long cost) {
        return new WorkUnit(index, id, List.of(index), false, false, Set.of(), 1, cost);
    }
}
