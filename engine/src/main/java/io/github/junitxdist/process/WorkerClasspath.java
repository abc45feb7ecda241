package io.github.junitxdist.process;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * The classpath of a worker JVM: everything the calling JVM can load tests and JUnit from.
 *
 * <p>{@code java.class.path} alone is not enough: Surefire runs from a manifest-only jar and rewrites
 * {@code java.class.path} without the launcher jar; IntelliJ may load the real classpath in a {@code URLClassLoader}
 * and point {@code java.class.path} elsewhere; the ConsoleLauncher puts {@code -cp} entries in a child class loader. So
 * this is the de-duplicated union of {@code java.class.path}, the URLs of the context class loader chain, and the code
 * sources of JUnit's and junit-xdist's own classes, with the manifest {@code Class-Path} entries of each jar expanded.
 */
final class WorkerClasspath {

    /** The last classpath built and what it was built from: discovery's early start and execution ask in a row. */
    private static final AtomicReference<@Nullable Built> LAST = new AtomicReference<>();

    private record Built(List<Path> sources, List<String> classpath) {}

    private WorkerClasspath() {}

    static List<String> build(List<Class<?>> anchors) {
        List<Path> sources = sources(anchors);
        Built last = LAST.get();
        if (last != null && last.sources().equals(sources)) {
            return last.classpath(); // the manifests need not be read again
        }
        Set<Path> entries = new LinkedHashSet<>();
        for (Path source : sources) {
            addWithManifest(entries, source);
        }
        List<String> classpath =
                entries.stream().filter(Files::exists).map(Path::toString).toList();
        LAST.set(new Built(sources, classpath));
        return classpath;
    }

    /** The entries of {@code java.class.path}, the context class loader chain and the anchors' code sources. */
    private static List<Path> sources(List<Class<?>> anchors) {
        List<Path> sources = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator, -1)) {
            if (!entry.isBlank()) {
                sources.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader();
                loader != null;
                loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    Path path = toPath(url);
                    if (path != null) {
                        sources.add(path.toAbsolutePath().normalize());
                    }
                }
            }
        }
        for (Class<?> anchor : anchors) {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : toPath(source.getLocation());
            if (path != null) {
                sources.add(path.toAbsolutePath().normalize());
            }
        }
        return sources;
    }

    private static void addWithManifest(Set<Path> entries, Path entry) {
        Path path = entry.toAbsolutePath().normalize();
        if (!entries.add(path) || !Files.isRegularFile(path) || !path.toString().endsWith(".jar")) {
            return;
        }
        try (var jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            for (String reference : classPath.trim().split("\\s+", -1)) {
                Path referenced = resolve(path, reference);
                if (referenced != null) {
                    addWithManifest(entries, referenced);
                }
            }
        } catch (IOException e) {
            // not a readable jar: keep the entry as it is
        }
    }

    private static @Nullable Path resolve(Path jar, String reference) {
        try {
            Path directory = jar.toAbsolutePath().getParent();
            return directory == null ? null : Path.of(directory.toUri().resolve(reference));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Path toPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
