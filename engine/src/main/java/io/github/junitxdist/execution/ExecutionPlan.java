package io.github.junitxdist.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.discovery.UnitSelectors;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * What a run executes: the work units cut from the pruned tree, how a worker re-selects each of them, and an index of
 * every descriptor by unique id for relaying events.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ExecutionPlan {

    private final List<WorkUnit> units = new ArrayList<>();
    private final List<TestDescriptor> unitRoots = new ArrayList<>();
    private final List<RunUnit> requests = new ArrayList<>();
    private final Map<String, TestDescriptor> index = new ConcurrentHashMap<>();

    /**
     * @param root the engine descriptor after the Launcher's filters and pruning
     * @param selectors the original discovery request's selectors
     * @param allowedIds for a unit root, the ids of its subtree as they were before pruning (which hides the children
     *     of class templates); the current subtree where unknown
     */
    public ExecutionPlan(
            TestDescriptor root, List<DiscoverySelector> selectors, Function<TestDescriptor, Set<String>> allowedIds) {
        root.accept(descriptor -> index.put(descriptor.getUniqueId().toString(), descriptor));
        for (TestDescriptor unitRoot : root.getChildren()) {
            int id = units.size();
            String className = unitRoot.getSource()
                    .filter(ClassSource.class::isInstance)
                    .map(source -> ((ClassSource) source).getClassName())
                    .orElse("");
            long tests = countTests(unitRoot);
            units.add(new WorkUnit(id, unitRoot.getUniqueId().toString(), isSerial(unitRoot), tests, tests));
            unitRoots.add(unitRoot);
            requests.add(new RunUnit(
                    id,
                    UnitSelectors.forUnit(selectors, unitRoot.getUniqueId(), className),
                    allowedIds.apply(unitRoot)));
        }
    }

    /** The ids of a subtree as it is now. */
    public static Set<String> subtreeIds(TestDescriptor unitRoot) {
        Set<String> ids = new HashSet<>();
        unitRoot.accept(descriptor -> ids.add(descriptor.getUniqueId().toString()));
        return ids;
    }

    public List<WorkUnit> units() {
        return List.copyOf(units);
    }

    TestDescriptor unitRoot(WorkUnit unit) {
        return unitRoots.get(unit.id());
    }

    RunUnit request(WorkUnit unit) {
        return requests.get(unit.id());
    }

    Map<String, TestDescriptor> index() {
        return index;
    }

    private static boolean isSerial(TestDescriptor unitRoot) {
        return unitRoot.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> {
                    try {
                        return AnnotationSupport.isAnnotated(((ClassSource) source).getJavaClass(), Serial.class);
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    private static long countTests(TestDescriptor unitRoot) {
        long[] count = {0};
        unitRoot.accept(descriptor -> {
            if (descriptor.isTest() || descriptor.mayRegisterTests()) {
                count[0]++;
            }
        });
        return Math.max(1, count[0]);
    }
}
