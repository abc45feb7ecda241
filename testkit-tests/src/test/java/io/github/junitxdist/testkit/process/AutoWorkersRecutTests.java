package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under {@code xdist.dist=load} the units depend on the number of workers. With {@code xdist.workers=auto} a run cuts
 * them for one worker per processor, then, when its history says fewer workers do as well, cuts them again for that
 * number: every test must still run exactly once, on a worker, as the second cut says.
 */
class AutoWorkersRecutTests {

    @Test
    void aLoadRunThatChoosesFewerWorkersThanProcessorsRunsEveryTestOnce() throws IOException {
        Path durations = ConsoleLauncherRun.named("recut-durations").directory().resolve("durations");

        // First run: no history, so one worker per processor (4) and units cut for 4; it records their durations.
        ConsoleLauncherRun.Result first = run("recut-first", durations);
        assertThat(first.exitCode()).as("exit code of the run without history").isZero();
        assertRanOnceEachInWorkers(first.records(), ConsoleLauncherTests.EXPECTED, first.launcherPid());

        // Now two of those units take a minute and the rest nothing: two workers finish as soon as four would,
        // so the second run takes two and cuts the units again, for two. What starting a worker costs is the default.
        List<String> rewritten = new ArrayList<>();
        int units = 0;
        for (String line : Files.readAllLines(durations)) {
            String[] fields = line.split("\t", 2);
            if (fields.length == 2 && fields[1].startsWith("[engine:xdist]/")) {
                rewritten.add((units++ < 2 ? "60000" : "0") + "\t" + fields[1]);
            } else if (line.startsWith("#")) {
                rewritten.add(line); // the figures of whole runs go: they would steer the decision elsewhere
            }
        }
        assertThat(units).as("units of the first run in its history").isEqualTo(9);
        Files.write(durations, rewritten);

        ConsoleLauncherRun.Result second = run("recut-second", durations);

        assertThat(second.exitCode()).as("exit code of the run with history").isZero();
        assertThat(second.output()).contains("workers: 2 workers for 3 classes");
        assertRanOnceEachInWorkers(second.records(), ConsoleLauncherTests.EXPECTED, second.launcherPid());
        assertThat(second.report().testCases()).as("tests in the XML report").hasSize(9);
    }

    private static ConsoleLauncherRun.Result run(String name, Path durations) {
        return ConsoleLauncherRun.named(name)
                .selectClasses(ConsoleLauncherTests.FIXTURES)
                .jvmArgument("-XX:ActiveProcessorCount=4")
                .config("xdist.dist", "load")
                .config("xdist.durations.file", durations.toString())
                .run();
    }
}
