package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code loadgroup} puts the tests of one group, from any classes, into one unit, and the rest by class. */
class LoadGroupSchedulerTests {

    private static TestItem item(int index, String scope) {
        return new TestItem(index, scope, Optional.empty(), false, false, Set.of(), 1);
    }

    private static TestItem grouped(int index, String scope, String group, Lock... locks) {
        return new TestItem(index, scope, Optional.of(group), false, false, Set.of(locks), 1);
    }

    private static TestItem serialGrouped(int index, String scope, String group) {
        return new TestItem(index, scope, Optional.of(group), true, false, Set.of(), 1);
    }

    private static TestItem isolatedGrouped(int index, String scope, String group) {
        return new TestItem(index, scope, Optional.of(group), false, true, Set.of(), 1);
    }

    @Test
    void itemsOfOneGroupFromDifferentClassesFormOneUnit() {
        var items = List.of(item(0, "A"), grouped(1, "A", "db"), grouped(2, "B", "db"), grouped(3, "B", "db"));

        List<WorkUnit> units = LoadGroupScheduler.cut(items);

        assertThat(units)
                .extracting(WorkUnit::id, WorkUnit::uniqueId, WorkUnit::items, WorkUnit::tests)
                .containsExactly(tuple(0, "A", List.of(0), 1L), tuple(1, "@XdistGroup:db", List.of(1, 2, 3), 3L));
    }

    @Test
    void itemsWithoutGroupStayInTheirClassUnit() {
        var items = List.of(item(0, "A"), grouped(1, "B", "g"), item(2, "A"), item(3, "B"));

        assertThat(LoadGroupScheduler.cut(items))
                .extracting(WorkUnit::uniqueId, WorkUnit::items)
                .containsExactly(tuple("A", List.of(0, 2)), tuple("@XdistGroup:g", List.of(1)), tuple("B", List.of(3)));
    }

    @Test
    void differentGroupsFormDifferentUnitsInTheOrderTheyFirstAppear() {
        var items = List.of(grouped(0, "A", "y"), grouped(1, "A", "x"), grouped(2, "B", "y"));

        assertThat(LoadGroupScheduler.cut(items))
                .extracting(WorkUnit::id, WorkUnit::uniqueId, WorkUnit::items)
                .containsExactly(tuple(0, "@XdistGroup:y", List.of(0, 2)), tuple(1, "@XdistGroup:x", List.of(1)));
    }

    @Test
    void aGroupWithASerialItemIsSerialAsAWhole() {
        var items = List.of(item(0, "A"), grouped(1, "A", "db"), serialGrouped(2, "B", "db"));

        assertThat(LoadGroupScheduler.cut(items)).extracting(WorkUnit::serial).containsExactly(false, true);
    }

    @Test
    void aGroupWithAnIsolatedItemIsIsolatedAsAWhole() {
        var items = List.of(grouped(0, "A", "db"), isolatedGrouped(1, "B", "db"));

        assertThat(LoadGroupScheduler.cut(items))
                .singleElement()
                .extracting(WorkUnit::isolated)
                .isEqualTo(true);
    }

    @Test
    void locksAreMergedAndReadWriteWinsOverReadForTheSameKey() {
        var items = List.of(
                grouped(0, "A", "db", new Lock("K", false), new Lock("L", false)),
                grouped(1, "B", "db", new Lock("K", true)),
                grouped(2, "C", "db", new Lock("K", false)));

        assertThat(LoadGroupScheduler.cut(items))
                .singleElement()
                .extracting(WorkUnit::locks)
                .isEqualTo(Set.of(new Lock("K", true), new Lock("L", false)));
    }

    @Test
    void aClassNamedLikeAGroupStaysApartFromTheGroup() {
        var items = List.of(grouped(0, "A", "db"), item(1, "db"));

        assertThat(LoadGroupScheduler.cut(items))
                .extracting(WorkUnit::uniqueId)
                .containsExactly("@XdistGroup:db", "db");
    }

    @Test
    void theLoadgroupDistributionCutsAsTheLoadGroupScheduler() {
        var items = List.of(item(0, "A"), grouped(1, "A", "db"), grouped(2, "B", "db"));

        assertThat(Distribution.LOADGROUP.cut(items, 4)).isEqualTo(LoadGroupScheduler.cut(items));
    }
}
