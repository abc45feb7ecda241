package io.github.junitxdist.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.discovery.ClassCuts;
import io.github.junitxdist.discovery.ItemTraits;
import io.github.junitxdist.discovery.TestItems;
import io.github.junitxdist.discovery.UnitSelectors;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.TestItem;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * What a run executes: the items of the pruned tree, the units a distribution mode cuts from them, how a worker
 * re-selects each unit, and an index of every descriptor by unique id for relaying events.
 *
 * <p>A unit's scope is its items with their subtrees, and the containers above them (classes, nested classes). A
 * container is shared when items of several units lie below it; {@link #holders()} counts them, so the relay starts a
 * shared container once and finishes it after its last unit.
 *
 * <p>Built on the thread that executes the run ({@link #cut} once), then only read; the index is concurrent because
 * relay threads add the descriptors of dynamic tests to it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ExecutionPlan {

    /** The descriptors a unit runs: its items, and the ids of the containers above them. */
    public record Scope(List<TestDescriptor> items, Set<String> containers) {

        /** The outermost descriptors of the scope: the top-level classes (or items) below the engine root. */
        public List<TestDescriptor> tops() {
            Set<TestDescriptor> tops = new LinkedHashSet<>();
            for (TestDescriptor item : items) {
                TestDescriptor top = item;
                while (top.getParent().flatMap(TestDescriptor::getParent).isPresent()) {
                    top = top.getParent().orElseThrow();
                }
                tops.add(top);
            }
            return List.copyOf(tops);
        }
    }

    private final TestDescriptor root;
    private final List<DiscoverySelector> selectors;
    private final Function<TestDescriptor, Set<String>> allowedIds;
    private final Map<String, TestDescriptor> index = new ConcurrentHashMap<>();
    private final TestItems found;
    private final Set<String> itemIds = new HashSet<>();
    private final List<Scope> scopes = new ArrayList<>();
    private final List<RunUnit> requests = new ArrayList<>();
    private final Map<String, Integer> holders = new HashMap<>();

    /**
     * @param root the engine descriptor after the Launcher's filters and pruning
     * @param selectors the original discovery request's selectors
     * @param allowedIds for a top-level class, the ids of its subtree as they were before pruning (which hides the
     *     children of class templates); the current subtree where unknown
     * @param traits the traits of the descriptors, remembered from discovery
     */
    public ExecutionPlan(
            TestDescriptor root,
            List<DiscoverySelector> selectors,
            Function<TestDescriptor, Set<String>> allowedIds,
            ItemTraits traits) {
        this.root = root;
        this.selectors = List.copyOf(selectors);
        this.allowedIds = allowedIds;
        root.accept(descriptor -> index.put(descriptor.getUniqueId().toString(), descriptor));
        this.found = TestItems.of(root, traits);
        found.descriptors().forEach(item -> itemIds.add(id(item)));
    }

    /** The ids of a subtree as it is now. */
    public static Set<String> subtreeIds(TestDescriptor descriptor) {
        Set<String> ids = new HashSet<>();
        descriptor.accept(inside -> ids.add(inside.getUniqueId().toString()));
        return ids;
    }

    /**
     * A unique id and the ids of its ancestors below the engine root, innermost first. Segments are joined by '/', which
     * the unique id format encodes inside a segment, so cutting at the last one gives the parent's id without the cost
     * of parsing (this runs for every test on the way to the first one).
     */
    public static List<String> selfAndAncestors(String uniqueId) {
        List<String> ids = new ArrayList<>();
        for (String current = uniqueId;
                current.indexOf('/') >= 0;
                current = current.substring(0, current.lastIndexOf('/'))) {
            ids.add(current);
        }
        return ids;
    }

    public List<TestItem> items() {
        return found.items();
    }

    /**
     * Cuts the units for the given mode and number of workers. A later cut replaces an earlier one: {@link #scope},
     * {@link #request} and {@link #holders} answer for the latest (under {@code load} the units depend on the number of
     * workers, which {@code xdist.workers=auto} may lower after a first cut).
     */
    public List<WorkUnit> cut(Distribution distribution, int workers) {
        return cut(distribution, workers, Set.of());
    }

    /** As {@link #cut(Distribution, int)}, the top-level classes in {@code split} cut into parts ({@code LongPoles}). */
    public List<WorkUnit> cut(Distribution distribution, int workers, Set<String> split) {
        scopes.clear();
        requests.clear();
        holders.clear();
        List<WorkUnit> units = distribution.cut(found.items(), workers, split);
        Map<String, Map<String, String>> itemOfIdByTop = new HashMap<>();
        for (WorkUnit unit : units) {
            List<TestDescriptor> items =
                    unit.items().stream().map(found.descriptors()::get).toList();
            Set<String> containers = new LinkedHashSet<>();
            for (TestDescriptor item : items) {
                for (TestDescriptor parent = item.getParent().orElse(null);
                        parent != null && parent != root;
                        parent = parent.getParent().orElse(null)) {
                    containers.add(id(parent));
                }
            }
            containers.forEach(container -> holders.merge(container, 1, Integer::sum));
            var scope = new Scope(items, containers);
            Set<String> unitItems = new HashSet<>();
            items.forEach(item -> unitItems.add(id(item)));
            Set<String> allowed = new HashSet<>(containers);
            Set<String> unitSelectors = new LinkedHashSet<>();
            for (TestDescriptor top : scope.tops()) {
                itemOfIdByTop.computeIfAbsent(id(top), k -> itemOfId(top)).forEach((id, item) -> {
                    if (unitItems.contains(item)) {
                        allowed.add(id);
                    }
                });
                unitSelectors.addAll(UnitSelectors.forUnit(selectors, top.getUniqueId(), className(top)));
            }
            scopes.add(scope);
            requests.add(new RunUnit(unit.id(), List.copyOf(unitSelectors), allowed));
        }
        return units;
    }

    /** For each id allowed below a top-level descriptor, the id of the item it belongs to (itself, or an ancestor). */
    private Map<String, String> itemOfId(TestDescriptor top) {
        Map<String, String> itemOfId = new HashMap<>();
        for (String id : allowedIds.apply(top)) {
            selfAndAncestors(id).stream()
                    .filter(itemIds::contains)
                    .findFirst()
                    .ifPresent(item -> itemOfId.put(id, item));
        }
        return itemOfId;
    }

    /**
     * Whether the top-level class with this unique id may be cut into parts for several workers (see
     * {@link ClassCuts}).
     */
    public boolean mayCut(String topLevelId, boolean perClassByDefault) {
        TestDescriptor top = index.get(topLevelId);
        return top != null && ClassCuts.mayCut(top, perClassByDefault);
    }

    public Scope scope(WorkUnit unit) {
        return scopes.get(unit.id());
    }

    public RunUnit request(WorkUnit unit) {
        return requests.get(unit.id());
    }

    public Map<String, TestDescriptor> index() {
        return index;
    }

    /** For each container, how many units hold items below it. */
    public Map<String, Integer> holders() {
        return holders;
    }

    private static String className(TestDescriptor top) {
        return top.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName())
                .orElse("");
    }

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
    }
}
