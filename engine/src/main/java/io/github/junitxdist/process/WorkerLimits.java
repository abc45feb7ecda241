package io.github.junitxdist.process;

import io.github.junitxdist.protocol.Message;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The time limits of one worker and why it was lost: a test that outlives {@code xdist.timeout} has the worker's
 * threads dumped and the worker stopped; a worker that began to exit but does not end is killed after {@link
 * WorkerHandle#EXIT_GRACE}.
 *
 * <p>{@link #enforce} runs on the coordinator thread; {@link #threadDump}, {@link #exiting} and {@link #lossReason} on
 * the worker's reading thread. The fields they share are volatile; each is written by one of the two threads only,
 * except {@code exitHeldUp}, which both may set (to the same value).
 */
final class WorkerLimits {

    /** Set when the worker was stopped for a timeout: the failure message. */
    private volatile @Nullable String timeoutMessage;
    /** By when a worker stopped for a timeout must be gone; coordinator thread only. */
    private long killDeadline;

    private volatile @Nullable String threadDump;
    /** When the worker said its JVM began to exit, as a {@link System#nanoTime()}; 0 while it has not. */
    private volatile long exitingSince;
    /** Set when the worker was killed because its exit did not end in time. */
    private volatile boolean exitHeldUp;

    /**
     * @param innermostSince when the innermost test or container the worker runs started, 0 if none
     * @param testTimeout {@code xdist.timeout}, if set
     */
    void enforce(
            WorkerHandle worker, long now, long innermostSince, @Nullable Duration testTimeout, Duration dumpTimeout) {
        WorkerProcess process = worker.process();
        long exiting = exitingSince;
        if (exiting != 0 && now - exiting > WorkerHandle.EXIT_GRACE.toNanos() && process.isAlive()) {
            exitHeldUp = true;
            process.kill();
        }
        if (timeoutMessage != null) {
            if (now - killDeadline > 0) {
                process.kill();
            }
            return;
        }
        if (innermostSince != 0 && testTimeout != null && now - innermostSince > testTimeout.toNanos()) {
            killDeadline = now + dumpTimeout.toNanos();
            timeoutMessage = "junit-xdist: this test ran longer than xdist.timeout=%s s; worker %s was stopped."
                    .formatted(seconds(testTimeout), process.name());
            worker.send(new Message.DumpThreads());
        }
    }

    /** The worker sent its threads, as asked after a timeout: it is killed now. */
    void threadDump(WorkerProcess process, String text) {
        threadDump = text;
        process.kill();
    }

    void exiting(long now) {
        exitingSince = now;
    }

    /** Why the worker is lost, its connection having ended with {@code cause}; waits briefly for its process to end. */
    String lossReason(WorkerProcess process, Throwable cause) {
        String timedOut = timeoutMessage;
        if (timedOut != null) {
            process.describeExit(10);
            String dump = threadDump;
            return timedOut + (dump == null ? " (it sent no thread dump)" : " Its threads:\n" + dump);
        }
        if (cause instanceof IOException) {
            return exitHeldUp || !endsWithin(process, WorkerHandle.EXIT_GRACE)
                    ? ("junit-xdist worker %s began to exit but was still running %d s later, held up by a shutdown "
                                    + "hook or a thread that does not end; it was killed (%s). %s")
                            .formatted(
                                    process.name(),
                                    WorkerHandle.EXIT_GRACE.toSeconds(),
                                    process.describeExit(10),
                                    process.outputTail())
                    : "junit-xdist worker %s died (%s). %s"
                            .formatted(process.name(), process.describeExit(10), process.outputTail());
        }
        process.kill();
        return "junit-xdist stopped worker %s after an error relaying its events: %s".formatted(process.name(), cause);
    }

    /** Waits for the worker's process to end; kills it when it has not ended within the given time. */
    private static boolean endsWithin(WorkerProcess process, Duration grace) {
        if (process.awaitExit(grace.toSeconds())) {
            return true;
        }
        process.kill();
        return false;
    }

    private static String seconds(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
