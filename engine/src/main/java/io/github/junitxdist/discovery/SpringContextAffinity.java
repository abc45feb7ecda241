package io.github.junitxdist.discovery;

import io.github.junitxdist.api.FixtureAffinity;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives test classes that run with Spring's {@code SpringExtension} the key of the application context Spring's test
 * context cache would give them: classes whose merged context configurations are equal share a context within one JVM.
 *
 * <p>Spring is reached reflectively, through the test class's own class loader, so junit-xdist neither needs Spring
 * nor brings it; without {@code spring-test}, or when Spring cannot build a class's configuration, a class has no key.
 * The merged configuration comes from {@code BootstrapUtils.resolveTestContextBootstrapper(testClass)
 * .buildMergedContextConfiguration()}, which reads annotations and starts nothing. Not thread-safe: used on one thread.
 */
final class SpringContextAffinity implements FixtureAffinity {

    private static final String EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";
    private static final String BOOTSTRAP_UTILS = "org.springframework.test.context.BootstrapUtils";

    /** The distinct configurations seen so far: a class's key is the position of the one equal to its own. */
    private final List<Object> configurations = new ArrayList<>();

    @Override
    public Optional<String> key(Class<?> testClass) {
        if (!usesSpring(testClass)) {
            return Optional.empty();
        }
        Object configuration = mergedConfiguration(testClass);
        if (configuration == null) {
            return Optional.empty();
        }
        int index = configurations.indexOf(configuration);
        if (index < 0) {
            configurations.add(configuration);
            index = configurations.size() - 1;
        }
        return Optional.of("spring-context-" + index);
    }

    private static boolean usesSpring(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .flatMap(extendWith -> java.util.Arrays.stream(extendWith.value()))
                .anyMatch(extension -> extension.getName().equals(EXTENSION));
    }

    private static @Nullable Object mergedConfiguration(Class<?> testClass) {
        try {
            Class<?> utils = Class.forName(BOOTSTRAP_UTILS, false, testClass.getClassLoader());
            Method resolve = utils.getMethod("resolveTestContextBootstrapper", Class.class);
            Object bootstrapper = resolve.invoke(null, testClass);
            return bootstrapper
                    .getClass()
                    .getMethod("buildMergedContextConfiguration")
                    .invoke(bootstrapper);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
