package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A unit that outlasts the work divided by the workers is cut, unless it cannot be cut without changing its tests. */
class LongPolesTests {

    private static WorkUnit unit(String id, int items, long cost) {
        return new WorkUnit(
                0,
                id,
                java.util.stream.IntStream.range(0, items).boxed().toList(),
                false,
                false,
                Set.of(),
                items,
                cost);
    }

    @Test
    void theUnitLongerThanAWorkersShareIsCut() {
        var units = List.of(unit("A", 4, 60_000), unit("B", 2, 20_000), unit("C", 2, 10_000));

        assertThat(LongPoles.find(units, 2, id -> true)).containsExactly("A");
        assertThat(LongPoles.find(units, 1, id -> true)).as("one worker").isEmpty();
        assertThat(LongPoles.find(units, 2, id -> !id.equals("A")))
                .as("A may not be cut")
                .isEmpty();
    }

    @Test
    void aCutThatWouldSaveLessThanASecondIsNotMade() {
        var units = List.of(unit("A", 4, 2_000), unit("B", 2, 100), unit("C", 2, 100));

        assertThat(LongPoles.find(units, 2, id -> true)).as("saves 900 ms").isEmpty();
        assertThat(LongPoles.find(List.of(unit("A", 4, 2_400), unit("B", 2, 100)), 2, id -> true))
                .as("saves 1150 ms")
                .containsExactly("A");
    }

    @Test
    void balancedUnitsAreNotCut() {
        var units = List.of(unit("A", 4, 45_000), unit("B", 2, 25_000), unit("C", 2, 20_000));

        assertThat(LongPoles.find(units, 2, id -> true)).isEmpty();
    }

    @Test
    void serialIsolatedWritingAndSingleItemUnitsAreNotCut() {
        var serial = new WorkUnit(0, "S", List.of(0, 1), true, false, Set.of(), 2, 60_000);
        var isolated = new WorkUnit(1, "I", List.of(2, 3), false, true, Set.of(), 2, 60_000);
        var writing = new WorkUnit(2, "W", List.of(4, 5), false, false, Set.of(new Lock("db", true)), 2, 60_000);
        var reading = new WorkUnit(3, "R", List.of(6, 7), false, false, Set.of(new Lock("db", false)), 2, 60_000);
        var single = unit("T", 1, 60_000);

        for (WorkUnit constrained : List.of(serial, isolated, writing, single)) {
            assertThat(LongPoles.find(List.of(constrained, unit("X", 1, 1)), 2, id -> true))
                    .as(constrained.uniqueId())
                    .isEmpty();
        }
        assertThat(LongPoles.find(List.of(reading, unit("X", 1, 1)), 2, id -> true))
                .containsExactly("R");
    }
}
