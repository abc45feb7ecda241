package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.identity.RegularAlongsideSerialFixture;
import io.github.junitxdist.testkit.fixtures.identity.Rendezvous;
import io.github.junitxdist.testkit.fixtures.identity.SerialDirectFixture;
import io.github.junitxdist.testkit.fixtures.identity.SerialInheritedFixture;
import io.github.junitxdist.testkit.fixtures.identity.SerialMetaFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Classes marked {@code @Serial} (directly, through a composed annotation, or inherited) run one at a time on one
 * worker, while regular classes run on the other workers at the same time.
 */
class SerialTests {

    @TempDir
    Path rendezvous;

    @AfterEach
    void clearProperties() {
        System.clearProperty(Rendezvous.DIRECTORY_PROPERTY);
    }

    @Test
    void serialClassesRunOneAtATimeOnOneWorkerWhileRegularClassesRunElsewhere() {
        System.setProperty(Rendezvous.DIRECTORY_PROPERTY, rendezvous.toString());
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(
                        selectClass(SerialDirectFixture.class), selectClass(SerialMetaFixture.class),
                        selectClass(SerialInheritedFixture.class), selectClass(RegularAlongsideSerialFixture.class))
                .configurationParameter("xdist.workers", "2")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        List<Map<String, String>> serial = entries(results, "serialTest");
        assertThat(serial).hasSize(5);
        assertThat(serial).extracting(entry -> entry.get("worker")).containsOnly("gw0");
        List<Map<String, String>> byStart = serial.stream()
                .sorted(Comparator.comparing(entry -> Instant.parse(entry.get("start"))))
                .toList();
        for (int i = 1; i < byStart.size(); i++) {
            Instant previousEnd = Instant.parse(byStart.get(i - 1).get("end"));
            Instant start = Instant.parse(byStart.get(i).get("start"));
            assertThat(start)
                    .as("%s starts after %s ended", byStart.get(i), byStart.get(i - 1))
                    .isAfterOrEqualTo(previousEnd);
        }
        assertThat(entries(results, "regularWorker"))
                .extracting(entry -> entry.get("regularWorker"))
                .containsExactly("gw1");
    }

    @Test
    void withOneWorkerSerialAndRegularClassesAllRunOnIt() {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(selectClass(SerialMetaFixture.class), selectClass(SerialInheritedFixture.class))
                .configurationParameter("xdist.workers", "1")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(entries(results, "serialTest"))
                .extracting(entry -> entry.get("worker"))
                .containsOnly("gw0");
    }

    private static List<Map<String, String>> entries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entries -> entries.containsKey(key))
                .toList();
    }
}
