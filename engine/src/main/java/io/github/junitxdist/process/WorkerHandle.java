package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Message.ToParent;
import io.github.junitxdist.protocol.Message.ToWorker;
import io.github.junitxdist.protocol.Message.UnitDone;
import java.io.IOException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One worker as a run sees it: its process, its connection, and where it stands, as one state machine.
 *
 * <pre>
 *   STARTING         --connected(link)--&gt;   CONNECTED --init(Init)--&gt; IDLE --run(unit, job)--&gt; RUNNING
 *   RUNNING          --UnitDone--&gt;          IDLE
 *   any but LOST     --release(), stop()--&gt; RELEASED --bind(next run)--&gt; CONNECTED
 *   any but RELEASED --connection ends--&gt;  LOST (final; reported to the run, with the job the worker ran)
 *   RELEASED         --connection ends--&gt;  LOST (not reported: the end of a released worker is no loss)
 * </pre>
 *
 * <p>The worker's messages are read on a thread of its own (see {@link WorkerLink#startReading}), which relays the
 * running unit's events through its {@link WorkerJob} there, so that all events and output of a unit reach the listener
 * from one thread, and tells the run that a unit ended or that the worker was lost through {@link WorkerEvents}. The
 * coordinator thread makes every other transition. State and job change together under the handle's lock; no call out
 * of the handle (to the job, the run, the connection or the process) is made while holding it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerHandle {

    /** How long a started worker may take to connect before it is killed and counted as failed to start. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    /** How long a worker asked for a thread dump after a timeout has to send it before it is killed anyway. */
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How long a worker that began to exit (it said so, or its connection closed) may take to be gone before it is
     * killed: a shutdown hook or a non-daemon thread of a test can hold a JVM's exit up forever.
     */
    public static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final WorkerProcess process;
    private final WorkerLimits limits = new WorkerLimits();
    private final ReceivedMessages receiving = new ReceivedMessages(this);
    private final StartClock startClock = new StartClock();
    private WorkerState state = WorkerState.STARTING;
    private @Nullable WorkerJob job;
    private @Nullable WorkerLink link;
    private volatile @Nullable WorkerEvents events;
    /** Reading thread only: when the worker reported the first event of its current unit; 0 before. */
    private long unitStartedAt;
    /** Written by the reading thread only: whether the worker has reported an event of a unit, ever. */
    private volatile boolean warm;
    /** Whether the end of the connection was handled to the end: reported to the run, or no loss to report. */
    private volatile boolean endHandled;
    /** The job the worker ran when its connection ended, kept until the end is handled. */
    private @Nullable WorkerJob endedWith;

    public WorkerHandle(WorkerProcess process) {
        this.process = process;
    }

    public int index() {
        return process.index();
    }

    public String name() {
        return process.name();
    }

    public WorkerProcess process() {
        return process;
    }

    public synchronized WorkerState state() {
        return state;
    }

    /** What starting this worker cost, in milliseconds, once it is {@linkplain #isWarm() warm} (see StartClock). */
    public long startMillis() {
        return startClock.millis();
    }

    /** Whether it has run part of a unit yet: starting a JVM and its first unit are what costs. */
    public boolean isWarm() {
        return warm;
    }

    /** Whether a run can give it work: connected, running nothing, its process alive. */
    public boolean isUsable() {
        WorkerState now = state();
        return (now == WorkerState.CONNECTED || now == WorkerState.IDLE || now == WorkerState.RELEASED)
                && process.isAlive();
    }

    /** Binds the worker to a run (a pooled one to each run that takes it), or to none. */
    public void bind(@Nullable WorkerEvents run) {
        synchronized (this) {
            if (state == WorkerState.RELEASED && link != null) {
                state = WorkerState.CONNECTED;
            }
        }
        this.events = run;
    }

    /** The worker connected: starts reading its messages. */
    public void connected(WorkerLink connection) {
        synchronized (this) {
            if (state != WorkerState.STARTING) {
                throw new IllegalStateException(name() + " is " + state + ", it cannot connect");
            }
            state = WorkerState.CONNECTED;
            link = connection;
        }
        startClock.connected(process.ageNanos());
        connection.startReading(this);
    }

    /**
     * Sends the run's {@code Init}: the worker is ready for the run's units then.
     *
     * @return false, sending nothing, when the worker was lost meanwhile
     */
    public boolean init(Message.Init init) {
        synchronized (this) {
            if (state == WorkerState.LOST) {
                return false;
            }
            transition(WorkerState.CONNECTED, WorkerState.IDLE, null);
        }
        send(init);
        return true;
    }

    /**
     * Sends the worker a unit to run; its events go to {@code unitJob}.
     *
     * @return false, sending nothing, when the worker was lost meanwhile (its loss is on its way to the run)
     */
    public boolean run(RunUnit request, WorkerJob unitJob) {
        synchronized (this) {
            if (state == WorkerState.LOST) {
                return false;
            }
            transition(WorkerState.IDLE, WorkerState.RUNNING, unitJob);
        }
        startClock.handedUnit();
        send(request);
        return true;
    }

    /** Gives the worker up: it is no longer this run's, and its end is no loss. */
    public synchronized void release() {
        if (state != WorkerState.LOST) {
            state = WorkerState.RELEASED;
            job = null;
        }
    }

    /** Releases the worker and kills its process. */
    public void stop() {
        release();
        process.kill();
    }

    /** Closes the connection, if there is one. */
    public void closeConnection() {
        WorkerLink current = currentWorkerLink();
        if (current != null) {
            current.close();
        }
    }

    /** Sends a message to the connected worker; should the worker be gone, its reading thread reports that. */
    public void send(ToWorker message) {
        WorkerLink current = currentWorkerLink();
        try {
            if (current != null) {
                current.send(message);
            }
        } catch (IOException e) {
            // the reading thread sees the connection end and reports the loss
        }
    }

    /**
     * Enforces the time limits, on the coordinator thread: kills a worker that has not connected in time, and one that
     * began to exit but is still there {@link #EXIT_GRACE} later; asks a worker whose test outlived the timeout for its
     * threads, and kills it when they do not come in time. The reading thread then reports the loss, with the dump;
     * should that thread have died without reporting it, the loss is reported from here.
     *
     * @param now a {@link System#nanoTime()}
     * @param testTimeout {@code xdist.timeout}, if set
     */
    public void enforceTimeLimits(long now, @Nullable Duration testTimeout) {
        handleEndIfReadingDied();
        if (state() == WorkerState.STARTING && process.ageNanos() > CONNECT_TIMEOUT.toNanos()) {
            process.kill();
        }
        WorkerJob current = currentJob();
        limits.enforce(this, now, current == null ? 0 : current.innermostSince(), testTimeout, DUMP_TIMEOUT);
    }

    /** Handles one message of the worker; called by the {@link WorkerLink}'s reading thread. */
    public void received(ToParent message) {
        message.accept(receiving);
        if (message instanceof Finished finished && finished.status() == Message.Status.FAILED) {
            // The worker holds the failing test's thread until it hears whether that failure cancelled the run.
            WorkerEvents run = events;
            send(new Message.Verdict(run != null && run.cancelRequested()));
        }
    }

    /**
     * The connection ended (or relaying failed); called by the {@link WorkerLink}'s reading thread, last, or by the
     * coordinator thread when that thread died before it was done with this (see {@link #enforceTimeLimits}).
     */
    public void connectionEnded(Throwable cause) {
        WorkerJob lostJob;
        synchronized (this) {
            boolean released = state == WorkerState.RELEASED;
            lostJob = job != null ? job : endedWith;
            endedWith = lostJob;
            state = WorkerState.LOST;
            job = null;
            if (released) {
                endHandled = true;
                return;
            }
        }
        String reason = limits.lossReason(process, cause);
        boolean resumable = lostJob != null && lostJob.lost(reason);
        WorkerEvents run = events;
        if (run != null) {
            run.workerLost(this, lostJob, resumable, reason);
        } // else a worker started ahead died before any run took it: the pool leaves it out
        endHandled = true;
    }

    /**
     * The thread reading the worker's messages is gone without having handled the end of the connection: an error
     * (an {@link OutOfMemoryError}, a class that could not be loaded) hit it while it did. Nothing else would tell the
     * run that the worker's unit ended, so the coordinator thread handles the end itself.
     */
    private void handleEndIfReadingDied() {
        WorkerLink current = currentWorkerLink();
        if (current == null || current.reading() || endHandled) {
            return;
        }
        process.kill();
        connectionEnded(new IllegalStateException("the thread relaying worker " + name() + "'s events died"));
    }

    /** The worker finished its unit: back to idle, and the run hears of it. Reading thread only. */
    void unitDone(UnitDone done) {
        WorkerJob finished;
        synchronized (this) {
            finished = job;
            if (state != WorkerState.RUNNING || finished == null) {
                return; // a unit the run gave up on already
            }
            state = WorkerState.IDLE;
            job = null;
        }
        long nanos = unitStartedAt == 0 ? 0 : System.nanoTime() - unitStartedAt;
        unitStartedAt = 0;
        finished.done(done, name());
        WorkerEvents run = events;
        if (run != null) {
            run.unitFinished(this, finished, nanos);
        }
    }

    /**
     * Relays an event or output of the running unit; output outside a unit goes to the run as it is, events outside a
     * unit have no test to go to (a worker sends none). Reading thread only.
     */
    void relay(ToParent message) {
        WorkerJob current = currentJob();
        WorkerEvents run = events;
        if (current == null) {
            if (message instanceof Message.Output output && run != null) {
                run.output(output);
            }
            return;
        }
        if (unitStartedAt == 0) {
            unitStartedAt = System.nanoTime();
            if (!warm) {
                startClock.firstEvent();
                warm = true;
                if (run != null) {
                    run.warmedUp(this);
                }
            }
        }
        current.relay(message);
    }

    WorkerLimits limits() {
        return limits;
    }

    private synchronized @Nullable WorkerJob currentJob() {
        return job;
    }

    private synchronized @Nullable WorkerLink currentWorkerLink() {
        return link;
    }

    private synchronized void transition(WorkerState from, WorkerState to, @Nullable WorkerJob next) {
        if (state != from) {
            throw new IllegalStateException("%s is %s, not %s".formatted(name(), state, from));
        }
        state = to;
        job = next;
    }

    @Override
    public String toString() {
        return name() + " " + state();
    }
}
