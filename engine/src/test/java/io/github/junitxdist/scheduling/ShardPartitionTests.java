package io.github.junitxdist.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Splitting a suite into shards: every class in exactly one shard, constrained classes together, and the work balanced,
 * with the benchmark's skewed suites S1 and S4 as durations.
 */
class ShardPartitionTests {

    /** The durations of the benchmark's S1 (see {@code benchmarks/.../Suites.java}): three long classes, 37 short ones. */
    private static final long[][] LONG_CLASSES = {{5000, 5000}, {2000, 2000, 2000, 2000}, {2000, 2000, 2000}};

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void withHistoryTheLongestShardOfTheSkewedSuiteIsWithinTenPercentOfItsShare(int shards) {
        for (boolean withSerial : new boolean[] {false, true}) {
            Suite suite = skewedSuite(withSerial);
            var split = ShardPartition.split(suite.items, suite.units, shards);

            long total = suite.units.stream().mapToLong(WorkUnit::cost).sum();
            // In S1 every class is a block of its own, so the longest block is the longest unit; in S4 the serial
            // classes (a third of the work) form one block, which no split can cut.
            long longestBlock = ShardPartition.blocks(suite.items, suite.units).stream()
                    .mapToLong(ShardPartition.Block::cost)
                    .max()
                    .orElseThrow();
            long longestShard = Collections.max(split.costs());
            assertThat(split.costs().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
            assertThat(longestShard)
                    .as("S%d over %d shards: %s", withSerial ? 4 : 1, shards, split.costs())
                    .isLessThanOrEqualTo(Math.max(total / shards, longestBlock) * 11 / 10);
            assertEveryClassInExactlyOneShard(suite.items, split, shards);
        }
    }

    @Test
    void theSerialClassesOfTheSkewedSuiteFormOneBlock() {
        Suite suite = skewedSuite(true);
        var blocks = ShardPartition.blocks(suite.items, suite.units);

        assertThat(blocks).hasSize(40 - suite.serialClasses + 1);
        assertThat(blocks).anySatisfy(block -> assertThat(block.scopes()).hasSize(suite.serialClasses));
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7})
    void withoutHistoryShardsDifferByAtMostOneUnitsEstimate(int shards) {
        var random = new Random(17);
        List<TestItem> items = new ArrayList<>();
        for (int c = 0; c < 23; c++) {
            items.add(item(items.size(), "C" + c, 1 + random.nextInt(30)));
        }
        // And the skewed suite S1 with no history: its 40 classes priced by their numbers of tests.
        for (List<TestItem> suite : List.of(items, skewedSuite(false).items)) {
            List<WorkUnit> units = Costs.of(Map.of()).estimate(LoadScopeScheduler.cut(suite));

            var split = ShardPartition.split(suite, units, shards);

            long largest = units.stream().mapToLong(WorkUnit::cost).max().orElseThrow();
            assertThat(Collections.max(split.costs()) - Collections.min(split.costs()))
                    .as("%d classes over %d shards: %s", units.size(), shards, split.costs())
                    .isLessThanOrEqualTo(largest);
            assertEveryClassInExactlyOneShard(suite, split, shards);
        }
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void serialGroupedAndLockSharingClassesStayTogether(int shards) {
        List<TestItem> items = constrainedSuite();
        var split = ShardPartition.split(items, LoadScopeScheduler.cut(items), shards);

        assertTogether(split, shards, "SerialA", "SerialB");
        assertTogether(split, shards, "GroupedA", "GroupedB", "GroupedC");
        assertTogether(split, shards, "WritesK", "ReadsK");
        assertEveryClassInExactlyOneShard(items, split, shards);
    }

    @Test
    void classesThatOnlyReadAKeyAreNotJoined() {
        var blocks = ShardPartition.blocks(constrainedSuite(), LoadScopeScheduler.cut(constrainedSuite()));

        assertThat(blocks)
                .extracting(ShardPartition.Block::scopes)
                .contains(List.of("ReadsROne"), List.of("ReadsRTwo"), List.of("Free"))
                .contains(List.of("SerialA", "SerialB"), List.of("GroupedA", "GroupedB", "GroupedC"))
                .contains(List.of("ReadsK", "WritesK"));
    }

    @Test
    void theSplitDependsOnTheClassesNotOnTheirOrder() {
        Suite suite = skewedSuite(false);
        List<TestItem> reversed = new ArrayList<>();
        Map<String, Long> costs = new HashMap<>();
        suite.units.forEach(unit -> costs.put(unit.uniqueId(), unit.cost()));
        List<TestItem> items = new ArrayList<>(suite.items);
        Collections.reverse(items);
        for (TestItem item : items) {
            reversed.add(new TestItem(
                    reversed.size(),
                    item.scope(),
                    item.group(),
                    item.serial(),
                    item.isolated(),
                    item.locks(),
                    item.tests()));
        }
        List<WorkUnit> units = Costs.of(costs).estimate(LoadScopeScheduler.cut(reversed));

        for (int shards = 1; shards <= 5; shards++) {
            var one = ShardPartition.split(suite.items, suite.units, shards);
            var other = ShardPartition.split(reversed, units, shards);
            for (int i = 1; i <= shards; i++) {
                assertThat(other.scopes(new Shard(i, shards))).isEqualTo(one.scopes(new Shard(i, shards)));
            }
        }
    }

    @Test
    void moreShardsThanClassesLeaveSomeEmpty() {
        List<TestItem> items = List.of(item(0, "A", 2), item(1, "B", 1));
        var split = ShardPartition.split(items, LoadScopeScheduler.cut(items), 3);

        assertThat(split.scopes(new Shard(1, 3))).containsExactly("A");
        assertThat(split.scopes(new Shard(2, 3))).containsExactly("B");
        assertThat(split.scopes(new Shard(3, 3))).isEmpty();
        assertThat(split.costs()).containsExactly(2L, 1L, 0L);
    }

    private static void assertTogether(ShardPartition.Split split, int shards, String... scopes) {
        int holding = 0;
        for (int i = 1; i <= shards; i++) {
            Set<String> shard = split.scopes(new Shard(i, shards));
            if (shard.contains(scopes[0])) {
                holding++;
                assertThat(shard).contains(scopes);
            } else {
                assertThat(shard).doesNotContain(scopes);
            }
        }
        assertThat(holding).isEqualTo(1);
    }

    private static void assertEveryClassInExactlyOneShard(
            List<TestItem> items, ShardPartition.Split split, int shards) {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            all.addAll(split.scopes(new Shard(i, shards)));
        }
        assertThat(all)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        items.stream().map(TestItem::scope).distinct().toList());
    }

    private static List<TestItem> constrainedSuite() {
        List<TestItem> items = new ArrayList<>();
        items.add(new TestItem(items.size(), "SerialA", Optional.empty(), true, false, Set.of(), 5));
        items.add(item(items.size(), "SerialB", 1));
        items.add(new TestItem(items.size(), "SerialB", Optional.empty(), true, false, Set.of(), 1));
        items.add(new TestItem(items.size(), "GroupedA", Optional.of("db"), false, false, Set.of(), 4));
        items.add(item(items.size(), "GroupedB", 3));
        items.add(new TestItem(items.size(), "GroupedB", Optional.of("db"), false, false, Set.of(), 1));
        items.add(new TestItem(items.size(), "GroupedC", Optional.of("db"), false, false, Set.of(), 2));
        items.add(
                new TestItem(items.size(), "WritesK", Optional.empty(), false, false, Set.of(new Lock("K", true)), 6));
        items.add(
                new TestItem(items.size(), "ReadsK", Optional.empty(), false, false, Set.of(new Lock("K", false)), 2));
        items.add(new TestItem(
                items.size(), "ReadsROne", Optional.empty(), false, false, Set.of(new Lock("R", false)), 3));
        items.add(new TestItem(
                items.size(), "ReadsRTwo", Optional.empty(), false, false, Set.of(new Lock("R", false)), 3));
        items.add(item(items.size(), "Free", 7));
        return items;
    }

    private record Suite(List<TestItem> items, List<WorkUnit> units, int serialClasses) {}

    /** S1 (or S4, with a third of its time in serial classes), one item per test, with the durations as history. */
    private static Suite skewedSuite(boolean withSerial) {
        List<List<Long>> classes = new ArrayList<>();
        for (long[] tests : LONG_CLASSES) {
            classes.add(java.util.Arrays.stream(tests).boxed().toList());
        }
        classes.addAll(shortClassDurations());
        long total = classes.stream()
                .flatMap(List::stream)
                .mapToLong(Long::longValue)
                .sum();
        long serialTarget = withSerial ? total / 3 : 0;
        long serialSoFar = 0;
        int serialClasses = 0;
        List<TestItem> items = new ArrayList<>();
        Map<String, Long> history = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            String name = c < 3 ? "Long%02d".formatted(c + 1) : "Short%02d".formatted(c - 2);
            long millis = classes.get(c).stream().mapToLong(Long::longValue).sum();
            boolean serial = withSerial && (c == 1 || (c >= 3 && (c - 3) % 3 == 0 && serialSoFar < serialTarget));
            serialSoFar += serial ? millis : 0;
            serialClasses += serial ? 1 : 0;
            for (int t = 0; t < classes.get(c).size(); t++) {
                items.add(new TestItem(items.size(), name, Optional.empty(), serial, false, Set.of(), 1));
            }
            history.put(name, millis);
        }
        return new Suite(items, Costs.of(history).estimate(LoadScopeScheduler.cut(items)), serialClasses);
    }

    /** As the benchmark: 37 classes of 3 to 10 tests each, of uneven length, 36 s in all. */
    private static List<List<Long>> shortClassDurations() {
        List<List<Integer>> weights = new ArrayList<>();
        int weightSum = 0;
        for (int i = 0; i < 37; i++) {
            List<Integer> tests = new ArrayList<>();
            for (int j = 0; j < 3 + (i * 5) % 8; j++) {
                tests.add(1 + (i * 7 + j * 3) % 5);
                weightSum += tests.get(j);
            }
            weights.add(tests);
        }
        double millisPerWeight = 36_000.0 / weightSum;
        return weights.stream()
                .map(tests ->
                        tests.stream().map(w -> Math.round(w * millisPerWeight)).toList())
                .toList();
    }

    private static TestItem item(int index, String scope, long tests) {
        return new TestItem(index, scope, Optional.empty(), false, false, Set.of(), tests);
    }
}
