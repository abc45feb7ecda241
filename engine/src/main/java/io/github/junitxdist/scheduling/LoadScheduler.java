package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code xdist.dist=load}: the tests of each class are spread over the workers, so one large class runs on several
 * workers at once.
 *
 * <p>Each class is cut into at most one part per worker, of about the same number of tests; every part is a unit, and
 * a class's lifecycle ({@code @BeforeAll}, {@code @AfterAll}) runs once per part. Tests that differ in their
 * constraints go into different parts: the serial tests of a class form one part of their own (they run one after
 * another on the serial worker anyway), so do the isolated ones and those writing the same resource locks, and tests
 * that only read a lock are split apart from those without; so only the serial tests are serial and a lock holds back
 * only the tests that declare it. A class can thus have more parts than there are workers, at most one per worker for
 * each kind of constraint. Part names include the number of parts, so durations recorded with another number of workers
 * are not reused.
 *
 * <p>Example with 2 workers: class A (a1..a4) and class B (b1, serial b2, serial b3): units A[1/2] (a1, a3), A[2/2]
 * (a2, a4), B[1/1] (b1) and the serial B[serial 1/1] (b2, b3).
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadScheduler extends PullScheduler {

    public LoadScheduler(List<WorkUnit> units) {
        super(units);
    }

    /** Up to {@code workers} parts of each class and each kind of constraint within it. */
    public static List<WorkUnit> cut(List<TestItem> items, int workers) {
        Map<String, List<TestItem>> byClassAndConstraints = new LinkedHashMap<>();
        for (TestItem item : items) {
            String constraints = (item.serial() ? "serial " : "")
                    + (item.isolated() ? "isolated " : "")
                    + (item.locks().isEmpty() ? "" : "locks " + sortedLocks(item) + " ");
            byClassAndConstraints
                    .computeIfAbsent(item.scope() + "[" + constraints, k -> new ArrayList<>())
                    .add(item);
        }
        List<WorkUnit> units = new ArrayList<>();
        byClassAndConstraints.forEach((name, members) -> {
            // Parts that could not overlap anyway (serial, isolated, or writing a lock) stay whole.
            TestItem first = members.get(0);
            boolean alone =
                    first.serial() || first.isolated() || first.locks().stream().anyMatch(Lock::exclusive);
            int count = alone ? 1 : Math.max(1, Math.min(workers, members.size()));
            List<List<TestItem>> parts = split(members, count);
            for (int i = 0; i < parts.size(); i++) {
                units.add(WorkUnit.of(units.size(), name + (i + 1) + "/" + parts.size() + "]", parts.get(i)));
            }
        });
        return units;
    }

    /** Longest-first onto the part with the fewest tests; each part keeps discovery order. */
    private static List<List<TestItem>> split(List<TestItem> members, int count) {
        List<List<TestItem>> parts = new ArrayList<>();
        long[] sizes = new long[count];
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        List<TestItem> largestFirst = new ArrayList<>(members);
        largestFirst.sort(Comparator.comparingLong(TestItem::tests).reversed().thenComparingInt(TestItem::index));
        for (TestItem item : largestFirst) {
            int smallest = 0;
            for (int i = 1; i < count; i++) {
                if (sizes[i] < sizes[smallest]) {
                    smallest = i;
                }
            }
            parts.get(smallest).add(item);
            sizes[smallest] += item.tests();
        }
        parts.forEach(part -> part.sort(Comparator.comparingInt(TestItem::index)));
        return parts;
    }

    private static String sortedLocks(TestItem item) {
        return item.locks().stream()
                .map(lock -> lock.key() + (lock.exclusive() ? "=rw" : "=r"))
                .sorted()
                .toList()
                .toString();
    }
}
