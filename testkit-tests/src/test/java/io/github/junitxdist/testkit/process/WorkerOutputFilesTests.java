package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JVM option of the calling JVM that names a file the JVM writes reaches every worker with a file of the worker's
 * own: a flight recording started with {@code -XX:StartFlightRecording=filename=rec.jfr} in Surefire's argLine, say,
 * is written by the calling JVM to {@code rec.jfr} and by the workers to {@code rec-gw0.jfr} and {@code rec-gw1.jfr},
 * each a whole recording, where three JVMs once wrote one file and left it unreadable.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class WorkerOutputFilesTests {

    private static final Duration EXIT_LIMIT = Duration.ofMinutes(1);

    @Test
    void eachWorkerWritesItsOwnFlightRecordingAndLog() throws Exception {
        ConsoleLauncherRun run = ConsoleLauncherRun.named("worker-output-files");
        Path out = Files.createDirectories(run.directory().resolve("out"));
        ConsoleLauncherRun.Result result = run.selectClasses(ConsoleLauncherTests.FIXTURES)
                .jvmArgument("-XX:StartFlightRecording=filename=" + out.resolve("rec.jfr") + ",settings=default")
                .jvmArgument("-Xlog:gc:file=" + out.resolve("gc.log"))
                .config("xdist.workers", "2")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        List<String> workers = result.records().stream()
                .map(ExecutionRecord::worker)
                .distinct()
                .sorted()
                .toList();
        assertThat(workers).containsExactly("gw0", "gw1");
        for (long pid : result.records().stream()
                .mapToLong(ExecutionRecord::pid)
                .distinct()
                .toArray()) {
            ProcessHandle.of(pid)
                    .ifPresent(worker -> worker.onExit()
                            .orTimeout(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS)
                            .join());
        }

        for (String name : List.of("rec.jfr", "rec-gw0.jfr", "rec-gw1.jfr")) {
            Path recording = out.resolve(name);
            assertThat(recording).as(name).exists();
            assertThat(RecordingFile.readAllEvents(recording))
                    .as("events in %s", name)
                    .isNotEmpty();
        }
        for (String name : List.of("gc.log", "gc-gw0.log", "gc-gw1.log")) {
            assertThat(out.resolve(name)).as(name).exists();
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "rec.jfr", "rec-gw0.jfr", "rec-gw1.jfr", "gc.log", "gc-gw0.log", "gc-gw1.log");
        }
    }
}
