package io.github.junitxdist.coordinator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The workers of a run that wait to be started, and how many may be starting at once.
 *
 * <p>Starting JVMs compete for the processors. Started all at once, four workers on two processors all become ready
 * late; two at a time, the first two are ready in about half the time and the other two no later. So no more workers
 * are starting at once than the limit (the number of processors), and the next one starts when one of them is warm.
 * For example, with a limit of 2 and workers 0 to 3 added: {@code next(0, ...)} gives 0 and 1; once worker 0 has
 * reported its first event, {@code next(1, ...)} gives 2.
 *
 * <p>Not thread-safe: the coordinator alone uses it.
 */
final class WorkerStarts {

    /** How many workers may be starting at once: as many as there are processors. */
    static final int LIMIT = Runtime.getRuntime().availableProcessors();

    private final int limit;
    private final Deque<Integer> waiting = new ArrayDeque<>();

    /** @param limit how many workers may be starting at once, at least 1 */
    WorkerStarts(int limit) {
        this.limit = Math.max(1, limit);
    }

    /** Adds a worker to start after those added before it. */
    void add(int index) {
        waiting.addLast(index);
    }

    /** Adds the replacement of a lost worker, to start before any other. */
    void addFirst(int index) {
        waiting.addFirst(index);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /**
     * Takes the workers to start now.
     *
     * @param starting how many workers are starting now (not warm yet)
     * @param wanted whether a waiting worker is still needed; one that is not is dropped
     */
    List<Integer> next(long starting, IntPredicate wanted) {
        List<Integer> now = new ArrayList<>();
        while (!waiting.isEmpty() && starting + now.size() < limit) {
            int index = waiting.removeFirst();
            if (wanted.test(index)) {
                now.add(index);
            }
        }
        return now;
    }
}
