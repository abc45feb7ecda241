package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.history.ManyTestsFixture;
import io.github.junitxdist.testkit.fixtures.history.OneTestFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Each run stores how long every unit took; the next run starts the units that took longest first, where the first run
 * had only test counts to go by.
 */
class DurationHistoryTests {

    private static final String MANY = "[engine:xdist]/[class:" + ManyTestsFixture.class.getName() + "]";
    private static final String ONE = "[engine:xdist]/[class:" + OneTestFixture.class.getName() + "]";

    @TempDir
    Path directory;

    @Test
    void withoutHistoryTheUnitWithMoreTestsRunsFirstAndBothDurationsAreStored() throws Exception {
        Path file = directory.resolve(".xdist/durations");

        EngineExecutionResults results = run(file);

        assertThat(classesInRunOrder(results)).containsExactly("ManyTestsFixture", "OneTestFixture");
        assertThat(Files.readAllLines(file)).anySatisfy(line -> assertThat(line).endsWith("\t" + MANY))
                .anySatisfy(line -> assertThat(line).endsWith("\t" + ONE));
    }

    @Test
    void withHistoryTheUnitThatTookLongestRunsFirst() throws Exception {
        Path file = directory.resolve("durations");
        Files.writeString(file, "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n"
                + "10\t" + MANY + "\n5000\t" + ONE + "\n");

        assertThat(classesInRunOrder(run(file))).containsExactly("OneTestFixture", "ManyTestsFixture");
    }

    @Test
    void aCorruptHistoryIsIgnoredAndTheRunGoesOn() throws Exception {
        Path file = directory.resolve("durations");
        Files.writeString(file, "not a history\n");

        EngineExecutionResults results = run(file);

        results.testEvents().assertStatistics(stats -> stats.succeeded(4).failed(0));
        assertThat(Files.readString(file)).contains(MANY, ONE);
    }

    private static EngineExecutionResults run(Path durations) {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(selectClass(ManyTestsFixture.class), selectClass(OneTestFixture.class))
                .configurationParameter("xdist.workers", "1")
                .configurationParameter("xdist.durations.file", durations.toString())
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(4));
        return results;
    }

    private static List<String> classesInRunOrder(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .sorted(Comparator.comparingInt((Map<String, String> entry) -> Integer.parseInt(entry.get("position"))))
                .map(entry -> entry.get("class"))
                .distinct()
                .toList();
    }
}
