package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.IterationSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * The top-level classes a discovery request selects, read from its selectors alone, before anything is discovered: what
 * an IDE's "run this test" or "run this class" selects, or a build tool's list of classes.
 *
 * <p>Stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SelectedClasses {

    private SelectedClasses() {}

    /**
     * The binary names of the top-level classes the selectors point into, when every selector points into named
     * classes (classes, methods, nested classes and methods, iterations of those; unique ids of other engines, which
     * are theirs to resolve, point nowhere); empty when a selector selects more broadly (a package, a class path root, a
     * module, a file) or by a junit-xdist unique id, which only junit-xdist's discovery resolves.
     */
    public static Optional<Set<String>> topLevel(List<? extends DiscoverySelector> selectors) {
        Set<String> classes = new LinkedHashSet<>();
        for (DiscoverySelector selector : selectors) {
            if (!add(selector, classes)) {
                return Optional.empty();
            }
        }
        return Optional.of(classes);
    }

    private static boolean add(DiscoverySelector selector, Set<String> classes) {
        if (selector instanceof ClassSelector s) {
            classes.add(topLevel(s.getClassName()));
        } else if (selector instanceof MethodSelector s) {
            classes.add(topLevel(s.getClassName()));
        } else if (selector instanceof NestedClassSelector s) {
            classes.add(topLevel(s.getEnclosingClassNames().get(0)));
        } else if (selector instanceof NestedMethodSelector s) {
            classes.add(topLevel(s.getEnclosingClassNames().get(0)));
        } else if (selector instanceof IterationSelector s) {
            return add(s.getParentSelector(), classes);
        } else if (selector instanceof UniqueIdSelector s) {
            return !s.getUniqueId()
                    .getEngineId()
                    .filter(Constants.ENGINE_ID::equals)
                    .isPresent();
        } else {
            return false;
        }
        return true;
    }

    /** The top-level class of a binary class name: {@code a.B$C} is in {@code a.B}. */
    private static String topLevel(String binaryName) {
        int dollar = binaryName.indexOf('$', binaryName.lastIndexOf('.') + 1);
        return dollar > 0 ? binaryName.substring(0, dollar) : binaryName;
    }
}
