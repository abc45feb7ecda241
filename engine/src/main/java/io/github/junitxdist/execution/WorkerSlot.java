package io.github.junitxdist.execution;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.process.WorkerProcess;
import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DumpThreads;
import io.github.junitxdist.protocol.Message.ThreadDump;
import io.github.junitxdist.protocol.Message.UnitDone;
import io.github.junitxdist.scheduling.WorkUnit;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One worker process and the unit it runs, with the thread that relays its messages.
 *
 * <p>The coordinator owns the plain fields; the volatile ones are shared with the relay thread, which reads the
 * worker's messages, relays its unit's events, and reports the end of a unit or the loss of the worker to the
 * coordinator through {@link Events}. A worker outlives a run in the {@link WorkerPool}: each run binds the slot to its
 * own listener and coordinator.
 */
final class WorkerSlot {

    /** How long a started worker may take to connect before it is killed and counted as failed to start. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    /** How long a worker asked for a thread dump after a timeout has to send it before it is killed anyway. */
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How long a worker that began to exit (it said so, or its connection closed) may take to be gone before it is
     * killed: a shutdown hook or a non-daemon thread of a test can hold a JVM's exit up forever.
     */
    static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    /** What the relay thread tells the coordinator, and asks it. Implementations must be thread-safe. */
    interface Events {
        void unitFinished(WorkerSlot slot, WorkUnit unit, long nanos);

        void workerLost(WorkerSlot slot, @Nullable WorkUnit unit, boolean resumable, String reason);

        /** The worker reported the first event of its first unit: its JVM and the JUnit Platform in it are warm. */
        void warmedUp(WorkerSlot slot);

        /** Whether the run is cancelled; asked right after a failure was reported, which may have cancelled it. */
        boolean cancelRequested();
    }

    final int index;
    final WorkerProcess process;
    boolean connected;
    @Nullable Thread reader;
    volatile @Nullable Channel channel;
    volatile @Nullable WorkUnit unit;
    volatile @Nullable UnitRelay relay;
    /**
     * When the worker reported the first event of its unit; a unit's recorded duration starts there, so that a fresh
     * worker's own start-up is not counted as the unit's. Only the relay thread uses it.
     */
    private long unitStartedAt;
    volatile boolean released;
    /**
     * Whether the worker has begun running a unit: a worker's first discovery and run load the JUnit Platform and the
     * test classes, most of what it costs to start one.
     */
    volatile boolean warm;
    private volatile @Nullable RelayListener listener;
    private volatile @Nullable Events events;
    /** Set when the worker was stopped for a timeout: the failure message, and the time by which it must be gone. */
    private volatile @Nullable String timeoutMessage;
    private long killDeadline;
    private volatile @Nullable String threadDump;
    /** For {@link #startMillis()}: the process's age when it connected, and {@link System#nanoTime()}s. */
    private volatile long connectedAtAge;
    private volatile long firstAssignedAt;
    private volatile long firstEventAt;
    /** When the worker said its JVM began to exit, as a {@link System#nanoTime()}; 0 while it has not. */
    private volatile long exitingSince;
    /** Set when the worker was killed because its exit did not end in time. */
    private volatile boolean exitHeldUp;

    WorkerSlot(WorkerProcess process) {
        this.index = process.index();
        this.process = process;
    }

    /** Hands the slot a unit; the coordinator sends it to the worker right after. */
    void assign(WorkUnit unit, UnitRelay relay) {
        if (firstAssignedAt == 0) {
            firstAssignedAt = System.nanoTime();
        }
        this.unit = unit; // before the relay: the relay thread that sees the relay sees its unit
        this.relay = relay;
    }

    /**
     * What starting this worker cost, once it reported the first event of its first unit: the time its JVM took to
     * connect plus the time from being handed its first unit to that event, leaving out any time it waited for work.
     */
    long startMillis() {
        long first = firstEventAt - firstAssignedAt;
        return TimeUnit.NANOSECONDS.toMillis(connectedAtAge + Math.max(0, first));
    }

    /** Binds the slot to a run; a pooled worker is bound again by each run that reuses it. */
    void bind(RelayListener runListener, Events runEvents) {
        this.listener = runListener;
        this.events = runEvents;
        this.released = false;
    }

    /** Sends a message to the connected worker; should the worker be gone, its relay thread reports that. */
    void send(Message message) {
        Channel current = channel;
        try {
            if (current != null) {
                current.send(message);
            }
        } catch (IOException e) {
            // the relay thread sees the connection end and reports the loss
        }
    }

