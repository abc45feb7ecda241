package io.github.junitxdist.engine;

import io.github.junitxdist.api.InvalidConfigurationException;
import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.coordinator.ShardSelection;
import io.github.junitxdist.discovery.ItemTraits;
import io.github.junitxdist.plan.ExecutionPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The root of junit-xdist's tree: holds Jupiter's discovered classes, the request's selectors and configuration, and
 * what the Launcher's filters left of each unit.
 *
 * <p>The Launcher prunes top-down, so {@link #prune()} sees each unit's subtree before class templates move their
 * children out of sight; that is when the allowed ids are recorded. It is also after the Launcher's filters, so that is
 * when a run split by {@code xdist.shard} drops the classes of the other shards: the split then balances what the
 * filters left.
 *
 * <p>Used by the Launcher on the thread that discovers and then executes, one call after the other.
 */
final class XdistEngineDescriptor extends EngineDescriptor {

    private final List<DiscoverySelector> selectors;
    private final @Nullable XdistConfiguration configuration;
    private final @Nullable InvalidConfigurationException configurationError;
    private final Map<UniqueId, Set<String>> allowedIdsByUnit = new HashMap<>();
    private final ItemTraits traits = new ItemTraits();
    private Optional<ShardSelection> shard = Optional.empty();
    private boolean split;

    XdistEngineDescriptor(
            UniqueId uniqueId,
            List<DiscoverySelector> selectors,
            @Nullable XdistConfiguration configuration,
            @Nullable InvalidConfigurationException configurationError) {
        super(uniqueId, "junit-xdist");
        this.selectors = List.copyOf(selectors);
        this.configuration = configuration;
        this.configurationError = configurationError;
    }

    @Override
    public void prune() {
        if (!split && configuration != null) {
            // Once: splitting the kept classes again would drop more of them.
            split = true;
            shard = ShardSelection.keep(this, selectors, traits, configuration);
        }
        for (TestDescriptor unit : getChildren()) {
            allowedIdsByUnit.put(unit.getUniqueId(), ExecutionPlan.subtreeIds(unit));
        }
        super.prune();
    }

    ExecutionPlan plan() {
        return new ExecutionPlan(
                this,
                selectors,
                top -> {
                    Set<String> allowed = allowedIdsByUnit.get(top.getUniqueId());
                    return allowed != null ? allowed : ExecutionPlan.subtreeIds(top);
                },
                traits);
    }

    /** What the shard kept, if the run is split by {@code xdist.shard}. */
    Optional<ShardSelection> shard() {
        return shard;
    }

    /** The scheduling traits of this tree's descriptors, found once for discovery and execution. */
    ItemTraits traits() {
        return traits;
    }

    /** The validated configuration; throws the error found at discovery if it was invalid. */
    XdistConfiguration configuration() {
        if (configurationError != null) {
            throw configurationError;
        }
        return java.util.Objects.requireNonNull(configuration);
    }
}
