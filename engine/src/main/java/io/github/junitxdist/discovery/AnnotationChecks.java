package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.api.XdistGroup;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Reports misplaced junit-xdist annotations in the discovered classes as discovery errors, which make the Launcher fail
 * the engine with the message (by default, JUnit treats discovery errors as critical): {@code @Serial} on anything but
 * a test class, a {@code @Nested} class or a test method, and a blank {@code @XdistGroup} name.
 *
 * <p>Each check is one instance, confined to the thread that discovers.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class AnnotationChecks {

    private static final String SERIAL_ALLOWED = "@Serial belongs on a test class, a @Nested class, or a test method"
            + " (@Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @TestTemplate)";

    private final EngineDiscoveryListener listener;
    private final UniqueId engineId;
    private final Set<Class<?>> checked = new HashSet<>();
    private boolean found;

    private AnnotationChecks(EngineDiscoveryListener listener, UniqueId engineId) {
        this.listener = listener;
        this.engineId = engineId;
    }

    /**
     * Checks every class of the tree and reports what it finds to the discovery listener.
     *
     * @return whether it reported anything
     */
    public static boolean check(TestDescriptor root, EngineDiscoveryListener listener) {
        var checks = new AnnotationChecks(listener, root.getUniqueId());
        root.accept(descriptor -> descriptor
                .getSource()
                .filter(ClassSource.class::isInstance)
                .flatMap(source -> javaClass((ClassSource) source))
                .ifPresent(checks::checkClass));
        return checks.found;
    }

    private void checkClass(Class<?> testClass) {
        if (!checked.add(testClass)) {
            return;
        }
        checkGroup(testClass, ClassSource.from(testClass), "class " + testClass.getName());
        for (Method method :
                ReflectionSupport.findMethods(testClass, method -> true, HierarchyTraversalMode.TOP_DOWN)) {
            String where = "method " + method.getDeclaringClass().getName() + "." + method.getName() + "()";
            MethodSource source = MethodSource.from(method);
            if (AnnotationSupport.isAnnotated(method, Serial.class)
                    && !AnnotationSupport.isAnnotated(method, Testable.class)) {
                report(source, "%s is not a test method. %s.".formatted(where, SERIAL_ALLOWED));
            }
            checkGroup(method, source, where);
        }
        for (Class<?> member : testClass.getDeclaredClasses()) {
            boolean inner =
                    !Modifier.isStatic(member.getModifiers()) && !member.isInterface() && !member.isAnnotation();
            if (inner
                    && !AnnotationSupport.isAnnotated(member, Nested.class)
                    && AnnotationSupport.isAnnotated(member, Serial.class)) {
                report(
                        ClassSource.from(member),
                        "class %s is an inner class without @Nested, so it is not a test class. %s."
                                .formatted(member.getName(), SERIAL_ALLOWED));
            }
        }
    }

    private void checkGroup(AnnotatedElement element, TestSource source, String where) {
        AnnotationSupport.findAnnotation(element, XdistGroup.class)
                .filter(group -> group.value().isBlank())
                .ifPresent(group -> report(
                        source,
                        ("@XdistGroup on %s has a blank name ('%s'): give the group a name,"
                                        + " such as @XdistGroup(\"database\")")
                                .formatted(where, group.value())));
    }

    /**
     * Reports a misplaced annotation as a discovery error; a Platform without discovery issues (1.12) fails the
     * discovery with it instead.
     */
    private void report(TestSource source, String message) {
        found = true;
        if (!PlatformSupport.DISCOVERY_ISSUES) {
            throw new JUnitException("junit-xdist: " + message);
        }
        DiscoveryErrors.report(listener, engineId, source, "junit-xdist: " + message);
    }

    private static Optional<Class<?>> javaClass(ClassSource source) {
        try {
            return Optional.of(source.getJavaClass());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
