package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.api.XdistGroup;
import io.github.junitxdist.scheduling.Lock;
import java.lang.reflect.AnnotatedElement;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * What each descriptor declares for scheduling by itself, apart from what encloses it: its {@code @XdistGroup} and
 * {@code @Serial}, and Jupiter's resource locks ({@code @ResourceLock}, {@code ResourceLocksProvider},
 * {@code @Isolated}). Looked up once per descriptor and remembered: discovery (for the early start of workers) and
 * execution both find the items of the same descriptors, and the second look is on the way to the first test.
 *
 * <p>Locks on resources that each JVM has on its own ({@code System} properties and streams, the default locale and
 * time zone) are left out: workers are separate JVMs, so these cannot clash between them; Jupiter still honours them
 * inside each worker. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ItemTraits {

    private static final Set<String> PER_JVM_RESOURCES = Set.of(
            Resources.SYSTEM_PROPERTIES,
            Resources.SYSTEM_OUT,
            Resources.SYSTEM_ERR,
            Resources.LOCALE,
            Resources.TIME_ZONE);

    /** A descriptor's own traits; {@code isolated} when it holds Jupiter's global lock exclusively. */
    record Own(Optional<String> group, boolean serial, boolean isolated, Set<Lock> locks) {}

    private final Map<TestDescriptor, Own> known = Collections.synchronizedMap(new IdentityHashMap<>());

    Own of(TestDescriptor descriptor) {
        return known.computeIfAbsent(descriptor, ItemTraits::lookUp);
    }

    private static Own lookUp(TestDescriptor descriptor) {
        Optional<AnnotatedElement> element = descriptor.getSource().flatMap(ItemTraits::element);
        Optional<String> group = element.flatMap(e -> AnnotationSupport.findAnnotation(e, XdistGroup.class))
                .map(XdistGroup::value);
        boolean serial =
                element.map(e -> AnnotationSupport.isAnnotated(e, Serial.class)).orElse(false);
        Set<Lock> locks = new HashSet<>();
        boolean isolated = addLocks(descriptor, locks);
        return new Own(group, serial, isolated, Set.copyOf(locks));
    }

    /** Adds the descriptor's own locks; tells whether it is isolated. */
    private static boolean addLocks(TestDescriptor descriptor, Set<Lock> locks) {
        if (!(descriptor instanceof Node<?> node)) {
            return false;
        }
        boolean isolated = false;
        Set<ExclusiveResource> resources;
        try {
            resources = node.getExclusiveResources();
        } catch (RuntimeException e) {
            return false; // Jupiter reports a broken lock declaration when it runs the test
        }
        for (ExclusiveResource resource : resources) {
            boolean exclusive = resource.getLockMode() == ExclusiveResource.LockMode.READ_WRITE;
            if (resource.getKey().equals(ExclusiveResource.GLOBAL_KEY)) {
                isolated |= exclusive;
            } else if (!PER_JVM_RESOURCES.contains(resource.getKey())) {
                locks.add(new Lock(resource.getKey(), exclusive));
            }
        }
        return isolated;
    }

    private static Optional<AnnotatedElement> element(TestSource source) {
        try {
            if (source instanceof ClassSource classSource) {
                return Optional.of(classSource.getJavaClass());
            }
            if (source instanceof MethodSource methodSource) {
                return Optional.of(methodSource.getJavaMethod());
            }
        } catch (RuntimeException e) {
            // a class or method that cannot be loaded here: Jupiter reports it in the worker
        }
        return Optional.empty();
    }
}
