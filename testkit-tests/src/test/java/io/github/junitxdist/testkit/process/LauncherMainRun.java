package io.github.junitxdist.testkit.process;

import io.github.junitxdist.testkit.fixtures.process.ClasspathFileBootstrap;
import io.github.junitxdist.testkit.fixtures.process.LauncherMain;
import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@link LauncherMain} (the Launcher API with default auto-registration) in a fresh JVM, either with the
 * real classpath on {@code -cp} or behind {@link ClasspathFileBootstrap} like IntelliJ IDEA's "classpath file".
 */
final class LauncherMainRun {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private LauncherMainRun() {}

    /** Runs the classes with {@code java -cp <classpath> LauncherMain}; {@code -Dxdist.workers=<workers>}. */
    static Result direct(String name, int workers, Class<?>... classes) {
        Path dir = TestPaths.freshDirectory("process-it", name);
        JavaProcess java = JavaProcess.mainClass(TestPaths.launcherClasspath(), LauncherMain.class.getName());
        return run(dir, java, workers, classes);
    }

    /**
     * Runs the classes with only a bootstrap directory on {@code -cp}: {@link ClasspathFileBootstrap} reads the real
     * classpath from a file, loads it in a {@code URLClassLoader}, breaks {@code java.class.path} and calls
     * {@link LauncherMain}.
     */
    static Result behindClasspathFile(String name, int workers, Class<?>... classes) {
        Path dir = TestPaths.freshDirectory("process-it", name);
        Path bootstrap = dir.resolve("bootstrap");
        Path classpathFile = dir.resolve("classpath.txt");
        try {
            String classFile = ClasspathFileBootstrap.class.getName().replace('.', '/') + ".class";
            Files.createDirectories(bootstrap.resolve(classFile).getParent());
            Files.copy(TestPaths.testClasses().resolve(classFile), bootstrap.resolve(classFile));
            Files.write(
                    classpathFile,
                    TestPaths.launcherClasspath().stream().map(Path::toString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaProcess java = JavaProcess.mainClass(List.of(bootstrap), ClasspathFileBootstrap.class.getName())
                .arguments(classpathFile.toString(), LauncherMain.class.getName());
        return run(dir, java, workers, classes);
    }

    private static Result run(Path dir, JavaProcess java, int workers, Class<?>... classes) {
        Path records = dir.resolve("records");
        Path results = dir.resolve("results.txt");
        List<String> arguments = new ArrayList<>(List.of(results.toString()));
        for (Class<?> type : classes) {
            arguments.add(type.getName());
        }
        try {
            Files.createDirectories(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.systemProperty(RecordingExtension.RECORDS_DIR, records)
                .systemProperty("xdist.workers", workers)
                .arguments(arguments);
        try (ChildProcess launcher = java.start(dir)) {
            int exitCode = launcher.awaitExit(RUN_LIMIT);
            return new Result(exitCode, launcher.pid(), results, ExecutionRecord.readAll(records));
        }
    }

    /**
     * What a finished run left behind.
     *
     * @param exitCode the exit code of the launcher JVM
     * @param launcherPid its pid
     * @param resultsFile the file {@link LauncherMain} wrote
     * @param records one record per real test execution
     */
    record Result(int exitCode, long launcherPid, Path resultsFile, List<ExecutionRecord> records) {

        /** {@code <unique id>\t<status>} of every test the Launcher's listeners saw finish, in order. */
        List<String> finishedTests() {
            return lines("finished\t");
        }

        List<String> skippedTests() {
            return lines("skipped\t");
        }

        /** The summary line: {@code found=<n>\tsucceeded=<n>\tfailed=<n>}. */
        String summary() {
            List<String> summary = lines("summary\t");
            return summary.isEmpty() ? "(no summary: the launcher did not finish)" : summary.get(0);
        }

        private List<String> lines(String prefix) {
            try {
                if (!Files.exists(resultsFile)) {
                    return List.of();
                }
                return Files.readAllLines(resultsFile).stream()
                        .filter(line -> line.startsWith(prefix))
                        .map(line -> line.substring(prefix.length()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
