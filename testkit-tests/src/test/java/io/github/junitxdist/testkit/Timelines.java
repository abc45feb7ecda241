package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.scheduling.Timeline;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The {@link Timeline} entries of a run, read back from its report entries. */
record Timelines(List<Run> runs, List<Map<String, String>> lifecycle) {

    /** One test's run: its name ({@code Class.method}), worker, and start and end. */
    record Run(String test, String worker, Instant start, Instant end) {
        boolean overlaps(Run other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    static Timelines of(EngineExecutionResults results) {
        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .toList();
        List<Run> runs = entries.stream()
                .filter(entry -> entry.containsKey("timeline"))
                .map(entry -> new Run(
                        entry.get("timeline"),
                        entry.get("worker"),
                        Instant.parse(entry.get("start")),
                        Instant.parse(entry.get("end"))))
                .sorted(Comparator.comparing(Run::start))
                .toList();
        return new Timelines(
                runs,
                entries.stream().filter(entry -> entry.containsKey("beforeAll")).toList());
    }

    /** The runs of the tests whose names start with the given prefix (a class's simple name, say). */
    List<Run> of(String prefix) {
        return runs.stream().filter(run -> run.test().startsWith(prefix)).toList();
    }

    /** The worker each test ran on. */
    Map<String, String> workerByTest() {
        return runs.stream().collect(Collectors.toMap(Run::test, Run::worker));
    }

    static Set<String> workers(List<Run> runs) {
        return runs.stream().map(Run::worker).collect(Collectors.toSet());
    }

    /** Asserts that no two of the given runs overlap in time. */
    static void assertNoOverlap(List<Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                assertThat(runs.get(i).overlaps(runs.get(j)))
                        .as("%s overlaps %s", runs.get(i), runs.get(j))
                        .isFalse();
            }
        }
    }
}
