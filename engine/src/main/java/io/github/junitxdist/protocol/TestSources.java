package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Source.Composite;
import io.github.junitxdist.protocol.Source.OfClass;
import io.github.junitxdist.protocol.Source.OfClasspathResource;
import io.github.junitxdist.protocol.Source.OfDirectory;
import io.github.junitxdist.protocol.Source.OfFile;
import io.github.junitxdist.protocol.Source.OfMethod;
import io.github.junitxdist.protocol.Source.OfPackage;
import io.github.junitxdist.protocol.Source.OfUri;
import io.github.junitxdist.protocol.Source.Position;
import io.github.junitxdist.protocol.Source.Serialized;
import java.io.File;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.PackageSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/**
 * Converts a {@link TestSource} to the {@link Source} that travels ({@link #capture}) and back ({@link #restore}).
 *
 * <p>The Platform's own source types travel field by field; only a type of another class (a subclass included, as
 * {@code MethodSource} and {@code ClassSource} are not final on Platform 1.x) is Java-serialized, and may then fail to
 * read back in the calling JVM. Each platform type is rebuilt through its own factory, so it equals the worker's: a
 * {@code FileSource} keeps the canonical path it had, a {@code UriSource} is rebuilt with {@code UriSource.from}, which
 * gives the Platform's default kind again for a URI that names no file or directory. Stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class TestSources {

    /** The Platform's package-private {@code UriSource} for URIs that are neither a file nor a directory. */
    private static final String DEFAULT_URI_SOURCE = "org.junit.platform.engine.support.descriptor.DefaultUriSource";

    /** Composite sources nested deeper than this travel serialized. */
    static final int MAX_DEPTH = 16;

    private TestSources() {}

    /** The source as it travels; {@code null} for none. */
    public static @Nullable Source capture(@Nullable TestSource source) {
        return source == null ? null : capture(source, 0);
    }

    private static Source capture(TestSource source, int depth) {
        Class<?> type = source.getClass();
        if (type == MethodSource.class) {
            var method = (MethodSource) source;
            return new OfMethod(method.getClassName(), method.getMethodName(), method.getMethodParameterTypes());
        } else if (type == ClassSource.class) {
            var classSource = (ClassSource) source;
            return new OfClass(classSource.getClassName(), position(classSource.getPosition()));
        } else if (type == ClasspathResourceSource.class) {
            var resource = (ClasspathResourceSource) source;
            return new OfClasspathResource(resource.getClasspathResourceName(), position(resource.getPosition()));
        } else if (type == FileSource.class) {
            var file = (FileSource) source;
            return new OfFile(file.getFile().getPath(), position(file.getPosition()));
        } else if (type == DirectorySource.class) {
            return new OfDirectory(((DirectorySource) source).getFile().getPath());
        } else if (type == PackageSource.class) {
            return new OfPackage(((PackageSource) source).getPackageName());
        } else if (source instanceof UriSource uri && type.getName().equals(DEFAULT_URI_SOURCE)) {
            return new OfUri(uri.getUri().toString());
        } else if (type == CompositeTestSource.class && depth < MAX_DEPTH) {
            List<Source> parts = new ArrayList<>();
            for (TestSource part : ((CompositeTestSource) source).getSources()) {
                parts.add(capture(part, depth + 1));
            }
            return new Composite(parts);
        }
        return new Serialized(type.getName(), JavaSerialization.serialize(source));
    }

    private static @Nullable Position position(Optional<FilePosition> position) {
        return position.map(p -> new Position(p.getLine(), p.getColumn().orElse(0)))
                .orElse(null);
    }

    /**
     * The source the worker had; {@code null} for none.
     *
     * @throws IOException when a {@linkplain Serialized serialized} source cannot be read back, or a URI does not parse
     * @throws ClassNotFoundException when a serialized source's class is not on the class path of this JVM
     */
    public static @Nullable TestSource restore(@Nullable Source source) throws IOException, ClassNotFoundException {
        return source == null ? null : restoreNonNull(source);
    }

    private static TestSource restoreNonNull(Source source) throws IOException, ClassNotFoundException {
        if (source instanceof OfMethod m) {
            return MethodSource.from(m.className(), m.methodName(), m.parameterTypes());
        } else if (source instanceof OfClass c) {
            return ClassSource.from(c.className(), filePosition(c.position()));
        } else if (source instanceof OfClasspathResource r) {
            return ClasspathResourceSource.from(r.name(), filePosition(r.position()));
        } else if (source instanceof OfFile f) {
            return FileSource.from(new File(f.path()), filePosition(f.position()));
        } else if (source instanceof OfDirectory d) {
            return DirectorySource.from(new File(d.path()));
        } else if (source instanceof OfPackage p) {
            return PackageSource.from(p.name());
        } else if (source instanceof OfUri u) {
            return UriSource.from(uri(u.uri()));
        } else if (source instanceof Composite c) {
            return composite(c);
        }
        return deserialize((Serialized) source); // the last kind there is: Source is sealed
    }

    private static TestSource composite(Composite composite) throws IOException, ClassNotFoundException {
        List<TestSource> parts = new ArrayList<>();
        for (Source part : composite.sources()) {
            parts.add(restoreNonNull(part));
        }
        return CompositeTestSource.from(parts);
    }

    private static @Nullable FilePosition filePosition(@Nullable Position position) {
        if (position == null) {
            return null;
        }
        return position.column() == 0
                ? FilePosition.from(position.line())
                : FilePosition.from(position.line(), position.column());
    }

    private static URI uri(String uri) throws IOException {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new IOException("Not a URI: " + uri, e);
        }
    }

    private static TestSource deserialize(Serialized source) throws IOException, ClassNotFoundException {
        if (source.bytes().length == 0) {
            throw new InvalidObjectException("the worker could not serialize the test source, a " + source.className());
        }
        Object object = JavaSerialization.deserialize(source.bytes());
        if (!(object instanceof TestSource testSource)) {
            throw new InvalidObjectException("a " + source.className() + " read back as " + object.getClass());
        }
        return testSource;
    }
}
