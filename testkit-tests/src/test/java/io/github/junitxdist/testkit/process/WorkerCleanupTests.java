package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.BlockingFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that junit-xdist leaves nothing behind: worker JVMs exit by themselves when the parent JVM is killed with
 * {@code kill -9} in the middle of a test, and a normal run leaves no temporary files.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class WorkerCleanupTests {

    private static final Duration TEST_START_LIMIT = Duration.ofSeconds(60);

    private static final Duration WORKER_EXIT_LIMIT = Duration.ofSeconds(5);

    @Test
    void workersExitWhenTheParentJvmIsKilled() throws IOException {
        ConsoleLauncherRun run = ConsoleLauncherRun.named("parent-killed").config("xdist.workers", "1");
        Path pidFile = run.directory().resolve("worker.pid");
        run.selectClasses(BlockingFixture.class).systemProperty(BlockingFixture.PID_FILE, pidFile);

        ProcessHandle worker = null;
        ChildProcess parent = run.start();
        try {
            Await.until(
                    TEST_START_LIMIT,
                    "the blocking test wrote its pid to " + pidFile + " (or the parent died)",
                    () -> Files.exists(pidFile) || !parent.handle().isAlive());
            assertThat(pidFile)
                    .as("pid file of the blocking test; the parent exited first")
                    .exists();
            long workerPid = Long.parseLong(Files.readString(pidFile).trim());
            assertThat(parent.handle().descendants().map(ProcessHandle::pid).toList())
                    .as("processes started by the parent JVM (pid %d)", parent.pid())
                    .contains(workerPid);
            worker = ProcessHandle.of(workerPid).orElseThrow();
            ProcessHandle theWorker = worker;

            parent.handle().destroyForcibly(); // SIGKILL: no shutdown hook, no chance to say goodbye
            Await.until(WORKER_EXIT_LIMIT, "the parent JVM is gone", () -> !isRunning(parent.handle()));

            Await.until(
                    WORKER_EXIT_LIMIT,
                    "worker " + workerPid + " exited after its parent was killed",
                    () -> !isRunning(theWorker));
        } finally {
            parent.close();
            if (worker != null) {
                worker.destroyForcibly(); // checks the start time: never hits a process that reused the pid
            }
        }
    }

    @Test
    void aNormalRunLeavesNoTemporaryFiles() throws IOException {
        ConsoleLauncherRun run = ConsoleLauncherRun.named("temp-files").selectClasses(ConsoleLauncherTests.FIXTURES);
        // The parent gets the fresh directory as java.io.tmpdir and TMPDIR; make sure the workers use it too.
        run.config("xdist.workers", "2").config("xdist.jvmArgs", "-Djava.io.tmpdir=" + run.tmpDirectory());

        ConsoleLauncherRun.Result result = run.run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        try (Stream<Path> entries = Files.list(result.tmpDirectory())) {
            List<String> names =
                    entries.map(entry -> entry.getFileName().toString()).toList();
            assertThat(names)
                    .as("entries left in java.io.tmpdir " + result.tmpDirectory())
                    .noneMatch(name -> name.contains("xdist"))
                    .isEmpty();
        }
    }

    /**
     * Alive and not a zombie: an orphaned worker is re-parented to PID 1, which in a container may never reap it, and
     * a zombie has exited all the same.
     */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }
}
