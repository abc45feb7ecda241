package io.github.junitxdist.testkit.process;

import static io.github.junitxdist.testkit.process.ProcessAssertions.assertRanOnceEachInWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.LauncherMain;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that embedding the Launcher the way IDEs and build tools do ({@code LauncherFactory.create()} with default
 * auto-registration) runs every test exactly once in worker JVMs, both with a plain {@code -cp} and behind IntelliJ
 * IDEA's "classpath file" shortening, where {@code java.class.path} does not describe the real classpath.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class LauncherFactoryTests {

    @Test
    void launcherFactoryRunsEveryTestOnceInWorkers() {
        LauncherMainRun.Result result = LauncherMainRun.direct("launcher-factory", 2, ConsoleLauncherTests.FIXTURES);

        assertRanOnceInWorkersAndReportedOnce(result);
    }

    @Test
    void shortenedClasspathBehindAUrlClassLoaderRunsEveryTestOnceInWorkers() {
        LauncherMainRun.Result result =
                LauncherMainRun.behindClasspathFile("launcher-classpath-file", 2, ConsoleLauncherTests.FIXTURES);

        assertRanOnceInWorkersAndReportedOnce(result);
    }

    /** See {@link LauncherMain} for what the Launcher's listeners wrote. */
    private static void assertRanOnceInWorkersAndReportedOnce(LauncherMainRun.Result result) {
        List<String> expected = ConsoleLauncherTests.EXPECTED;
        assertThat(result.exitCode()).as("launcher exit code").isZero();
        assertThat(result.summary())
                .as("SummaryGeneratingListener")
                .isEqualTo("found=" + expected.size() + "\tsucceeded=" + expected.size() + "\tfailed=0");
        assertThat(result.finishedTests())
                .as("tests the listener saw finish")
                .hasSize(expected.size())
                .doesNotHaveDuplicates()
                .allSatisfy(
                        line -> assertThat(line).startsWith("[engine:xdist]/").endsWith("\tSUCCESSFUL"));
        assertThat(result.skippedTests()).as("tests the listener saw skipped").isEmpty();
        assertRanOnceEachInWorkers(result.records(), expected, result.launcherPid());
    }
}
