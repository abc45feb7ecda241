package io.github.junitxdist.testkit.reliability;

import io.github.junitxdist.engine.XdistTestEngine;
import io.github.junitxdist.testkit.fixtures.process.LauncherMain;
import io.github.junitxdist.testkit.fixtures.reliability.CrashingFixture;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.Launcher;

/**
 * A fresh JVM for the reliability tests that need one (a small parent heap, a debugger agent, the ConsoleLauncher):
 * output goes to files in the run's own directory under {@code target/reliability-it/}, never to this JVM's streams,
 * and {@link #close()} kills it and every worker it started.
 *
 * <p>The process helpers in {@code testkit.process} are package-private, hence this small counterpart: it adds JVM
 * options, which those do not take. Not thread-safe: one test thread drives it.
 */
final class ChildJvm implements AutoCloseable {

    /** Variables of this JVM's environment that would change how the engine behaves in the child. */
    private static final List<String> ENGINE_ENVIRONMENT =
            List.of("XDIST_WORKERS", "XDIST_WORKER", "XDIST_WORKER_COUNT", "XDIST_TESTRUNUID");

    private final Process process;
    private final Path directory;

    private ChildJvm(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /** Starts {@code java <jvmArguments> <arguments>} with stdout and stderr going to files in {@code directory}. */
    static ChildJvm start(Path directory, List<String> jvmArguments, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile());
        ENGINE_ENVIRONMENT.forEach(builder.environment()::remove);
        try {
            Files.writeString(directory.resolve("command.txt"), String.join("\n", command) + "\n");
            return new ChildJvm(builder.start(), directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /** A new, empty directory {@code target/reliability-it/<name>}. */
    static Path freshDirectory(String name) {
        Path dir = codeSource(CrashingFixture.class).getParent().resolve(Path.of("reliability-it", name));
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code -cp <classpath> <LauncherMain-like main class>}: this JVM's test classpath and the JUnit and engine jars. */
    static List<String> classpathArguments(String mainClass) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // Surefire's booter jar only points at the classpath in its manifest; the entries are all listed anyway.
            if (!entry.isBlank() && !Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
                entries.add(entry);
            }
        }
        for (Class<?> type : List.of(Launcher.class, JupiterTestEngine.class, Test.class, XdistTestEngine.class,
                LauncherMain.class)) {
            entries.add(codeSource(type).toString());
        }
        return List.of("-cp", String.join(File.pathSeparator, entries), mainClass);
    }

    /** The standalone ConsoleLauncher jar of the JUnit version under test, copied into the build directory. */
    static Path consoleLauncherJar() throws IOException {
        Path dir = Path.of(System.getProperty("xdist.it.consoleDir",
                codeSource(CrashingFixture.class).getParent().resolve("console").toString()));
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("junit-platform-console-standalone-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No ConsoleLauncher jar in " + dir));
        }
    }

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    Path stdout() {
        return directory.resolve("stdout.txt");
    }

    String stderr() {
        try {
            return Files.readString(directory.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(unreadable stderr: " + e + ")";
        }
    }

    /** Waits for the JVM to exit and returns its exit code; kills it and fails if it still runs at the limit. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("Still running after " + limit + ", killed; see " + directory);
        }
        return process.exitValue();
    }

    /** Kills the JVM and everything it started. */
    @Override
    public void close() {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroyForcibly);
    }
}