    /**
     * Enforces the time limits, on the coordinator thread: kills a worker that has not connected in time, and one that
     * began to exit but is still there {@link #EXIT_GRACE} later; asks a worker
     * whose test outlived the timeout for its threads, and kills it when they do not come in time. The relay thread
     * then reports the loss, with the dump.
     *
     * @param now a {@link System#nanoTime()}
     * @param testTimeout {@code xdist.timeout}, if set
     */
    void enforceTimeLimits(long now, @Nullable Duration testTimeout) {
        if (!connected && process.ageNanos() > CONNECT_TIMEOUT.toNanos()) {
            process.kill();
        }
        long exiting = exitingSince;
        if (exiting != 0 && now - exiting > EXIT_GRACE.toNanos() && process.isAlive()) {
            exitHeldUp = true;
            process.kill();
        }
        if (timeoutMessage != null) {
            if (now - killDeadline > 0) {
                process.kill();
            }
            return;
        }
        UnitRelay current = relay;
        UnitRelay.OpenNode node = current == null ? null : current.innermostOpen();
        if (node != null && testTimeout != null && now - node.since() > testTimeout.toNanos()) {
            killDeadline = now + DUMP_TIMEOUT.toNanos();
            timeoutMessage = "junit-xdist: this test ran longer than xdist.timeout=%s s; worker %s was stopped."
                    .formatted(seconds(testTimeout), process.name());
            send(new DumpThreads());
        }
    }

    private static String seconds(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    /** Whether the worker can take work: connected, not lost. */
    boolean isUsable() {
        return connected && process.isAlive() && reader != null && reader.isAlive();
    }

    /** Starts the relay thread for the connected worker. */
    void startRelaying(Channel channel) {
        this.connectedAtAge = process.ageNanos();
        this.channel = channel;
        this.connected = true;
        Thread thread = new Thread(() -> relay(channel), "junit-xdist-relay-" + process.name());
        thread.setDaemon(true);
        this.reader = thread;
        thread.start();
    }

    private void relay(Channel channel) {
        try {
            while (true) {
                Message message = channel.receive();
                UnitRelay current = relay;
                if (message instanceof ThreadDump dump) {
                    threadDump = dump.text();
                    process.kill();
                } else if (message instanceof Message.Exiting) {
                    exitingSince = System.nanoTime();
                } else if (message instanceof UnitDone done && current != null) {
                    WorkUnit finished = Objects.requireNonNull(unit, "a slot with a relay has a unit");
                    long nanos = unitStartedAt == 0 ? 0 : System.nanoTime() - unitStartedAt;
                    unitStartedAt = 0;
                    relay = null;
                    unit = null;
                    current.finish(done.engineFailure(), process.name());
                    events().unitFinished(this, finished, nanos);
                } else if (current != null) {
                    if (unitStartedAt == 0) {
                        unitStartedAt = System.nanoTime();
                        if (!warm) {
                            firstEventAt = unitStartedAt;
                            warm = true;
                            events().warmedUp(this);
                        }
                    }
                    current.handle(message);
                } else if (message instanceof Message.Output output && listener != null) {
                    listener.output(output.stderr(), output.bytes());
                }
                if (message instanceof Message.Finished finished && finished.status().equals("FAILED")) {
                    // The worker holds the failing test's thread until it hears whether that failure cancelled the run.
                    send(new Message.Verdict(events != null && events().cancelRequested()));
                }
            }
        } catch (IOException | RuntimeException | Error e) { // an error must not end relaying unreported either
            if (!released) {
                lost(e);
            }
        }
    }

    /** Waits for the worker's process to end; kills it when it has not ended within the given time. */
    private boolean endsWithin(Duration grace) {
        if (process.awaitExit(grace.toSeconds())) {
            return true;
        }
        process.kill();
        return false;
    }

    private Events events() {
        Events current = events;
        if (current == null) {
            throw new IllegalStateException("worker " + process.name() + " is not bound to a run");
        }
        return current;
    }

    private void lost(Throwable e) {
        String reason;
        if (timeoutMessage != null) {
            process.describeExit(10);
            String dump = threadDump;
            reason = timeoutMessage + (dump == null ? " (it sent no thread dump)" : " Its threads:\n" + dump);
        } else if (e instanceof IOException) {
            reason = exitHeldUp || !endsWithin(EXIT_GRACE)
                    ? ("junit-xdist worker %s began to exit but was still running %d s later, held up by a shutdown "
                            + "hook or a thread that does not end; it was killed (%s). %s").formatted(process.name(),
                            EXIT_GRACE.toSeconds(), process.describeExit(10), process.outputTail())
                    : "junit-xdist worker %s died (%s). %s"
                            .formatted(process.name(), process.describeExit(10), process.outputTail());
        } else {
            process.kill();
            reason = "junit-xdist stopped worker %s after an error relaying its events: %s".formatted(process.name(), e);
        }
        UnitRelay current = relay;
        WorkUnit lostUnit = unit;
        relay = null;
        unit = null;
        boolean resumable = current != null && current.workerLost(new WorkerLostException(reason));
        if (events != null) {
            events().workerLost(this, lostUnit, resumable, reason);
        } // else a worker started ahead died before any run took it: the pool leaves it out
    }
}
