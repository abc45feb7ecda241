package io.github.junitxdist.execution;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.api.XdistGroup;
import io.github.junitxdist.scheduling.Lock;
import io.github.junitxdist.scheduling.TestItem;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * Finds the items of a tree (tests, and templates and factories as a whole) and what each carries from itself and its
 * enclosing classes: {@code @Serial}, {@code @XdistGroup}, and Jupiter's resource locks ({@code @ResourceLock},
 * {@code ResourceLocksProvider}, {@code @Isolated}).
 *
 * <p>Locks on resources that each JVM has on its own ({@code System} properties and streams, the default locale and
 * time zone) are left out: workers are separate JVMs, so these cannot clash between them; Jupiter still honours them
 * inside each worker.
 */
final class TestItems {

    private static final Set<String> PER_JVM_RESOURCES = Set.of(
            Resources.SYSTEM_PROPERTIES, Resources.SYSTEM_OUT, Resources.SYSTEM_ERR, Resources.LOCALE,
            Resources.TIME_ZONE);

    private final List<TestDescriptor> descriptors = new ArrayList<>();
    private final List<TestItem> items = new ArrayList<>();

    /** What an element passes on to what it encloses. */
    private record Context(String scope, Optional<String> group, boolean serial, boolean isolated, Set<Lock> locks) {}

    static TestItems of(TestDescriptor root) {
        var found = new TestItems();
        for (TestDescriptor top : root.getChildren()) {
            found.visit(top, new Context(top.getUniqueId().toString(), Optional.empty(), false, false, Set.of()));
        }
        return found;
    }

    /** The item descriptors, by item index. */
    List<TestDescriptor> descriptors() {
        return descriptors;
    }

    List<TestItem> items() {
        return items;
    }

    private void visit(TestDescriptor descriptor, Context enclosing) {
        Context context = with(enclosing, descriptor);
        if (descriptor.isTest() || descriptor.mayRegisterTests()) {
            Set<Lock> locks = new HashSet<>(context.locks());
            boolean[] isolated = {context.isolated()};
            long[] tests = {0};
            descriptor.accept(inside -> {
                tests[0]++;
                if (inside != descriptor) {
                    isolated[0] |= addLocks(inside, locks);
                }
            });
            items.add(new TestItem(
                    items.size(), context.scope(), context.group(), context.serial(), isolated[0], locks, tests[0]));
            descriptors.add(descriptor);
            return;
        }
        for (TestDescriptor child : descriptor.getChildren()) {
            visit(child, context);
        }
    }

    private static Context with(Context enclosing, TestDescriptor descriptor) {
        Optional<AnnotatedElement> element = element(descriptor.getSource().orElse(null));
        Optional<String> group = element.flatMap(e -> AnnotationSupport.findAnnotation(e, XdistGroup.class))
                .map(XdistGroup::value)
                .or(enclosing::group);
        boolean serial = enclosing.serial()
                || element.map(e -> AnnotationSupport.isAnnotated(e, Serial.class)).orElse(false);
        Set<Lock> locks = new HashSet<>(enclosing.locks());
        boolean isolated = enclosing.isolated() | addLocks(descriptor, locks);
        return new Context(enclosing.scope(), group, serial, isolated, locks);
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
