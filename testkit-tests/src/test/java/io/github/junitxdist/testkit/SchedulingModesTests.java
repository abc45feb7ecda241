package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.Timelines.Run;
import io.github.junitxdist.testkit.fixtures.scheduling.GroupedClassFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.GroupedComposedFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.GroupedMethodFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LoadScopeAFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LoadScopeBFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.LoadSpreadFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.RegularFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.StealBigFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.StealFirstFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.StealLastFixture;
import io.github.junitxdist.testkit.fixtures.scheduling.StealMiddleFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Each {@code xdist.dist} mode on real workers: which worker ran which test, checked against the mode's guarantee. */
class SchedulingModesTests extends SharedDirectoryTestBase {

    @Test
    void loadscopeRunsEachClassWithItsNestedClassesOnOneWorker() {
        Timelines timelines =
                timelines("loadscope", 2, selectClass(LoadScopeAFixture.class), selectClass(LoadScopeBFixture.class));

        assertThat(timelines.runs()).hasSize(6);
        assertThat(timelines.of("LoadScopeAFixture"))
                .as("A with its nested class")
                .hasSize(3);
        assertThat(Timelines.workers(timelines.of("LoadScopeAFixture"))).hasSize(1);
        assertThat(timelines.of("LoadScopeBFixture"))
                .as("B with its nested class")
                .hasSize(3);
        assertThat(Timelines.workers(timelines.of("LoadScopeBFixture"))).hasSize(1);
    }

    @Test
    void loadSpreadsOneClassOverTheWorkersWithItsLifecycleOncePerPart() {
        Timelines timelines = timelines("load", 2, selectClass(LoadSpreadFixture.class));

        List<Run> runs = timelines.of("LoadSpreadFixture");
        assertThat(runs).hasSize(4);
        Map<String, String> workers = timelines.workerByTest();
        assertThat(workers.get("LoadSpreadFixture.t1"))
                .isNotEqualTo(workers.get("LoadSpreadFixture.t2"))
                .isEqualTo(workers.get("LoadSpreadFixture.t3"));
        assertThat(workers.get("LoadSpreadFixture.t2")).isEqualTo(workers.get("LoadSpreadFixture.t4"));
        assertThat(timelines.lifecycle())
                .extracting(entry -> entry.get("worker"))
                .containsExactlyInAnyOrderElementsOf(Timelines.workers(runs));
    }

    @Test
    void loadgroupRunsEachGroupFromAnyClassesOnOneWorker() {
        Timelines timelines = timelines(
                "loadgroup",
                2,
                selectClass(GroupedMethodFixture.class),
                selectClass(GroupedClassFixture.class),
                selectClass(GroupedComposedFixture.class),
                selectClass(RegularFixture.class));

        assertThat(timelines.runs()).hasSize(7);
        List<Run> group = timelines.runs().stream()
                .filter(run -> run.test().equals("GroupedMethodFixture.inGroup")
                        || run.test().startsWith("GroupedClassFixture")
                        || run.test().startsWith("GroupedComposed"))
                .toList();
        assertThat(group).hasSize(4);
        assertThat(Timelines.workers(group)).hasSize(1);
        Timelines.assertNoOverlap(group);
    }

    @Test
    void workstealSplitsUpFrontAndAnIdleWorkerStealsFromTheEndOfTheBusiestShare() {
        // Shares: one worker gets StealBig (4 tests); the other StealFirst, StealMiddle, StealLast. StealFirst waits
        // until StealLast runs, which only a steal from the end of its share can bring about.
        Timelines timelines = timelines(
                "worksteal",
                2,
                selectClass(StealBigFixture.class),
                selectClass(StealFirstFixture.class),
                selectClass(StealMiddleFixture.class),
                selectClass(StealLastFixture.class));

        assertThat(timelines.runs()).hasSize(7);
        Map<String, String> workers = timelines.workerByTest();
        assertThat(workers.get("StealLastFixture.meetsTheFirst"))
                .isEqualTo(workers.get("StealBigFixture.a"))
                .isNotEqualTo(workers.get("StealFirstFixture.waitsForTheLast"));
        Run last = timelines.of("StealLastFixture").get(0);
        Run middle = timelines.of("StealMiddleFixture").get(0);
        assertThat(middle.start()).as("the end of the share goes first").isAfter(last.start());
    }

    @Test
    void noRunsEverythingInTheCallingJvm() {
        Timelines timelines =
                timelines("no", 2, selectClass(LoadScopeAFixture.class), selectClass(RegularFixture.class));

        assertThat(timelines.runs()).hasSize(5).extracting(Run::worker).containsOnly("main");
    }

    private Timelines timelines(String mode, int workers, DiscoverySelector... selectors) {
        EngineExecutionResults results = run(mode, workers, selectors);
        results.testEvents()
                .assertStatistics(stats -> stats.failed(0).aborted(0).skipped(0));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        return Timelines.of(results);
    }
}
