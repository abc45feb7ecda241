package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.Timelines.Run;
import io.github.junitxdist.testkit.fixtures.scheduling.FreeOneFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.FreeTwoFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.IsolatedFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LoadScopeAFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LoadScopeBFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LockedByProviderFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LockedClassFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LockedMethodFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.ReaderOneFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.ReaderTwoFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.RegularFixture;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Jupiter's {@code @ResourceLock} and {@code @Isolated} hold across workers: units sharing a READ_WRITE key never
 * overlap, readers share, an isolated unit overlaps nothing, and units without constraints still run in parallel.
 */
class ResourceLockTests extends SharedDirectoryTestBase {

    @ParameterizedTest(name = "xdist.dist={0}")
    @ValueSource(strings = {"loadscope", "load", "worksteal"})
    void writersNeverOverlapReadersShareAndUnitsWithoutLocksRunInParallel(String mode) {
        EngineExecutionResults results = run(
                mode,
                3,
                selectClass(LockedClassFixture.class),
                selectClass(LockedMethodFixture.class),
                selectClass(LockedByProviderFixture.class),
                selectClass(ReaderOneFixture.class),
                selectClass(ReaderTwoFixture.class),
                selectClass(FreeOneFixture.class),
                selectClass(FreeTwoFixture.class));

        results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(7));
        Timelines timelines = Timelines.of(results);
        List<Run> db = timelines.runs().stream()
                .filter(run -> run.test().contains(".holdsDb"))
                .toList();
        assertThat(db).hasSize(3);
        Timelines.assertNoOverlap(db);
        // The readers and the free classes met their partners: they ran at the same time on different workers.
        assertThat(Timelines.workers(timelines.of("Reader"))).hasSize(2);
        assertThat(Timelines.workers(timelines.of("Free"))).hasSize(2);
    }

    @ParameterizedTest(name = "xdist.dist={0}")
    @ValueSource(strings = {"loadscope", "load", "worksteal"})
    void anIsolatedUnitOverlapsNothing(String mode) {
        // No rendezvous here: a test waiting for a partner would wait forever behind a waiting isolated unit.
        EngineExecutionResults results = run(
                mode,
                3,
                selectClass(IsolatedFixture.class),
                selectClass(RegularFixture.class),
                selectClass(LoadScopeAFixture.class),
                selectClass(LoadScopeBFixture.class),
                selectClass(LockedClassFixture.class));

        results.testEvents().assertStatistics(stats -> stats.started(11).succeeded(11));
        Timelines timelines = Timelines.of(results);
        List<Run> isolated = timelines.of("IsolatedFixture");
        assertThat(isolated).hasSize(2);
        for (Run run : timelines.runs()) {
            if (!isolated.contains(run)) {
                assertThat(isolated)
                        .allSatisfy(alone -> assertThat(alone.overlaps(run))
                                .as("isolated %s overlaps %s", alone, run)
                                .isFalse());
            }
        }
    }
}
