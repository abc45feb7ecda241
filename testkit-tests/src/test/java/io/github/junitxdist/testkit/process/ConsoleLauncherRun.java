package io.github.junitxdist.testkit.process;

import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the standalone ConsoleLauncher ({@code java -jar junit-platform-console-standalone.jar execute}) in a
 * child JVM, with the fixture classes and the engine on its {@code --class-path}.
 *
 * <p>Every run gets its own directory under {@code target/process-it/}: {@code records/} (see
 * {@link RecordingExtension}), {@code reports/} (the legacy XML report), {@code tmp/} (the child's
 * {@code java.io.tmpdir} and {@code TMPDIR}) and the captured output.
 */
final class ConsoleLauncherRun {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private final Path directory;
    private final List<String> selection = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final List<String> jvmArguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private ConsoleLauncherRun(Path directory) {
        this.directory = directory;
    }

    /** A run whose files live in {@code target/process-it/<name>/}. */
    static ConsoleLauncherRun named(String name) {
        return new ConsoleLauncherRun(TestPaths.freshDirectory("process-it", name));
    }

    ConsoleLauncherRun selectClasses(Class<?>... classes) {
        for (Class<?> type : classes) {
            selection.add("--select-class=" + type.getName());
        }
        return this;
    }

    ConsoleLauncherRun selectMethod(Class<?> type, String method) {
        selection.add("--select-method=" + type.getName() + "#" + method);
        return this;
    }

    /** Scans {@code root} for classes whose fully qualified name matches {@code includeClassnamePattern}. */
    ConsoleLauncherRun scanClasspath(Path root, String includeClassnamePattern) {
        selection.addAll(List.of("--scan-classpath=" + root, "--include-classname=" + includeClassnamePattern));
        return this;
    }

    ConsoleLauncherRun config(String key, String value) {
        options.addAll(List.of("--config", key + "=" + value));
        return this;
    }

    ConsoleLauncherRun excludeEngine(String engineId) {
        options.add("--exclude-engine=" + engineId);
        return this;
    }

    ConsoleLauncherRun details(String mode) {
        options.add("--details=" + mode);
        return this;
    }

    /** A {@code -D} option of the ConsoleLauncher's own JVM. */
    ConsoleLauncherRun systemProperty(String key, Object value) {
        systemProperties.put(key, String.valueOf(value));
        return this;
    }

    /** A JVM option of the ConsoleLauncher's own JVM, such as {@code -XX:ActiveProcessorCount=1}. */
    ConsoleLauncherRun jvmArgument(String option) {
        jvmArguments.add(option);
        return this;
    }

    ConsoleLauncherRun environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path directory() {
        return directory;
    }

    /** The child's {@code java.io.tmpdir} and {@code TMPDIR}, created when the run starts. */
    Path tmpDirectory() {
        return directory.resolve("tmp");
    }

    /** Starts the ConsoleLauncher; the caller closes the process. */
    ChildProcess start() {
        Path records = createDirectory("records");
        Path tmp = createDirectory(tmpDirectory().getFileName().toString());
        JavaProcess java = JavaProcess.jar(TestPaths.consoleLauncherJar())
                .systemProperty(RecordingExtension.RECORDS_DIR, records)
                .systemProperty("java.io.tmpdir", tmp)
                .environment("TMPDIR", tmp.toString())
                .environment(environment);
        systemProperties.forEach(java::systemProperty);
        java.jvmArguments(jvmArguments.toArray(String[]::new));
        java.arguments(
                        "execute",
                        "--disable-banner",
                        "--disable-ansi-colors",
                        "--class-path=" + TestPaths.joinPaths(List.of(TestPaths.testClasses(), TestPaths.engine())),
                        "--reports-dir=" + directory.resolve("reports"))
                .arguments(options)
                .arguments(selection);
        if (options.stream().noneMatch(option -> option.startsWith("--details="))) {
            java.arguments("--details=tree");
        }
        return java.start(directory);
    }

    /** Runs the ConsoleLauncher to its end (at most a few minutes) and returns what it left behind. */
    Result run() {
        try (ChildProcess launcher = start()) {
            int exitCode = launcher.awaitExit(RUN_LIMIT);
            return new Result(exitCode, launcher.output(), launcher.pid(), directory);
        }
    }

    private Path createDirectory(String name) {
        try {
            return Files.createDirectories(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a finished ConsoleLauncher run left behind.
     *
     * @param exitCode the ConsoleLauncher's exit code
     * @param output its standard output followed by its standard error
     * @param launcherPid the pid of the ConsoleLauncher's JVM
     * @param directory the run's directory
     */
    record Result(int exitCode, String output, long launcherPid, Path directory) {

        /** One record per real test execution, in whatever JVM it happened. */
        List<ExecutionRecord> records() {
            return ExecutionRecord.readAll(directory.resolve("records"));
        }

        /** The tests that really ran, one key per execution (so a test that ran twice appears twice). */
        List<String> executedTests() {
            return records().stream().map(ExecutionRecord::test).toList();
        }

        XmlReport report() {
            return XmlReport.read(directory.resolve("reports"));
        }

        Path tmpDirectory() {
            return directory.resolve("tmp");
        }
    }
}
