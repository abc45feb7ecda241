package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.HoldingSessionListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workers start no more than as many at once as there are processors: starting JVMs compete for them, so the first
 * workers are ready sooner when the others wait until those report their first event.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class WorkerStartTests {

    private static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

    private static final String WORKER_MAIN = "io.github.junitxdist.worker.WorkerMain";

    @Test
    void onOneProcessorTheSecondWorkerStartsOnlyOnceTheFirstReportedAnEvent() throws IOException {
        ConsoleLauncherRun run = ConsoleLauncherRun.named("start-one-at-a-time")
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .config("xdist.workers", "2")
                .jvmArgument("-XX:ActiveProcessorCount=1");
        Path hold = Files.createDirectories(run.directory().resolve("hold"));
        run.systemProperty(HoldingSessionListener.HOLD_DIRECTORY, hold);

        try (ChildProcess launcher = run.start()) {
            // gw0 is held before its first event; were both workers started at once, gw1 would be running by now.
            Await.until(
                    HOLD_LIMIT,
                    "gw0 is held at the start of its first unit (or the launcher exited)",
                    () -> Files.exists(hold.resolve("held-gw0"))
                            || !launcher.handle().isAlive());
            assertThat(workers(launcher))
                    .as("worker JVMs of the launcher while gw0 is held")
                    .containsExactly("gw0");

            Files.writeString(hold.resolve("release"), "");
            int exitCode = launcher.awaitExit(Duration.ofMinutes(3));

            assertThat(exitCode).as("ConsoleLauncher exit code").isZero();
            ConsoleLauncherRun.Result result =
                    new ConsoleLauncherRun.Result(exitCode, launcher.output(), launcher.pid(), run.directory());
            assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        }
    }

    /** The names of the worker JVMs running below the launcher. */
    private static List<String> workers(ChildProcess launcher) {
        return launcher.handle()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().arguments().map(List::of).orElse(List.of()))
                .filter(arguments -> arguments.contains(WORKER_MAIN))
                .map(arguments -> arguments.stream()
                        .filter(argument -> argument.startsWith("-Dxdist.worker="))
                        .map(argument -> argument.substring("-Dxdist.worker=".length()))
                        .findFirst()
                        .orElse("?"))
                .toList();
    }
}
