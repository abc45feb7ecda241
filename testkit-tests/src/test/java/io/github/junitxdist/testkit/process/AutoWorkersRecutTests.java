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

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id";
    private static final String FIXTURES = "io.github.junitxdist.testkit.fixtures.process.";

    @Test
    void aLoadRunThatChoosesFewerWorkersThanProcessorsRunsEveryTestOnce() throws IOException {
        Path durations = ConsoleLauncherRun.named("recut-durations").directory().resolve("durations");
        // The units of a cut for 4 workers (one per processor): AlphaFixture has 3 tests, BetaFixture 4, GammaFixture
        // 2. Two of them take a minute and the rest nothing: two workers finish as soon as four would, so the run
        // takes two and cuts the units again, for two. What starting a worker costs is the default.
        List<String> history = new ArrayList<>(List.of(HEADER));
        int units = 0;
        for (var fixture : List.of(List.of("AlphaFixture", 3), List.of("BetaFixture", 4), List.of("GammaFixture", 2))) {
            int parts = (Integer) fixture.get(1);
            for (int part = 1; part <= parts; part++) {
                history.add((units++ < 2 ? "60000" : "0") + "\t[engine:xdist]/[class:" + FIXTURES + fixture.get(0)
                        + "][" + part + "/" + parts + "]");
            }
        }
        Files.write(durations, history);

        ConsoleLauncherRun.Result result = run("recut", durations);

        assertThat(result.exitCode()).as("exit code").isZero();
        assertThat(result.output()).contains("workers: 2 workers for 3 classes");
        assertRanOnceEachInWorkers(result.records(), ConsoleLauncherTests.EXPECTED, result.launcherPid());
        assertThat(result.report().testCases()).as("tests in the XML report").hasSize(9);
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
