package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEach;
import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.AlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.BetaFixture;
import io.github.junitxdist.testkit.fixtures.process.GammaFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under {@code xdist.workers=auto} (the default), with the Jupiter engine on the class path, a run that workers would
 * not speed up is left to the Jupiter engine before junit-xdist discovers anything: one selected method or class, or
 * classes the history knows to be short. The tests then run in the launcher's JVM as plain Jupiter runs them (reported
 * under Jupiter's engine), see the worker identity {@code main}, the decision is one line on the console, and their
 * durations go into the history for the next decision. Real ConsoleLauncher runs.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class JupiterHandOffTests {

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n";

    @Test
    void oneSelectedMethodRunsInTheLauncherJvmThroughJupiterAndSaysSo() throws IOException {
        ConsoleLauncherRun run =
                ConsoleLauncherRun.named("handoff-one-method").selectMethod(AlphaFixture.class, "second");
        Path history = run.directory().resolve("durations");
        ConsoleLauncherRun.Result result =
                run.config("xdist.durations.file", history.toString()).run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEach(result.records(), List.of(AlphaFixture.class.getName() + "#second"));
        assertThat(result.records()).singleElement().satisfies(record -> {
            assertThat(record.worker()).as("xdist.worker").isEqualTo("main");
            assertThat(record.get("workerCount")).as("xdist.workerCount").isEqualTo("1");
            assertThat(record.pid()).as("pid of the JVM that ran it").isEqualTo(result.launcherPid());
        });
        assertThat(result.output()).contains("junit-xdist: 1 class selected, running it in this JVM");
        assertThat(reportFiles(result))
                .as("legacy XML reports, one per engine")
                .anySatisfy(file -> assertThat(file).endsWith("TEST-junit-jupiter.xml"));
        assertThat(Files.readString(result.directory().resolve("reports/TEST-junit-jupiter.xml")))
                .as("Jupiter's own report holds the test")
                .contains("name=\"second()\"");
        assertThat(Files.readAllLines(history))
                .as("the history learns the class's duration under its junit-xdist unit id")
                .anySatisfy(line -> assertThat(line)
                        .matches("\\d+\t\\Q[engine:xdist]/[class:" + AlphaFixture.class.getName() + "]\\E"));
    }

    @Test
    void theSameMethodRunsOnAWorkerWhenTheNumberIsExplicit() {
        ConsoleLauncherRun.Result result = ConsoleLauncherRun.named("handoff-explicit-workers")
                .selectMethod(AlphaFixture.class, "second")
                .config("xdist.workers", "2")
                .run();

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(
                result.records(), List.of(AlphaFixture.class.getName() + "#second"), result.launcherPid());
        assertThat(result.output()).doesNotContain("junit-xdist: 1 class selected");
    }

    @Test
    void classesTheHistoryKnowsToBeShortAreLeftToJupiter() throws IOException {
        ConsoleLauncherRun.Result result = runWithHistory("handoff-short-history", 20);

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEach(result.records(), ConsoleLauncherTests.EXPECTED);
        assertThat(result.records())
                .allSatisfy(record -> assertThat(record.pid())
                        .as("pid of the JVM that ran %s", record.test())
                        .isEqualTo(result.launcherPid()));
        assertThat(result.output())
                .contains("junit-xdist: 3 classes expected to take 0.1 s, less than starting workers would cost"
                        + " (0.8 s each), running them in this JVM");
        assertThat(reportFiles(result))
                .as("legacy XML reports: Jupiter's engine ran them, not junit-xdist's in-process path")
                .anySatisfy(file -> assertThat(file).endsWith("TEST-junit-jupiter.xml"));
        assertThat(Files.readString(result.directory().resolve("reports/TEST-junit-jupiter.xml")))
                .contains("name=\"first()\"");
    }

    @Test
    void classesTheHistoryKnowsToBeLongRunOnWorkers() throws IOException {
        ConsoleLauncherRun.Result result = runWithHistory("handoff-long-history", 60_000);

        assertThat(result.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        assertThat(result.output()).doesNotContain("running them in this JVM");
    }

    @Test
    void aReplayRunsOnAWorkerEvenWhenTheHistoryKnowsTheClassesToBeShort() throws IOException {
        ConsoleLauncherRun recorded = ConsoleLauncherRun.named("handoff-replay-recorded")
                .selectClasses(AlphaFixture.class, BetaFixture.class, GammaFixture.class);
        Path reports = recorded.directory().resolve("xdist");
        assertThat(recorded.config("xdist.workers", "1")
                        .config("xdist.report.dir", reports.toString())
                        .run()
                        .exitCode())
                .isZero();

        ConsoleLauncherRun.Result replay = runWithHistory(
                "handoff-replay",
                20,
                "xdist.replay",
                reports.resolve("xdist-report.json").toString());

        assertThat(replay.exitCode()).as("ConsoleLauncher exit code").isZero();
        assertRanOnceEachInWorkers(replay.records(), ConsoleLauncherTests.EXPECTED, replay.launcherPid());
        assertThat(replay.output())
                .contains("junit-xdist: replaying the order of gw0")
                .doesNotContain("running them in this JVM");
    }

    private static ConsoleLauncherRun.Result runWithHistory(String name, long millis, String key, String value)
            throws IOException {
        return runWithHistory(name, millis, run -> run.config(key, value));
    }

    private static ConsoleLauncherRun.Result runWithHistory(String name, long millis) throws IOException {
        return runWithHistory(name, millis, run -> run);
    }

    /**
     * Runs the three fixture classes with a history in which each took {@code millis} and starting a worker 800 ms.
     */
    private static ConsoleLauncherRun.Result runWithHistory(
            String name, long millis, java.util.function.UnaryOperator<ConsoleLauncherRun> more) throws IOException {
        ConsoleLauncherRun run =
                ConsoleLauncherRun.named(name).selectClasses(AlphaFixture.class, BetaFixture.class, GammaFixture.class);
        String lines = Stream.of(AlphaFixture.class, BetaFixture.class, GammaFixture.class)
                .map(type -> millis + "\t[engine:xdist]/[class:" + type.getName() + "]\n")
                .collect(Collectors.joining());
        Path history = run.directory().resolve("durations");
        Files.writeString(history, HEADER + lines + "800\tworker start\n");
        return more.apply(run.config("xdist.durations.file", history.toString()))
                .run();
    }

    private static List<String> reportFiles(ConsoleLauncherRun.Result result) throws IOException {
        try (Stream<Path> files = Files.list(result.directory().resolve("reports"))) {
            return files.map(Path::toString).toList();
        }
    }
}
