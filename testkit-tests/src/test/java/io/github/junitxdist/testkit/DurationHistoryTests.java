package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.history.ManyTestsFixture;
import io.github.junitxdist.testkit.fixtures.history.OneTestFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Each run stores how long every unit took; the next run starts the units that took longest first, where the first run
 * had only test counts to go by. A file that is not a duration history is never written.
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
        assertThat(Files.readAllLines(file))
                .anySatisfy(line -> assertThat(line).endsWith("\t" + MANY))
                .anySatisfy(line -> assertThat(line).endsWith("\t" + ONE));
    }

    @Test
    void withHistoryTheUnitThatTookLongestRunsFirst() throws Exception {
        Path file = directory.resolve("durations");
        Files.writeString(
                file,
                "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n" + "10\t" + MANY + "\n5000\t" + ONE
                        + "\n");

        assertThat(classesInRunOrder(run(file))).containsExactly("OneTestFixture", "ManyTestsFixture");
    }

    @Test
    void aFileThatIsNotAHistoryIsLeftAsItWasWithOneWarningAndTheRunGoesOnWithoutHistory() throws Exception {
        Path notes = directory.resolve("notes.txt");
        Files.writeString(notes, "my notes: do not lose them\n");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] bytes = Files.readAllBytes(notes);
        List<String> listing = listing(directory);
        List<String> warnings = new ArrayList<>();
        Handler handler = recorder(warnings);
        Logger logger = Logger.getLogger("io.github.junitxdist");
        logger.addHandler(handler);
        try {
            run(notes);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(Files.readAllBytes(notes)).as("bytes of the notes").isEqualTo(bytes);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(notes)))
                .as("mode of the notes")
                .isEqualTo("rw-r--r--");
        assertThat(listing(directory)).as("files beside the notes").isEqualTo(listing);
        assertThat(warnings)
                .filteredOn(warning -> warning.contains("duration"))
                .singleElement()
                .asString()
                .contains("xdist.durations.file", notes.toString(), "not a junit-xdist duration history");
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

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(Path::toString).sorted().toList();
        }
    }

    private static Handler recorder(List<String> warnings) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(new SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
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
