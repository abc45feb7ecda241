package io.github.junitxdist.coordinator;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.discovery.ItemTraits;
import io.github.junitxdist.discovery.SelectedClasses;
import io.github.junitxdist.discovery.TestItems;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.report.Summary;
import io.github.junitxdist.scheduling.Costs;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.Shard;
import io.github.junitxdist.scheduling.ShardPartition;
import io.github.junitxdist.scheduling.TestItem;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;

/**
 * Keeps the shard {@code xdist.shard} names of a discovered tree and removes the other top-level classes from it, so
 * that they are neither run nor reported; see {@link ShardPartition} for the split.
 *
 * <p>The classes are priced as the history prices their units: by {@code loadgroup} units under {@code loadgroup}, by
 * top-level class otherwise, whatever the number of workers, so every machine splits alike. A discovery whose selectors
 * point into one top-level class is not split: that is an IDE running one class, or a build tool probing the classes
 * one at a time (Maven Surefire discovers each on its own before it runs them all together), and splitting one class
 * would leave it out of every shard but the first.
 *
 * <p>Used on the thread that discovers.
 *
 * @param shard the shard this run keeps
 * @param kept the display names of the top-level classes it kept, in the tree's order
 * @param classes how many top-level classes the suite has, in all shards
 * @param costs the expected work of every shard, by shard index from 0
 * @param millis whether the costs are milliseconds (from the history), rather than numbers of tests
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record ShardSelection(Shard shard, List<String> kept, int classes, List<Long> costs, boolean millis) {

    /** How many kept classes the summary names before it says how many more there are. */
    private static final int NAMED = 10;

    public ShardSelection {
        kept = List.copyOf(kept);
        costs = List.copyOf(costs);
    }

    /**
     * Removes from the tree the top-level classes outside the configured shard, if one is.
     *
     * @return what was kept, for the summary; empty when the run is not split
     */
    public static Optional<ShardSelection> keep(
            TestDescriptor root,
            List<? extends DiscoverySelector> selectors,
            ItemTraits traits,
            XdistConfiguration configuration) {
        if (configuration.shard().isEmpty()) {
            return Optional.empty();
        }
        Optional<Set<String>> selected = SelectedClasses.topLevel(selectors);
        if (selected.isPresent() && selected.get().size() == 1) {
            return Optional.empty();
        }
        Shard shard = configuration.shard().get();
        List<TestItem> items = TestItems.of(root, traits).items();
        Distribution pricing = configuration.distribution() == Distribution.LOADGROUP
                ? Distribution.LOADGROUP
                : Distribution.LOADSCOPE;
        Map<String, Long> earlier = DurationHistory.load(
                        configuration.durationsFile(), Constants.DURATIONS_FILE_PROPERTY_NAME)
                .earlierMillis();
        List<WorkUnit> units = Costs.of(earlier).estimate(pricing.cut(items, 1));
        ShardPartition.Split split = ShardPartition.split(items, units, shard.total());
        Set<String> keep = split.scopes(shard);
        List<String> kept = new ArrayList<>();
        int classes = 0;
        for (TestDescriptor top : new ArrayList<>(root.getChildren())) {
            classes++;
            if (keep.contains(top.getUniqueId().toString())) {
                kept.add(top.getDisplayName());
            } else {
                top.removeFromHierarchy();
            }
        }
        boolean millis = units.stream().anyMatch(unit -> earlier.containsKey(unit.uniqueId()));
        return Optional.of(new ShardSelection(shard, kept, classes, split.costs(), millis));
    }

    /** The summary's line on the shard, for example {@code shard 2/3 kept 2 of 5 classes: A, B; expected work ...}. */
    public String line() {
        List<String> named = kept.size() > NAMED ? kept.subList(0, NAMED) : kept;
        String names =
                String.join(", ", named) + (kept.size() > NAMED ? ", and %d more".formatted(kept.size() - NAMED) : "");
        List<String> work = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            long cost = costs.get(i);
            work.add("%d/%d %s".formatted(i + 1, costs.size(), millis ? Summary.seconds(cost) : tests(cost)));
        }
        return "shard %s kept %d of %d classes%s; expected work of each shard%s: %s"
                .formatted(
                        shard,
                        kept.size(),
                        classes,
                        kept.isEmpty() ? "" : ": " + names,
                        millis ? " (duration history)" : " (no duration history, by number of tests)",
                        String.join(", ", work));
    }

    private static String tests(long count) {
        return count + (count == 1 ? " test" : " tests");
    }
}
