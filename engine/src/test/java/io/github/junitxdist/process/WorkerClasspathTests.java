package io.github.junitxdist.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClasspathTests {

    @TempDir
    Path dir;

    @Test
    void expandsTheClassPathOfAManifestOnlyJarOnTheContextClassLoader() throws Exception {
        Path library = Files.createDirectory(dir.resolve("lib"));
        Path launcherJar = manifestOnlyJar(dir.resolve("booter.jar"), "lib/");

        List<String> classpath = withContextLoader(launcherJar, () -> WorkerClasspath.build(List.of()));

        assertThat(classpath).contains(launcherJar.toString(), library.toString());
    }

    @Test
    void seesAChangedContextClassLoaderAlthoughItRemembersTheLastClasspath() throws Exception {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));

        List<String> before = withContextLoader(first, () -> WorkerClasspath.build(List.of()));
        List<String> again = withContextLoader(first, () -> WorkerClasspath.build(List.of()));
        List<String> after = withContextLoader(second, () -> WorkerClasspath.build(List.of()));

        assertThat(before).contains(first.toString()).doesNotContain(second.toString());
        assertThat(again).isEqualTo(before);
        assertThat(after).contains(second.toString()).doesNotContain(first.toString());
    }

    private static Path manifestOnlyJar(Path jar, String classPath) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }

    private interface Build {
        List<String> run();
    }

    private static List<String> withContextLoader(Path entry, Build build) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (var loader = new URLClassLoader(new URL[] {entry.toUri().toURL()}, original)) {
            thread.setContextClassLoader(loader);
            return build.run();
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
