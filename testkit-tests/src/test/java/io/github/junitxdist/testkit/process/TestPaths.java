package io.github.junitxdist.testkit.process;

import io.github.junitxdist.engine.XdistTestEngine;
import io.github.junitxdist.testkit.fixtures.process.AlphaFixture;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.Launcher;
import org.opentest4j.AssertionFailedError;

/** Where the process tests find their inputs (classes, jars) and put their outputs (one directory per run). */
public final class TestPaths {

    private TestPaths() {}

    /** The directory or jar holding the compiled fixture classes. */
    static Path testClasses() {
        return codeSource(AlphaFixture.class);
    }

    /** The engine jar (or classes directory) the tests run against. */
    static Path engine() {
        return codeSource(XdistTestEngine.class);
    }

    /** The module's build directory ({@code target}). */
    static Path buildDirectory() {
        return testClasses().getParent();
    }

    /** A new, empty directory {@code target/<first>/<more>...} for one run; a leftover from an earlier run is wiped. */
    public static Path freshDirectory(String first, String... more) {
        Path dir = buildDirectory().resolve(Path.of(first, more));
        deleteRecursively(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ConsoleLauncher jar copied into {@code target/console/} by the build. */
    public static Path consoleLauncherJar() {
        Path dir = Path.of(System.getProperty(
                "xdist.it.consoleDir", buildDirectory().resolve("console").toString()));
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("junit-platform-console-standalone-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No ConsoleLauncher jar in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Run the build (mvn test) once: it copies the ConsoleLauncher to " + dir, e);
        }
    }

    /**
     * The classpath of a fresh JVM that runs the Launcher on the fixtures: this JVM's test classpath plus the code
     * sources of the platform, Jupiter, opentest4j and the engine, which Surefire may keep off {@code java.class.path}.
     */
    public static List<Path> launcherClasspath() {
        Set<Path> entries = new LinkedHashSet<>();
        entries.addAll(split(System.getProperty("java.class.path")));
        entries.addAll(split(System.getProperty("surefire.test.class.path")));
        for (Class<?> type : List.of(
                Launcher.class,
                TestEngine.class,
                JupiterTestEngine.class,
                Test.class,
                AssertionFailedError.class,
                XdistTestEngine.class,
                AlphaFixture.class)) {
            entries.add(codeSource(type));
        }
        List<Path> result = new ArrayList<>();
        for (Path entry : entries) {
            // Surefire's booter jar only points at the classpath in its manifest; the entries are all listed anyway.
            if (Files.exists(entry) && !entry.getFileName().toString().startsWith("surefirebooter")) {
                result.add(entry);
            }
        }
        return result;
    }

    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String joinPaths(List<Path> paths) {
        return String.join(
                File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> split(String classpath) {
        if (classpath == null || classpath.isBlank()) {
            return List.of();
        }
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .toList();
    }
}
