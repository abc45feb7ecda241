package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.process.AlphaFixture;
import io.github.junitxdist.testkit.fixtures.process.LauncherMain;
import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import io.github.junitxdist.testkit.process.ChildProcess;
import io.github.junitxdist.testkit.process.JavaProcess;
import io.github.junitxdist.testkit.process.TestPaths;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A launcher JVM with a debugger agent ({@code -agentlib:jdwp}) runs the tests in itself, so breakpoints work, even
 * though {@code xdist.workers} asks for workers, and says so on its stderr.
 */
class DebuggerTests {

    @Test
    void runsTheTestsInTheLauncherJvmWhenADebuggerAgentIsLoaded() throws Exception {
        Path dir = TestPaths.freshDirectory("reliability-it", "debugger");
        Path records = Files.createDirectories(dir.resolve("records"));
        JavaProcess java = JavaProcess.mainClass(TestPaths.launcherClasspath(), LauncherMain.class.getName())
                .jvmArguments("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0")
                .systemProperty("xdist.workers", 2)
                .systemProperty(RecordingExtension.RECORDS_DIR, records)
                .arguments(dir.resolve("results.txt").toString(), AlphaFixture.class.getName());

        try (ChildProcess launcher = java.start(dir)) {
            int exitCode = launcher.awaitExit(Duration.ofMinutes(2));
            String stderr = launcher.stderr();
            assertThat(exitCode)
                    .as("exit code of the launcher JVM; stderr:%n%s", stderr)
                    .isZero();
            assertThat(stderr).contains("junit-xdist: a debugger is attached");
            List<Properties> executions = readRecords(records);
            assertThat(executions)
                    .as("recorded test executions; stderr:%n%s", stderr)
                    .hasSize(3)
                    .allSatisfy(record -> {
                        assertThat(record.getProperty("worker"))
                                .as("xdist.worker seen by the test")
                                .isEqualTo("main");
                        assertThat(record.getProperty("pid"))
                                .as("pid of the JVM the test ran in")
                                .isEqualTo(Long.toString(launcher.pid()));
                    });
        }
    }

    private static List<Properties> readRecords(Path records) throws IOException {
        try (Stream<Path> files = Files.list(records)) {
            return files.map(file -> {
                        Properties record = new Properties();
                        try (Reader in = Files.newBufferedReader(file)) {
                            record.load(in);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return record;
                    })
                    .toList();
        }
    }
}
