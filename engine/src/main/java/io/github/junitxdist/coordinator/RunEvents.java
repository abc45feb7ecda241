package io.github.junitxdist.coordinator;

import io.github.junitxdist.coordinator.CoordinatorEvent.Connected;
import io.github.junitxdist.coordinator.CoordinatorEvent.Exited;
import io.github.junitxdist.coordinator.CoordinatorEvent.UnitFinished;
import io.github.junitxdist.coordinator.CoordinatorEvent.WarmedUp;
import io.github.junitxdist.coordinator.CoordinatorEvent.WorkerLost;
import io.github.junitxdist.process.WorkerEvents;
import io.github.junitxdist.process.WorkerHandle;
import io.github.junitxdist.process.WorkerJob;
import io.github.junitxdist.process.WorkerLink;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.relay.RelayListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's queue, and what its run's workers tell it: every report becomes a {@link CoordinatorEvent} on the
 * queue, which the coordinator thread alone takes from.
 *
 * <p>Thread-safe: workers' reading threads, the pool's acceptor thread and process exit watchers call it.
 */
final class RunEvents implements WorkerEvents {

    private final BlockingQueue<CoordinatorEvent> queue = new LinkedBlockingQueue<>();
    private final RelayListener listener;
    private final Cancellation cancellation;

    RunEvents(RelayListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** The next event, waiting for it up to the given time; null if none came. */
    @Nullable
    CoordinatorEvent next(Duration wait) throws InterruptedException {
        return queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Reports the end of the worker's process to the queue when it comes. */
    void watchExit(WorkerHandle worker) {
        var unused = worker.process().onExit().thenRun(() -> queue.add(new Exited(worker))); // an add cannot fail
    }

    @Override
    public void connected(WorkerHandle worker, WorkerLink link) {
        queue.add(new Connected(worker, link));
    }

    @Override
    public void unitFinished(WorkerHandle worker, WorkerJob job, long nanos) {
        queue.add(new UnitFinished(worker, (UnitJob) job, nanos)); // a run's workers run only its own jobs
    }

    @Override
    public void workerLost(WorkerHandle worker, @Nullable WorkerJob job, boolean resumable, String reason) {
        queue.add(new WorkerLost(worker, (UnitJob) job, resumable, reason));
    }

    @Override
    public void warmedUp(WorkerHandle worker) {
        queue.add(new WarmedUp(worker));
    }

    @Override
    public boolean cancelRequested() {
        return cancellation.reason().isPresent();
    }

    @Override
    public void output(Message.Output output) {
        listener.output(output.stderr(), output.bytes());
    }
}
