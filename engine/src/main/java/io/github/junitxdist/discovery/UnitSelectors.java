package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.DiscoverySelectorIdentifier;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.IterationSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Derives, from the selectors of the original discovery request, the selectors that re-select one unit in a worker.
 *
 * <p>Selectors that point into the unit's class (class, nested class, method, iteration, unique id below the unit) are
 * forwarded as they are, so Jupiter narrows templates and iterations exactly as it did in the calling JVM. Broad
 * selectors (package, classpath root, module, a unique id above the unit, ...) become a unique-id selector of the unit;
 * the allowed-id filter then keeps exactly what the parent's post-discovery filters kept.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class UnitSelectors {

    private UnitSelectors() {}

    /**
     * The selectors that discover one unit in a worker: the original selectors inside the unit where they select part
     * of it, else the unit itself.
     *
     * @param selectors the original request's selectors
     * @param unitId the unique id of the unit's root descriptor
     * @param unitClassName the fully qualified name of the unit's top-level class
     * @return selector identifiers, parseable with {@code DiscoverySelectors.parse}
     */
    public static List<String> forUnit(List<DiscoverySelector> selectors, UniqueId unitId, String unitClassName) {
        Set<String> result = new LinkedHashSet<>();
        boolean broad = false;
        for (DiscoverySelector selector : selectors) {
            switch (relation(selector, unitId, unitClassName)) {
                case INSIDE ->
                    selector.toIdentifier()
                            .map(DiscoverySelectorIdentifier::toString)
                            .ifPresentOrElse(result::add, () -> result.add(unitSelector(unitId)));
                case ENCLOSING -> broad = true;
                case UNRELATED -> {}
            }
        }
        if (broad || result.isEmpty()) {
            result.add(unitSelector(unitId));
        }
        return List.copyOf(result);
    }

    private enum Relation {
        INSIDE,
        ENCLOSING,
        UNRELATED
    }

    private static Relation relation(DiscoverySelector selector, UniqueId unitId, String unitClassName) {
        Optional<String> className = className(selector);
        if (className.isPresent()) {
            return belongsTo(className.get(), unitClassName) ? Relation.INSIDE : Relation.UNRELATED;
        }
        if (selector instanceof IterationSelector iteration) {
            return relation(iteration.getParentSelector(), unitId, unitClassName);
        }
        if (selector instanceof UniqueIdSelector byId) {
            UniqueId id = byId.getUniqueId();
            if (id.hasPrefix(unitId)) {
                return Relation.INSIDE;
            }
            return unitId.hasPrefix(id) ? Relation.ENCLOSING : Relation.UNRELATED;
        }
        return Relation.ENCLOSING;
    }

    private static Optional<String> className(DiscoverySelector selector) {
        if (selector instanceof ClassSelector s) {
            return Optional.of(s.getClassName());
        }
        if (selector instanceof NestedClassSelector s) {
            return Optional.of(s.getEnclosingClassNames().get(0));
        }
        if (selector instanceof MethodSelector s) {
            return Optional.of(s.getClassName());
        }
        if (selector instanceof NestedMethodSelector s) {
            return Optional.of(s.getEnclosingClassNames().get(0));
        }
        return Optional.empty();
    }

    private static boolean belongsTo(String className, String unitClassName) {
        return className.equals(unitClassName) || className.startsWith(unitClassName + "$");
    }

    private static String unitSelector(UniqueId unitId) {
        return DiscoverySelectors.selectUniqueId(unitId)
                .toIdentifier()
                .orElseThrow()
                .toString();
    }
}
