package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.FixtureAffinity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import org.apiguardian.api.API;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * Asks the {@link FixtureAffinity} implementations on the class path (and the built-in one for Spring) which fixture
 * each test class needs. An implementation that fails is left out with a warning; a class no implementation knows has
 * no key. Not thread-safe: one per run, used on one thread.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class FixtureKeys {

    private static final Logger LOGGER = Logger.getLogger("io.github.junitxdist");

    private final List<FixtureAffinity> implementations;
    private final Map<Class<?>, Optional<String>> keys = new HashMap<>();

    private FixtureKeys(List<FixtureAffinity> implementations) {
        this.implementations = implementations;
    }

    /** The implementations registered as services with the context class loader, then the one for Spring. */
    public static FixtureKeys load() {
        List<FixtureAffinity> found = new ArrayList<>();
        try {
            ServiceLoader.load(FixtureAffinity.class).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            LOGGER.warning(() -> "junit-xdist ignores the FixtureAffinity implementations it cannot load: " + e);
        }
        found.add(new SpringContextAffinity());
        return new FixtureKeys(found);
    }

    /** The key of the fixture the class needs, if an implementation names one; asked once per class. */
    public Optional<String> of(Class<?> testClass) {
        return keys.computeIfAbsent(testClass, this::ask);
    }

    /** The key of the fixture the class of a class source needs; none when its class cannot be loaded here. */
    public Optional<String> of(ClassSource source) {
        try {
            return of(source.getJavaClass());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private Optional<String> ask(Class<?> testClass) {
        for (FixtureAffinity implementation : implementations) {
            try {
                Optional<String> key = implementation.key(testClass);
                if (key.isPresent()) {
                    return key.map(value -> implementation.getClass().getName() + ":" + value);
                }
            } catch (RuntimeException | LinkageError e) {
                LOGGER.warning(() -> "junit-xdist: %s failed for %s: %s"
                        .formatted(implementation.getClass().getName(), testClass.getName(), e));
            }
        }
        return Optional.empty();
    }
}
