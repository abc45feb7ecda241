package io.github.junitxdist.examples.backend.runcheck;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link RunRecordExtension} records about one test, as one line of output:
 * {@code [run-record] class=a.b.C worker=gw0 start=2026-12-04T17:47:40.123456Z end=2026-12-04T17:47:40.234567Z}.
 *
 * @param testClass the test's class, binary name
 * @param worker the value of {@code xdist.worker} in the JVM that ran the test, {@code unset} where it was not set
 * @param start when the test method was about to run
 * @param end when it had returned or thrown
 */
public record RunRecord(String testClass, String worker, Instant start, Instant end) {

    private static final Pattern LINE =
            Pattern.compile("^\\[run-record] class=(\\S+) worker=(\\S+) start=(\\S+) end=(\\S+)$", Pattern.MULTILINE);

    /** The line the extension prints. */
    public String line() {
        return "[run-record] class=%s worker=%s start=%s end=%s".formatted(testClass, worker, start, end);
    }

    /** Every record line in {@code output}, in order. */
    public static List<RunRecord> parseAll(String output) {
        Matcher matcher = LINE.matcher(output);
        return matcher.results()
                .map(match -> new RunRecord(
                        match.group(1), match.group(2), Instant.parse(match.group(3)), Instant.parse(match.group(4))))
                .toList();
    }
}
