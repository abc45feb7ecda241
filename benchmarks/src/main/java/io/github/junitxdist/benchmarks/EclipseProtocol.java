package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks what Eclipse's runner reported to the IDE, so that a run counts only if exactly the selected test ran and
 * passed. Each protocol line starts with an eight-character id ({@code MessageIds} in
 * {@code org.eclipse.jdt.junit.runtime}); a passing run of one test method reads:
 *
 * <pre>
 * %TESTC  1 v2                                   run of 1 test, protocol version 2
 * %TSTTREE2,bench.e1.Trivial125Tests,true,1,...  the tree of the tests, one line per node
 * %TSTTREE3,test07(bench.e1.Trivial125Tests),...
 * %TESTS  3,test07(bench.e1.Trivial125Tests)     test 3 started
 * %TESTE  3,test07(bench.e1.Trivial125Tests)     test 3 ended
 * %RUNTIME168                                    the run ended after 168 ms
 * </pre>
 *
 * A failing test has {@code %FAILED} or {@code %ERROR} (and its trace) before its {@code %TESTE}; a skipped one is
 * named {@code @Ignore: ...}; a stopped run sends {@code %TSTSTP}.
 */
final class EclipseProtocol {

    private static final String RUN_START = "%TESTC  ";
    private static final String TEST_START = "%TESTS  ";
    private static final String TEST_END = "%TESTE  ";
    private static final String RUN_END = "%RUNTIME";
    private static final List<String> BAD = List.of("%FAILED ", "%ERROR  ", "%TSTSTP ");

    private EclipseProtocol() {}

    /** The name Eclipse gives a test method: {@code method(fully.qualified.Class)}. */
    static String testName(String className, String method) {
        return method + "(" + className + ")";
    }

    /** What is wrong with the run, or {@code null} if exactly {@code testName} started and ended, and nothing failed. */
    static @Nullable String problem(List<String> lines, String testName) {
        List<String> runs = payloads(lines, RUN_START);
        if (runs.size() != 1 || !runs.get(0).startsWith("1 ")) {
            return "the runner announced " + (runs.isEmpty() ? "no test run" : "runs " + runs) + ", not one of 1 test";
        }
        for (String line : lines) {
            if (BAD.stream().anyMatch(line::startsWith)) {
                return "the runner reported " + line;
            }
        }
        List<String> started = names(payloads(lines, TEST_START));
        List<String> ended = names(payloads(lines, TEST_END));
        if (!started.equals(List.of(testName)) || !ended.equals(List.of(testName))) {
            return "tests started " + started + " and ended " + ended + ", not exactly " + testName;
        }
        if (payloads(lines, RUN_END).isEmpty()) {
            return "the runner did not report the end of the run";
        }
        return null;
    }

    /** What follows the id, for the lines with the given id. */
    private static List<String> payloads(List<String> lines, String id) {
        List<String> payloads = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(id)) {
                payloads.add(line.substring(id.length()));
            }
        }
        return payloads;
    }

    /** The test names of {@code %TESTS}/{@code %TESTE} payloads, which read {@code id,name}. */
    private static List<String> names(List<String> payloads) {
        return payloads.stream().map(p -> p.substring(p.indexOf(',') + 1)).toList();
    }
}
