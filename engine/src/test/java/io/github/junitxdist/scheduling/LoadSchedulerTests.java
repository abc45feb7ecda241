package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code load} cuts each class into parts of about equal test count, one kind of constraint per part. */
class LoadSchedulerTests {

    private static TestItem item(int index, String scope, long tests) {
        return new TestItem(index, scope, Optional.empty(), false, false, Set.of(), tests);
    }

    private static TestItem item(int index, String scope) {
        return item(index, scope, 1);
    }

    private static TestItem serial(int index, String scope) {
        return new TestItem(index, scope, Optional.empty(), true, false, Set.of(), 1);
    }

    private static TestItem isolated(int index, String scope) {
        return new TestItem(index, scope, Optional.empty(), false, true, Set.of(), 1);
    }

    private static TestItem locked(int index, String scope, Lock... locks) {
        return new TestItem(index, scope, Optional.empty(), false, false, Set.of(locks), 1);
    }

    @Test
    void splitsAClassIntoOnePartPerWorkerOfAboutEqualTestCount() {
        var items = List.of(item(0, "A"), item(1, "A"), item(2, "A"), item(3, "A"), item(4, "A"));

        List<WorkUnit> units = LoadScheduler.cut(items, 2);

        assertThat(units).extracting(WorkUnit::items).containsExactly(List.of(0, 2, 4), List.of(1, 3));
        assertThat(units).extracting(WorkUnit::tests).containsExactly(3L, 2L);
    }

    @Test
    void balancesPartsByTestsNotByItems() {
        var items = List.of(item(0, "A", 4), item(1, "A"), item(2, "A"), item(3, "A"), item(4, "A"));

        assertThat(LoadScheduler.cut(items, 2))
                .extracting(WorkUnit::items)
                .containsExactly(List.of(0), List.of(1, 2, 3, 4));
    }

    @Test
    void eachPartKeepsDiscoveryOrder() {
        var items = List.of(item(0, "A", 1), item(1, "A", 3), item(2, "A", 2), item(3, "A", 1));

        assertThat(LoadScheduler.cut(items, 2))
                .extracting(WorkUnit::items)
                .containsExactly(List.of(1, 3), List.of(0, 2));
    }

    @Test
    void aClassWithFewerItemsThanWorkersGetsOnePartPerItem() {
        List<WorkUnit> units = LoadScheduler.cut(List.of(item(0, "A"), item(1, "A"), item(2, "A")), 8);

        assertThat(units).extracting(WorkUnit::items).containsExactly(List.of(0), List.of(1), List.of(2));
        assertThat(units).extracting(WorkUnit::uniqueId).containsExactly("A[1/3]", "A[2/3]", "A[3/3]");
    }

    @Test
    void oneWorkerKeepsEachClassWhole() {
        var items = List.of(item(0, "A"), item(1, "B"), item(2, "A"));

        assertThat(LoadScheduler.cut(items, 1))
                .extracting(WorkUnit::uniqueId, WorkUnit::items)
                .containsExactly(tuple("A[1/1]", List.of(0, 2)), tuple("B[1/1]", List.of(1)));
    }

    @Test
    void theSerialItemsOfAClassFormTheirOwnPartSoOnlyTheyAreSerial() {
        var items = List.of(
                item(0, "A"), item(1, "A"), item(2, "A"), item(3, "A"), item(4, "B"), serial(5, "B"), serial(6, "B"));

        List<WorkUnit> units = LoadScheduler.cut(items, 2);

        assertThat(units).extracting(WorkUnit::uniqueId).containsExactly("A[1/2]", "A[2/2]", "B[1/1]", "B[serial 1/1]");
        assertThat(units).extracting(WorkUnit::serial).containsExactly(false, false, false, true);
        assertThat(units.get(3).items()).containsExactly(5, 6);
    }

    @Test
    void itemsWithOtherLocksOrIsolationGoIntoOtherParts() {
        var writesK = new Lock("K", true);
        var readsK = new Lock("K", false);
        var items = List.of(
                item(0, "C"),
                locked(1, "C", writesK),
                locked(2, "C", readsK),
                isolated(3, "C"),
                locked(4, "C", writesK));

        List<WorkUnit> units = LoadScheduler.cut(items, 4);

        assertThat(units)
                .extracting(WorkUnit::uniqueId)
                .containsExactly("C[1/1]", "C[locks [K=rw] 1/1]", "C[locks [K=r] 1/1]", "C[isolated 1/1]");
        assertThat(units)
                .extracting(WorkUnit::items)
                .containsExactly(List.of(0), List.of(1, 4), List.of(2), List.of(3));
        assertThat(units)
                .extracting(WorkUnit::locks)
                .containsExactly(Set.of(), Set.of(writesK), Set.of(readsK), Set.of());
        assertThat(units).extracting(WorkUnit::isolated).containsExactly(false, false, false, true);
    }

    @Test
    void unitIdsAreDenseFromZeroAcrossClasses() {
        var items = List.of(item(0, "A"), item(1, "B"), item(2, "A"), item(3, "B"), serial(4, "A"));

        assertThat(LoadScheduler.cut(items, 3)).extracting(WorkUnit::id).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void unitNamesAreStableWhateverTheOrderOfTheLocks() {
        var a = new Lock("a", false);
        var b = new Lock("b", true);
        var items = List.of(locked(0, "C", a, b), locked(1, "C", b, a));

        List<WorkUnit> first = LoadScheduler.cut(items, 1);

        assertThat(first).extracting(WorkUnit::uniqueId).containsExactly("C[locks [a=r, b=rw] 1/1]");
        assertThat(LoadScheduler.cut(new ArrayList<>(items), 1)).isEqualTo(first);
    }

    @Test
    void evenWithoutWorkersEveryItemIsInAPart() {
        assertThat(LoadScheduler.cut(List.of(item(0, "A"), item(1, "A")), 0))
                .extracting(WorkUnit::items)
                .containsExactly(List.of(0, 1));
    }

    @Test
    void theLoadDistributionCutsAsTheLoadScheduler() {
        var items = List.of(item(0, "A"), item(1, "A"), serial(2, "A"));

        assertThat(Distribution.LOAD.cut(items, 2)).isEqualTo(LoadScheduler.cut(items, 2));
    }
}
