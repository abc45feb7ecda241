package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.Timelines.Run;
import io.github.junitxdist.testkit.fixtures.scheduling.RegularFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.SerialInheritingFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.SerialMethodFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.SerialOneMethodFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @Serial} on methods and {@code @Nested} classes: under {@code load} only the serial tests are serial, and
 * they run one at a time on the serial worker while regular tests of the same class run on another; under
 * {@code loadscope} a class holding a serial method is serial as a whole.
 */
class SerialScopeTests extends SharedDirectoryTestBase {

    @Test
    void underLoadOnlySerialTestsAreSerialAndTheyNeverOverlapWhileRegularTestsRunElsewhere() {
        Timelines timelines = timelines(
                "load",
                selectClass(SerialMethodFixture.class),
                selectClass(SerialInheritingFixture.class),
                selectClass(RegularFixture.class));

        assertThat(timelines.runs()).hasSize(8);
        List<Run> serial = timelines.runs().stream()
                .filter(run -> !run.test().equals("SerialMethodFixture.regular")
                        && !run.test().startsWith("Regular"))
                .toList();
        assertThat(serial).hasSize(5).extracting(Run::worker).containsOnly("gw0");
        Timelines.assertNoOverlap(serial);
        Run regular = timelines.of("SerialMethodFixture.regular").get(0);
        Run serialMethod = timelines.of("SerialMethodFixture.serialMethod").get(0);
        assertThat(regular.worker()).isEqualTo("gw1");
        assertThat(regular.overlaps(serialMethod))
                .as("the regular test ran while the serial one did")
                .isTrue();
    }

    @Test
    void underLoadscopeAClassWithASerialMethodIsSerialAsAWhole() {
        Timelines timelines = timelines(
                "loadscope",
                selectClass(SerialOneMethodFixture.class),
                selectClass(SerialInheritingFixture.class),
                selectClass(RegularFixture.class));

        assertThat(timelines.runs()).hasSize(5);
        assertThat(timelines.of("SerialOneMethodFixture"))
                .hasSize(2)
                .extracting(Run::worker)
                .containsOnly("gw0");
        assertThat(timelines.of("SerialInheritingFixture"))
                .extracting(Run::worker)
                .containsOnly("gw0");
        Timelines.assertNoOverlap(timelines.runs().stream()
                .filter(run -> run.worker().equals("gw0"))
                .toList());
    }

    private Timelines timelines(String mode, DiscoverySelector... selectors) {
        EngineExecutionResults results = run(mode, 2, selectors);
        results.testEvents()
                .assertStatistics(stats -> stats.failed(0).aborted(0).skipped(0));
        return Timelines.of(results);
    }
}
