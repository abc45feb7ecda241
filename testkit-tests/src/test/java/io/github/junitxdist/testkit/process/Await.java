package io.github.junitxdist.testkit.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for a condition with a generous upper bound: for liveness checks, never for synchronisation. */
final class Await {

    private static final long POLL_MILLIS = 50;

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code description} if it does not within {@code limit}. */
    static void until(Duration limit, String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not true within " + limit + ": " + description);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + description, e);
            }
        }
    }
}
