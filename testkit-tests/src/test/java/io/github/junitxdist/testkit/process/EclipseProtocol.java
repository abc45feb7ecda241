package io.github.junitxdist.testkit.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Eclipse's JUnit runner told the IDE, in a form that two runs can be compared in: the engine id
 * {@code xdist} read as {@code junit-jupiter}, the runner's numeric test ids replaced by the tests' unique ids, the
 * run time left out, and junit-xdist's own stack frames (where a worker called Jupiter) dropped from failure traces.
 *
 * <p>The protocol ({@code MessageIds} of {@code org.eclipse.jdt.junit.runtime}) is line based. A run of two tests,
 * one of them failing, reads:
 *
 * <pre>
 * %TESTC  2 v2                                        a run of 2 tests
 * %TSTTREE2,a.B,true,2,false,1,B,,[engine:junit-jupiter]/[class:a.B]   tree node 2: id,name,suite,children,dynamic,
 * %TSTTREE3,m(a.B),false,1,false,2,m(),,[engine:...]/[method:m()]      parent, display name, parameters, unique id
 * %TSTTREE4,n(a.B),false,1,false,2,n(),,[engine:...]/[method:n()]
 * %TESTS  3,m(a.B)                                    test 3 started
 * %FAILED 3,m(a.B)                                    ... failed; then %EXPECTS/%ACTUALS blocks and the trace
 * %TRACES                                             between %TRACES and %TRACEE
 * %TRACEE
 * %TESTE  3,m(a.B)                                    test 3 ended
 * %TSTTREE5,p(a.B),false,1,true,4,[1] 1,int,[...]     a dynamic node (an invocation), registered during the run
 * %RUNTIME412                                         the run ended after 412 ms
 * </pre>
 */
final class EclipseProtocol {

    /** A line about one node of the tree: its kind, its numeric id, and the rest. */
    private static final Pattern NODE_LINE =
            Pattern.compile("^(%TSTTREE|%TESTS  |%TESTE  |%FAILED |%ERROR  )(\\d+),(.*)$");

    /** Lines that continue the node line before them: the compared values and the trace of a failure. */
    private static final Set<String> CONTINUATIONS =
            Set.of("%EXPECTS", "%EXPECTE", "%ACTUALS", "%ACTUALE", "%TRACES ", "%TRACEE ");

    private static final Pattern TOP_LEVEL_CLASS = Pattern.compile("^\\[engine:[^\\]]+\\]/\\[class:([^\\]]+)\\]");
    private static final String OWN_FRAMES = "\tat io.github.junitxdist.";

    private final List<String> lines;
    private final Map<String, String> uniqueIds = new HashMap<>();

    private EclipseProtocol(List<String> lines) {
        this.lines = List.copyOf(lines);
        for (String line : lines) {
            Matcher node = NODE_LINE.matcher(line);
            if (node.matches() && node.group(1).equals("%TSTTREE")) {
                String rest = node.group(3);
                String uniqueId = rest.substring(rest.lastIndexOf(",[engine:") + 1);
                uniqueIds.put(node.group(2), uniqueId.replace("[engine:xdist]", "[engine:junit-jupiter]"));
            }
        }
    }

    static EclipseProtocol of(List<String> lines) {
        return new EclipseProtocol(lines);
    }

    /** The run's own lines ({@code %TESTC} and {@code %RUNTIME}, without its figure), in order. */
    List<String> runLines() {
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("%TESTC")) {
                run.add(line);
            } else if (line.startsWith("%RUNTIME")) {
                run.add("%RUNTIME");
            }
        }
        return run;
    }

    /** The tree as the IDE had it before the first test started, normalised. */
    List<String> treeBeforeRun() {
        List<String> tree = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("%TESTS")) {
                break;
            }
            if (line.startsWith("%TSTTREE")) {
                tree.add(normalise(line));
            }
        }
        return tree;
    }

    /**
     * Everything reported about the nodes in top-level class {@code className} once the run began (starts, ends,
     * failures with their values and traces, dynamic nodes), in order, normalised. Classes that run at the same time
     * on different workers interleave their events, so a run is compared class by class.
     */
    List<String> eventsOf(String className) {
        List<String> events = new ArrayList<>();
        boolean running = false;
        String owner = null;
        for (String line : lines) {
            running |= line.startsWith("%TESTS");
            Matcher node = NODE_LINE.matcher(line);
            if (node.matches()) {
                owner = node.group(2);
            } else if (line.startsWith("%") && !CONTINUATIONS.contains(line.substring(0, Math.min(8, line.length())))) {
                owner = null;
            }
            if (running && owner != null && className.equals(topLevelClass(owner)) && !line.startsWith(OWN_FRAMES)) {
                events.add(normalise(line));
            }
        }
        return events;
    }

    /** The names of the tests that failed ({@code %FAILED} or {@code %ERROR}), in order. */
    List<String> failedTests() {
        return lines.stream()
                .filter(line -> line.startsWith("%FAILED ") || line.startsWith("%ERROR  "))
                .map(line -> line.substring(line.indexOf(',') + 1))
                .toList();
    }

    private String topLevelClass(String id) {
        Matcher matcher = TOP_LEVEL_CLASS.matcher(uniqueIds.getOrDefault(id, ""));
        return matcher.find() ? matcher.group(1) : null;
    }

    private String normalise(String line) {
        Matcher node = NODE_LINE.matcher(line);
        String normal = node.matches()
                ? node.group(1) + uniqueIds.getOrDefault(node.group(2), "?" + node.group(2)) + "," + node.group(3)
                : line;
        return normal.replace("[engine:xdist]", "[engine:junit-jupiter]");
    }
}
