package io.github.junitxdist.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a unit costs on a warm worker, apart from what a fresh worker pays once. */
class WarmFiguresTests {

    private static final String A = "[engine:xdist]/[class:A]";
    private static final String B = "[engine:xdist]/[class:B]";
    private static final String C = "[engine:xdist]/[class:C]";
    private static final String FIRST = WarmFigures.COLD_PREFIX;

    @Test
    void aUnitCostsItsWarmFigureEvenWhenItWasMeasuredFirstOnAWorkerToo() {
        var costs = WarmFigures.costs(Map.of(A, 2_000L, FIRST + A, 40_000L, WarmFigures.WARM_UP, 30_000L));

        assertThat(costs).containsExactly(Map.entry(A, 2_000L));
    }

    @Test
    void aUnitKnownOnlyFirstOnAWorkerCostsThatFigureLessTheWarmUp() {
        var costs = WarmFigures.costs(Map.of(FIRST + A, 40_000L, FIRST + B, 1_000L, WarmFigures.WARM_UP, 37_000L));

        assertThat(costs).containsOnly(Map.entry(A, 3_000L), Map.entry(B, 0L));
    }

    @Test
    void theRunsOwnEntriesAreNoUnits() {
        var costs = WarmFigures.costs(Map.of(
                A, 5L, WarmFigures.WORKER_START, 900L, WarmFigures.FORK_FACTOR, 2_000L, WarmFigures.WARM_UP, 1L));

        assertThat(costs).containsOnlyKeys(A);
    }

    @Test
    void theWarmUpIsTheMedianExcessOfUnitsMeasuredBothWays() {
        // A and B were warm before and ran first now; C ran first before and warm now.
        Map<String, Long> earlier = Map.of(A, 2_000L, B, 3_000L, FIRST + C, 9_000L);
        Map<String, Long> first = Map.of(A, 40_000L, B, 38_000L);
        Map<String, Long> warm = Map.of(C, 1_000L);

        assertThat(WarmFigures.warmUp(earlier, first, warm, Map.of())).hasValue(35_000L);
    }

    @Test
    void withoutUnitsMeasuredBothWaysTheWarmUpIsEstimatedFromTheWarmRatePerTest() {
        Map<String, Long> first = Map.of(A, 40_000L, B, 41_000L);
        Map<String, Long> warm = Map.of(C, 2_000L);
        Map<String, Long> tests = Map.of(A, 5L, B, 5L, C, 5L);

        assertThat(WarmFigures.warmUp(Map.of(), first, warm, tests)).hasValue(38_000L);
    }

    @Test
    void anEstimateNeverReplacesAWarmUpLearnedBefore() {
        Map<String, Long> earlier = Map.of(WarmFigures.WARM_UP, 500L);

        assertThat(WarmFigures.warmUp(earlier, Map.of(A, 40_000L), Map.of(C, 2_000L), Map.of(A, 5L, C, 5L)))
                .isEmpty();
    }

    @Test
    void aUnitIsSlowWhenFirstIfItsFirstFigureExceedsItsWarmOneByASecondAndByItself() {
        var slow = WarmFigures.slowWhenFirst(Map.of(
                A, 2_000L, FIRST + A, 9_000L, // fixture: 7 s more
                B, 3_000L, FIRST + B, 4_500L, // JIT warm-up: 1.5 s more, less than its warm figure
                C, 100L, FIRST + C, 600L)); // 0.5 s more

        assertThat(slow).containsExactly(A);
    }
}
