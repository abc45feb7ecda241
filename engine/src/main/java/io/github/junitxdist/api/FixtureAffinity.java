package io.github.junitxdist.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Names the expensive per-JVM fixture a test class needs, so that junit-xdist can run the classes that share one on a
 * worker that has built it already: a Spring application context, an embedded database, a server started once per JVM.
 * Classes with equal keys share the fixture. Scheduling only prefers such a worker: it never leaves a worker idle while
 * tests are pending.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.github.junitxdist.api.FixtureAffinity} on the test class path. They need a public
 * no-argument constructor, are called in the calling JVM before the tests run, once per top-level test class, on one
 * thread, and must not start the fixture themselves. The first key any of them returns counts. junit-xdist brings one
 * that recognises Spring's test-context cache key when {@code spring-test} is on the class path.
 *
 * <p>Example: every class annotated {@code @DatabaseTest} shares one embedded database per JVM:
 *
 * <pre>{@code
 * public final class DatabaseAffinity implements FixtureAffinity {
 *     public Optional<String> key(Class<?> testClass) {
 *         return testClass.isAnnotationPresent(DatabaseTest.class) ? Optional.of("database") : Optional.empty();
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FixtureAffinity {

    /**
     * The key of the per-JVM fixture the class needs, or empty when it needs none this implementation knows of.
     *
     * @param testClass a top-level test class of the run
     */
    Optional<String> key(Class<?> testClass);
}
