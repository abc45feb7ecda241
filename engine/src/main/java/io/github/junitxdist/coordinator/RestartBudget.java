package io.github.junitxdist.coordinator;

import java.util.HashSet;
import java.util.Set;

/**
 * How many lost workers a run may still replace ({@code xdist.maxWorkerRestart}), and which replacements wait to start.
 *
 * <p>A replacement uses up a restart when it starts, not when it is queued: by the time it would start, the other
 * workers may have taken all the work that was left, and then it never starts. For example, with a budget of 1: gw1 is
 * lost, {@link #reserve}(1) queues its replacement; the last units go to gw0, so the replacement is
 * {@linkplain #dropped dropped}; when gw0 is lost later, {@code reserve(0)} still succeeds.
 *
 * <p>Not thread-safe: the coordinator alone uses it.
 */
final class RestartBudget {

    private final int max;
    private int left;
    private final Set<Integer> queued = new HashSet<>();

    /** @param max how many replacements a run may start */
    RestartBudget(int max) {
        this.max = max;
        this.left = max;
    }

    /** Reserves a restart for the replacement of the given lost worker; false when none is left. */
    boolean reserve(int index) {
        return left > queued.size() && queued.add(index);
    }

    /** A worker starts: if it is a queued replacement, its restart is used up. */
    void starting(int index) {
        if (queued.remove(index)) {
            left--;
        }
    }

    /** A queued replacement will not start after all: its restart is free again. */
    void dropped(int index) {
        queued.remove(index);
    }

    /** Whether every restart was used up by replacements that started. */
    boolean usedUp() {
        return left == 0;
    }

    int max() {
        return max;
    }
}
