package io.github.junitxdist.worker;

import java.util.concurrent.TimeUnit;

/**
 * Holds a test thread after it reported a failure until the parent has seen that failure and said whether the run goes
 * on: reporters cancel a run from inside their listener (Surefire's {@code skipAfterFailureCount}, the ConsoleLauncher's
 * {@code --fail-fast}), and in the calling JVM the next test would see that cancellation before it starts.
 *
 * <p>The parent answers every failed finish, in the order they arrive, with one verdict; a failure's sender waits for
 * the verdict with its own number. A verdict that cancels the run is applied (the unit's cancellation token cancelled)
 * before the waiting threads go on. Thread-safe: {@link #sent} and {@link #awaitVerdict} are called on the test threads,
 * {@link #verdict} on the thread that reads the parent's messages.
 */
class FailureGate {

    /** A gate that never holds anyone back, where no cancellation can follow a failure. */
    static final FailureGate NONE = new FailureGate() {
        @Override
        long sent(Runnable send) {
            send.run();
            return 0;
        }

        @Override
        void awaitVerdict(long failure) {}
    };

    /**
     * The longest a test thread waits for a verdict; the parent answers at once, so this only matters when it cannot
     * (and the worker then exits anyway when its parent is gone).
     */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private long sent;
    private long answered;

    /** Sends a failed finish through {@code send} and returns its number, to wait for with {@link #awaitVerdict}. */
    long sent(Runnable send) {
        synchronized (this) {
            send.run();
            return ++sent;
        }
    }

    /** Waits until the parent answered the failure with the given number. */
    void awaitVerdict(long failure) {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        synchronized (this) {
            long left;
            while (answered < failure && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The parent answered the oldest failure not answered yet; {@code cancel} runs first when the run is cancelled. */
    void verdict(boolean cancelled, Runnable cancel) {
        if (cancelled) {
            cancel.run();
        }
        synchronized (this) {
            answered++;
            notifyAll();
        }
    }
}
