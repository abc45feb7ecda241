package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a timed run really ran the whole suite and passed, so that no contender looks fast by running less: the
 * ConsoleLauncher's summary or Surefire's XML reports must count every test of the suite as successful. Eclipse's
 * runner always exits with 0; what it reported is checked by {@link EclipseProtocol}.
 */
final class RunCheck {

    private static final Pattern SUCCESSFUL = Pattern.compile("\\[\\s*(\\d+) tests successful\\s*]");
    private static final Pattern FAILED = Pattern.compile("\\[\\s*(\\d+) tests failed\\s*]");
    private static final Pattern SUITE_TAG = Pattern.compile("<testsuite\\s[^>]*>");

    private RunCheck() {}

    /** What is wrong with the run, or {@code null} if it ran all {@code expectedTests} tests successfully. */
    static @Nullable String problem(
            Contender contender, TimedProcess.Result result, int expectedTests, Path surefireReports)
            throws IOException {
        String exit = exitProblem(result);
        if (exit != null || !contender.runsTests()) {
            return exit;
        }
        long[] counts = switch (contender.launch()) {
            case CONSOLE -> consoleCounts(Files.readString(result.log()));
            case MAVEN -> surefireCounts(surefireReports);
            case ECLIPSE -> throw new IllegalArgumentException("Eclipse's runner is checked by EclipseProtocol");
        };
        if (counts[0] != expectedTests || counts[1] != 0) {
            return counts[0] + " tests successful and " + counts[1] + " not, of " + expectedTests + " (see "
                    + result.log() + ")";
        }
        return null;
    }

    /** A non-zero exit code, or {@code null}. */
    static @Nullable String exitProblem(TimedProcess.Result result) {
        return result.exitCode() == 0 ? null : "exit code " + result.exitCode() + " (see " + result.log() + ")";
    }

    /** {successful, failed} from the ConsoleLauncher's summary. */
    private static long[] consoleCounts(String output) {
        return new long[] {lastNumber(SUCCESSFUL.matcher(output)), lastNumber(FAILED.matcher(output))};
    }

    /** {successful, unsuccessful} summed over Surefire's {@code TEST-*.xml} reports. */
    static long[] surefireCounts(Path reports) throws IOException {
        long successful = 0;
        long unsuccessful = 0;
        if (!Files.isDirectory(reports)) {
            return new long[] {0, 0};
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .toList();
        }
        for (Path file : files) {
            Matcher tag = SUITE_TAG.matcher(Files.readString(file));
            if (tag.find()) {
                long bad = attribute(tag.group(), "errors")
                        + attribute(tag.group(), "skipped")
                        + attribute(tag.group(), "failures");
                successful += attribute(tag.group(), "tests") - bad;
                unsuccessful += bad;
            }
        }
        return new long[] {successful, unsuccessful};
    }

    private static long attribute(String tag, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(tag);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static long lastNumber(Matcher matcher) {
        long value = -1;
        while (matcher.find()) {
            value = Long.parseLong(matcher.group(1));
        }
        return value;
    }
}
