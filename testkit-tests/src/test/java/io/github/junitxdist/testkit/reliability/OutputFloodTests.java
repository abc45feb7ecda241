package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.reliability.FloodFixture;
import io.github.junitxdist.testkit.fixtures.reliability.MarkerFixture;
import io.github.junitxdist.testkit.fixtures.reliability.PeakHeapLauncherMain;
import io.github.junitxdist.testkit.process.ChildProcess;
import io.github.junitxdist.testkit.process.JavaProcess;
import io.github.junitxdist.testkit.process.TestPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A test that prints 200 MiB runs to the end and all of it reaches the parent's stdout, while the parent JVM runs in a
 * 96 MiB heap: the parent streams worker output through instead of holding it, and the output of a test in another
 * worker still gets through. A parent that buffered the flood would die of {@code OutOfMemoryError} and fail the run.
 *
 * <p>The child's stdout goes to a file, which this test scans line by line, so the test JVM never holds the flood.
 */
class OutputFloodTests {

    private static final long FLOOD_CHARACTERS = FloodFixture.CHUNKS * ((1L << 20) - 1);

    @Test
    void aParentWithA96MegabyteHeapRelaysTwoHundredMegabytesOfOutput() throws Exception {
        Path dir = TestPaths.freshDirectory("reliability-it", "output-flood");
        Path results = dir.resolve("results.txt");
        // Only the parent is small: the workers get a heap of their own, so that a failure points at the parent.
        JavaProcess java = JavaProcess.mainClass(TestPaths.launcherClasspath(), PeakHeapLauncherMain.class.getName())
                .jvmArguments("-Xmx96m")
                .systemProperty("xdist.workers", 2)
                .systemProperty("xdist.jvmArgs", "-Xmx256m")
                .arguments(results.toString(), FloodFixture.class.getName(), MarkerFixture.class.getName());

        try (ChildProcess launcher = java.start(dir)) {
            int exitCode = launcher.awaitExit(Duration.ofMinutes(3));
            String stderr = launcher.stderr();
            System.out.println("Parent JVM (-Xmx96m) heap, peak as the JVM recorded it: "
                    + stderr.lines()
                            .filter(line -> line.startsWith(PeakHeapLauncherMain.PEAK_HEAP))
                            .findFirst()
                            .orElse("not printed"));
            assertThat(stderr).as("the parent's stderr").doesNotContain("OutOfMemoryError");
            assertThat(exitCode)
                    .as("exit code of the launcher JVM; stderr:%n%s", stderr)
                    .isZero();
            assertThat(Files.readAllLines(results))
                    .as("what the Launcher's listeners saw")
                    .contains("summary\tfound=3\tsucceeded=3\tfailed=0");

            StdoutScan scan = StdoutScan.of(launcher.stdoutFile());
            assertThat(scan.markers())
                    .as("marker lines in the parent's stdout")
                    .containsExactly(MarkerFixture.MARKER + "first", MarkerFixture.MARKER + "second");
            assertThat(scan.floodCharacters())
                    .as("characters of the flood in the parent's stdout")
                    .isEqualTo(FLOOD_CHARACTERS);
        } finally {
            Files.deleteIfExists(dir.resolve("stdout.txt")); // 200 MiB
        }
    }

    /** What the parent's stdout holds: the distinct marker lines, and how many flood characters. */
    private record StdoutScan(TreeSet<String> markers, long floodCharacters) {

        private static final Pattern MARKER = Pattern.compile(Pattern.quote(MarkerFixture.MARKER) + "(first|second)");

        static StdoutScan of(Path stdout) throws IOException {
            TreeSet<String> markers = new TreeSet<>();
            long flood = 0;
            try (BufferedReader reader = Files.newBufferedReader(stdout, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    // Output of two workers may share a line, so look for the marker anywhere in it.
                    Matcher marker = MARKER.matcher(line);
                    while (marker.find()) {
                        markers.add(marker.group());
                    }
                    for (int i = 0; i < line.length(); i++) {
                        if (line.charAt(i) == 'x') {
                            flood++;
                        }
                    }
                }
            }
            return new StdoutScan(markers, flood);
        }
    }
}
