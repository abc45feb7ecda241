package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Costs come from earlier durations where known, and from test counts scaled by the median time per test otherwise. */
class CostsTests {

    private static WorkUnit unit(String id, long tests) {
        return new WorkUnit(0, id, List.of(0), false, false, Set.of(), tests, 0);
    }

    @Test
    void withoutHistoryTheCostIsTheNumberOfTests() {
        assertThat(Costs.of(Map.of()).estimate(List.of(unit("A", 4), unit("B", 1))))
                .extracting(WorkUnit::cost)
                .containsExactly(4L, 1L);
    }

    @Test
    void measuredUnitsCostWhatTheyTookAndNewOnesTheirTestsTimesTheMedianPerTest() {
        var units = List.of(unit("A", 4), unit("B", 1), unit("C", 2));

        assertThat(Costs.of(Map.of("A", 800L, "B", 1000L)).estimate(units))
                .extracting(WorkUnit::cost)
                .containsExactly(800L, 1000L, 2000L);
    }

    @Test
    void aClassKnownOnlyByItsPartsCostsTheSumOfTheCutWithMostPartsRecorded() {
        String a = "[engine:xdist]/[class:A]";
        var units = List.of(unit(a, 4), unit("[engine:xdist]/[class:B]", 1));

        assertThat(Costs.of(Map.of(
                                a + "[1/2]",
                                300L,
                                a + "[2/2]",
                                500L,
                                a + "[1/1]",
                                5000L,
                                "[engine:xdist]/[class:B]",
                                100L))
                        .estimate(units))
                .extracting(WorkUnit::cost)
                .containsExactly(800L, 100L);
        assertThat(Costs.of(Map.of(a + "[serial 1/1]", 10L)).knowsAny(List.of(unit(a, 4))))
                .isTrue();
        assertThat(Costs.of(Map.of("[engine:xdist]/[class:AB]", 10L)).knowsAny(List.of(unit(a, 4))))
                .isFalse();
    }

    @Test
    void thePartsOfAClassMeasuredWholeShareItsFigureByTests() {
        String a = "[engine:xdist]/[class:A]";
        var units = List.of(unit(a + "[1/2]", 3), unit(a + "[2/2]", 1), unit("[engine:xdist]/[class:B]", 2));

        assertThat(Costs.of(Map.of(a, 40_000L, "[engine:xdist]/[class:B]", 100L))
                        .estimate(units))
                .extracting(WorkUnit::cost)
                .containsExactly(30_000L, 10_000L, 100L);
    }
}
