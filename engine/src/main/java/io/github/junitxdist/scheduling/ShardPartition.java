package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Splits a suite's top-level classes into shards of about equal expected work, the same way on every machine.
 *
 * <p>Classes that must not be split apart form one block: all {@code @Serial} classes (or classes with a serial
 * test); the classes of one {@code @XdistGroup} name; the classes that share a resource lock key one of them holds
 * {@code READ_WRITE}; and the classes of one unit. Blocks go, costliest first (ties by name), each to the shard with the
 * least work so far (ties to the lowest index): so the shards differ by at most the cost of one block, and no shard
 * ends more than one block above the mean. The result depends only on the class names and costs, not on the order of
 * discovery.
 *
 * <p>Example: blocks A (8), B (5), C (4), D (3) over two shards: A to 1, B to 2, C to 2 (9), D to 1 (11): shard 1
 * holds A and D (11), shard 2 B and C (9).
 *
 * <p>Pure, stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ShardPartition {

    /**
     * Classes that go to one shard together.
     *
     * @param scopes the unique ids of its top-level classes, sorted
     * @param cost its expected work, the sum of its units' costs
     */
    public record Block(List<String> scopes, long cost) {

        public Block {
            scopes = List.copyOf(scopes);
        }

        String name() {
            return scopes.get(0);
        }
    }

    /**
     * The split of a suite.
     *
     * @param blocks the blocks of each shard, by shard index from 0, costliest first
     * @param costs the expected work of each shard, by shard index from 0
     */
    public record Split(List<List<Block>> blocks, List<Long> costs) {

        public Split {
            blocks = blocks.stream().map(List::copyOf).toList();
            costs = List.copyOf(costs);
        }

        /** The unique ids of the top-level classes of a shard, sorted. */
        public Set<String> scopes(Shard shard) {
            Set<String> scopes = new TreeSet<>();
            blocks.get(shard.index() - 1).forEach(block -> scopes.addAll(block.scopes()));
            return scopes;
        }
    }

    private ShardPartition() {}

    /**
     * Splits the items into {@code shards} shards.
     *
     * @param items every item of the suite
     * @param units the suite's units with their costs, cut from {@code items}; each holds items of one block
     * @param shards how many shards, at least 1
     */
    public static Split split(List<TestItem> items, List<WorkUnit> units, int shards) {
        List<Block> blocks = blocks(items, units);
        blocks.sort(Comparator.comparingLong(Block::cost).reversed().thenComparing(Block::name));
        List<List<Block>> byShard = new ArrayList<>();
        long[] costs = new long[shards];
        for (int i = 0; i < shards; i++) {
            byShard.add(new ArrayList<>());
        }
        for (Block block : blocks) {
            int least = 0;
            for (int i = 1; i < shards; i++) {
                if (costs[i] < costs[least]) {
                    least = i;
                }
            }
            byShard.get(least).add(block);
            costs[least] += block.cost();
        }
        List<Long> shardCosts = new ArrayList<>();
        for (long cost : costs) {
            shardCosts.add(cost);
        }
        return new Split(byShard, shardCosts);
    }

    /** The blocks of the items, with the costs of the units in them. */
    static List<Block> blocks(List<TestItem> items, List<WorkUnit> units) {
        var joined = new Joined();
        Set<String> written = new HashSet<>();
        items.forEach(item -> item.locks().stream().filter(Lock::exclusive).forEach(lock -> written.add(lock.key())));
        for (TestItem item : items) {
            joined.add(item.scope());
            if (item.serial()) {
                joined.join(item.scope(), "\0serial");
            }
            item.group().ifPresent(group -> joined.join(item.scope(), "\0group " + group));
            item.locks().stream()
                    .filter(lock -> written.contains(lock.key()))
                    .forEach(lock -> joined.join(item.scope(), "\0lock " + lock.key()));
        }
        Map<String, Long> costByRoot = new HashMap<>();
        for (WorkUnit unit : units) {
            List<Integer> members = unit.items();
            if (members.isEmpty()) {
                continue;
            }
            String first = items.get(members.get(0)).scope();
            members.forEach(index -> joined.join(first, items.get(index).scope()));
        }
        for (WorkUnit unit : units) {
            if (!unit.items().isEmpty()) {
                costByRoot.merge(joined.root(items.get(unit.items().get(0)).scope()), unit.cost(), Long::sum);
            }
        }
        Map<String, List<String>> scopesByRoot = new TreeMap<>();
        for (String scope : joined.scopes()) {
            scopesByRoot
                    .computeIfAbsent(joined.root(scope), root -> new ArrayList<>())
                    .add(scope);
        }
        List<Block> blocks = new ArrayList<>();
        scopesByRoot.forEach((root, scopes) ->
                blocks.add(new Block(scopes.stream().sorted().toList(), costByRoot.getOrDefault(root, 0L))));
        return blocks;
    }

    /** Union-find over class unique ids and the constraint names that join them. */
    private static final class Joined {
        private final Map<String, String> parent = new HashMap<>();
        private final Set<String> scopes = new TreeSet<>();

        void add(String scope) {
            scopes.add(scope);
            parent.putIfAbsent(scope, scope);
        }

        Set<String> scopes() {
            return scopes;
        }

        String root(String name) {
            String root = name;
            for (String up = parent.getOrDefault(root, root); !up.equals(root); up = parent.getOrDefault(root, root)) {
                root = up;
            }
            for (String at = name; !at.equals(root); ) {
                String next = parent.getOrDefault(at, root);
                parent.put(at, root);
                at = next;
            }
            return root;
        }

        void join(String a, String b) {
            String rootA = root(a);
            String rootB = root(b);
            if (!rootA.equals(rootB)) {
                // The smaller name becomes the root, so that roots do not depend on the order of joins.
                if (rootA.compareTo(rootB) < 0) {
                    parent.put(rootB, rootA);
                } else {
                    parent.put(rootA, rootB);
                }
            }
        }
    }
}
