package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a dynamic test or container comes from, as it travels in a {@link Message.DynamicTestRegistered}: the JUnit
 * Platform's own {@code TestSource} types field by field, and any other source Java-serialized ({@link Serialized}).
 * {@link TestSources} converts between the two.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface Source {

    /**
     * A {@code FilePosition}.
     *
     * @param column the column, or {@code 0} for none (a {@code FilePosition}'s column is never below 1)
     */
    record Position(int line, int column) {}

    /** A {@code MethodSource}; {@code parameterTypes} as its {@code getMethodParameterTypes()}. */
    record OfMethod(String className, String methodName, String parameterTypes) implements Source {}

    /** A {@code ClassSource}. */
    record OfClass(String className, @Nullable Position position) implements Source {}

    /** A {@code ClasspathResourceSource}. */
    record OfClasspathResource(String name, @Nullable Position position) implements Source {}

    /** A {@code FileSource}; the path is the canonical one the source holds. */
    record OfFile(String path, @Nullable Position position) implements Source {}

    /** A {@code DirectorySource}. */
    record OfDirectory(String path) implements Source {}

    /** A {@code PackageSource}. */
    record OfPackage(String name) implements Source {}

    /** The Platform's own {@code UriSource} for a URI that names no file or directory. */
    record OfUri(String uri) implements Source {}

    /** A {@code CompositeTestSource}. */
    record Composite(List<Source> sources) implements Source {}

    /**
     * A source of a type this protocol does not know, Java-serialized; {@code bytes} is empty when the worker could not
     * serialize it.
     */
    record Serialized(String className, byte[] bytes) implements Source {}
}
