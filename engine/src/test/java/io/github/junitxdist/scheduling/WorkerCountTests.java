package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code xdist.workers=auto} decides, from the units' costs, the processors and a worker's start-up cost. */
class WorkerCountTests {

    @Test
    void oneClassRunsInTheCallingJvm() {
        WorkerCount count =
                WorkerCount.auto(units(5_000, 5_000), 1, true, 8, OptionalLong.of(900), OptionalDouble.empty());

        assertThat(count).isEqualTo(new WorkerCount(0, "junit-xdist: 1 class selected, running it in this JVM"));
    }

    @Test
    void workShorterThanStartingWorkersRunsInTheCallingJvm() {
        WorkerCount count =
                WorkerCount.auto(units(300, 200, 100), 3, true, 2, OptionalLong.of(900), OptionalDouble.empty());

        assertThat(count.workers()).isZero();
        assertThat(count.reason())
                .isEqualTo("junit-xdist: 3 classes expected to take 0.6 s, less than starting"
                        + " workers would cost (0.9 s each), running them in this JVM");
    }

    @Test
    void longWorkUsesAsManyWorkersAsShortenIt() {
        WorkerCount count = WorkerCount.auto(
                units(30_000, 20_000, 10_000), 3, true, 2, OptionalLong.of(900), OptionalDouble.empty());

        assertThat(count)
                .isEqualTo(new WorkerCount(
                        2,
                        "junit-xdist: 2 workers for 3 classes (expected work 60.0 s,"
                                + " longest unit 30.0 s, 0.9 s to start a worker)"));
    }

    @Test
    void noMoreWorkersThanTheLongestUnitLeavesUseFor() {
        // 40 s of work, one unit of 30 s: a third or fourth worker cannot end the run before that unit does.
        WorkerCount count = WorkerCount.auto(
                units(30_000, 4_000, 3_000, 2_000, 1_000), 5, true, 8, OptionalLong.of(500), OptionalDouble.empty());

        assertThat(count.workers()).isEqualTo(2);
    }

    @Test
    void neverMoreWorkersThanProcessorsOrUnits() {
        assertThat(WorkerCount.auto(
                                units(10_000, 10_000, 10_000, 10_000),
                                4,
                                true,
                                2,
                                OptionalLong.empty(),
                                OptionalDouble.empty())
                        .workers())
                .isEqualTo(2);
        assertThat(WorkerCount.auto(units(10_000, 10_000), 2, true, 16, OptionalLong.empty(), OptionalDouble.empty())
                        .workers())
                .isEqualTo(2);
    }

    @Test
    void withoutDurationsOneWorkerPerProcessorUpToTheUnits() {
        WorkerCount count = WorkerCount.auto(units(3, 2, 1), 3, false, 2, OptionalLong.empty(), OptionalDouble.empty());

        assertThat(count)
                .isEqualTo(new WorkerCount(2, "junit-xdist: 2 workers for 3 classes (no duration history yet)"));
    }

    @Test
    void theDefaultStartCostAppliesUntilOneWasMeasured() {
        // 1.5 s of work against 1.0 s (the default) + 0.75 s on 2 workers: in-process; with 0.2 s to start, 0.95 s.
        assertThat(WorkerCount.auto(units(750, 750), 2, true, 2, OptionalLong.empty(), OptionalDouble.empty())
                        .workers())
                .isZero();
        assertThat(WorkerCount.auto(units(750, 750), 2, true, 2, OptionalLong.of(200), OptionalDouble.empty())
                        .workers())
                .isEqualTo(2);
    }

    @Test
    void aForkedRunThatTookLongerThanItsEstimateWeighsTheNextDecision() {
        // 3 s of tiny classes: 2 workers are estimated at 0.9 + 1.5 s, but took twice as long last time.
        List<WorkUnit> tiny = units(300, 300, 300, 300, 300, 300, 300, 300, 300, 300);

        assertThat(WorkerCount.auto(tiny, 250, true, 2, OptionalLong.of(900), OptionalDouble.empty())
                        .workers())
                .isEqualTo(2);
        WorkerCount weighed = WorkerCount.auto(tiny, 250, true, 2, OptionalLong.of(900), OptionalDouble.of(2.0));
        assertThat(weighed)
                .isEqualTo(new WorkerCount(
                        0,
                        "junit-xdist: 250 classes expected to take 3.0 s here, no less on 2 workers (0.9 s to start"
                                + " a worker, forked runs here take 2.0 x their estimate), running them in this JVM"));
    }

    @Test
    void theEstimateIsTheStartPlusTheLargerOfAnEvenShareAndTheLongestUnit() {
        assertThat(WorkerCount.estimate(units(30_000, 20_000, 10_000), 2, 900)).isEqualTo(30_900);
        assertThat(WorkerCount.estimate(units(30_000, 20_000, 10_000), 6, 900)).isEqualTo(30_900);
        assertThat(WorkerCount.estimate(units(1_000, 1_000, 1_000, 1_000), 4, 500))
                .isEqualTo(1_500);
    }

    private static List<WorkUnit> units(long... costs) {
        return java.util.stream.IntStream.range(0, costs.length)
                .mapToObj(i -> new WorkUnit(
                        i, "[engine:xdist]/[class:C" + i + "]", List.of(i), false, false, Set.of(), 1, costs[i]))
                .toList();
    }
}
