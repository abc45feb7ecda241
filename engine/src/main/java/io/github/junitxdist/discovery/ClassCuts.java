package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Modifier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * Whether a top-level class may be cut into parts that run in different JVMs without its tests seeing anything else
 * than what a part sees: each part then runs the class's lifecycle on its own, in the order its tests have in the class.
 *
 * <p>Not a class (or any of its {@code @Nested} classes) that orders its tests or classes on purpose
 * ({@code @TestMethodOrder}, {@code @TestClassOrder}: later tests may build on earlier ones) or shares one instance
 * between its tests ({@code @TestInstance(PER_CLASS)}: a test may read what another left in a field), nor one that runs
 * code once for all its tests ({@code @BeforeAll}, {@code @AfterAll}, class-level extensions with those callbacks):
 * each part would run it again and report it again. Nor a class that cannot be loaded here.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ClassCuts {

    private ClassCuts() {}

    /**
     * Whether this top-level class and its {@code @Nested} classes may be cut.
     *
     * @param perClassByDefault whether {@code junit.jupiter.testinstance.lifecycle.default} is {@code per_class}
     */
    public static boolean mayCut(TestDescriptor top, boolean perClassByDefault) {
        if (perClassByDefault) {
            return false;
        }
        boolean[] safe = {top.getSource().filter(ClassSource.class::isInstance).isPresent()};
        top.accept(descriptor -> {
            if (safe[0] && descriptor.getSource().orElse(null) instanceof ClassSource source) {
                safe[0] = mayCut(source);
            }
        });
        return safe[0];
    }

    private static boolean mayCut(ClassSource source) {
        Class<?> type;
        try {
            type = source.getJavaClass();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        boolean perClass = AnnotationSupport.findAnnotation(type, TestInstance.class)
                .map(instance -> instance.value() == TestInstance.Lifecycle.PER_CLASS)
                .orElse(false);
        return !perClass
                && !AnnotationSupport.isAnnotated(type, TestMethodOrder.class)
                && !AnnotationSupport.isAnnotated(type, TestClassOrder.class)
                && !hasClassLifecycle(type);
    }

    /**
     * Whether the class runs code once for all its tests: {@code @BeforeAll} or {@code @AfterAll} methods, or a
     * class-level extension with {@code BeforeAllCallback} or {@code AfterAllCallback} (such as Spring's), declared
     * with {@code @ExtendWith} (also through a composed annotation such as {@code @SpringBootTest}) or in a static
     * {@code @RegisterExtension} field. Each part would run it again, and what it reports or prints would be reported
     * once per part.
     */
    private static boolean hasClassLifecycle(Class<?> type) {
        if (!AnnotationSupport.findAnnotatedMethods(type, BeforeAll.class, HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty()
                || !AnnotationSupport.findAnnotatedMethods(type, AfterAll.class, HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty()) {
            return true;
        }
        for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
            for (Class<? extends Extension> extension : extendWith.value()) {
                if (BeforeAllCallback.class.isAssignableFrom(extension)
                        || AfterAllCallback.class.isAssignableFrom(extension)) {
                    return true;
                }
            }
        }
        return AnnotationSupport.findAnnotatedFields(
                        type,
                        RegisterExtension.class,
                        field -> Modifier.isStatic(field.getModifiers()),
                        HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .map(java.lang.reflect.Field::getType)
                .anyMatch(declared -> declared.isInterface() // Extension itself, or any interface: may hold anything
                        || !Extension.class.isAssignableFrom(declared)
                        || BeforeAllCallback.class.isAssignableFrom(declared)
                        || AfterAllCallback.class.isAssignableFrom(declared));
    }
}
