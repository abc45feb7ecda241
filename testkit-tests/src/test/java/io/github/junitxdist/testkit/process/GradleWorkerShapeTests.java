package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.GradleTestClassProcessorShape;
import io.github.junitxdist.testkit.fixtures.process.GradleWorkerShape;
import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reproduction of how a fork of Gradle's {@code test} task (with {@code useJUnitPlatform()}) runs the JUnit Platform,
 * not a Gradle build: {@code java @options-file <main class>} with the test runtime classpath in the file, Gradle's own
 * classes in a class loader of their own ({@link GradleWorkerShape}), the fork's test classes loaded through the
 * application class loader and run with one {@code Launcher.execute} ({@link GradleTestClassProcessorShape}). With the
 * engine on the test runtime classpath and nothing configured, junit-xdist takes every test over and runs it on a
 * worker JVM.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class GradleWorkerShapeTests {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    @Test
    void aGradleShapedForkRunsEveryTestOnceOnWorkersThroughOneExecute() throws IOException {
        Path dir = TestPaths.freshDirectory("process-it", "gradle-worker-shape");
        Path implementation = gradleImplementationClasses(dir.resolve("gradle-implementation"));
        Path options = dir.resolve("gradle-worker-classpath.txt");
        // As Gradle writes it (gradle-worker-classpath*.txt): the class path only; the main class follows on the
        // command line.
        Files.write(
                options,
                List.of("-cp", quoted(TestPaths.joinPaths(TestPaths.launcherClasspath()))),
                StandardCharsets.UTF_8);
        Path testClasses = dir.resolve("test-classes.txt");
        Files.write(
                testClasses,
                Arrays.stream(ConsoleLauncherTests.FIXTURES).map(Class::getName).toList(),
                StandardCharsets.UTF_8);
        Path records = Files.createDirectories(dir.resolve("records"));
        Path results = dir.resolve("results.txt");

        JavaProcess java = JavaProcess.optionsFile(options, GradleWorkerShape.class.getName())
                .systemProperty(RecordingExtension.RECORDS_DIR, records)
                .systemProperty("xdist.workers", 2)
                .arguments(implementation.toString(), testClasses.toString(), results.toString());
        int exitCode;
        long pid;
        try (ChildProcess fork = java.start(dir)) {
            exitCode = fork.awaitExit(RUN_LIMIT);
            pid = fork.pid();
        }

        assertThat(exitCode).as("exit code of the Gradle-shaped fork").isZero();
        assertRanOnceEachInWorkers(ExecutionRecord.readAll(records), ConsoleLauncherTests.EXPECTED, pid);
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines)
                .as("results of the processor in %s", results)
                .contains("loader\t" + GradleWorkerShape.IMPLEMENTATION_LOADER, "plans\t1")
                .noneMatch(line -> line.startsWith("skipped\t"));
        List<String> finished =
                lines.stream().filter(line -> line.startsWith("finished\t")).toList();
        assertThat(finished)
                .as("tests the Launcher's listener saw finish")
                .hasSize(ConsoleLauncherTests.EXPECTED.size())
                .allSatisfy(line ->
                        assertThat(line).startsWith("finished\t[engine:xdist]/").endsWith("\tSUCCESSFUL"));
        assertThat(finished).doesNotHaveDuplicates();
    }

    /** Copies the processor's class files (its nested classes included) into a directory of their own. */
    private static Path gradleImplementationClasses(Path target) {
        String packagePath =
                GradleTestClassProcessorShape.class.getPackageName().replace('.', '/');
        Path source = TestPaths.testClasses().resolve(packagePath);
        String prefix = GradleTestClassProcessorShape.class.getSimpleName();
        try (Stream<Path> files = Files.list(source)) {
            Path targetPackage = Files.createDirectories(target.resolve(packagePath));
            for (Path file : files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.equals(prefix + ".class") || name.startsWith(prefix + "$");
                    })
                    .toList()) {
                Files.copy(file, targetPackage.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One argument of a {@code java} options file, quoted so that no character in it splits it. */
    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
